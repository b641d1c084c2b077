// The `datagouv` file system: each editable object of data.gouv.fr (a reuse, the
// profile) is a JSON document; reading it is a GET, saving it a PUT of the changed
// fields. stat() reports a version as mtime and the size of the document as the server
// would render it now, so VS Code's own "the content of the file is newer" check
// (which compares mtime and size) protects the user when the object changed on
// data.gouv.fr since it was opened: the API has no ETag. A save that fails throws, so
// VS Code keeps the document dirty and shows why.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { Translator } from '../api/errorMessages';
import type { AuthSession } from '../auth/session';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { DocumentSaveError, saveDocumentText, type SaveSteps } from './documentSaver';
import type { Problem } from './jsonDocumentCheck';

/** What a kind of document (reuses, the profile) tells the file system. */
export interface RemoteDocumentKind<D, T> {
  /** The key of the object a URI shows (a reuse id, 'me'), or undefined. */
  keyOf(uri: vscode.Uri): string | undefined;
  /** GET the object. */
  fetch(key: string): Promise<T>;
  /** A cheap read of the object's version (its last_modified); undefined to use fetch(). */
  fetchVersion?(key: string): Promise<string | undefined>;
  /** The version of a fetched object: its last_modified, or its rendered text. */
  versionOf(value: T, text: string): string;
  createdAt?(value: T): number | undefined;
  project(value: T): D;
  render(document: D): string;
  saveSteps(key: string, signal: AbortSignal): SaveSteps<D, T>;
  /** Why the object opens read-only, or undefined. */
  readonlyReason(value: T, l10n: Translator): string | undefined;
  /** Said once per opening when the document is read-only. */
  explainReadonly?(value: T, reason: string): void;
  /** Status bar text after a save. */
  savedMessage(value: T, l10n: Translator): string;
}

/** A kind with its types erased, as the file system keeps them side by side. */
export type AnyDocumentKind = RemoteDocumentKind<unknown, unknown>;

export function documentKind<D, T>(kind: RemoteDocumentKind<D, T>): AnyDocumentKind {
  // Each kind only ever receives the values it produced itself (entries remember their kind).
  return kind as unknown as AnyDocumentKind;
}

