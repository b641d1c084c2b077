// Where the bytes of an upload come from. A file of the local disk is read as a stream
// (uploadSourceFromDisk.ts, Node only): a 1 GB file never sits in memory. Any other
// workspace file (a remote or virtual file system, VS Code for the Web) is read whole
// through `vscode.workspace.fs`, the only way there is to read it.
import * as vscode from 'vscode';
import type { UploadSource } from '../api/multipart';

/** Opens a file for upload; the extension's entry point gives the best one it has. */
export type OpenUploadSource = (uri: vscode.Uri) => Promise<UploadSource>;

export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || 'file';
}

export async function uploadSourceFromWorkspace(uri: vscode.Uri): Promise<UploadSource> {
  const stat = await vscode.workspace.fs.stat(uri);
  return {
    name: fileName(uri),
    size: stat.size,
    async *chunks() {
      yield await vscode.workspace.fs.readFile(uri);
    },
  };
}
