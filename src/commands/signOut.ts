// "data.gouv.fr: Sign Out": forgets the key of the configured API origin (keys of
// other origins stay).
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';

export function registerSignOutCommand(session: AuthSession, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.signOut', async () => {
    try {
      await session.signOut();
      void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of data.gouv.fr. Your API key was removed from this computer.'));
    } catch (error) {
      await reportError(log, 'Sign Out', error);
    }
  });
}
