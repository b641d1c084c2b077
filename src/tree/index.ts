// The sidebar: the Reuses and Organization Datasets views and their commands
// (Refresh, Open in Browser, Copy ID / Copy Link, Sort). Both views reload on their
// own when the session changes (sign-in, sign-out, another key, datagouv.apiUrl).
// Other parts refresh them through the returned Sidebar, e.g. the reuse editor after
// a save: `sidebar.refresh('datagouv.reuses')` (or the command
// `datagouv.refresh` with the argument 'datagouv.reuses').
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { registerCopyCommands } from '../commands/copyToClipboard';
import { registerOpenInBrowserCommand } from '../commands/openInBrowser';
import { registerRefreshCommand } from '../commands/refresh';
import { registerSortDatasetsCommand } from '../commands/sortDatasets';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { DATASETS_VIEW, REUSES_VIEW, type NodeContext, type TreeNode, type ViewId } from './nodes';
import { DatasetsTreeProvider, ReusesTreeProvider } from './providers';
import { datasetSortShortLabel, type DatasetSort } from './sorting';

export { DATASETS_VIEW, REUSES_VIEW, type ViewId } from './nodes';
export { DatasetsTreeProvider, ReusesTreeProvider } from './providers';

export const SIDEBAR_READY_CONTEXT = 'datagouv.sidebarReady';

export interface Sidebar extends vscode.Disposable {
  readonly reuses: ReusesTreeProvider;
  readonly datasets: DatasetsTreeProvider;
  /** Reloads one view, or both. */
  refresh(view?: ViewId): void;
}

/**
 * Registers both views and the sidebar's commands. `state` keeps the user's choice of
 * order for the datasets (pass context.globalState).
 */
export function registerSidebar(session: AuthSession, log: Log, state: vscode.Memento): Sidebar {
  const ctx: NodeContext = { l10n: vscode.l10n, locale: vscode.env.language, describeError };
  const reuses = new ReusesTreeProvider(session, ctx, log);
  const datasets = new DatasetsTreeProvider(session, ctx, log, state);
  const reusesView = vscode.window.createTreeView<TreeNode>(REUSES_VIEW, { treeDataProvider: reuses, showCollapseAll: true });
  const datasetsView = vscode.window.createTreeView<TreeNode>(DATASETS_VIEW, { treeDataProvider: datasets, showCollapseAll: true });
  const describeSort = (sort: DatasetSort) => (datasetsView.description = datasetSortShortLabel(sort, vscode.l10n));
  describeSort(datasets.sort);
  // The signed-out welcome waits for this: before activation knows the stored key, a
  // signed-in user would otherwise see "Set API Key" for a moment.
  void vscode.commands.executeCommand('setContext', SIDEBAR_READY_CONTEXT, true);

  const refresh = (view?: ViewId) => {
    if (view !== DATASETS_VIEW) reuses.refresh();
    if (view !== REUSES_VIEW) datasets.refresh();
  };
  const sortable = {
    get sort() {
      return datasets.sort;
    },
    async setSort(sort: DatasetSort) {
      describeSort(sort);
      await datasets.setSort(sort);
    },
  };
  const disposables: vscode.Disposable[] = [
    reuses,
    datasets,
    reusesView,
    datasetsView,
    session.onDidChange(() => refresh()),
    registerRefreshCommand({ refresh }),
    registerOpenInBrowserCommand(session, log),
    registerCopyCommands(session),
    registerSortDatasetsCommand(sortable),
  ];
  return {
    reuses,
    datasets,
    refresh,
    dispose: () => disposables.forEach((disposable) => disposable.dispose()),
  };
}
