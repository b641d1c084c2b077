// What the file system remembers per open document (by URI): the base — the exact
// document the editor was given, the starting point of the user's changes — the file
// stat VS Code was told for it, and who opened it where. The base moves only when the
// editor's text is replaced by a new server version; session events, reloads and
// actions on the object leave it alone. It is kept in the workspace's storage too, so
// a dirty editor restored after a restart still saves against what it was opened from.
import type { DocumentBinding } from './documentBinding';

export interface DocumentStat {
  mtime: number;
  size: number;
}

/** A version of the object the file system can give an editor. */
export interface ServerVersion {
  document: object;
  text: string;
  value: unknown;
  stat: DocumentStat;
}

export interface DocumentBase {
  /** Index of the document kind, and the object's key for it. */
  kind: number;
  key: string;
  /** What the editor holds, as last given or written; undefined when unknown. */
  base: object | undefined;
  baseText: string;
  /** The last full object read: permissions, deletion, title. */
  value: unknown;
  /** What stat() says while the editor holds the base. */
  stat: DocumentStat;
  binding: DocumentBinding;
  /** A newer server version, given to the editor by its next read (when it is clean). */
  pending?: ServerVersion;
  /** When the editor was last given a version (readFile), in this session. */
  readAt?: number;
  /** Answered once, to the stat VS Code makes right after a write. */
  postWriteStat?: DocumentStat;
}

/** The storage of VS Code the bases persist in (a Memento: `context.workspaceState`). */
export interface BaseStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** What survives a restart: the base and stat, and who opened it (not the session's identity). */
type StoredBase = Pick<DocumentBase, 'kind' | 'key' | 'base' | 'baseText' | 'value' | 'stat'> &
  Pick<DocumentBinding, 'origin' | 'accountId' | 'accountName'> & { savedAt: number };

const STORAGE_KEY = 'datagouv.documentBases';
/** A base not touched for this long belongs to an editor that will not come back. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

export class DocumentBases {
  readonly #open = new Map<string, DocumentBase>();
  readonly #storage?: BaseStorage;

  constructor(storage?: BaseStorage) {
    this.#storage = storage;
    this.#prune();
  }

  /** The base of a document, from memory or, after a restart, from storage. */
  get(uri: string): DocumentBase | undefined {
    let found = this.#open.get(uri);
    if (!found) {
      const stored = this.#stored()[uri];
      if (stored) {
        const { origin, accountId, accountName, savedAt: _savedAt, ...kept } = stored;
        found = { ...kept, binding: { origin, accountId, accountName } };
        this.#open.set(uri, found);
      }
    }
    return found;
  }

  set(uri: string, base: DocumentBase): void {
    this.#open.set(uri, base);
    this.persist(uri);
  }

  /** Writes the current state of a base to storage (after a change made in place). */
  persist(uri: string): void {
    const found = this.#open.get(uri);
    if (!found || !this.#storage) return;
    const { kind, key, base, baseText, value, stat, binding } = found;
    const all = { ...this.#stored() };
    all[uri] = {
      kind,
      key,
      base,
      baseText,
      value,
      stat,
      origin: binding.origin,
      accountId: binding.accountId,
      accountName: binding.accountName,
      savedAt: Date.now(),
    };
    void this.#storage.update(STORAGE_KEY, all);
  }

  delete(uri: string): void {
    this.#open.delete(uri);
    if (!this.#storage || !(uri in this.#stored())) return;
    const all = { ...this.#stored() };
    delete all[uri];
    void this.#storage.update(STORAGE_KEY, all);
  }

  /** The open documents of one object. */
  *of(kind: number, key: string): Iterable<[string, DocumentBase]> {
    for (const entry of this.#open) if (entry[1].kind === kind && entry[1].key === key) yield entry;
  }

  #stored(): Record<string, StoredBase> {
    return this.#storage?.get<Record<string, StoredBase>>(STORAGE_KEY) ?? {};
  }

  #prune(): void {
    if (!this.#storage) return;
    const all = this.#stored();
    const kept = Object.fromEntries(Object.entries(all).filter(([, stored]) => Date.now() - stored.savedAt < KEEP_MS));
    if (Object.keys(kept).length !== Object.keys(all).length) void this.#storage.update(STORAGE_KEY, kept);
  }
}
