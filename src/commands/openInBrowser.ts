// "data.gouv.fr: Open in Browser": the selected object's page on data.gouv.fr (for a
// discussion, its subject's page opened at that discussion: pageOf in tree/nodes.ts).
// From the palette it opens the reuse of the active `datagouv:` editor, or else the
// site of the configured API. Only http(s) pages are opened.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { pageOf, type TreeNode } from '../tree/nodes';
import { webUrl } from '../tree/webUrl';
import { defineCommand, type CommandContext } from './registry';
import { inform } from './dialogs';
import { activeReuseTarget } from './reuseTarget';

export const openInBrowserCommand = defineCommand({
  id: 'datagouv.openInBrowser',
  name: 'Open in Browser',
  async run(ctx, target?: unknown) {
    const page = await pageFor(target, ctx);
    if (!page) {
      void inform(vscode.l10n.t('This item has no page on data.gouv.fr.'));
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(page, true));
  },
});

async function pageFor(target: unknown, ctx: CommandContext): Promise<string | undefined> {
  let page: string | undefined;
  if (typeof target === 'string') page = target;
  else if (isTreeNode(target)) page = await resolvePage(target, ctx.session);
  else if (target && typeof target === 'object' && typeof (target as { page?: unknown }).page === 'string') {
    page = (target as { page: string }).page;
  } else {
    const reuse = activeReuseTarget();
    page = reuse ? await ctx.reuses.page(reuse.id) : `${ctx.session.client.baseUrl.origin}/`;
  }
  return webUrl(page) ? page : undefined;
}

/**
 * The node's page; an organization's comes from GET /me/ (fetched once per sign-in),
 * since the list masks leave it out, and falls back to the site's address by id. A
 * dataset's (and so a resource's) is asked when needed: the Organization Datasets list
 * leaves it out too, being the biggest answer of the extension.
 */
export async function resolvePage(node: TreeNode, session: Pick<AuthSession, 'client' | 'me'>): Promise<string | undefined> {
  const page = pageOf(node);
  if (page) return page;
  if (node.kind === 'dataset' || node.kind === 'resource') {
    const dataset = await session.client.getDataset(node.dataset.id, { fields: 'id,page' });
    if (!dataset.page) return undefined;
    node.dataset.page = dataset.page;
    return pageOf(node);
  }
  if (node.kind !== 'group' || !node.organization) return page;
  const id = node.organization.id;
  const me = await session.me().catch(() => undefined);
  return me?.organizations?.find((org) => org.id === id)?.page ?? `${session.client.baseUrl.origin}/organizations/${encodeURIComponent(id)}/`;
}

export function isTreeNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string' && 'id' in value;
}
