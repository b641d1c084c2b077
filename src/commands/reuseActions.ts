// Actions on one reuse, from its tree item, its open document or the palette: Delete,
// Archive / Unarchive, Make Private / Make Public, Follow / Unfollow, and for platform
// administrators Feature / Unfeature and badges.
import * as vscode from 'vscode';
import type { ReusePatch } from '../api/models';
import type { AuthSession } from '../auth/session';
import type { ReuseChanges } from '../documents/reuseChanges';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { resolveReuseTarget, type ReuseTarget } from './reuseTarget';

interface Deps {
  session: AuthSession;
  changes: ReuseChanges;
  log: Log;
}

export function registerReuseActionCommands(deps: Deps): vscode.Disposable[] {
  const { session, changes, log } = deps;

  /** Runs an action on the reuse the command targets, with progress, reporting failures. */
  const onReuse = (command: string, title: string, action: (target: ReuseTarget, name: string) => Promise<void>) =>
    vscode.commands.registerCommand(command, async (argument?: unknown) => {
      const target = await resolveReuseTarget(argument, session, title);
      if (!target) return;
      try {
        const name = target.title ?? (await session.client.getReuse(target.id, { fields: 'id,title' })).title ?? target.id;
        await action(target, name);
      } catch (error) {
        await reportError(log, `${title} ${target.id}`, error);
      }
    });

  const patch = (command: string, title: string, body: () => ReusePatch, done: (name: string) => string) =>
    onReuse(command, title, async (target, name) => {
      const reuse = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, () =>
        session.client.updateReuse(target.id, body()),
      );
      changes.changed(reuse.id);
      void vscode.window.showInformationMessage(done(name));
    });

  return [
    onReuse('datagouv.deleteReuse', vscode.l10n.t('Delete Reuse'), async (target, name) => {
      const remove = vscode.l10n.t('Delete');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete the reuse “{0}”?', name),
        { modal: true, detail: vscode.l10n.t('It disappears from data.gouv.fr. You can restore it later with "Restore Reuse".') },
        remove,
      );
      if (choice !== remove) return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting the reuse…') }, () =>
        session.client.deleteReuse(target.id),
      );
      changes.changed(target.id);
      const restore = vscode.l10n.t('Restore Reuse');
      const again = await vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is deleted.', name), restore);
      if (again === restore) await vscode.commands.executeCommand('datagouv.restoreReuse', { id: target.id, title: name });
    }),
    patch('datagouv.archiveReuse', vscode.l10n.t('Archive Reuse'), () => ({ archived: new Date().toISOString() }), (name) => vscode.l10n.t('“{0}” is archived.', name)),
    patch('datagouv.unarchiveReuse', vscode.l10n.t('Unarchive Reuse'), () => ({ archived: null }), (name) => vscode.l10n.t('“{0}” is no longer archived.', name)),
    patch('datagouv.makeReusePrivate', vscode.l10n.t('Make Reuse Private'), () => ({ private: true }), (name) => vscode.l10n.t('“{0}” is now private.', name)),
    patch('datagouv.makeReusePublic', vscode.l10n.t('Make Reuse Public'), () => ({ private: false }), (name) => vscode.l10n.t('“{0}” is now public.', name)),
    onReuse('datagouv.followReuse', vscode.l10n.t('Follow Reuse'), async (target, name) => {
      await session.client.followReuse(target.id);
      const { total } = await session.client.getReuseFollowers(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('You follow “{0}” ({1} followers).', name, total));
    }),
    onReuse('datagouv.unfollowReuse', vscode.l10n.t('Unfollow Reuse'), async (target, name) => {
      await session.client.unfollowReuse(target.id);
      const { total } = await session.client.getReuseFollowers(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('You no longer follow “{0}” ({1} followers).', name, total));
    }),
    onReuse('datagouv.showFollowers', vscode.l10n.t('Show Followers'), async (target, name) => {
      const me = await session.me();
      const [all, mine] = await Promise.all([
        session.client.getReuseFollowers(target.id),
        session.client.getReuseFollowers(target.id, { user: me.id }),
      ]);
      const follow = vscode.l10n.t('Follow');
      const unfollow = vscode.l10n.t('Unfollow');
      const following = mine.total > 0;
      const choice = await vscode.window.showInformationMessage(
        following
          ? vscode.l10n.t('“{0}” has {1} followers, you included.', name, all.total)
          : vscode.l10n.t('“{0}” has {1} followers.', name, all.total),
        following ? unfollow : follow,
      );
      if (choice) await vscode.commands.executeCommand(following ? 'datagouv.unfollowReuse' : 'datagouv.followReuse', { id: target.id, title: name });
    }),
    onReuse('datagouv.featureReuse', vscode.l10n.t('Feature Reuse'), async (target, name) => {
      await session.client.setReuseFeatured(target.id, true);
      changes.changed(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is featured on data.gouv.fr.', name));
    }),
    onReuse('datagouv.unfeatureReuse', vscode.l10n.t('Unfeature Reuse'), async (target, name) => {
      await session.client.setReuseFeatured(target.id, false);
      changes.changed(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is no longer featured.', name));
    }),
    onReuse('datagouv.addReuseBadge', vscode.l10n.t('Add Badge'), async (target, name) => {
      const kinds = await session.client.getReuseBadgeKinds();
      const picked = await vscode.window.showQuickPick(
        Object.entries(kinds).map(([kind, label]) => ({ label, description: kind, badgeKind: kind })),
        { title: vscode.l10n.t('Badge for “{0}”', name) },
      );
      if (!picked) return;
      await session.client.addReuseBadge(target.id, picked.badgeKind);
      changes.changed(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Badge “{0}” added to “{1}”.', picked.label, name));
    }),
    onReuse('datagouv.removeReuseBadge', vscode.l10n.t('Remove Badge'), async (target, name) => {
      const [reuse, kinds] = await Promise.all([session.client.getReuse(target.id, { fields: 'id,badges' }), session.client.getReuseBadgeKinds()]);
      const badges = (reuse.badges ?? []).map((badge) => ({ label: kinds[badge.kind] ?? badge.kind, description: badge.kind, badgeKind: badge.kind }));
      if (!badges.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no badge.', name));
        return;
      }
      const picked = await vscode.window.showQuickPick(badges, { title: vscode.l10n.t('Badge to remove from “{0}”', name) });
      if (!picked) return;
      await session.client.removeReuseBadge(target.id, picked.badgeKind);
      changes.changed(target.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Badge “{0}” removed from “{1}”.', picked.label, name));
    }),
  ];
}
