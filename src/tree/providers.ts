// The TreeDataProviders of the three views: thin wrappers around the pure models
// (treeModel.ts). They show progress on the view while a list loads, keep the
// `datagouv.reusesEmpty` / `datagouv.datasetsEmpty` / `datagouv.discussionsEmpty`
// context keys (for viewsWelcome) true to the last answer, and build tooltips only
// when the user hovers.
import * as vscode from 'vscode';
import type { Dataset, Discussion, Reuse } from '../api/models';
import { CONTEXT_KEYS, setContext, type ContextKey } from '../contextKeys';
import type { Log } from '../util/log';
import { tooltipOf, type ListNode, type NodeContext, type TreeNode } from './nodes';
import { isDatasetSort, DEFAULT_DATASET_SORT, type DatasetSort } from './sorting';
import { DatasetsModel, DiscussionsModel, ReusesModel, type SessionLike, type TreeModel } from './treeModel';
import { toTreeItem } from './items';

const SORT_STATE_KEY = 'datagouv.datasets.sort';

export abstract class NodeTreeProvider<Data> implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly #changeEmitter = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.#changeEmitter.event;
  readonly #loadEmitter = new vscode.EventEmitter<void>();
  /** Fires each time the view's list arrived (at startup too, unlike onDidChangeTreeData). */
  readonly onDidLoad = this.#loadEmitter.event;
  readonly #ctx: NodeContext;

  constructor(
    readonly model: TreeModel<Data>,
    ctx: NodeContext,
    emptyContextKey: ContextKey,
    log: Log,
  ) {
    this.#ctx = ctx;
    model.onStateChange = (state) => {
      setContext(emptyContextKey, state === 'empty');
      if (state === 'loaded' || state === 'empty') this.#loadEmitter.fire();
    };
    model.onError = (error) => log.error(`Loading the view ${model.view} failed`, error);
    model.onNodeChange = (node) => this.#changeEmitter.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node && this.model.needsLoad) {
      return Promise.resolve(vscode.window.withProgress({ location: { viewId: this.model.view } }, () => this.model.getChildren()));
    }
    return this.model.getChildren(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (item.tooltip === undefined) {
      const markdown = tooltipOf(node, this.#ctx);
      if (markdown) item.tooltip = new vscode.MarkdownString(markdown);
    }
    return item;
  }

  /** Reloads the view from the API (now if it is visible, else when it shows). */
  refresh(): void {
    this.model.invalidate();
    this.#changeEmitter.fire();
  }

  /** Redraws the view (or one node and its children) from the data already loaded. */
  protected redraw(node?: TreeNode): void {
    this.#changeEmitter.fire(node);
  }

  dispose(): void {
    this.#changeEmitter.dispose();
    this.#loadEmitter.dispose();
  }
}

export class ReusesTreeProvider extends NodeTreeProvider<Reuse[]> {
  constructor(session: SessionLike, ctx: NodeContext, log: Log) {
    super(new ReusesModel(session, ctx), ctx, CONTEXT_KEYS.reusesEmpty, log);
  }
}

export class DiscussionsTreeProvider extends NodeTreeProvider<Discussion[]> {
  constructor(session: SessionLike, ctx: NodeContext, log: Log) {
    super(new DiscussionsModel(session, ctx), ctx, CONTEXT_KEYS.discussionsEmpty, log);
  }
}

export class DatasetsTreeProvider extends NodeTreeProvider<Dataset[]> {
  readonly #datasets: DatasetsModel;
  readonly #state: vscode.Memento;

  constructor(session: SessionLike, ctx: NodeContext, log: Log, state: vscode.Memento) {
    const stored = state.get<string>(SORT_STATE_KEY);
    const model = new DatasetsModel(session, ctx, isDatasetSort(stored) ? stored : DEFAULT_DATASET_SORT);
    super(model, ctx, CONTEXT_KEYS.datasetsEmpty, log);
    this.#datasets = model;
    this.#state = state;
  }

  get sort(): DatasetSort {
    return this.#datasets.sort;
  }

  /** The next page of a dataset's Reuses or Community Resources, with the view's progress bar. */
  async loadMore(node: ListNode): Promise<void> {
    await vscode.window.withProgress({ location: { viewId: this.model.view } }, () => this.#datasets.loadMore(node));
    this.redraw(node);
  }

  /** Applies and remembers an order; no request: the loaded list is sorted again. */
  async setSort(sort: DatasetSort): Promise<void> {
    this.#datasets.sort = sort;
    this.redraw();
    await this.#state.update(SORT_STATE_KEY, sort === DEFAULT_DATASET_SORT ? undefined : sort);
  }
}
