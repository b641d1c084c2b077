// The nodes of the three views as plain data: label, description, codicon, contextValue,
// collapsible state and what a click does. Pure code, no vscode: the unit tests and
// the benchmark build the same nodes the views show; src/tree/items.ts turns each
// kind into a vscode.TreeItem.
import type { CommunityResource, Dataset, Discussion, OrganizationRef, Resource, Reuse, UserRef } from '../api/models';
import { discussionPage, lastMessageDate } from './discussions';
import { formatBytes, formatDate, formatNumber, formatScore } from './format';
import type { Group } from './grouping';
import { discussionSubjectLabel, reuseTypeLabel } from '../util/enumLabels';
import { remediesFor, remedyAction } from '../util/errorRemedies';
import { reuseTypeIcon, resourceIcon } from './icons';
import { joinParts, markerLabels, SEPARATOR } from './markers';
import {
  authorOf,
  communityResourceTooltip,
  datasetTooltip,
  discussionTooltip,
  organizationTooltip,
  resourceTooltip,
  reuseTooltip,
  type TooltipContext,
} from './tooltips';

export const REUSES_VIEW = 'datagouv.reuses';
export const DATASETS_VIEW = 'datagouv.datasets';
export const DISCUSSIONS_VIEW = 'datagouv.discussions';
export const VIEWS = [REUSES_VIEW, DATASETS_VIEW, DISCUSSIONS_VIEW] as const;
export type ViewId = (typeof VIEWS)[number];

/** What the groups of each view hold (and count in their description). */
const ITEMS_OF: Record<ViewId, 'reuses' | 'datasets' | 'discussions'> = {
  [REUSES_VIEW]: 'reuses',
  [DATASETS_VIEW]: 'datasets',
  [DISCUSSIONS_VIEW]: 'discussions',
};

/** The command a click on a reuse runs (registered by the reuse editor). */
export const OPEN_REUSE_COMMAND = 'datagouv.openReuse';
export const OPEN_DATASET_COMMAND = 'datagouv.openDataset';
export const OPEN_RESOURCE_COMMAND = 'datagouv.openResource';
/** The command a click on a discussion runs, with its web page (commands/openInBrowser.ts). */
export const OPEN_IN_BROWSER_COMMAND = 'datagouv.openInBrowser';
export const REFRESH_COMMAND = 'datagouv.refresh';
/** The command of a "Load more" node: the next page of its list (commands/loadMore.ts). */
export const LOAD_MORE_COMMAND = 'datagouv.loadMore';

/**
 * contextValues, for menus in package.json (`viewItem == …` / `viewItem =~ /^reuse:/`).
 * A reuse's may carry `:archived` and `:private` suffixes (see reuseContextValue).
 */
export const CONTEXT = {
  organization: 'organization',
  personal: 'personal',
  reuseEditable: 'reuse:editable',
  reuseReadonly: 'reuse:readonly',
  reuseDeleted: 'reuse:deleted',
  dataset: 'dataset',
  datasetReadonly: 'dataset:readonly',
  datasetDeleted: 'dataset:deleted',
  resource: 'resource',
  /** A dataset's Reuses and Community Resources (`list:reuses`, `list:communityResources`). */
  list: 'list:',
  communityResource: 'communityResource',
  discussionOpen: 'discussion:open',
  discussionClosed: 'discussion:closed',
  messageError: 'message:error',
  messageInfo: 'message:info',
  action: 'action',
} as const;

/** Groups with more items than this start collapsed. */
export const EXPAND_LIMIT = 100;

/** The icon color of what is deleted, archived or closed. */
const DIMMED = 'disabledForeground';

export interface NodeContext extends TooltipContext {
  /** A sentence for the user (describeError in the extension). */
  describeError(error: unknown): string;
}

/** The shape of vscode.Command, without vscode. */
export interface NodeCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

export type Collapsible = 'none' | 'collapsed' | 'expanded';

