// The vscode.TreeItem of each node kind. Everything they show is computed by the
// pure nodes (nodes.ts); one class translates it to the vscode API for every kind.
// Tooltips are filled in lazily by the provider's resolveTreeItem.
import * as vscode from 'vscode';
import type { Collapsible, TreeNode } from './nodes';

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

/**
 * The kinds whose description says their state (a reuse's type and markers, a
 * community resource's author, a discussion's subject and `closed`): screen readers
 * read it with the label.
 */
const DESCRIBED_KINDS: ReadonlySet<TreeNode['kind']> = new Set(['reuse', 'communityResource', 'discussion']);

/**
 * The item of any kind of node: an organization group, a reuse (a click opens it in
 * the editor), a dataset, a resource, a dataset's Reuses or Community Resources list,
 * a community resource or a discussion (a click opens it in the browser), a message
 * (why a list could not load) or an action (Retry, Set API Key, Open Settings, Show
 * Log: a click runs it). What differs between them is in the node.
 */
class NodeItem extends vscode.TreeItem {
  constructor(readonly node: TreeNode) {
    super(node.label, collapsibleState(node.collapsible));
    this.id = node.id;
    this.description = node.description || undefined;
    this.contextValue = node.contextValue;
    this.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    if (node.command) this.command = node.command;
    if (DESCRIBED_KINDS.has(node.kind)) {
      this.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
    }
    // A message's label may be cut by the view: its tooltip is the whole sentence.
    if (node.kind === 'message') this.tooltip = node.message;
  }
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  return new NodeItem(node);
}
