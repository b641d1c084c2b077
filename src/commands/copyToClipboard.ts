// "Copy ID" and "Copy Link" in the sidebar's context menu (hidden from the palette):
// the object's API id, and its page on data.gouv.fr (a resource's file URL when the
// list answer carried it).
import * as vscode from 'vscode';
import { idOf, linkOf } from '../tree/nodes';
import { isTreeNode, resolvePage } from './openInBrowser';
import { defineCommand } from './registry';
import { inform } from './dialogs';

export const copyIdCommand = defineCommand({
  id: 'datagouv.copyId',
  name: 'Copy ID',
  run: (_ctx, node?: unknown) => copy(isTreeNode(node) ? idOf(node) : undefined),
});

export const copyLinkCommand = defineCommand({
  id: 'datagouv.copyLink',
  name: 'Copy Link',
  run: async ({ session }, node?: unknown) => copy(isTreeNode(node) ? (linkOf(node) ?? (await resolvePage(node, session))) : undefined),
});

async function copy(text: string | undefined): Promise<void> {
  if (!text) {
    void inform(vscode.l10n.t('Select a reuse, a dataset or a resource in the data.gouv.fr views first.'));
    return;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', text), 3_000);
}
