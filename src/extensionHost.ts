// What differs between VS Code's two extension hosts. The Node one (desktop VS Code,
// code-server, remote) reads local files and sends uploads with node:http; the web
// worker one (VS Code for the Web: vscode.dev, github.dev, code-server's browser host)
// has only fetch and the workspace file system, and its requests are cross-origin.
// Each entry point (extension.ts, extension.web.ts) passes its own to activateExtension.
import type * as vscode from 'vscode';
import type { UploadTransport } from './api/client';
import type { UploadSource } from './api/multipart';

export interface ExtensionHost {
  readonly kind: 'node' | 'web';
  /** How an upload's body is sent; fetch when absent. */
  readonly uploadTransport?: UploadTransport;
  /** A file picked or dropped, as an upload's body. */
  readonly openUpload: (uri: vscode.Uri) => Promise<UploadSource>;
}
