// The entry point of VS Code for the Web's web worker extension host (package.json
// `browser`): vscode.dev, github.dev, code-server in a browser. It reaches no Node API
// (scripts/build.mjs fails the build if one creeps in): files are read through the
// workspace file system and uploads go by fetch, which streams them.
import type * as vscode from 'vscode';
import { activateExtension } from './activation';
import { uploadSourceFromWorkspace } from './uploads/uploadSource';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateExtension(context, { kind: 'web', openUpload: uploadSourceFromWorkspace });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
