// "Load more…": the node at the end of a dataset's Reuses or Community Resources while
// pages remain; a click asks data.gouv.fr for the next page and adds it to the list.
import { defineCommand } from './registry';
import type { ListNode } from '../tree/nodes';

export const loadMoreCommand = defineCommand({
  id: 'datagouv.loadMore',
  name: 'Load More',
  needsSignIn: true,
  async run(ctx, node?: unknown) {
    if ((node as ListNode | undefined)?.kind === 'list') await ctx.sidebar.loadMore(node as ListNode);
  },
});
