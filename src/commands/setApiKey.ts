// "data.gouv.fr: Set API Key": a password box whose prompt says where to get a key
// (with a button that opens that page); the key is checked with GET /me/ before it
// is stored, and a refused key keeps the box open with the server's reason.
import * as vscode from 'vscode';
import { profilePageUrl } from '../api/apiUrl';
import { ApiError } from '../api/errors';
import type { AuthSession } from '../auth/session';
import { personName } from '../tree/format';
import { describeError, reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { defineCommand } from './registry';
import { inform } from './dialogs';

const l10n = vscode.l10n;

export const setApiKeyCommand = defineCommand({
  id: 'datagouv.setApiKey',
  name: 'Set API Key',
  run: ({ session, log }) => setApiKey(session, log),
});

async function setApiKey(session: AuthSession, log: Log): Promise<boolean> {
  let client;
  try {
    client = session.client;
  } catch (error) {
    await reportError(log, 'Set API Key', error);
    return false;
  }
  const profileUrl = profilePageUrl(client.baseUrl);
  const openProfile: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('link-external'),
    tooltip: l10n.t('Open {0} to create or copy a key', profileUrl),
  };
  const input = vscode.window.createInputBox();
  input.title = l10n.t('data.gouv.fr API Key ({0})', client.baseUrl.host);
  input.password = true;
  input.ignoreFocusOut = true;
  input.placeholder = l10n.t('Paste your API key');
  input.prompt = l10n.t('Create or copy a key on your profile page: {0} (button above)', profileUrl);
  input.buttons = [openProfile];

  return new Promise<boolean>((resolve) => {
    let settled = false;
    let pending: AbortController | undefined;
    const finish = (value: boolean) => {
      if (settled) return;
      settled = true;
      pending?.abort();
      disposables.forEach((d) => d.dispose());
      input.dispose();
      resolve(value);
    };
    const disposables = [
      input.onDidTriggerButton(() => void vscode.env.openExternal(vscode.Uri.parse(profileUrl))),
      input.onDidChangeValue(() => (input.validationMessage = undefined)),
      input.onDidHide(() => finish(false)),
      input.onDidAccept(async () => {
        const key = input.value.trim();
        if (!key) {
          input.validationMessage = l10n.t('Paste a key first.');
          return;
        }
        if (input.busy) return;
        input.busy = true;
        input.enabled = false;
        pending = new AbortController();
        try {
          const me = await session.signIn(key, pending.signal);
          const name = personName(me) || me.slug || me.id;
          finish(true);
          void inform(l10n.t('Signed in as {0}', name));
        } catch (error) {
          if (settled) return;
          input.busy = false;
          input.enabled = true;
          input.validationMessage =
            error instanceof ApiError && error.kind === 'unauthorized'
              ? error.serverMessage
                ? l10n.t('data.gouv.fr refused this key: {0}. Check that you copied the whole key, for {1}.', error.serverMessage, client.baseUrl.host)
                : l10n.t('data.gouv.fr refused this key. Check that you copied the whole key, for {0}.', client.baseUrl.host)
              : describeError(error);
          log.warn(`Sign-in refused: ${error instanceof ApiError ? error.kind : 'error'}`);
        }
      }),
    ];
    input.show();
  });
}
