// Builds the extension's parts and registers them; nothing else. Activation does no
// network: it reads the stored key (SecretStorage) and sets the context keys.
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { AuthSession } from './auth/session';
import { registerSetApiKeyCommand } from './commands/setApiKey';
import { registerShowLogCommand } from './commands/showLog';
import { registerSignOutCommand } from './commands/signOut';
import { Log } from './util/log';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = new Log();
  const keys = new ApiKeyStore(context.secrets);
  const session = new AuthSession(keys, log);
  context.subscriptions.push(
    log,
    keys,
    session,
    registerSetApiKeyCommand(session, log),
    registerSignOutCommand(session, log),
    registerShowLogCommand(log),
  );
  await session.initialize();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
