// What each view shows, without vscode: loads its list once (one request per list,
// with its X-Fields mask), groups and sorts it, and answers getChildren from memory
// until it is invalidated. A failed load becomes message and action nodes, never an
// empty tree; signed out, the tree is empty so that the view's welcome shows.
// The vscode TreeDataProviders (providers.ts) are thin wrappers around these models;
// the unit tests and the benchmark drive the models directly.
import type { ApiClient } from '../api/client';
import { DATASET_RESOURCES_MASK, SUBJECT_OWNER_MASK } from '../api/fieldMasks';
import type { CommunityResource, Dataset, Discussion, Reuse } from '../api/models';
import { withSubjectOwners } from './discussions';
import { groupByOwner, mergeReuses } from './grouping';
import {
  childrenOf,
  DATASETS_VIEW,
  DISCUSSIONS_VIEW,
  errorNodes,
  groupNode,
  listChildren,
  listLabel,
  messageNode,
  REUSES_VIEW,
  uniqueById,
  type ListNode,
  type NodeContext,
  type TreeNode,
  type ViewId,
} from './nodes';
import { DEFAULT_DATASET_SORT, sortDatasets, sortDiscussions, type DatasetSort } from './sorting';

/** What the models need of the AuthSession (which satisfies it). */
export interface SessionLike {
  readonly isSignedIn: boolean;
  /** Throws an ApiUrlError when the `datagouv.apiUrl` setting is unusable. */
  readonly client: ApiClient;
}

export type LoadState = 'idle' | 'signedOut' | 'loading' | 'loaded' | 'empty' | 'error';

export abstract class TreeModel<Data> {
  #state: LoadState = 'idle';
  #data: Data | undefined;
  #roots: TreeNode[] | undefined;
  #pending: Promise<TreeNode[]> | undefined;
  #abort: AbortController | undefined;
  #generation = 0;
  #children = new WeakMap<TreeNode, TreeNode[]>();
  /** The failure of the last load, when it failed. */
  lastError: unknown;
  /** Called with the state after each change of it (the provider sets context keys). */
  onStateChange: ((state: LoadState) => void) | undefined;
  /** Called with each failed load (the provider logs it). */
  onError: ((error: unknown) => void) | undefined;
  /** Called when a node shown already changed (its label): the provider redraws it. */
  onNodeChange: ((node: TreeNode) => void) | undefined;

  constructor(
    readonly view: ViewId,
    protected readonly session: SessionLike,
    protected readonly ctx: NodeContext,
  ) {}

  get state(): LoadState {
    return this.#state;
  }

  /** The loaded list, once a load succeeded. */
  get loaded(): Data | undefined {
    return this.#data;
  }

  /** Whether `getChildren()` of the root would go to the network. */
  get needsLoad(): boolean {
    return this.session.isSignedIn && !this.#roots;
  }

  /** The children of `node`, or the roots (loading them first when needed). */
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.getRoots();
    let children = this.#children.get(node);
    if (!children) {
      const loading = this.loadChildren(node);
      if (loading) {
        const generation = this.#generation;
        const loaded = await loading;
        // A failure is shown, not kept: collapsing and expanding again retries.
        if (generation !== this.#generation || !loaded.ok) return loaded.nodes;
        children = loaded.nodes;
      } else {
        children = childrenOf(node, this.ctx);
      }
      this.#children.set(node, children);
    }
    return children;
  }

  /** Forgets the children of `node`: the next getChildren(node) builds them again. */
  protected forgetChildren(node: TreeNode): void {
    this.#children.delete(node);
  }

  /** Children that need a request of their own (a dataset's resources), or undefined. */
  protected loadChildren(_node: TreeNode): Promise<{ ok: boolean; nodes: TreeNode[] }> | undefined {
    return undefined;
  }

