// Builds the extension's parts and registers them; nothing else. Activation does no
// network: it reads the stored key (SecretStorage) and sets the context keys.
import * as vscode from 'vscode';
import { AccountStatusBar } from './account/accountStatusBar';
import { ApiKeyStore } from './auth/apiKeyStore';
import { AuthSession } from './auth/session';
import { registerAccountCommands } from './commands/account';
import { registerAddDatasetCommands } from './commands/addDatasetToReuse';
import { registerNewReuseCommand } from './commands/newReuse';
import { registerOpenReuseCommand } from './commands/openReuse';
import { registerReuseActionCommands } from './commands/reuseActions';
import { registerRestoreReuseCommand } from './commands/restoreReuse';
import { registerSetApiKeyCommand } from './commands/setApiKey';
import { registerShowFullJsonCommand } from './commands/showFullJson';
import { registerShowLogCommand } from './commands/showLog';
import { registerSignOutCommand } from './commands/signOut';
import { FullJsonProvider } from './documents/fullJsonProvider';
import { registerAutoSaveNotice } from './documents/autoSaveNotice';
import { DatagouvFileSystem } from './documents/fs/datagouvFileSystem';
import { documentKind } from './documents/fs/documentKind';
import { SaveConflicts, SERVER_VERSION_SCHEME } from './documents/fs/saveConflicts';
import { registerDatasetHints } from './documents/datasetHints';
import { profileKind } from './documents/profileKind';
import { ReuseChanges } from './documents/reuseChanges';
import { reuseKind } from './documents/reuseKind';
import { DOCUMENT_SCHEME, FULL_JSON_SCHEME } from './documents/documentUris';
import { registerSidebar, REUSES_VIEW } from './tree';
import { Log } from './util/log';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const log = new Log();
  const keys = new ApiKeyStore(context.secrets);
  const session = new AuthSession(keys, log);
  const conflicts = new SaveConflicts();
  const documents = new DatagouvFileSystem([documentKind(reuseKind), documentKind(profileKind)], session, log, conflicts.handle, context.workspaceState);
  const reuseChanges = new ReuseChanges(documents);
  context.subscriptions.push(
    documents,
    reuseChanges,
    vscode.workspace.registerFileSystemProvider(DOCUMENT_SCHEME, documents, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(FULL_JSON_SCHEME, new FullJsonProvider(session)),
    conflicts,
    vscode.workspace.registerTextDocumentContentProvider(SERVER_VERSION_SCHEME, conflicts),
    registerAutoSaveNotice(context.globalState),
    registerOpenReuseCommand(session, log),
    registerShowFullJsonCommand(session),
    registerRestoreReuseCommand(session, reuseChanges, log),
    registerNewReuseCommand(session, reuseChanges, log),
    ...registerReuseActionCommands({ session, changes: reuseChanges, log }),
    ...registerAddDatasetCommands(session, reuseChanges, log),
    log,
    keys,
    session,
    registerSetApiKeyCommand(session, log),
    registerSignOutCommand(session, log),
    registerShowLogCommand(log),
    registerDatasetHints(session, log),
  );
  await session.initialize();
  const statusBar = new AccountStatusBar(session);
  context.subscriptions.push(statusBar, ...registerAccountCommands(session, statusBar, log));
  // The views register once the signed-in state is known, so that they never flash the
  // signed-out welcome; they reload by themselves on session changes and after a save.
  const sidebar = registerSidebar(session, log, context.globalState);
  context.subscriptions.push(
    sidebar,
    reuseChanges.onDidChange(() => sidebar.refresh(REUSES_VIEW)),
    // Who is signed in, for the status bar: asked when the sidebar loads, never at activation.
    sidebar.reuses.onDidChangeTreeData(() => {
      if (session.isSignedIn) session.me().catch(() => undefined);
    }),
  );
  // Read by the cost scenario (test/e2e/scenarios/20-cost.e2e.ts) and useful to anyone.
  log.info(`Activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
