// One place that hears "this reuse changed on data.gouv.fr" (a save, a restore, a
// deletion, a toggle, a dataset added): open editors of it reload, and listeners (the
// sidebar) refresh.
import * as vscode from 'vscode';
import type { DatagouvFileSystem } from './fs/datagouvFileSystem';
import { DOCUMENT_SCHEME } from './documentUris';

export class ReuseChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string | undefined>();
  /** Fires with the id of the reuse that changed (undefined: a new one, or several). */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly files: DatagouvFileSystem) {
    this.subscription = files.onDidSave(({ uri }) => {
      if (uri.scheme === DOCUMENT_SCHEME && uri.path.startsWith('/reuses/')) this.emitter.fire(uri.path.split('/')[2]);
    });
  }

  /** Says that a reuse changed outside its editor: its open documents reload. */
  changed(id?: string): void {
    if (id) void this.files.refreshKey(id);
    this.emitter.fire(id);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