interface NodeBase {
  /** Unique in its view and stable across refreshes: the TreeItem's id. */
  id: string;
  label: string;
  description?: string;
  /** A codicon id. */
  icon: string;
  /** A theme color id for the icon. */
  iconColor?: string;
  contextValue: string;
  collapsible: Collapsible;
  command?: NodeCommand;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  view: ViewId;
  organization?: OrganizationRef;
  owner?: UserRef;
  reuses?: readonly Reuse[];
  datasets?: readonly Dataset[];
  discussions?: readonly Discussion[];
}

export interface ReuseNode extends NodeBase {
  kind: 'reuse';
  reuse: Reuse;
}

export interface DatasetNode extends NodeBase {
  kind: 'dataset';
  dataset: Dataset;
}

export interface ResourceNode extends NodeBase {
  kind: 'resource';
  resource: Resource;
  dataset: Dataset;
}

/** The paginated children of a dataset: the reuses that use it, the files others attached to it. */
export type ListKind = 'reuses' | 'communityResources';

/** "Reuses (n)" or "Community Resources (n)" under a dataset; its items load when it is expanded. */
export interface ListNode extends NodeBase {
  kind: 'list';
  list: ListKind;
  dataset: Dataset;
}

/** A file someone attached to a dataset: its author's, so it opens in the browser only. */
export interface CommunityResourceNode extends NodeBase {
  kind: 'communityResource';
  resource: CommunityResource;
}

export interface DiscussionNode extends NodeBase {
  kind: 'discussion';
  discussion: Discussion;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  severity: 'error' | 'info';
  /** The whole sentence (the label may be cut by the view). */
  message: string;
  error?: unknown;
}

export interface ActionNode extends NodeBase {
  kind: 'action';
}

export type TreeNode = GroupNode | ReuseNode | DatasetNode | ResourceNode | ListNode | CommunityResourceNode | DiscussionNode | MessageNode | ActionNode;

// ---- builders ----------------------------------------------------------------------

function countLabel(count: number, what: 'reuses' | 'datasets' | 'resources' | 'discussions', ctx: NodeContext): string {
  const { l10n } = ctx;
  const n = formatNumber(count, ctx.locale);
  switch (what) {
    case 'reuses':
      return count === 1 ? l10n.t('1 reuse') : l10n.t('{0} reuses', n);
    case 'datasets':
      return count === 1 ? l10n.t('1 dataset') : l10n.t('{0} datasets', n);
    case 'resources':
      return count === 1 ? l10n.t('1 resource') : l10n.t('{0} resources', n);
    case 'discussions':
      return count === 1 ? l10n.t('1 discussion') : l10n.t('{0} discussions', n);
  }
}

/** An organization (or Personal) and the view's objects it holds: reuses, datasets or discussions. */
export function groupNode(view: ViewId, group: Group<Reuse> | Group<Dataset> | Group<Discussion>, ctx: NodeContext): GroupNode {
  const { l10n } = ctx;
  const count = group.items.length;
  const org = group.organization;
  const items = ITEMS_OF[view];
  return {
    kind: 'group',
    view,
    id: `${view}/${group.key}`,
    label: org ? org.name || org.acronym || org.id : l10n.t('Personal'),
    description: countLabel(count, items, ctx),
    icon: org ? 'organization' : 'person',
    contextValue: org ? CONTEXT.organization : CONTEXT.personal,
    collapsible: count === 0 ? 'none' : count > EXPAND_LIMIT ? 'collapsed' : 'expanded',
    organization: org,
    owner: group.owner,
    // `reuses`, `datasets` or `discussions`: what the view's groups hold.
    [items]: group.items,
  };
}

/**
 * `reuse:deleted`, or `reuse:editable` / `reuse:readonly` followed by `:archived`
 * and/or `:private` when they apply (in that order), e.g. `reuse:editable:archived`:
 * menus match `viewItem =~ /^reuse:editable/` or `/^reuse:editable.*:private/`.
 */
export function reuseContextValue(reuse: Reuse): string {
  if (reuse.deleted) return CONTEXT.reuseDeleted;
  return withStateSuffixes(reuse.permissions?.edit === false ? CONTEXT.reuseReadonly : CONTEXT.reuseEditable, reuse);
}

