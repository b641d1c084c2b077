// Actions on one reuse, from its tree item, its open document or the palette: Delete,
// Archive / Unarchive, Make Private / Make Public, Follow / Unfollow / Show Followers,
// and for platform administrators Feature / Unfeature and badges. The reuse service
// announces each change: the views and open documents follow by themselves.
import * as vscode from 'vscode';
import { runCommand, type CommandId } from './commandIds';
import type { Command, CommandContext } from './registry';
import { ARCHIVE, MAKE_PRIVATE, MAKE_PUBLIC, patchingCommand, targetedCommand, UNARCHIVE, type StateChange, type TargetKind } from './targetedCommand';
import { resolveReuseTarget, type ReuseTarget } from './reuseTarget';
import { confirmAndDelete, inform, offerRestore } from './dialogs';

const l10n = vscode.l10n;

const REUSE: TargetKind<ReuseTarget> = {
  resolve: (argument, ctx, title) => resolveReuseTarget(argument, ctx, title),
  titleOf: (ctx, id) => ctx.reuses.title(id),
};
/** Following is mostly for other people's reuses: the pick also searches all of data.gouv.fr. */
const ANY_REUSE: TargetKind<ReuseTarget> = { ...REUSE, resolve: (argument, ctx, title) => resolveReuseTarget(argument, ctx, title, true) };

function reuseCommand(
  id: CommandId,
  name: string,
  title: () => string,
  action: (ctx: CommandContext, target: ReuseTarget, reuseTitle: string) => Promise<void>,
  kind = REUSE,
): Command {
  return targetedCommand(kind, id, name, title, action);
}

function patchCommand(id: CommandId, name: string, title: () => string, change: StateChange): Command {
  return patchingCommand(REUSE, (ctx, reuseId, patch) => ctx.reuses.update(reuseId, patch), id, name, title, change);
}

export const reuseActionCommands: Command[] = [
  reuseCommand(
    'datagouv.deleteReuse',
    'Delete Reuse',
    () => l10n.t('Delete Reuse'),
    async (ctx, target, name) => {
      const deleted = await confirmAndDelete(
        l10n.t('Delete the reuse “{0}”?', name),
        l10n.t('It disappears from data.gouv.fr. You can restore it later with "Restore Reuse".'),
        l10n.t('Deleting the reuse…'),
        () => ctx.reuses.delete(target.id),
      );
      if (deleted) await offerRestore(name, l10n.t('Restore Reuse'), () => runCommand('datagouv.restoreReuse', { id: target.id, title: name }));
    },
  ),
  patchCommand('datagouv.archiveReuse', 'Archive Reuse', () => l10n.t('Archive Reuse'), ARCHIVE),
  patchCommand('datagouv.unarchiveReuse', 'Unarchive Reuse', () => l10n.t('Unarchive Reuse'), UNARCHIVE),
  patchCommand('datagouv.makeReusePrivate', 'Make Reuse Private', () => l10n.t('Make Reuse Private'), MAKE_PRIVATE),
  patchCommand('datagouv.makeReusePublic', 'Make Reuse Public', () => l10n.t('Make Reuse Public'), MAKE_PUBLIC),
  reuseCommand(
    'datagouv.followReuse',
    'Follow Reuse',
    () => l10n.t('Follow Reuse'),
    async (ctx, target, name) => {
      const total = await ctx.reuses.follow(target.id);
      void inform(l10n.t('You follow “{0}” ({1} followers).', name, total));
    },
    ANY_REUSE,
  ),
  reuseCommand(
    'datagouv.unfollowReuse',
    'Unfollow Reuse',
    () => l10n.t('Unfollow Reuse'),
    async (ctx, target, name) => {
      const total = await ctx.reuses.unfollow(target.id);
      void inform(l10n.t('You no longer follow “{0}” ({1} followers).', name, total));
    },
    ANY_REUSE,
  ),
  reuseCommand(
    'datagouv.showFollowers',
    'Show Followers',
    () => l10n.t('Show Followers'),
    async (ctx, target, name) => {
      const me = await ctx.session.me();
      const [all, mine] = await Promise.all([ctx.reuses.followers(target.id), ctx.reuses.followers(target.id, me.id)]);
      const follow = l10n.t('Follow');
      const unfollow = l10n.t('Unfollow');
      const following = mine.total > 0;
      const choice = await inform(
        following ? l10n.t('“{0}” has {1} followers, you included.', name, all.total) : l10n.t('“{0}” has {1} followers.', name, all.total),
        following ? unfollow : follow,
      );
      if (choice) await runCommand(following ? 'datagouv.unfollowReuse' : 'datagouv.followReuse', { id: target.id, title: name });
    },
    ANY_REUSE,
  ),
  reuseCommand(
    'datagouv.featureReuse',
    'Feature Reuse',
    () => l10n.t('Feature Reuse'),
    async (ctx, target, name) => {
      await ctx.reuses.setFeatured(target.id, true);
      void inform(l10n.t('“{0}” is featured on data.gouv.fr.', name));
    },
  ),
  reuseCommand(
    'datagouv.unfeatureReuse',
    'Unfeature Reuse',
    () => l10n.t('Unfeature Reuse'),
    async (ctx, target, name) => {
      await ctx.reuses.setFeatured(target.id, false);
      void inform(l10n.t('“{0}” is no longer featured.', name));
    },
  ),
  reuseCommand(
    'datagouv.addReuseBadge',
    'Add Badge',
    () => l10n.t('Add Badge'),
    async (ctx, target, name) => {
      const kinds = await ctx.reuses.badgeKinds();
      if (!Object.keys(kinds).length) {
        // Core udata defines no reuse badge (GET /reuses/badges/ answers {}).
        void inform(l10n.t('No badge is available for reuses on this data.gouv.fr platform.'));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        Object.entries(kinds).map(([kind, label]) => badgeItem(kind, label)),
        { title: l10n.t('Badge for “{0}”', name) },
      );
      if (!picked) return;
      await ctx.reuses.addBadge(target.id, picked.badgeKind);
      void inform(l10n.t('Badge “{0}” added to “{1}”.', picked.label, name));
    },
  ),
  reuseCommand(
    'datagouv.removeReuseBadge',
    'Remove Badge',
    () => l10n.t('Remove Badge'),
    async (ctx, target, name) => {
      const [held, kinds] = await Promise.all([ctx.reuses.badges(target.id), ctx.reuses.badgeKinds()]);
      const badges = held.map((kind) => badgeItem(kind, kinds[kind] ?? kind));
      if (!badges.length) {
        void inform(l10n.t('“{0}” has no badge.', name));
        return;
      }
      const picked = await vscode.window.showQuickPick(badges, { title: l10n.t('Badge to remove from “{0}”', name) });
      if (!picked) return;
      await ctx.reuses.removeBadge(target.id, picked.badgeKind);
      void inform(l10n.t('Badge “{0}” removed from “{1}”.', picked.label, name));
    },
  ),
];

/** A badge in a pick: its label, and its kind beside it (what the API calls it). */
function badgeItem(kind: string, label: string): vscode.QuickPickItem & { badgeKind: string } {
  return { label, description: kind, badgeKind: kind };
}
