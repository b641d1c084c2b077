// Turns any failure into a sentence a user understands, and offers the one action
// that fixes it (set the key again, open the setting, show the log).
import * as vscode from 'vscode';
import { ApiUrlError } from '../api/apiUrl';
import { describeApiError } from '../api/errorMessages';
import { ApiError } from '../api/errors';
import type { Log } from './log';

export function describeApiUrlError(error: ApiUrlError): string {
  switch (error.message) {
    case 'http-not-loopback':
      return vscode.l10n.t(
        'The setting datagouv.apiUrl ({0}) uses http:// on a host other than this computer. Use https:// so that your API key is never sent in clear.',
        error.value,
      );
    case 'bad-scheme':
      return vscode.l10n.t('The setting datagouv.apiUrl ({0}) must start with https://.', error.value);
    case 'credentials':
      return vscode.l10n.t('The setting datagouv.apiUrl must not contain a user name or password.');
    default:
      return vscode.l10n.t('The setting datagouv.apiUrl ({0}) is not a valid URL.', error.value);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return describeApiError(error, vscode.l10n);
  if (error instanceof ApiUrlError) return describeApiUrlError(error);
  if (error instanceof Error && error.message) return error.message;
  return vscode.l10n.t('Something went wrong: {0}', String(error));
}

/** Shows the failure with the action that fixes it; logs it too. */
export async function reportError(log: Log, context: string, error: unknown): Promise<void> {
  log.error(context, error);
  const message = describeError(error);
  const setKey = vscode.l10n.t('Set API Key');
  const openSettings = vscode.l10n.t('Open Settings');
  const showLog = vscode.l10n.t('Show Log');
  const actions =
    error instanceof ApiError && error.kind === 'unauthorized'
      ? [setKey]
      : error instanceof ApiUrlError || (error instanceof ApiError && error.kind === 'redirect')
        ? [openSettings]
        : [showLog];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === setKey) await vscode.commands.executeCommand('datagouv.setApiKey');
  else if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', 'datagouv.apiUrl');
  else if (choice === showLog) log.show();
}