/** `value`, then `:archived` and/or `:private` when they apply (in that order). */
function withStateSuffixes(value: string, object: Reuse | Dataset): string {
  if (object.archived) value += ':archived';
  if (object.private) value += ':private';
  return value;
}

export function reuseDescription(reuse: Reuse, ctx: NodeContext): string {
  const type = reuseTypeLabel(reuse.type, ctx.l10n);
  return joinParts([type, ...markerLabels(reuse, 'reuse', ctx.l10n)]);
}

export function reuseNode(reuse: Reuse, parentId: string, ctx: NodeContext): ReuseNode {
  const { l10n } = ctx;
  const title = reuse.title?.trim() || l10n.t('Untitled reuse');
  return {
    kind: 'reuse',
    id: `${parentId}/reuse:${reuse.id}`,
    label: title,
    description: reuseDescription(reuse, ctx),
    icon: reuseTypeIcon(reuse.type),
    iconColor: reuse.deleted || reuse.archived ? DIMMED : undefined,
    contextValue: reuseContextValue(reuse),
    collapsible: reuse.datasets?.length ? 'collapsed' : 'none',
    command: nodeCommand(OPEN_REUSE_COMMAND, l10n.t('Open Reuse'), referenceTo(reuse)),
    reuse,
  };
}

/** `dataset`, `dataset:readonly` or `dataset:deleted`; an editable one may add `:archived` and `:private`. */
export function datasetContextValue(dataset: Dataset): string {
  if (dataset.deleted) return CONTEXT.datasetDeleted;
  if (dataset.permissions?.edit === false) return CONTEXT.datasetReadonly;
  return withStateSuffixes(CONTEXT.dataset, dataset);
}

/** `resource:file` or `resource:remote`, with `:readonly` when its dataset is not the user's to edit. */
export function resourceContextValue(resource: Resource, dataset: Dataset): string {
  const value = `${CONTEXT.resource}:${resource.filetype === 'remote' ? 'remote' : 'file'}`;
  return dataset.deleted || dataset.permissions?.edit === false ? `${value}:readonly` : value;
}

/**
 * In the datasets view: markers, number of resources, quality and last update. Under a
 * reuse (where the mask asks for less): the markers only.
 */
export function datasetDescription(dataset: Dataset, ctx: NodeContext, detailed: boolean): string {
  const { l10n } = ctx;
  const parts = markerLabels(dataset, 'dataset', l10n);
  if (detailed) {
    if (dataset.resources) parts.push(countLabel(dataset.resources.length, 'resources', ctx));
    const score = formatScore(dataset.quality?.score, ctx.locale);
    if (score) parts.push(l10n.t('quality {0}', score));
    const updated = formatDate(dataset.last_update ?? dataset.last_modified, ctx.locale);
    if (updated) parts.push(l10n.t('updated {0}', updated));
  }
  return parts.join(SEPARATOR);
}

export function datasetNode(dataset: Dataset, parentId: string, ctx: NodeContext, detailed: boolean): DatasetNode {
  const { l10n } = ctx;
  return {
    kind: 'dataset',
    id: `${parentId}/dataset:${dataset.id}`,
    label: dataset.title?.trim() || l10n.t('Untitled dataset'),
    description: datasetDescription(dataset, ctx, detailed),
    icon: 'database',
    iconColor: dataset.deleted || dataset.archived ? DIMMED : undefined,
    contextValue: datasetContextValue(dataset),
    // In Organization Datasets its resources, reuses and community resources load when it is expanded.
    collapsible: detailed ? 'collapsed' : 'none',
    command: nodeCommand(OPEN_DATASET_COMMAND, l10n.t('Open Dataset'), referenceTo(dataset)),
    dataset,
  };
}

/** "CSV · 2.1 MB": its format and size, in the tree and in the pick of a dataset's resources. */
export function resourceDescription(resource: Resource, ctx: TooltipContext): string {
  return joinParts([resource.format?.toUpperCase(), formatBytes(resource.filesize, ctx.locale, ctx.l10n)]);
}

