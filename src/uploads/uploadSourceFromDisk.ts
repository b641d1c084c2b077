// Files of the local disk streamed for upload (Node's fs, in 1 MiB reads): the
// extension host's memory stays flat whatever the size. Imported by the Node entry
// point only; other files go through the workspace file system (uploadSource.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { UploadSource } from '../api/multipart';
import { fileName, uploadSourceFromWorkspace } from './uploadSource';

const READ_SIZE = 1024 * 1024;

export async function uploadSourceFromDisk(uri: vscode.Uri): Promise<UploadSource> {
  if (uri.scheme !== 'file') return uploadSourceFromWorkspace(uri);
  const path = uri.fsPath;
  const info = await stat(path);
  if (!info.isFile()) throw new Error(vscode.l10n.t('“{0}” is a folder, not a file: pick files to upload.', fileName(uri)));
  return {
    name: fileName(uri),
    size: info.size,
    chunks: () => createReadStream(path, { highWaterMark: READ_SIZE }) as AsyncIterable<Uint8Array>,
  };
}
