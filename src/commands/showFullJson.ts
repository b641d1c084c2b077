// "data.gouv.fr: Show Full JSON": the reuse as the API returns it, read-only.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { fullJsonUri } from '../documents/documentUris';
import { resolveReuseTarget } from './reuseTarget';

export function registerShowFullJsonCommand(session: AuthSession): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.showFullJson', async (argument?: unknown) => {
    const target = await resolveReuseTarget(argument, session, vscode.l10n.t('Show Full JSON'));
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(fullJsonUri(target.id, target.slug));
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  });
}
