// Turns any failure into a sentence a user understands, and offers the actions that
// fix it (set the key again, open the setting, show the log).
import * as vscode from 'vscode';
import { ApiUrlError } from '../api/apiUrl';
import { describeApiError } from './errorMessages';
import { ApiError } from '../api/errors';
import { remediesFor, remedyAction, type Remedy } from './errorRemedies';
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

/** Shows the failure with the actions that fix it (util/errorRemedies.ts); logs it too. */
export async function reportError(log: Log, context: string, error: unknown): Promise<void> {
  log.error(context, error);
  await offerRemedies(describeError(error), remediesFor(error));
}

/** An error notification whose buttons run the remedies. */
export async function offerRemedies(message: string, remedies: Remedy[]): Promise<void> {
  const actions = remedies.map((remedy) => remedyAction(remedy, vscode.l10n));
  const choice = await vscode.window.showErrorMessage(message, ...actions.map((action) => action.title));
  const picked = actions.find((action) => action.title === choice);
  if (picked) await vscode.commands.executeCommand(picked.command, ...(picked.arguments ?? []));
}
