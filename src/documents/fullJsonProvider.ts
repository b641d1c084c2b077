// "Show Full JSON": the whole API answer for a reuse, read-only, for reference. A
// TextDocumentContentProvider, so VS Code opens it read-only by construction.
import * as vscode from 'vscode';
import type { ReuseService } from '../services/reuseService';
import { describeError } from '../util/errorReporting';
import { reuseIdOf } from './documentUris';

export class FullJsonProvider implements vscode.TextDocumentContentProvider {
  readonly #reuses: ReuseService;

  constructor(reuses: ReuseService) {
    this.#reuses = reuses;
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const id = reuseIdOf(uri);
    if (!id) return '';
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const reuse = await this.#reuses.full(id, controller.signal);
      return JSON.stringify(reuse, null, 2) + '\n';
    } catch (error) {
      // The document shows why it is empty rather than failing silently.
      return JSON.stringify({ error: describeError(error) }, null, 2) + '\n';
    }
  }
}
