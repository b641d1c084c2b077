// The dialogs the commands share, written once: a task behind a progress notification,
// a message with its buttons, a document opened in a tab of its own, and a modal
// confirmation of an action that cannot be taken back lightly.
import * as vscode from 'vscode';

/** Runs `task` behind a notification that says what is going on (not cancellable). */
export function withNotification<T>(title: string, task: () => Thenable<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** An information message (not modal) with `items` as its buttons; resolves the one chosen, if any. */
export function inform<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(message, ...items);
}

/** Opens the document in a tab of its own (not a preview the next document replaces). */
export async function openDocument(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** A modal warning with one action button; true when the user chose that action. */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

/**
 * Delete Dataset, Delete Reuse, Delete Resource: the modal question, then the deletion
 * behind a notification. False when the user did not confirm (nothing was sent).
 */
export async function confirmAndDelete(question: string, detail: string, progress: string, remove: () => Promise<unknown>): Promise<boolean> {
  if (!(await confirm(question, detail, vscode.l10n.t('Delete')))) return false;
  await withNotification(progress, remove);
  return true;
}

/** "“name” is deleted." with a button that runs the command restoring it (Restore Dataset, Restore Reuse). */
export async function offerRestore(name: string, restoreLabel: string, restore: () => Thenable<unknown>): Promise<void> {
  const choice = await inform(vscode.l10n.t('“{0}” is deleted.', name), restoreLabel);
  if (choice === restoreLabel) await restore();
}
