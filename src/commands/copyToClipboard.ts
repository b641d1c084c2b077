// "Copy ID" and "Copy Link" in the sidebar's context menu (hidden from the palette):
// the object's API id, and its page on data.gouv.fr (a resource's file URL when the
// list answer carried it).
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { idOf, linkOf } from '../tree/nodes';
import { isTreeNode, resolvePage } from './openInBrowser';

export function registerCopyCommands(session: AuthSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('datagouv.copyId', (node?: unknown) => copy(isTreeNode(node) ? idOf(node) : undefined)),
    vscode.commands.registerCommand('datagouv.copyLink', async (node?: unknown) =>
      copy(isTreeNode(node) ? (linkOf(node) ?? (await resolvePage(node, session))) : undefined),
    ),
  );
}

async function copy(text: string | undefined): Promise<void> {
  if (!text) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a reuse, a dataset or a resource in the data.gouv.fr views first.'));
    return;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', text), 3_000);
}

