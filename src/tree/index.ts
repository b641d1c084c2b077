// The sidebar: the Reuses, Organization Datasets and Discussions views. The views
// reload on their own when the session changes (sign-in, sign-out, another key,
// datagouv.apiUrl); other parts refresh them through the returned Sidebar, e.g. after
// a save: `sidebar.refresh('datagouv.reuses')`. Their commands live in src/commands.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { CONTEXT_KEYS, setContext } from '../contextKeys';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { DATASETS_VIEW, DISCUSSIONS_VIEW, REUSES_VIEW, type ListNode, type NodeContext, type TreeNode, type ViewId } from './nodes';
import { DatasetsTreeProvider, DiscussionsTreeProvider, ReusesTreeProvider, type NodeTreeProvider } from './providers';
import { datasetSortShortLabel, type DatasetSort } from './sorting';
import { DatasetDropController } from './datasetDrop';

export { DATASETS_VIEW, DISCUSSIONS_VIEW, REUSES_VIEW, type ViewId } from './nodes';
export { DatasetsTreeProvider, DiscussionsTreeProvider, ReusesTreeProvider } from './providers';

export interface Sidebar extends vscode.Disposable {
  readonly reuses: ReusesTreeProvider;
  readonly datasets: DatasetsTreeProvider;
  readonly discussions: DiscussionsTreeProvider;
  /** Reloads one view, or all of them. */
  refresh(view?: ViewId): void;
  /** The order of the datasets in each organization (remembered). */
  readonly datasetSort: DatasetSort;
  setDatasetSort(sort: DatasetSort): Promise<void>;
  /** The next page of a dataset's Reuses or Community Resources (a "Load more" node). */
  loadMore(node: ListNode): Promise<void>;
}

/**
 * Registers the views and the sidebar's commands. `state` keeps the user's choice of
 * order for the datasets (pass context.globalState).
 */
export function registerSidebar(session: AuthSession, log: Log, state: vscode.Memento): Sidebar {
  const ctx: NodeContext = { l10n: vscode.l10n, locale: vscode.env.language, describeError };
  const reuses = new ReusesTreeProvider(session, ctx, log);
  const datasets = new DatasetsTreeProvider(session, ctx, log, state);
  const discussions = new DiscussionsTreeProvider(session, ctx, log);
  const providers: Record<ViewId, NodeTreeProvider<unknown>> = {
    [REUSES_VIEW]: reuses,
    [DATASETS_VIEW]: datasets,
    [DISCUSSIONS_VIEW]: discussions,
  };
  const createView = (id: ViewId) =>
    vscode.window.createTreeView<TreeNode>(id, {
      treeDataProvider: providers[id],
      showCollapseAll: true,
      // Files dropped on a dataset are uploaded to it.
      ...(id === DATASETS_VIEW ? { dragAndDropController: new DatasetDropController(), canSelectMany: false } : {}),
    });
  const datasetsView = createView(DATASETS_VIEW);
  const views = [createView(REUSES_VIEW), datasetsView, createView(DISCUSSIONS_VIEW)];
  const describeSort = (sort: DatasetSort) => (datasetsView.description = datasetSortShortLabel(sort, vscode.l10n));
  describeSort(datasets.sort);
  // The signed-out welcome waits for this: before activation knows the stored key, a
  // signed-in user would otherwise see "Set API Key" for a moment.
  setContext(CONTEXT_KEYS.sidebarReady, true);

  const refresh = (view?: ViewId) => {
    for (const [id, provider] of Object.entries(providers)) if (!view || view === id) provider.refresh();
  };
  const disposables: vscode.Disposable[] = [...Object.values(providers), ...views, session.onDidChange(() => refresh())];
  return {
    reuses,
    datasets,
    discussions,
    refresh,
    get datasetSort() {
      return datasets.sort;
    },
    async setDatasetSort(sort: DatasetSort) {
      describeSort(sort);
      await datasets.setSort(sort);
    },
    loadMore: (node) => datasets.loadMore(node),
    dispose: () => disposables.forEach((disposable) => disposable.dispose()),
  };
}