export function resourceNode(resource: Resource, dataset: Dataset, parentId: string, ctx: NodeContext): ResourceNode {
  const { l10n } = ctx;
  return {
    kind: 'resource',
    id: `${parentId}/resource:${resource.id}`,
    label: resource.title?.trim() || l10n.t('Untitled resource'),
    description: resourceDescription(resource, ctx),
    icon: resourceIcon(resource.format),
    contextValue: resourceContextValue(resource, dataset),
    collapsible: 'none',
    command: nodeCommand(OPEN_RESOURCE_COMMAND, l10n.t('Open Resource'), { datasetId: dataset.id, resourceId: resource.id, title: resource.title }),
    resource,
    dataset,
  };
}

/** "Reuses (n)" / "Community Resources (n)"; without n until it is known. */
export function listLabel(list: ListKind, count: number | undefined, ctx: NodeContext): string {
  const { l10n } = ctx;
  if (count === undefined) return list === 'reuses' ? l10n.t('Reuses') : l10n.t('Community Resources');
  const n = formatNumber(count, ctx.locale);
  return list === 'reuses' ? l10n.t('Reuses ({0})', n) : l10n.t('Community Resources ({0})', n);
}

export function listNode(list: ListKind, dataset: Dataset, parentId: string, count: number | undefined, ctx: NodeContext): ListNode {
  return {
    kind: 'list',
    list,
    dataset,
    id: `${parentId}/${list}`,
    label: listLabel(list, count, ctx),
    icon: list === 'reuses' ? 'references' : 'files',
    contextValue: CONTEXT.list + list,
    collapsible: 'collapsed',
  };
}

/** The items of a list loaded so far, then "Load more" while pages remain. */
export function listChildren(
  node: ListNode,
  items: ReadonlyArray<Reuse | CommunityResource>,
  total: number | undefined,
  more: boolean,
  ctx: NodeContext,
): TreeNode[] {
  const { l10n } = ctx;
  const children: TreeNode[] = uniqueById(items).map((item) =>
    node.list === 'reuses' ? datasetReuseNode(item as Reuse, node.id, ctx) : communityResourceNode(item as CommunityResource, node.id, ctx),
  );
  if (!children.length) {
    return [
      messageNode(`${node.id}/message:empty`, node.list === 'reuses' ? l10n.t('No reuse uses this dataset yet.') : l10n.t('No community resource.'), 'info'),
    ];
  }
  if (more) {
    children.push(
      actionNode(
        `${node.id}/action:more`,
        'ellipsis',
        nodeCommand(LOAD_MORE_COMMAND, l10n.t('Load more…'), node),
        total === undefined ? undefined : l10n.t('{0} of {1}', formatNumber(children.length, ctx.locale), formatNumber(total, ctx.locale)),
      ),
    );
  }
  return children;
}

/** A reuse of a dataset: as in the Reuses view, and who publishes it. */
export function datasetReuseNode(reuse: Reuse, parentId: string, ctx: NodeContext): ReuseNode {
  const node = reuseNode(reuse, parentId, ctx);
  node.description = joinParts([node.description, authorOf(reuse)]);
  return node;
}

/** A community resource: its author and the date it was added; a click opens it in the browser. */
export function communityResourceNode(resource: CommunityResource, parentId: string, ctx: NodeContext): CommunityResourceNode {
  const { l10n } = ctx;
  return {
    kind: 'communityResource',
    id: `${parentId}/resource:${resource.id}`,
    label: resource.title?.trim() || l10n.t('Untitled resource'),
    description: joinParts([authorOf(resource), formatDate(resource.created_at, ctx.locale), resource.format?.toUpperCase()]),
    icon: resourceIcon(resource.format),
    contextValue: CONTEXT.communityResource,
    collapsible: 'none',
    command: openInBrowser(resource.url, ctx),
    resource,
  };
}

export function discussionContextValue(discussion: Discussion): string {
  return discussion.closed ? CONTEXT.discussionClosed : CONTEXT.discussionOpen;
}

