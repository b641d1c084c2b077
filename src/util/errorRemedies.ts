// What a user can do about a failure, decided once for every place that reports one:
// the tree's error nodes, notifications and failed saves. Pure code.
import { ApiUrlError } from '../api/apiUrl';
import { ApiError } from '../api/errors';
import type { Translator } from './translator';

export type Remedy = 'setApiKey' | 'openSettings' | 'retry' | 'showLog';

/** The remedies of a failure, most useful first; `retry` only where the caller can retry. */
export function remediesFor(error: unknown, options: { retry?: boolean } = {}): Remedy[] {
  const unauthorized = error instanceof ApiError && error.kind === 'unauthorized';
  // From a browser, an unreachable server is as often a wrong address as no network.
  const badSetting =
    error instanceof ApiUrlError || (error instanceof ApiError && (error.kind === 'redirect' || (error.kind === 'offline' && !!error.details.inBrowser)));
  const remedies: Remedy[] = [];
  if (unauthorized) remedies.push('setApiKey');
  if (badSetting) remedies.push('openSettings');
  if (options.retry) remedies.push('retry');
  // A refused key is not a bug: the log would say nothing more.
  if (!unauthorized) remedies.push('showLog');
  return remedies;
}

export interface RemedyAction {
  title: string;
  icon: string;
  command: string;
  arguments?: unknown[];
}

/** The command behind a remedy; `retry` runs `retryCommand` (a view's Refresh). */
export function remedyAction(remedy: Remedy, l10n: Translator, retryCommand?: { command: string; arguments?: unknown[] }): RemedyAction {
  switch (remedy) {
    case 'setApiKey':
      return { title: l10n.t('Set API Key'), icon: 'key', command: 'datagouv.setApiKey' };
    case 'openSettings':
      return { title: l10n.t('Open Settings'), icon: 'gear', command: 'workbench.action.openSettings', arguments: ['datagouv.apiUrl'] };
    case 'retry':
      return { title: l10n.t('Retry'), icon: 'refresh', command: retryCommand?.command ?? 'datagouv.refresh', arguments: retryCommand?.arguments };
    case 'showLog':
      return { title: l10n.t('Show Log'), icon: 'output', command: 'datagouv.showLog' };
  }
}
