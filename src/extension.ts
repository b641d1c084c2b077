// Builds the extension's parts and registers them; nothing else. Activation does no
// network: it reads the stored key (SecretStorage) and sets the context keys.
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { AuthSession } from './auth/session';
import { registerOpenReuseCommand } from './commands/openReuse';
import { registerRestoreReuseCommand } from './commands/restoreReuse';
import { registerSetApiKeyCommand } from './commands/setApiKey';
import { registerShowFullJsonCommand } from './commands/showFullJson';
import { registerShowLogCommand } from './commands/showLog';
import { registerSignOutCommand } from './commands/signOut';
import { FullJsonProvider } from './documents/fullJsonProvider';
import { ReuseFileSystemProvider } from './documents/reuseFileSystemProvider';
import { DOCUMENT_SCHEME, FULL_JSON_SCHEME } from './documents/reuseUri';
import { Log } from './util/log';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = new Log();
  const keys = new ApiKeyStore(context.secrets);
  const session = new AuthSession(keys, log);
  const documents = new ReuseFileSystemProvider(session, log);
  context.subscriptions.push(
    documents,
    vscode.workspace.registerFileSystemProvider(DOCUMENT_SCHEME, documents, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(FULL_JSON_SCHEME, new FullJsonProvider(session)),
    registerOpenReuseCommand(session, log),
    registerShowFullJsonCommand(session),
    registerRestoreReuseCommand(session, documents, log),
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