/** What it is about (Dataset, Reuse), the date of its last message, and `closed` when it is. */
export function discussionDescription(discussion: Discussion, ctx: NodeContext): string {
  return joinParts([
    discussionSubjectLabel(discussion.subject?.class, ctx.l10n),
    formatDate(lastMessageDate(discussion), ctx.locale),
    ...markerLabels(discussion, 'discussion', ctx.l10n),
  ]);
}

/** A discussion; a click opens it on data.gouv.fr (there is no editor for discussions). */
export function discussionNode(discussion: Discussion, parentId: string, ctx: NodeContext): DiscussionNode {
  const { l10n } = ctx;
  return {
    kind: 'discussion',
    id: `${parentId}/discussion:${discussion.id}`,
    label: discussion.title?.trim() || l10n.t('Untitled discussion'),
    description: discussionDescription(discussion, ctx),
    icon: 'comment-discussion',
    iconColor: discussion.closed ? DIMMED : undefined,
    contextValue: discussionContextValue(discussion),
    collapsible: 'none',
    command: openInBrowser(discussionPage(discussion), ctx),
    discussion,
  };
}

/** A click that opens `page` in the browser; none without a page. */
function openInBrowser(page: string | undefined, { l10n }: NodeContext): NodeCommand | undefined {
  return page ? nodeCommand(OPEN_IN_BROWSER_COMMAND, l10n.t('Open in Browser'), page) : undefined;
}

/** A click that runs `command` with one argument. */
function nodeCommand(command: string, title: string, argument: unknown): NodeCommand {
  return { command, title, arguments: [argument] };
}

/** The children of a node, from the data it already holds: never a request. */
export function childrenOf(node: TreeNode, ctx: NodeContext): TreeNode[] {
  switch (node.kind) {
    case 'group':
      if (node.reuses) return uniqueById(node.reuses).map((reuse) => reuseNode(reuse, node.id, ctx));
      if (node.discussions) return uniqueById(node.discussions).map((discussion) => discussionNode(discussion, node.id, ctx));
      return uniqueById(node.datasets ?? []).map((dataset) => datasetNode(dataset, node.id, ctx, true));
    case 'reuse':
      return uniqueById(node.reuse.datasets ?? []).map((dataset) => datasetNode(dataset, node.id, ctx, false));
    case 'dataset': {
      const { dataset } = node;
      // Once its resources are loaded (Organization Datasets): who reuses it, and the
      // files others attached to it when there are some.
      const lists: TreeNode[] = [];
      if (dataset.resources && node.collapsible !== 'none') {
        lists.push(listNode('reuses', dataset, node.id, dataset.metrics?.reuses, ctx));
        const community = dataset.community_resources?.length;
        if (community) lists.push(listNode('communityResources', dataset, node.id, community, ctx));
        if (!dataset.resources.length) {
          const { l10n } = ctx;
          return [...lists, messageNode(`${node.id}/message:empty`, l10n.t('No resource yet: drop files here, or use Upload Resource…'), 'info')];
        }
      }
      return [...lists, ...uniqueById(dataset.resources ?? []).map((resource) => resourceNode(resource, dataset, node.id, ctx))];
    }
    default:
      return [];
  }
}

/**
 * What a command is handed to name a reuse or a dataset (Open Reuse, Upload Resource…):
 * its id, slug and title, not the whole answer.
 */
export function referenceTo(object: { id: string; slug?: string; title?: string }): { id: string; slug?: string; title?: string } {
  return { id: object.id, slug: object.slug, title: object.title };
}

