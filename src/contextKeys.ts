// Every context key the extension sets, in one place: `when` clauses of package.json
// may name only these (test/unit/commands/registry.test.ts checks it).
import * as vscode from 'vscode';

export const CONTEXT_KEYS = {
  /** A key is stored for the configured API. */
  signedIn: 'datagouv.signedIn',
  /** The signed-in user is a platform administrator (`roles` has `admin`). */
  isAdmin: 'datagouv.isAdmin',
  /** Activation knows whether a key is stored: the signed-out welcome may show. */
  sidebarReady: 'datagouv.sidebarReady',
  reusesEmpty: 'datagouv.reusesEmpty',
  datasetsEmpty: 'datagouv.datasetsEmpty',
  discussionsEmpty: 'datagouv.discussionsEmpty',
  /** The active editor shows a reuse the user may edit (not deleted). */
  activeReuseEditable: 'datagouv.activeReuse.editable',
  activeReuseArchived: 'datagouv.activeReuse.archived',
  activeReusePrivate: 'datagouv.activeReuse.private',
  activeReuseDeleted: 'datagouv.activeReuse.deleted',
  /** The active editor shows a dataset the user may edit (not deleted). */
  activeDatasetEditable: 'datagouv.activeDataset.editable',
  activeDatasetArchived: 'datagouv.activeDataset.archived',
  activeDatasetPrivate: 'datagouv.activeDataset.private',
  activeDatasetDeleted: 'datagouv.activeDataset.deleted',
} as const;

export type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

export function setContext(key: ContextKey, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}
