// Saving a data.gouv.fr document publishes it. With auto save on (the default of VS Code
// for the Web, code-server included), every pause in typing would publish a half-done
// edit. When such a document opens with auto save on, say so once and offer to turn
// auto save off for JSON documents (a language-specific user setting).
import * as vscode from 'vscode';
import { DOCUMENT_SCHEME } from './documentUris';

const DONT_ASK_KEY = 'datagouv.autoSaveNotice.dismissed';

export function registerAutoSaveNotice(state: vscode.Memento): vscode.Disposable {
  let toldThisSession = false;
  const check = async (document: vscode.TextDocument) => {
    if (document.uri.scheme !== DOCUMENT_SCHEME || toldThisSession || state.get<boolean>(DONT_ASK_KEY)) return;
    const autoSave = vscode.workspace.getConfiguration('files', document).get<string>('autoSave', 'off');
    if (autoSave === 'off') return;
    toldThisSession = true;
    const turnOff = vscode.l10n.t('Turn Off for JSON');
    const keep = vscode.l10n.t('Keep Auto Save');
    const never = vscode.l10n.t('Don’t Ask Again');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Auto save is on: each pause in typing would publish your changes to data.gouv.fr. Turn auto save off for JSON documents, and save with Ctrl+S when you are ready?',
      ),
      turnOff,
      keep,
      never,
    );
    if (choice === turnOff) {
      await vscode.workspace.getConfiguration('files', { languageId: document.languageId }).update('autoSave', 'off', vscode.ConfigurationTarget.Global, true);
    } else if (choice === never) {
      await state.update(DONT_ASK_KEY, true);
    }
  };
  vscode.workspace.textDocuments.forEach((document) => void check(document));
  return vscode.workspace.onDidOpenTextDocument((document) => void check(document));
}
