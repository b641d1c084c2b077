// Builds the extension's parts and registers them; nothing else. Activation does no
// network: it reads the stored key (SecretStorage) and sets the context keys. Both entry
// points call it: extension.ts (the Node extension host) and extension.web.ts (VS Code
// for the Web's web worker), each with what only its host can do (ExtensionHost).
//
// Data flows one way: a command or a view asks a service (src/services) or the
// datagouv: file system, which asks the API client; the services announce what they
// changed, and the views and open documents follow.
import * as vscode from 'vscode';
import { AccountStatusBar } from './account/accountStatusBar';
import { ApiKeyStore } from './auth/apiKeyStore';
import { AuthSession } from './auth/session';
import { COMMANDS, registerCommands } from './commands';
import { registerAutoSaveNotice } from './documents/autoSaveNotice';
import { DOCUMENT_SCHEME, FULL_JSON_SCHEME } from './documents/documentUris';
import { FullJsonProvider } from './documents/fullJsonProvider';
import { DatagouvFileSystem } from './documents/fs/datagouvFileSystem';
import { documentKind } from './documents/fs/documentKind';
import { SaveConflicts, SERVER_VERSION_SCHEME } from './documents/fs/saveConflicts';
import { profileKind } from './documents/profile/profileKind';
import { trackActiveDocument } from './documents/activeDocumentContext';
import { registerReferenceHints } from './documents/reuse/referenceHints';
import { registerZoneHints } from './documents/dataset/zoneHints';
import { registerChoiceHints } from './documents/dataset/choiceHints';
import { reuseKind } from './documents/reuse/reuseKind';
import { datasetKind } from './documents/dataset/datasetKind';
import { resourceKind } from './documents/resource/resourceKind';
import { PlatformChoices } from './services/platformChoices';
import type { ExtensionHost } from './extensionHost';
import { AccountService } from './services/accountService';
import { DatasetService } from './services/datasetService';
import { ReuseService } from './services/reuseService';
import { registerSidebar, DATASETS_VIEW, REUSES_VIEW } from './tree';
import { Log } from './util/log';

export async function activateExtension(context: vscode.ExtensionContext, host: ExtensionHost): Promise<void> {
  const started = performance.now();
  const log = new Log();
  const keys = new ApiKeyStore(context.secrets);
  const session = new AuthSession(keys, log, host);
  const reuses = new ReuseService(session);
  const datasets = new DatasetService(session);
  const account = new AccountService(session);
  const choices = new PlatformChoices(session, log);
  const conflicts = new SaveConflicts();
  const files = new DatagouvFileSystem(
    [
      documentKind(reuseKind),
      documentKind(profileKind),
      documentKind(
        datasetKind(
          () => choices.current() ?? {},
          () => void choices.load().catch(() => undefined),
        ),
      ),
      documentKind(resourceKind),
    ],
    session,
    log,
    conflicts.handle,
    context.workspaceState,
  );
  context.subscriptions.push(
    log,
    keys,
    session,
    reuses,
    datasets,
    choices,
    files,
    conflicts,
    vscode.workspace.registerFileSystemProvider(DOCUMENT_SCHEME, files, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(FULL_JSON_SCHEME, new FullJsonProvider(reuses)),
    vscode.workspace.registerTextDocumentContentProvider(SERVER_VERSION_SCHEME, conflicts),
    registerAutoSaveNotice(context.globalState),
    registerReferenceHints(session, log),
    registerZoneHints(session, log),
    registerChoiceHints(choices, log),
    trackActiveDocument(files),
    // An action changed a reuse on data.gouv.fr: its clean editors show the new version.
    reuses.onDidChange((id) => id && void files.refreshKey(id)),
    // The same for datasets and their resources.
    datasets.onDidChange(({ id, resourceId }) => {
      if (id) void files.refreshKey(id);
      if (id && resourceId) void files.refreshKey(`${id}/${resourceId}`);
    }),
  );
  const waitStarted = performance.now();
  await session.initialize();
  const waitEnded = performance.now();
  const statusBar = new AccountStatusBar(session);
  // The views register once the signed-in state is known, so that they never flash the
  // signed-out welcome; they reload by themselves on session changes.
  const sidebar = registerSidebar(session, log, context.globalState);
  context.subscriptions.push(
    statusBar,
    sidebar,
    reuses.onDidChange(() => sidebar.refresh(REUSES_VIEW)),
    datasets.onDidChange(() => sidebar.refresh(DATASETS_VIEW)),
    files.onDidSave(({ uri }) => {
      if (reuseKind.keyOf(uri.path)) sidebar.refresh(REUSES_VIEW);
      else if (uri.path.startsWith('/datasets/')) sidebar.refresh(DATASETS_VIEW);
    }),
    // Who is signed in, for the status bar: asked (once per key: it is cached) when the
    // sidebar's list arrives, at startup too, never at activation.
    sidebar.reuses.onDidLoad(() => {
      if (session.isSignedIn) session.me().catch(() => undefined);
    }),
    ...registerCommands({ session, log, reuses, datasets, choices, openUpload: host.openUpload, account, files, statusBar, sidebar }, COMMANDS),
  );
  // Read by the cost scenario (test/e2e/scenarios/20-cost.e2e.ts) and useful to anyone.
  const ended = performance.now();
  const ownWork = waitStarted - started + (ended - waitEnded);
  log.info(
    `Activated (${host.kind} extension host) in ${Math.round(ended - started)} ms: ${ownWork.toFixed(1)} ms of its own work, ${Math.round(waitEnded - waitStarted)} ms waiting for the secret storage`,
  );
}
