// The entry point of the Node extension host (package.json `main`): desktop VS Code,
// code-server, remote hosts. Local files are streamed from disk and uploads go by
// node:http, whose memory stays flat whatever the file's size (bench/upload.ts).
import type * as vscode from 'vscode';
import { activateExtension } from './activation';
import { nodeUploadTransport } from './api/nodeUploadTransport';
import { uploadSourceFromDisk } from './uploads/uploadSourceFromDisk';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateExtension(context, { kind: 'node', uploadTransport: nodeUploadTransport, openUpload: uploadSourceFromDisk });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
