// A save slower than a couple of seconds gets a notification with a Cancel button
// until it ends; Cancel aborts the request, and the save fails with "cancelled", the
// text kept in the editor.
import * as vscode from 'vscode';

const SLOW_SAVE_MS = 2_000;

export function withSlowSaveNotice<T>(saving: Promise<T>, abort: AbortController): Promise<T> {
  let settled = false;
  const done = saving.finally(() => (settled = true));
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('data.gouv.fr is slow to answer; still saving…'), cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        return done.catch(() => undefined);
      },
    );
  }, SLOW_SAVE_MS);
  return done.finally(() => clearTimeout(timer));
}
