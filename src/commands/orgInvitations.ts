// "data.gouv.fr: Organization Invitations…": the pending invitations to join an
// organization, each accepted or refused from here. Accepting one changes what the
// user may see and edit: the account is read again and the views reload.
import * as vscode from 'vscode';
import type { OrgInvitation } from '../api/models';
import { defineCommand } from './registry';
import { inform, withNotification } from './dialogs';

const l10n = vscode.l10n;

export const orgInvitationsCommand = defineCommand({
  id: 'datagouv.orgInvitations',
  name: 'Organization Invitations',
  needsSignIn: true,
  async run(ctx) {
    const invitations = await withNotification(l10n.t('Loading your invitations…'), () => ctx.account.invitations());
    if (!invitations.length) {
      void inform(l10n.t('You have no pending invitation to join an organization.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      invitations.map((invitation) => ({
        label: `$(organization) ${invitation.organization?.name ?? invitation.id}`,
        description: roleLabel(invitation),
        detail: invitation.comment ?? undefined,
        invitation,
      })),
      { title: l10n.t('Invitations to join an organization'), placeHolder: l10n.t('Pick an invitation to answer it') },
    );
    if (!picked) return;
    const name = picked.invitation.organization?.name ?? picked.invitation.id;
    const accept = l10n.t('Accept');
    const refuse = l10n.t('Refuse');
    const answer = await vscode.window.showInformationMessage(
      l10n.t('Join “{0}” as {1}?', name, roleLabel(picked.invitation)),
      { modal: true, detail: picked.invitation.comment ?? undefined },
      accept,
      refuse,
    );
    if (answer !== accept && answer !== refuse) return;
    await ctx.account.answerInvitation(picked.invitation.id, answer === accept ? 'accept' : 'refuse');
    if (answer === accept) {
      // New organizations: new datasets, reuses and discussions to show.
      await ctx.session.identity.me(true).catch(() => undefined);
      ctx.sidebar.refresh();
      void inform(l10n.t('You are now a member of “{0}”.', name));
    } else {
      void inform(l10n.t('The invitation of “{0}” was refused.', name));
    }
  },
});

function roleLabel(invitation: OrgInvitation): string {
  return invitation.role === 'admin' ? l10n.t('administrator') : l10n.t('editor');
}