/** Drops repeated ids (VS Code refuses two items with one id); keeps the first. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of items) {
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    result.push(item);
  }
  return result;
}

/** The node's Markdown tooltip, built only when the view asks for it. */
export function tooltipOf(node: TreeNode, ctx: NodeContext): string | undefined {
  switch (node.kind) {
    case 'group':
      return node.organization ? organizationTooltip(node.organization, node.description ?? '', ctx) : undefined;
    case 'reuse':
      return reuseTooltip(node.reuse, ctx);
    case 'dataset':
      return datasetTooltip(node.dataset, ctx);
    case 'resource':
      return resourceTooltip(node.resource, ctx);
    case 'communityResource':
      return communityResourceTooltip(node.resource, ctx);
    case 'discussion':
      return discussionTooltip(node.discussion, ctx);
    default:
      return undefined;
  }
}

// ---- messages and errors -----------------------------------------------------------

/** A sentence in a view (an empty dataset, a failed load of its resources). */
export function messageNode(id: string, message: string, severity: 'error' | 'info'): MessageNode {
  const error = severity === 'error';
  return {
    kind: 'message',
    severity,
    id,
    label: message,
    message,
    icon: severity, // the codicons `error` and `info`
    iconColor: error ? 'errorForeground' : undefined,
    contextValue: error ? CONTEXT.messageError : CONTEXT.messageInfo,
    collapsible: 'none',
  };
}

/** A node that runs its command, labelled with the command's title. */
function actionNode(id: string, icon: string, command: NodeCommand, description?: string): ActionNode {
  return { kind: 'action', id, label: command.title, description, icon, contextValue: CONTEXT.action, collapsible: 'none', command };
}

/**
 * A failed load: the sentence that says what happened, then the actions that may fix
 * it (util/errorRemedies.ts: Set API Key, Open Settings, Retry, Show Log).
 */
export function errorNodes(view: ViewId, error: unknown, ctx: NodeContext): TreeNode[] {
  const text = ctx.describeError(error);
  const nodes: TreeNode[] = [{ ...messageNode(`${view}/message:error`, text, 'error'), error }];
  for (const remedy of remediesFor(error, { retry: true })) {
    // The remedy's command, title and arguments (if any) are the node's command.
    const { icon, ...command } = remedyAction(remedy, ctx.l10n, { command: REFRESH_COMMAND, arguments: [view] });
    nodes.push(actionNode(`${view}/action:${remedy}`, icon, command));
  }
  return nodes;
}

// ---- what the context-menu commands act on -----------------------------------------

/**
 * The object's web page on data.gouv.fr (Open in Browser), from the list answer. An
 * organization's page is not in the lists' masks: undefined here, the command looks it
 * up in GET /me/ (organizationPage in commands/openInBrowser.ts).
 */
export function pageOf(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'resource':
      return node.dataset.page ? resourcePage(node.dataset.page, node.resource.id) : node.resource.url;
    case 'communityResource':
      return node.resource.url;
    case 'discussion':
      return discussionPage(node.discussion);
    default:
      return objectOf(node)?.page;
  }
}

/** What Copy Link copies: the web page; for a resource, its file's URL when the answer has it. */
export function linkOf(node: TreeNode): string | undefined {
  if (node.kind === 'resource') return node.resource.url ?? pageOf(node);
  return pageOf(node);
}

/** What Copy ID copies: the API id of the object. */
export function idOf(node: TreeNode): string | undefined {
  return objectOf(node)?.id;
}

/**
 * The API object a node stands for: a group's organization (the user for Personal),
 * a reuse, a dataset, a resource or a discussion; none for lists, messages and actions.
 */
function objectOf(node: TreeNode): { id: string; page?: string } | undefined {
  switch (node.kind) {
    case 'group':
      return node.organization ?? node.owner;
    case 'reuse':
      return node.reuse;
    case 'dataset':
      return node.dataset;
    case 'resource':
    case 'communityResource':
      return node.resource;
    case 'discussion':
      return node.discussion;
    default:
      return undefined;
  }
}

/** A resource's page on data.gouv.fr: its dataset's, with `?resource_id=` (udata/core/dataset/models.py, Resource.self_web_url). */
function resourcePage(datasetPage: string, resourceId: string): string {
  try {
    const url = new URL(datasetPage);
    url.hash = '';
    url.searchParams.set('resource_id', resourceId);
    return url.toString();
  } catch {
    return datasetPage;
  }
}
