// Files of the local disk streamed for upload (fileStream.ts): the extension host's
// memory stays flat whatever the size. Imported by the Node entry point only; other
// files go through the workspace file system (uploadSource.ts).
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { UploadSource } from '../api/multipart';
import { streamFile } from './fileStream';
import { fileName, uploadSourceFromWorkspace } from './uploadSource';

export async function uploadSourceFromDisk(uri: vscode.Uri): Promise<UploadSource> {
  if (uri.scheme !== 'file') return uploadSourceFromWorkspace(uri);
  const info = await stat(uri.fsPath);
  if (!info.isFile()) throw new Error(vscode.l10n.t('“{0}” is a folder, not a file: pick files to upload.', fileName(uri)));
  return streamFile(uri.fsPath, fileName(uri), info.size);
}
