// "data.gouv.fr: Refresh": reloads the sidebar. From a view's title bar or the palette
// it reloads every view; the Retry node of a view passes that view's id. The reuse
// editor may run it after a save: executeCommand('datagouv.refresh', 'datagouv.reuses').
import * as vscode from 'vscode';
import { VIEWS, type ViewId } from '../tree/nodes';

export interface Refreshable {
  refresh(view?: ViewId): void;
}

export function registerRefreshCommand(sidebar: Refreshable): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.refresh', (view?: unknown) => {
    sidebar.refresh(typeof view === 'string' && (VIEWS as readonly string[]).includes(view) ? (view as ViewId) : undefined);
  });
}
