// "data.gouv.fr: Restore Reuse": undoes a deletion (`PUT {"deleted": null}`); open
// editors of the reuse reload and become editable again.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import type { ReuseChanges } from '../documents/reuseChanges';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { resolveReuseTarget } from './reuseTarget';

export function registerRestoreReuseCommand(session: AuthSession, changes: ReuseChanges, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.restoreReuse', async (argument?: unknown) => {
    const target = await resolveReuseTarget(argument, session, vscode.l10n.t('Restore Reuse'));
    if (!target) return;
    try {
      const reuse = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring the reuse…') },
        () => session.client.updateReuse(target.id, { deleted: null }),
      );
      changes.changed(reuse.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is restored.', reuse.title ?? reuse.id));
    } catch (error) {
      await reportError(log, `Restore reuse ${target.id}`, error);
    }
  });
}