interface Entry {
  kind: AnyDocumentKind;
  value: unknown;
  /** What the editor was last given (readFile) or last wrote: the base of the next patch. */
  loaded: unknown;
  text: string;
  version: string;
  mtime: number;
  size: number;
  fetchedAt: number;
  /** Right after a save whose stored text differs from the typed one (normalised tags, URL). */
  pendingWrittenSize?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** A readFile right after the stat that fetched the object reuses that answer. */
const FRESH_MS = 3_000;
/**
 * VS Code stats a file several times in a row (opening, saving, after a save); a version
 * read this recently stands for all of them. Short, so that the check before a save
 * still sees a change made on data.gouv.fr meanwhile.
 */
const RECHECK_MS = 1_000;
/** A save slower than this gets a notification with a Cancel button. */
const SLOW_SAVE_MS = 2_000;

export class DatagouvFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly savedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; value: unknown }>();
  /** Fires after an object was saved on data.gouv.fr. */
  readonly onDidSave = this.savedEmitter.event;
  private readonly entries = new Map<string, Entry>();
  private readonly toldWhyReadonly = new Set<string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('data.gouv.fr');
  /** The GET in flight per object, shared by the stats and reads that need it. */
  private readonly loading = new Map<string, Promise<Entry>>();
  /** The save in flight per object: a second save waits for the first (no interleaved PUTs). */
  private readonly saving = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly kinds: readonly AnyDocumentKind[],
    session: AuthSession,
    private readonly log: Log,
  ) {
    this.disposables = [
      this.changeEmitter,
      this.savedEmitter,
      this.diagnostics,
      // Problems found at the last save no longer hold once the text changes.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === 'datagouv' && event.contentChanges.length) this.diagnostics.delete(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.toldWhyReadonly.delete(document.uri.toString())),
      // Another key or another API: what was read may not be readable any more.
      session.onDidChange(() => this.entries.clear()),
    ];
  }

  watch(): vscode.Disposable {
    // Changes are announced by this provider itself (after saves); nothing to watch.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const found = this.find(uri);
    if (!found) {
      if (uri.path === '/' || /^\/(reuses|me)(\/[^/]+)?$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const { kind, key, id } = found;
    let entry = this.entries.get(id);
    if (entry?.pendingWrittenSize !== undefined) {
      // The stat VS Code makes right after our write: answer with the size of what the
      // user typed, then announce a change so that the editor reloads what the server
      // stored (otherwise VS Code, seeing an unchanged etag, would keep the typed text).
      const size = entry.pendingWrittenSize;
      entry.pendingWrittenSize = undefined;
      setTimeout(() => this.changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri }]), 50);
      return this.fileStat(entry, size);
    }
    if (entry && Date.now() - entry.fetchedAt < RECHECK_MS) return this.fileStat(entry, entry.size);
    try {
      if (!entry) {
        entry = await this.load(kind, key, id);
      } else {
        const version = kind.fetchVersion ? await kind.fetchVersion(key) : undefined;
        if (version === undefined || version !== entry.version) entry = await this.load(kind, key, id, entry);
        else entry.fetchedAt = Date.now();
      }
    } catch (error) {
      throw this.toFileSystemError(error, uri);
    }
    return this.fileStat(entry, entry.size);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const found = this.find(uri);
    if (!found) throw vscode.FileSystemError.FileNotFound(uri);
    const { kind, key, id } = found;
    let entry = this.entries.get(id);
    try {
      if (!entry || Date.now() - entry.fetchedAt > FRESH_MS) entry = await this.load(kind, key, id, entry);
    } catch (error) {
      throw this.toFileSystemError(error, uri);
    }
    entry.loaded = kind.project(entry.value);
    const reason = kind.readonlyReason(entry.value, vscode.l10n);
    if (reason && !this.toldWhyReadonly.has(uri.toString())) {
      this.toldWhyReadonly.add(uri.toString());
      if (kind.explainReadonly) kind.explainReadonly(entry.value, reason);
      else void vscode.window.showInformationMessage(reason);
    }
    return encoder.encode(entry.text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const found = this.find(uri);
    if (!found) throw vscode.FileSystemError.NoPermissions(uri);
    // Saves of one object run one after the other: the second computes its patch
    // against what the first stored, so nothing is sent twice or lost.
    const previous = this.saving.get(found.id) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.write(found, uri, content));
    this.saving.set(found.id, current);
    try {
      await current;
    } finally {
      if (this.saving.get(found.id) === current) this.saving.delete(found.id);
    }
  }

  private async write(found: { kind: AnyDocumentKind; key: string; id: string }, uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { kind, key, id } = found;
    const text = decoder.decode(content);
    this.diagnostics.delete(uri);
    let entry = this.entries.get(id);
    try {
      // A document restored after a restart was never read in this session: its base is
      // the server's current version.
      entry ??= await this.load(kind, key, id);
    } catch (error) {
      throw new Error(vscode.l10n.t('Not saved: {0} Your changes are still in the editor.', describeError(error)));
    }
    const readonlyReason = kind.readonlyReason(entry.value, vscode.l10n);
    if (readonlyReason) throw vscode.FileSystemError.NoPermissions(readonlyReason);

    const base = entry.loaded;
    let result;
    const abort = new AbortController();
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Saving to data.gouv.fr…') },
        () => withSlowSaveNotice(saveDocumentText(kind.saveSteps(key, abort.signal), base, text, vscode.l10n), abort),
      );
    } catch (error) {
      this.reportSaveFailure(uri, text, error);
      throw new Error(error instanceof DocumentSaveError ? error.message : describeError(error));
    }
    if (!result.sent || result.value === undefined) {
      this.log.info(`Saved ${uri.path}: nothing changed, nothing sent`);
      return;
    }
    const value = { ...(entry.value as object), ...(result.value as object) };
    const stored = this.remember(kind, id, value, entry);
    stored.loaded = result.document;
    if (result.text !== text) stored.pendingWrittenSize = encoder.encode(text).byteLength;
    this.log.info(`Saved ${uri.path}`);
    vscode.window.setStatusBarMessage(kind.savedMessage(value, vscode.l10n), 5_000);
    this.savedEmitter.fire({ uri, value });
  }

  /** Forgets what was read of an object and makes its open editors read it again. */
  private reload(uri: vscode.Uri): void {
    const found = this.find(uri);
    if (found) this.entries.delete(found.id);
    const open = vscode.workspace.textDocuments.map((d) => d.uri).filter((candidate) => candidate.toString() === uri.toString());
    if (open.length) this.changeEmitter.fire(open.map((changed) => ({ type: vscode.FileChangeType.Changed, uri: changed })));
  }

  /** Forgets every object whose key matches and reloads their open editors. */
  reloadKey(key: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.find(document.uri)?.key === key) this.reload(document.uri);
    }
    for (const id of [...this.entries.keys()]) if (id.endsWith(`:${key}`)) this.entries.delete(id);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  // ---------------------------------------------------------------------------------

  private find(uri: vscode.Uri): { kind: AnyDocumentKind; key: string; id: string } | undefined {
    for (const [index, kind] of this.kinds.entries()) {
      const key = kind.keyOf(uri);
      if (key !== undefined) return { kind, key, id: `${index}:${key}` };
    }
    return undefined;
  }

  private load(kind: AnyDocumentKind, key: string, id: string, previous?: Entry): Promise<Entry> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = (async () => {
        const value = await kind.fetch(key);
        const entry = this.remember(kind, id, value, previous);
        // A newer server version does not change what the editor was given (readFile does).
        if (previous) entry.loaded = previous.loaded;
        return entry;
      })().finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private remember(kind: AnyDocumentKind, id: string, value: unknown, previous?: Entry): Entry {
    const document = kind.project(value);
    const text = kind.render(document);
    const version = kind.versionOf(value, text);
    // The mtime moves forward whenever the version changes: VS Code's conflict check
    // needs a newer mtime. A last_modified date is used as it is.
    let mtime = previous && previous.version === version ? previous.mtime : Date.parse(version);
    if (!Number.isFinite(mtime)) mtime = Math.max(Date.now(), (previous?.mtime ?? 0) + 1);
    const entry: Entry = {
      kind,
      value,
      loaded: document,
      text,
      version,
      mtime,
      size: encoder.encode(text).byteLength,
      fetchedAt: Date.now(),
    };
    this.entries.set(id, entry);
    return entry;
  }

  private fileStat(entry: Entry, size: number): vscode.FileStat {
    return {
      type: vscode.FileType.File,
      ctime: entry.kind.createdAt?.(entry.value) ?? entry.mtime,
      mtime: entry.mtime,
      size,
      permissions: entry.kind.readonlyReason(entry.value, vscode.l10n) ? vscode.FilePermission.Readonly : undefined,
    };
  }

  private reportSaveFailure(uri: vscode.Uri, text: string, error: unknown): void {
    const apiError = error instanceof DocumentSaveError ? error.apiError : error instanceof ApiError ? error : undefined;
    this.log.warn(`Save of ${uri.path} refused: ${apiError?.kind ?? 'invalid document'}`);
    if (error instanceof DocumentSaveError && error.problems.length) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      this.diagnostics.set(uri, error.problems.map((problem) => toDiagnostic(problem, text, document)));
    }
    if (apiError?.kind === 'unauthorized') {
      // VS Code shows the save error itself; this adds the way out.
      const setKey = vscode.l10n.t('Set API Key');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('data.gouv.fr refused your API key. Set it again, then save.'), setKey)
        .then((choice) => (choice === setKey ? vscode.commands.executeCommand('datagouv.setApiKey') : undefined));
    }
  }

  private toFileSystemError(error: unknown, uri: vscode.Uri): Error {
    const message = describeError(error);
    this.log.warn(`Reading ${uri.path} failed: ${error instanceof ApiError ? error.kind : String(error)}`);
    if (error instanceof ApiError) {
      if (error.kind === 'notFound' || error.kind === 'gone') return vscode.FileSystemError.FileNotFound(message);
      if (error.kind === 'forbidden' || error.kind === 'unauthorized') return vscode.FileSystemError.NoPermissions(message);
    }
    return vscode.FileSystemError.Unavailable(message);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * After SLOW_SAVE_MS, shows a notification with a Cancel button until the save ends;
 * Cancel aborts the request, and the save fails with "cancelled", the text kept.
 */
function withSlowSaveNotice<T>(saving: Promise<T>, abort: AbortController): Promise<T> {
  let settled = false;
  const done = saving.finally(() => (settled = true));
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('data.gouv.fr is slow to answer; still saving…'), cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        return done.catch(() => undefined);
      },
    );
  }, SLOW_SAVE_MS);
  return done.finally(() => clearTimeout(timer));
}

function toDiagnostic(problem: Problem, text: string, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  let range: vscode.Range;
  if (document && document.getText() === text) {
    range = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + problem.length));
  } else {
    const start = new vscode.Position(problem.line - 1, problem.column - 1);
    range = new vscode.Range(start, start.translate(0, Math.max(problem.length, 1)));
  }
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'data.gouv.fr';
  return diagnostic;
}
