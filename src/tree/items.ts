// The vscode.TreeItem of each node kind. Everything they show is computed by the
// pure nodes (nodes.ts); these classes only translate it to the vscode API. Tooltips
// are filled in lazily by the provider's resolveTreeItem.
import * as vscode from 'vscode';
import type {
  ActionNode,
  Collapsible,
  CommunityResourceNode,
  DatasetNode,
  DiscussionNode,
  GroupNode,
  ListNode,
  MessageNode,
  ResourceNode,
  ReuseNode,
  TreeNode,
} from './nodes';

function collapsibleState(collapsible: Collapsible): vscode.TreeItemCollapsibleState {
  switch (collapsible) {
    case 'expanded':
      return vscode.TreeItemCollapsibleState.Expanded;
    case 'collapsed':
      return vscode.TreeItemCollapsibleState.Collapsed;
    default:
      return vscode.TreeItemCollapsibleState.None;
  }
}

abstract class NodeItem<N extends TreeNode> extends vscode.TreeItem {
  constructor(readonly node: N) {
    super(node.label, collapsibleState(node.collapsible));
    this.id = node.id;
    this.description = node.description || undefined;
    this.contextValue = node.contextValue;
    this.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    if (node.command) this.command = node.command;
  }
}

/** An organization, or "Personal" for the user's own objects. */
export class OrganizationGroupItem extends NodeItem<GroupNode> {}

/** An item whose description says its state: screen readers read it with the label. */
abstract class DescribedItem<N extends TreeNode> extends NodeItem<N> {
  constructor(node: N) {
    super(node);
    this.accessibilityInformation = {
      label: node.description ? `${node.label}, ${node.description}` : node.label,
    };
  }
}

/** A reuse; a click opens it in the editor (`datagouv.openReuse`). */
export class ReuseItem extends DescribedItem<ReuseNode> {}

export class DatasetItem extends NodeItem<DatasetNode> {}

export class ResourceItem extends NodeItem<ResourceNode> {}

/** A dataset's Reuses or Community Resources: their items load when it is expanded. */
export class ListItem extends NodeItem<ListNode> {}

/** A file someone else attached to a dataset; a click opens it in the browser. */
export class CommunityResourceItem extends DescribedItem<CommunityResourceNode> {}

/** A discussion; a click opens it on data.gouv.fr (`datagouv.openInBrowser`). */
export class DiscussionItem extends DescribedItem<DiscussionNode> {}

/** A sentence in the view: why it could not load. */
export class MessageItem extends NodeItem<MessageNode> {
  constructor(node: MessageNode) {
    super(node);
    this.tooltip = node.message;
  }
}

/** Retry, Set API Key, Open Settings, Show Log: a click runs it. */
export class ActionItem extends NodeItem<ActionNode> {}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'group':
      return new OrganizationGroupItem(node);
    case 'reuse':
      return new ReuseItem(node);
    case 'dataset':
      return new DatasetItem(node);
    case 'resource':
      return new ResourceItem(node);
    case 'list':
      return new ListItem(node);
    case 'communityResource':
      return new CommunityResourceItem(node);
    case 'discussion':
      return new DiscussionItem(node);
    case 'message':
      return new MessageItem(node);
    case 'action':
      return new ActionItem(node);
  }
}
