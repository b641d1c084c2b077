// "data.gouv.fr: Manage API Tokens…": since udata 16 a key is one of several named,
// revocable tokens. The pick lists them (the one this editor uses is marked, by its
// prefix), creates a named token and signs in with it in one step (its plaintext goes
// straight to the secret storage and is never shown), and revokes one (revoking the
// one in use signs out).
import * as vscode from 'vscode';
import type { ApiToken } from '../api/models';
import { defineCommand, type CommandContext } from './registry';
import { confirm, inform, withNotification } from './dialogs';

const l10n = vscode.l10n;

type Item = vscode.QuickPickItem & { token?: ApiToken; create?: true };

export const manageApiTokensCommand = defineCommand({
  id: 'datagouv.manageApiTokens',
  name: 'Manage API Tokens',
  needsSignIn: true,
  async run(ctx) {
    const tokens = await withNotification(l10n.t('Loading your API tokens…'), () => ctx.account.tokens());
    const items: Item[] = [
      { label: `$(add) ${l10n.t('Create a Token and Sign In With It…')}`, create: true },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...tokens.map((token) => tokenItem(ctx, token)),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: l10n.t('API tokens on {0}', ctx.session.client.baseUrl.host),
      placeHolder: l10n.t('Pick a token to revoke it, or create one'),
    });
    if (picked?.create) await createAndSignIn(ctx);
    else if (picked?.token) await revoke(ctx, picked.token);
  },
});

function tokenItem(ctx: CommandContext, token: ApiToken): Item {
  const inUse = ctx.session.usesToken(token.token_prefix);
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleDateString(vscode.env.language) : '—');
  return {
    label: `$(key) ${token.name || l10n.t('Unnamed token')}`,
    description: [`${token.token_prefix ?? ''}…`, inUse ? l10n.t('used by this editor') : undefined].filter(Boolean).join(' · '),
    detail: l10n.t(
      'Created {0} · last used {1} · expires {2}',
      date(token.created_at),
      date(token.last_used_at),
      token.expires_at ? date(token.expires_at) : l10n.t('never'),
    ),
    token,
  };
}

async function createAndSignIn(ctx: CommandContext): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: l10n.t('New API token'),
    prompt: l10n.t('A name to recognise it later, e.g. "VS Code on my laptop". The token is stored in VS Code only: data.gouv.fr never shows it again.'),
    value: l10n.t('VS Code'),
    validateInput: (value) => (value.trim() ? undefined : l10n.t('Give the token a name.')),
  });
  if (!name?.trim()) return;
  const created = await ctx.account.createToken(name.trim());
  if (!created.token) throw new Error(l10n.t('data.gouv.fr created the token but did not send it. Revoke it in "Manage API Tokens" and try again.'));
  // Checked with GET /me/ and stored like any key; never shown, never logged.
  await ctx.session.signIn(created.token);
  void inform(l10n.t('Signed in with the new token “{0}”.', name.trim()));
}

async function revoke(ctx: CommandContext, token: ApiToken): Promise<void> {
  const inUse = ctx.session.usesToken(token.token_prefix);
  const confirmed = await confirm(
    l10n.t('Revoke the token “{0}”?', token.name || token.token_prefix || token.id),
    inUse
      ? l10n.t('This editor uses it: you will be signed out. Scripts and tools that use it stop working too.')
      : l10n.t('Scripts and tools that use it stop working at once.'),
    l10n.t('Revoke'),
  );
  if (!confirmed) return;
  await ctx.account.revokeToken(token.id);
  if (inUse) await ctx.session.signOut();
  void inform(inUse ? l10n.t('The token was revoked, and you are signed out.') : l10n.t('The token “{0}” was revoked.', token.name || token.id));
}