  getRoots(): Promise<TreeNode[]> {
    if (!this.session.isSignedIn) {
      if (this.#roots || this.#pending) this.invalidate();
      this.#setState('signedOut');
      return Promise.resolve([]);
    }
    if (this.#roots) return Promise.resolve(this.#roots);
    this.#pending ??= this.#load();
    return this.#pending;
  }

  /** Forgets the data (cancelling a load under way); the next getChildren() reloads. */
  invalidate(): void {
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#pending = undefined;
    this.#roots = undefined;
    this.#data = undefined;
    this.lastError = undefined;
    this.#children = new WeakMap();
    this.#setState('idle');
  }

  /** Rebuilds the nodes from the data already loaded (no request), e.g. after a sort change. */
  rebuild(): void {
    if (this.#data === undefined) return;
    this.#children = new WeakMap();
    this.#roots = this.build(this.#data);
  }

  protected abstract fetch(client: ApiClient, signal: AbortSignal): Promise<Data>;
  protected abstract build(data: Data): TreeNode[];

  async #load(): Promise<TreeNode[]> {
    const generation = ++this.#generation;
    const abort = new AbortController();
    this.#abort = abort;
    this.#setState('loading');
    try {
      const data = await this.fetch(this.session.client, abort.signal);
      if (generation !== this.#generation) return this.getRoots(); // superseded by a refresh
      this.#data = data;
      this.#roots = this.build(data);
      this.#setState(this.#roots.length ? 'loaded' : 'empty');
    } catch (error) {
      if (generation !== this.#generation) return this.getRoots();
      this.lastError = error;
      this.#roots = errorNodes(this.view, error, this.ctx);
      this.#setState('error');
      this.onError?.(error);
    } finally {
      if (generation === this.#generation) {
        this.#pending = undefined;
        this.#abort = undefined;
      }
    }
    return this.#roots;
  }

  #setState(state: LoadState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.onStateChange?.(state);
  }
}

/** Reuses: the user's own, then one group per organization. */
export class ReusesModel extends TreeModel<Reuse[]> {
  constructor(session: SessionLike, ctx: NodeContext) {
    super(REUSES_VIEW, session, ctx);
  }

  protected async fetch(client: ApiClient, signal: AbortSignal): Promise<Reuse[]> {
    const [own, org] = await Promise.all([client.listMyReuses({ signal }), client.listOrgReuses({ signal })]);
    return mergeReuses(own, org);
  }

  protected build(reuses: Reuse[]): TreeNode[] {
    return buildReuseRoots(reuses, this.ctx);
  }
}

/** Items per page of a dataset's Reuses and Community Resources (udata's default page size). */
export const PAGE_SIZE = 20;

/** What is loaded of a dataset's paginated list, and the page that comes next. */
interface Pages {
  items: Array<Reuse | CommunityResource>;
  total?: number;
  next?: number;
  loading?: Promise<void>;
}

/** Organization datasets, grouped by organization, in the user's chosen order. */
export class DatasetsModel extends TreeModel<Dataset[]> {
  #sort: DatasetSort;
  /** Per dataset object (a reload replaces them all, and with them what was loaded). */
  readonly #pages = new WeakMap<Dataset, Partial<Record<ListNode['list'], Pages>>>();

  constructor(session: SessionLike, ctx: NodeContext, sort: DatasetSort = DEFAULT_DATASET_SORT) {
    super(DATASETS_VIEW, session, ctx);
    this.#sort = sort;
  }

  get sort(): DatasetSort {
    return this.#sort;
  }

  set sort(sort: DatasetSort) {
    if (sort === this.#sort) return;
    this.#sort = sort;
    this.rebuild();
  }

  protected fetch(client: ApiClient, signal: AbortSignal): Promise<Dataset[]> {
    return client.listOrgDatasets({ signal });
  }

  protected build(datasets: Dataset[]): TreeNode[] {
    return buildDatasetRoots(datasets, this.#sort, this.ctx);
  }

  /**
   * A dataset's resources come with one small request when it is expanded: the list of
   * every dataset of every organization stays light (a dataset may have hundreds of
   * files), which is most of what Organization Datasets costs.
   */
  protected override loadChildren(node: TreeNode): Promise<{ ok: boolean; nodes: TreeNode[] }> | undefined {
    if (node.kind === 'list') {
      const built = () => this.#listNodes(node);
      return (this.#pagesOf(node) ? Promise.resolve() : this.#fetchPage(node, 1)).then(built, this.#failed(node));
    }
    if (node.kind !== 'dataset' || node.dataset.resources) return undefined;
    const dataset = node.dataset;
    return this.session.client.getDataset(dataset.id, { fields: DATASET_RESOURCES_MASK }).then((answer) => {
      dataset.resources = answer.resources ?? [];
      // What its Reuses and Community Resources children count.
      dataset.metrics = { ...dataset.metrics, ...answer.metrics };
      dataset.community_resources = answer.community_resources;
      return { ok: true, nodes: childrenOf(node, this.ctx) };
    }, this.#failed(node));
  }

  /**
   * The next page of a dataset's Reuses or Community Resources ("Load more"); then
   * getChildren(node) answers every item loaded, from memory. A failure throws (the
   * command reports it) and leaves what was shown.
   */
  async loadMore(node: ListNode): Promise<void> {
    const pages = this.#pagesOf(node);
    if (!pages?.next) return;
    pages.loading ??= this.#fetchPage(node, pages.next).finally(() => (pages.loading = undefined));
    await pages.loading;
    this.forgetChildren(node);
  }

  /** What is loaded of the list `node` shows, if anything. */
  #pagesOf(node: ListNode): Pages | undefined {
    return this.#pages.get(node.dataset)?.[node.list];
  }

  #failed(node: TreeNode) {
    return (error: unknown) => ({ ok: false, nodes: [messageNode(`${node.id}/message:error`, this.ctx.describeError(error), 'error')] });
  }

  #listNodes(node: ListNode): { ok: boolean; nodes: TreeNode[] } {
    const pages = this.#pagesOf(node);
    return { ok: true, nodes: listChildren(node, pages?.items ?? [], pages?.total, !!pages?.next, this.ctx) };
  }

  /** One page of `GET /reuses/?dataset=` or `GET /datasets/community_resources/?dataset=`, added to what is loaded. */
  async #fetchPage(node: ListNode, page: number): Promise<void> {
    const { client } = this.session;
    const { dataset, list } = node;
    const answer =
      list === 'reuses' ? await client.listDatasetReuses(dataset.id, page, PAGE_SIZE) : await client.listCommunityResources(dataset.id, page, PAGE_SIZE);
    const lists = this.#pages.get(dataset) ?? {};
    lists[list] = {
      items: [...(page > 1 ? (lists[list]?.items ?? []) : []), ...answer.data],
      total: answer.total,
      next: answer.next_page ? page + 1 : undefined,
    };
    this.#pages.set(dataset, lists);
    // The count udata's metrics gave (or none) becomes the list's own total.
    const label = listLabel(list, answer.total, this.ctx);
    if (label !== node.label) {
      node.label = label;
      this.onNodeChange?.(node);
    }
  }
}

/** Organization discussions, grouped by organization: open ones first, latest message first. */
export class DiscussionsModel extends TreeModel<Discussion[]> {
  constructor(session: SessionLike, ctx: NodeContext) {
    super(DISCUSSIONS_VIEW, session, ctx);
  }

  protected async fetch(client: ApiClient, signal: AbortSignal): Promise<Discussion[]> {
    const [discussions, datasets, reuses] = await Promise.all([
      client.listOrgDiscussions({ signal }),
      client.listOrgDatasets({ signal, fields: SUBJECT_OWNER_MASK }),
      client.listOrgReuses({ signal, fields: SUBJECT_OWNER_MASK }),
    ]);
    return withSubjectOwners(discussions, [...datasets, ...reuses]);
  }

  protected build(discussions: Discussion[]): TreeNode[] {
    return buildDiscussionRoots(discussions, this.ctx);
  }
}

/** The first level of a view: one group per owner, items in the order given. */
function groupRoots<T extends Reuse | Dataset | Discussion>(view: ViewId, items: readonly T[], ctx: NodeContext): TreeNode[] {
  return groupByOwner(items, ctx.locale).map((group) => groupNode(view, group, ctx));
}

export function buildReuseRoots(reuses: readonly Reuse[], ctx: NodeContext): TreeNode[] {
  return groupRoots(REUSES_VIEW, reuses, ctx);
}

export function buildDatasetRoots(datasets: readonly Dataset[], sort: DatasetSort, ctx: NodeContext): TreeNode[] {
  return groupRoots(DATASETS_VIEW, sortDatasets(uniqueById(datasets), sort, ctx.locale), ctx);
}

export function buildDiscussionRoots(discussions: readonly Discussion[], ctx: NodeContext): TreeNode[] {
  return groupRoots(DISCUSSIONS_VIEW, sortDiscussions(uniqueById(discussions)), ctx);
}
