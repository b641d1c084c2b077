// The account actions: Edit My Profile, My Metrics, Regenerate API Key, Revoke API Key
// on data.gouv.fr, Delete My Account, and the menu the status bar item opens.
import * as vscode from 'vscode';
import { profilePageUrl } from '../api/apiUrl';
import { ApiError } from '../api/errors';
import { metricsLines } from '../account/accountStatusBar';
import type { AuthSession } from '../auth/session';
import { profileUri } from '../documents/documentUris';
import { personName } from '../tree/format';
import { describeError } from '../util/errorReporting';
import { runCommand, type CommandId } from './commandIds';
import { defineCommand, type Command } from './registry';
import { confirm, inform, openDocument, withNotification } from './dialogs';

const l10n = vscode.l10n;

export const accountCommands: Command[] = [
  defineCommand({
    id: 'datagouv.editProfile',
    name: 'Edit My Profile',
    needsSignIn: true,
    async run() {
      await openDocument(profileUri());
    },
  }),
  defineCommand({
    id: 'datagouv.showMetrics',
    name: 'My Metrics',
    needsSignIn: true,
    async run({ session, account, statusBar }) {
      const metrics = await withNotification(l10n.t('Loading your metrics…'), () => account.metrics());
      statusBar.setMetrics(metrics);
      const me = await session.me();
      await vscode.window.showInformationMessage(l10n.t('Metrics of {0}', personName(me)), { modal: true, detail: metricsLines(metrics).join('\n') });
    },
  }),
  defineCommand({
    id: 'datagouv.regenerateApiKey',
    name: 'Regenerate API Key',
    needsSignIn: true,
    async run({ session, account }) {
      const confirmed = await confirm(
        l10n.t('Regenerate your API key?'),
        l10n.t('The current key stops working everywhere at once: scripts, other computers, other tools. This window switches to the new key.'),
        l10n.t('Regenerate'),
      );
      if (!confirmed) return;
      try {
        const apikey = await account.regenerateKey();
        await session.signIn(apikey); // checked and stored like any key
        void inform(l10n.t('A new API key was generated and stored. Update your other tools with it (copy it from your profile page).'));
      } catch (error) {
        if (!(await offerTokenPage(session, error))) throw error;
      }
    },
  }),
  defineCommand({
    id: 'datagouv.revokeApiKey',
    name: 'Revoke API Key',
    needsSignIn: true,
    async run({ session, account }) {
      const confirmed = await confirm(
        l10n.t('Revoke your API key on data.gouv.fr?'),
        l10n.t('The key stops working everywhere, and you are signed out here.'),
        l10n.t('Revoke'),
      );
      if (!confirmed) return;
      try {
        await account.revokeKey();
      } catch (error) {
        if (await offerTokenPage(session, error)) return;
        throw error;
      }
      await session.signOut();
      void inform(l10n.t('Your API key was revoked on data.gouv.fr and removed from this computer.'));
    },
  }),
  defineCommand({
    id: 'datagouv.deleteAccount',
    name: 'Delete My Account',
    needsSignIn: true,
    async run({ session, account }) {
      // Who the key in use belongs to now, read again: never a name cached for another key.
      const identity = session.identity;
      const me = await identity.me(true);
      const slug = me.slug ?? me.id;
      const typed = await vscode.window.showInputBox({
        title: l10n.t('Delete your data.gouv.fr account'),
        prompt: l10n.t('This deletes your account on {0} for good. Type your account name, {1}, to confirm.', identity.client.baseUrl.host, slug),
        placeHolder: slug,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === slug ? undefined : l10n.t('Type {0} exactly to confirm.', slug)),
      });
      if (typed?.trim() !== slug) return;
      if (session.identity !== identity) {
        void vscode.window.showWarningMessage(l10n.t('The API key changed while you were confirming: nothing was deleted. Run "Delete My Account" again.'));
        return;
      }
      // The client of the identity confirmed: it sends that key and no other.
      await account.deleteAccount(identity.client);
      await session.signOut();
      void inform(l10n.t('Your data.gouv.fr account was deleted, and you are signed out.'));
    },
  }),
  defineCommand({
    id: 'datagouv.accountMenu',
    name: 'Account Menu',
    async run({ session }) {
      if (!session.isSignedIn) return runCommand('datagouv.setApiKey');
      const actions: MenuAction[] = [
        menuAction('edit', l10n.t('Edit My Profile'), 'datagouv.editProfile'),
        menuAction('graph', l10n.t('My Metrics'), 'datagouv.showMetrics'),
        menuAction('globe', l10n.t('Open My Profile Page'), 'datagouv.openProfilePage'),
        menuAction('key', l10n.t('Manage API Tokens…'), 'datagouv.manageApiTokens'),
        menuAction('organization', l10n.t('Organization Invitations…'), 'datagouv.orgInvitations'),
        menuAction('key', l10n.t('Regenerate API Key'), 'datagouv.regenerateApiKey'),
        menuAction('circle-slash', l10n.t('Revoke API Key on data.gouv.fr'), 'datagouv.revokeApiKey'),
        menuAction('sign-out', l10n.t('Sign Out'), 'datagouv.signOut'),
        menuAction('trash', l10n.t('Delete My Account'), 'datagouv.deleteAccount'),
      ];
      let title: string;
      try {
        const me = await session.me();
        title = `${personName(me)} — ${session.client.baseUrl.host}`;
      } catch (error) {
        title = describeError(error);
      }
      const picked = await vscode.window.showQuickPick(actions, { title, placeHolder: l10n.t('Account actions') });
      if (picked) await runCommand(picked.command);
      return undefined;
    },
  }),
  defineCommand({
    id: 'datagouv.openProfilePage',
    name: 'Open My Profile Page',
    run: ({ session }) => openProfilePage(session),
  }),
];

type MenuAction = vscode.QuickPickItem & { command: CommandId };

/** An item of the account menu: its codicon, its label, and the command it runs. */
function menuAction(icon: string, label: string, command: CommandId): MenuAction {
  return { label: `$(${icon}) ${label}`, command };
}

/** The user's profile page on the configured site, in the browser (where newer servers manage API tokens). */
function openProfilePage(session: AuthSession): Thenable<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(profilePageUrl(session.client.baseUrl)));
}

/**
 * Newer data.gouv.fr servers manage API tokens on the web page and answer 404/405 to
 * `/me/apikey`: say so and offer the page. True when that was the case.
 */
async function offerTokenPage(session: AuthSession, error: unknown): Promise<boolean> {
  if (!(error instanceof ApiError) || (error.kind !== 'notFound' && error.kind !== 'methodNotAllowed')) return false;
  const open = l10n.t('Open Profile Page');
  const choice = await inform(
    l10n.t('This data.gouv.fr server manages API keys on your profile page, not through this command. Create or revoke keys there.'),
    open,
  );
  if (choice === open) await openProfilePage(session);
  return true;
}
