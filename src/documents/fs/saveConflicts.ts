// When both the user and data.gouv.fr changed the same fields, the save sends nothing
// and this offers the three ways on: Compare (a diff editor, data.gouv.fr now ↔ your
// text), Overwrite (after a modal confirmation naming the fields) and Discard Mine.
import * as vscode from 'vscode';
import type { DatagouvFileSystem, SaveConflict } from './datagouvFileSystem';

/** Read-only documents with data.gouv.fr's version: the left side of Compare. */
export const SERVER_VERSION_SCHEME = 'datagouv-server';

export class SaveConflicts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #texts = new Map<string, string>();
  #shown = 0;

  /** The file system calls this when a save is refused for a conflict. */
  readonly handle = (conflict: SaveConflict, files: DatagouvFileSystem): void => {
    void this.#offer(conflict, files);
  };

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.#texts.get(uri.toString()) ?? '';
  }

  async #offer(conflict: SaveConflict, files: DatagouvFileSystem): Promise<void> {
    const compare = vscode.l10n.t('Compare');
    const overwrite = vscode.l10n.t('Overwrite');
    const discard = vscode.l10n.t('Discard Mine');
    const fields = conflict.conflicts.join(', ');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('“{0}” was changed on data.gouv.fr while you edited it ({1}). Nothing was sent.', conflict.name, fields),
      compare,
      overwrite,
      discard,
    );
    if (choice === compare) {
      await this.#compare(conflict);
      // The choice stays open next to the diff.
      await this.#offer(conflict, files);
    } else if (choice === overwrite) {
      const confirmed = await vscode.window.showWarningMessage(
        vscode.l10n.t('Overwrite {0} on data.gouv.fr with your values?', fields),
        {
          modal: true,
          detail: vscode.l10n.t(
            'What was changed there since you opened the document is replaced by your text for these fields. Other fields changed there are kept.',
          ),
        },
        overwrite,
      );
      if (confirmed === overwrite) await files.overwrite(conflict.uri);
    } else if (choice === discard) {
      await files.discardMine(conflict.uri);
    }
  }

  async #compare(conflict: SaveConflict): Promise<void> {
    const left = vscode.Uri.from({ scheme: SERVER_VERSION_SCHEME, path: conflict.uri.path, query: String(++this.#shown) });
    this.#texts.set(left.toString(), conflict.theirsText);
    await vscode.commands.executeCommand('vscode.diff', left, conflict.uri, vscode.l10n.t('{0}: data.gouv.fr now ↔ yours', conflict.name), { preview: false });
  }

  dispose(): void {
    this.#texts.clear();
  }
}
