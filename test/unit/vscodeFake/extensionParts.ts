// The real parts of the extension that run inside VS Code, assembled on the fake
// `vscode` for the fast tests: the key store on an in-memory SecretStorage (shared by
// "windows" like the real one), the session, and the datagouv: file system with a
// workspace storage that survives a "restart".
import { ApiKeyStore, secretNameFor } from '../../../src/auth/apiKeyStore';
import { COMMANDS, registerCommands, type CommandContext } from '../../../src/commands';
import { AccountService } from '../../../src/services/accountService';
import { AuthSession } from '../../../src/auth/session';
import { DatagouvFileSystem, type SaveConflict } from '../../../src/documents/fs/datagouvFileSystem';
import { documentKind } from '../../../src/documents/fs/documentKind';
import { profileKind } from '../../../src/documents/profile/profileKind';
import { reuseKind } from '../../../src/documents/reuse/reuseKind';
import { datasetKind } from '../../../src/documents/dataset/datasetKind';
import { resourceKind } from '../../../src/documents/resource/resourceKind';
import { Log } from '../../../src/util/log';
import { EventEmitter, fake } from './vscode';

/** One SecretStorage for every window of the machine, as VS Code's is. */
export class MemorySecrets {
  private readonly values = new Map<string, string>();
  private readonly emitter = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.emitter.fire({ key });
  }
  /** Every value stored: where the tests look for a key that must not be elsewhere. */
  all(): string[] {
    return [...this.values.values()];
  }
}

/** A Memento: `context.workspaceState`. */
export class MemoryStorage {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}

export function setApiUrl(url: string): void {
  fake.configuration.set('datagouv.apiUrl', url);
  fake.configurationChanges.fire({ affectsConfiguration: (section) => 'datagouv.apiUrl'.startsWith(section) });
}

export interface Window {
  session: AuthSession;
  keys: ApiKeyStore;
  files: DatagouvFileSystem;
  conflicts: SaveConflict[];
  dispose(): void;
}

/** One VS Code window's extension: its own session and file system on shared secrets. */
export async function openWindow(secrets: MemorySecrets, storage = new MemoryStorage()): Promise<Window> {
  const log = new Log();
  const keys = new ApiKeyStore(secrets);
  const session = new AuthSession(keys, log);
  await session.initialize();
  const conflicts: SaveConflict[] = [];
  const files = new DatagouvFileSystem(
    [documentKind(reuseKind), documentKind(profileKind), documentKind(datasetKind()), documentKind(resourceKind)],
    session,
    log,
    (conflict) => conflicts.push(conflict),
    storage,
  );
  return {
    session,
    keys,
    files,
    conflicts,
    dispose() {
      files.dispose();
      session.dispose();
      keys.dispose();
    },
  };
}

/** Lets pending promise callbacks and event handlers run. */
export function tick(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition` holds (events and requests finish in their own time on a busy machine). */
export async function waitFor(condition: () => boolean, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(10);
  }
}

/**
 * A fresh fake VS Code with one window signed in to `apiUrl` with `key`, and the command
 * table registered with that window's parts (what a command test starts from).
 */
export async function signedInWindow(apiUrl: string, key: string, parts: Partial<CommandContext> = {}): Promise<{ secrets: MemorySecrets; window: Window }> {
  fake.reset();
  fake.registered.clear();
  setApiUrl(apiUrl);
  const secrets = new MemorySecrets();
  await secrets.store(secretNameFor(new URL(apiUrl).origin), key);
  const window = await openWindow(secrets);
  const log = { error: () => undefined, show: () => undefined };
  registerCommands({ session: window.session, account: new AccountService(window.session), log, ...parts } as unknown as CommandContext, COMMANDS);
  return { secrets, window };
}
