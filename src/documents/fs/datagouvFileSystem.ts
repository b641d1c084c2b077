// The `datagouv` file system: each editable object of data.gouv.fr (a reuse, the
// profile) is a JSON document; reading it is a GET, saving it a three-way save.
//
// Why stat() never reads the server while an editor is open: VS Code compares mtime
// and size (its etag) before it calls writeFile, and shows its own "file is newer"
// prompt when they moved — a prompt fooled both ways by the API (a same-length change
// keeps the size; `last_modified` moves on every follow or discussion). So stat()
// answers the version the editor holds (its base), and writeFile alone judges, field
// by field, against what data.gouv.fr holds at that moment (documentSave.ts). When the
// extension learns of a newer server version, a clean editor is refreshed through a
// change event; a dirty one keeps its base until it is saved.
import * as vscode from 'vscode';
import { ApiError } from '../../api/errors';
import type { Translator } from '../../util/translator';
import type { SessionIdentity } from '../../auth/session';
import { describeError, offerRemedies } from '../../util/errorReporting';
import { remediesFor } from '../../util/errorRemedies';
import type { Log } from '../../util/log';
import type { Problem } from '../jsonDocumentCheck';
import { bindingOf, checkBinding, completeBinding, type BindingVerdict } from './documentBinding';
import { DocumentBases, type BaseStorage, type DocumentBase, type DocumentStat, type ServerVersion } from './documentBases';
import type { AnyDocumentKind } from './documentKind';
import { DocumentSaveError, notSavedMessage, saveDocument, type SaveOutcome } from './documentSave';
import { acceptTheirs } from './threeWayMerge';
import { withSlowSaveNotice } from './slowSaveNotice';
import { offsetRange } from '../completionItems';

/** What the file system needs of the session (src/auth/session.ts). */
export interface SessionLike {
  readonly identity: SessionIdentity;
  readonly onDidChange: vscode.Event<void>;
}

/** A save refused because data.gouv.fr changed the same fields: what the choices need. */
export interface SaveConflict {
  uri: vscode.Uri;
  /** The object's name for messages. */
  name: string;
  conflicts: string[];
  /** data.gouv.fr's version now, as a document text. */
  theirsText: string;
}

export interface ConflictHandler {
  (conflict: SaveConflict, files: DatagouvFileSystem): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** A readFile right after the stat that fetched the object reuses that answer. */
const FRESH_MS = 3_000;
/** After the stat that ends a save, this long until the change event that reloads a clean editor. */
const RELOAD_DELAY_MS = 50;
/** How long a save waits for VS Code's stat after the write before announcing the stored version anyway. */
const POST_WRITE_STAT_WAIT_MS = 3_000;

interface Found {
  kind: AnyDocumentKind;
  kindIndex: number;
  key: string;
  /** The object: kind and key. Saves of one object run one after the other. */
  id: string;
}

interface Recent {
  identity: SessionIdentity;
  value: unknown;
  at: number;
}

export class DatagouvFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  readonly #changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.#changeEmitter.event;
  readonly #savedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; value: unknown }>();
  /** Fires after an object was saved on data.gouv.fr. */
  readonly onDidSave = this.#savedEmitter.event;
  readonly #valueEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when what is known of a document's object changed (read, saved): see valueOf(). */
  readonly onDidChangeValue = this.#valueEmitter.event;
  readonly #bases: DocumentBases;
  /** The mtime last given per URI with the text behind it: equal texts keep their mtime. */
  readonly #mtimes = new Map<string, { text: string; mtime: number }>();
  /** The last answer per object, shared by a stat and the readFile that follows it. */
  readonly #recent = new Map<string, Recent>();
  /** The GET in flight per object. */
  readonly #loading = new Map<string, Promise<unknown>>();
  /** The save in flight per object: a second save waits for the first (no interleaved PUTs). */
  readonly #saving = new Map<string, Promise<void>>();
  /** data.gouv.fr's version at the last refused save, per document: for Overwrite and Discard Mine. */
  readonly #theirs = new Map<string, { document: object; value: unknown; conflicts: string[] }>();
  readonly #toldWhyReadonly = new Set<string>();
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('data.gouv.fr');
  readonly #disposables: vscode.Disposable[];
  readonly #l10n: Translator = vscode.l10n;
  readonly #kinds: readonly AnyDocumentKind[];
  readonly #session: SessionLike;
  readonly #log: Log;
  readonly #onConflict: ConflictHandler;

  constructor(kinds: readonly AnyDocumentKind[], session: SessionLike, log: Log, onConflict: ConflictHandler, storage?: BaseStorage) {
    this.#kinds = kinds;
    this.#session = session;
    this.#log = log;
    this.#onConflict = onConflict;
    this.#bases = new DocumentBases(storage);
    this.#disposables = [
      this.#changeEmitter,
      this.#savedEmitter,
      this.#valueEmitter,
      this.#diagnostics,
      // Problems found at the last save no longer hold once the text changes.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === 'datagouv' && event.contentChanges.length) this.#diagnostics.delete(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.#forget(document.uri)),
      // VS Code keeps a document's text for a while after its tab closed, and shows that
      // text again when the tab reopens without reading the file: read it then.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) for (const uri of tabUris(tab)) void this.#refreshReopened(uri);
      }),
      // What was read with another key may not be readable any more; bases stay.
      session.onDidChange(() => this.#recent.clear()),
    ];
  }

  watch(): vscode.Disposable {
    // Changes are announced by this provider itself; nothing to watch.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const found = this.#find(uri);
    if (!found) {
      if (uri.path === '/' || /^\/(reuses|me)(\/[^/]+)?$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const state = this.#bases.get(uri.toString());
    if (state) {
      if (state.postWriteStat) {
        // The stat that ends VS Code's save: it records what it wrote; then the stored
        // version, when it differs, reaches the editor through a change event.
        const answer = state.postWriteStat;
        state.postWriteStat = undefined;
        if (state.pending) setTimeout(() => this.#announce(uri), RELOAD_DELAY_MS);
        return this.#fileStat(found.kind, state.value, answer);
      }
      const version = state.pending && !isDirty(uri) ? state.pending : state;
      return this.#fileStat(found.kind, version.value, version.stat);
    }
    const { value } = await this.#read(found, uri);
    const text = found.kind.render(found.kind.project(value));
    return this.#fileStat(found.kind, value, this.#statFor(uri, text));
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const found = this.#find(uri);
    if (!found) throw vscode.FileSystemError.FileNotFound(uri);
    const key = uri.toString();
    const state = this.#bases.get(key);
    if (state?.pending) {
      // The newer version this provider announced: the editor takes it now.
      const { document, text, value, stat } = state.pending;
      Object.assign(state, { base: document, baseText: text, value, stat, pending: undefined, readAt: Date.now() });
      this.#bases.persist(key);
      this.#valueEmitter.fire(uri);
      return encoder.encode(text);
    }
    const { identity, value } = await this.#read(found, uri);
    const document = found.kind.project(value);
    const text = found.kind.render(document);
    const told = state?.stat;
    const stat = this.#statFor(uri, text);
    const binding = bindingOf(identity);
    this.#bases.set(key, { kind: found.kindIndex, key: found.key, base: document, baseText: text, value, stat, binding, readAt: Date.now() });
    // Who opened it, for the check at save time; usually known already (no request).
    void completeBinding(binding).then(() => this.#bases.persist(key));
    // VS Code took the stat before this read: if the text moved meanwhile, tell it.
    if (told && (told.mtime !== stat.mtime || told.size !== stat.size)) this.#announce(uri);
    this.#explainReadonly(found, uri, value);
    this.#valueEmitter.fire(uri);
    return encoder.encode(text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const found = this.#find(uri);
    if (!found) throw vscode.FileSystemError.NoPermissions(uri);
    const previous = this.#saving.get(found.id) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.#write(found, uri, content));
    this.#saving.set(found.id, current);
    try {
      await current;
    } finally {
      if (this.#saving.get(found.id) === current) this.#saving.delete(found.id);
    }
  }

  async #write(found: Found, uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { kind } = found;
    const key = uri.toString();
    const text = decoder.decode(content);
    this.#diagnostics.delete(uri);
    const state = this.#bases.get(key);
    let identity: SessionIdentity;
    let verdict: BindingVerdict = { ok: true };
    try {
      identity = this.#session.identity;
      if (state) verdict = await checkBinding(state.binding, identity, this.#l10n);
    } catch (error) {
      throw new Error(notSavedMessage(describeError(error), this.#l10n), { cause: error });
    }
    if (!verdict.ok) {
      this.#log.warn(`Save of ${uri.path} refused: opened by another account or on another API`);
      throw new Error(verdict.message);
    }
    const readonlyReason = state?.value !== undefined ? kind.readonlyReason(state.value, this.#l10n) : undefined;
    if (readonlyReason) throw vscode.FileSystemError.NoPermissions(readonlyReason);

    const abort = new AbortController();
    let outcome: SaveOutcome<object, unknown>;
    try {
      outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Saving to data.gouv.fr…') }, () =>
        withSlowSaveNotice(
          saveDocument({ kind, client: identity.client, key: found.key, base: state?.base, text, l10n: this.#l10n, call: { signal: abort.signal } }),
          abort,
        ),
      );
    } catch (error) {
      this.#reportSaveFailure(uri, text, error);
      throw new Error(error instanceof DocumentSaveError ? error.message : describeError(error), { cause: error });
    }

    switch (outcome.status) {
      case 'unchanged':
        this.#log.info(`Saved ${uri.path}: nothing changed, nothing sent`);
        return;
      case 'conflict': {
        const name = kind.describe(outcome.theirsValue, this.#l10n);
        const fields = outcome.conflicts.join(', ');
        this.#log.warn(`Save of ${uri.path} refused: changed on data.gouv.fr too (${fields})`);
        this.#theirs.set(key, { document: outcome.theirs, value: outcome.theirsValue, conflicts: outcome.conflicts });
        // A document without a base (restored, its base lost) gets one now: unknown, as
        // VS Code was last told, so that Overwrite and Discard Mine can go on.
        if (!state) {
          const told = this.#mtimes.get(key);
          const stat = told ? { mtime: told.mtime, size: byteSize(told.text) } : { mtime: Date.now(), size: content.byteLength };
          this.#bases.set(key, {
            kind: found.kindIndex,
            key: found.key,
            base: undefined,
            baseText: '',
            value: outcome.theirsValue,
            stat,
            binding: bindingOf(identity),
          });
        }
        this.#onConflict({ uri, name, conflicts: outcome.conflicts, theirsText: kind.render(outcome.theirs) }, this);
        throw new Error(
          vscode.l10n.t(
            'Not saved: {0} changed on data.gouv.fr too since you opened it. Nothing was sent; your changes are still in the editor. Choose Compare, Overwrite or Discard Mine.',
            fields,
          ),
        );
      }
      case 'upToDate':
      case 'saved': {
        const merged = { ...(state?.value as object | undefined), ...(outcome.value as object) };
        const next = this.#afterSave(found, uri, state, identity, text, outcome.yours, outcome.document, merged);
        const saved = kind.savedMessage(merged, this.#l10n);
        const kept = outcome.fromServer.join(', ');
        const fromServer = kept ? ' · ' + vscode.l10n.t('merged from data.gouv.fr: {0}', kept) : '';
        const nothingSent = outcome.status === 'upToDate' ? ' · ' + vscode.l10n.t('data.gouv.fr already had your changes') : '';
        vscode.window.setStatusBarMessage(saved + fromServer + nothingSent, 8_000);
        this.#log.info(
          outcome.status === 'saved'
            ? `Saved ${uri.path}: ${Object.keys(outcome.patch).join(', ')}${kept ? `; kept from data.gouv.fr: ${kept}` : ''}`
            : `Saved ${uri.path}: data.gouv.fr already had these changes, nothing sent`,
        );
        if (outcome.status === 'saved') this.#savedEmitter.fire({ uri, value: next.value });
        return;
      }
    }
  }

  /**
   * After a save: the editor holds the text it wrote (the base), and data.gouv.fr's
   * stored version, when it differs (normalised tags, fields merged from the server),
   * is given to the editor by the reload that the change event triggers.
   */
  #afterSave(
    found: Found,
    uri: vscode.Uri,
    state: DocumentBase | undefined,
    identity: SessionIdentity,
    typedText: string,
    yours: object,
    stored: object,
    value: unknown,
  ): DocumentBase {
    const key = uri.toString();
    const storedText = found.kind.render(stored);
    const mtime = this.#nextMtime(key, state);
    const written = this.#remember(key, typedText, mtime);
    const next: DocumentBase = {
      kind: found.kindIndex,
      key: found.key,
      base: yours,
      baseText: typedText,
      value,
      stat: written,
      binding: state?.binding ?? bindingOf(identity),
      postWriteStat: written,
    };
    if (storedText !== typedText) {
      // mtime + 1 whatever the size: VS Code reloads only when its etag moved.
      next.pending = { document: stored, text: storedText, value, stat: this.#remember(key, storedText, mtime + 1) };
      // Should VS Code not stat after the write (stat() announces then), announce anyway.
      setTimeout(() => {
        if (next.postWriteStat !== written) return;
        next.postWriteStat = undefined;
        this.#announce(uri);
      }, POST_WRITE_STAT_WAIT_MS);
    } else {
      next.base = stored;
    }
    this.#recent.set(found.id, { identity, value, at: Date.now() });
    this.#theirs.delete(key);
    this.#bases.set(key, next);
    this.#valueEmitter.fire(uri);
    return next;
  }

  /** The last full object read or saved for an open document (permissions, state, title). */
  valueOf(uri: vscode.Uri): unknown {
    return this.#bases.get(uri.toString())?.value;
  }

  // ---- conflicts -------------------------------------------------------------------

  /**
   * Overwrite: the user has seen data.gouv.fr's values of the conflicting fields and
   * keeps theirs: the base takes data.gouv.fr's values there, and the document is saved
   * again (a newer change on data.gouv.fr meanwhile is caught again).
   */
  async overwrite(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const theirs = this.#theirs.get(key);
    const state = this.#bases.get(key);
    if (!theirs || !state) return;
    state.base = acceptTheirs(state.base, theirs.document, theirs.conflicts);
    this.#bases.persist(key);
    await findDocument(uri)?.save();
  }

  /** Discard Mine: the editor takes data.gouv.fr's version (Undo brings the text back). */
  async discardMine(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const theirs = this.#theirs.get(key);
    const state = this.#bases.get(key);
    const found = this.#find(uri);
    const document = findDocument(uri);
    if (!theirs || !state || !found || !document) return;
    const text = found.kind.render(theirs.document);
    Object.assign(state, { base: theirs.document, baseText: text, value: { ...(state.value as object), ...(theirs.value as object) }, pending: undefined });
    this.#bases.persist(key);
    this.#theirs.delete(key);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, offsetRange(document, 0, document.getText().length), text);
    if (await vscode.workspace.applyEdit(edit)) await document.save();
  }

  // ---- newer versions ----------------------------------------------------------------

  /**
   * Something changed an object on data.gouv.fr (an action of this extension): clean
   * editors of it show the new version; dirty ones keep their base, and their next
   * save merges.
   */
  async refreshKey(objectKey: string): Promise<void> {
    for (const [kindIndex, kind] of this.#kinds.entries()) {
      for (const [key, state] of [...this.#bases.of(kindIndex, objectKey)]) {
        const uri = vscode.Uri.parse(key);
        if (!isDirty(uri)) await this.#reload(foundOf(kind, kindIndex, objectKey), uri, state);
      }
    }
  }

  /** A tab that shows a document read a while ago: a clean one gets the current version. */
  async #refreshReopened(uri: vscode.Uri): Promise<void> {
    const found = this.#find(uri);
    const state = this.#bases.get(uri.toString());
    if (!found || !state || isDirty(uri) || Date.now() - (state.readAt ?? 0) < FRESH_MS) return;
    state.readAt = Date.now();
    await this.#reload(found, uri, state);
  }

  /** Reads the object again, past the shared answer of the last seconds, and offers what changed. */
  async #reload(found: Found, uri: vscode.Uri, state: DocumentBase): Promise<void> {
    this.#recent.delete(found.id);
    try {
      this.#offer(found, uri, state, await this.#load(found, this.#session.identity));
    } catch (error) {
      this.#log.warn(`Refreshing ${uri.path} failed: ${failureKind(error)}`);
    }
  }

  /** Gives a clean editor a newer server version through a change event. */
  #offer(found: Found, uri: vscode.Uri, state: DocumentBase, value: unknown): void {
    const document = found.kind.project(value);
    const text = found.kind.render(document);
    if (text === (state.pending?.text ?? state.baseText)) return;
    const key = uri.toString();
    const pending: ServerVersion = { document, text, value, stat: this.#remember(key, text, this.#nextMtime(key, state)) };
    state.pending = pending;
    this.#announce(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  // Nothing is created, deleted or renamed through the file system.
  readonly createDirectory = refuse;
  readonly delete = refuse;
  readonly rename = refuse;

  // ---------------------------------------------------------------------------------

  #find(uri: vscode.Uri): Found | undefined {
    if (uri.scheme !== 'datagouv') return undefined;
    for (const [kindIndex, kind] of this.#kinds.entries()) {
      const key = kind.keyOf(uri.path);
      if (key !== undefined) return foundOf(kind, kindIndex, key);
    }
    return undefined;
  }

  /** GET the object as the session's identity for stat() and readFile(): a failure becomes a FileSystemError. */
  async #read(found: Found, uri: vscode.Uri): Promise<{ identity: SessionIdentity; value: unknown }> {
    try {
      const identity = this.#session.identity;
      return { identity, value: await this.#load(found, identity) };
    } catch (error) {
      throw this.#toFileSystemError(error, uri);
    }
  }

  /** GET the object as `identity`, sharing an answer of the last seconds and a GET in flight. */
  #load(found: Found, identity: SessionIdentity): Promise<unknown> {
    const recent = this.#recent.get(found.id);
    if (recent && recent.identity === identity && Date.now() - recent.at < FRESH_MS) return Promise.resolve(recent.value);
    let pending = this.#loading.get(found.id);
    if (!pending) {
      pending = found.kind
        .fetch(identity.client, found.key, {})
        .then((value) => {
          this.#recent.set(found.id, { identity, value, at: Date.now() });
          return value;
        })
        .finally(() => this.#loading.delete(found.id));
      this.#loading.set(found.id, pending);
    }
    return pending;
  }

  /** The stat of a text for a URI: the same text keeps its mtime, a new one gets a later one. */
  #statFor(uri: vscode.Uri, text: string): DocumentStat {
    const key = uri.toString();
    const known = this.#mtimes.get(key);
    if (known?.text === text) return { mtime: known.mtime, size: byteSize(text) };
    return this.#remember(key, text, this.#nextMtime(key));
  }

  /** Records `mtime` as the one given for `text` at `key`, and returns the stat of that text. */
  #remember(key: string, text: string, mtime: number): DocumentStat {
    this.#mtimes.set(key, { text, mtime });
    return { mtime, size: byteSize(text) };
  }

  /** Later than now, than the base's and its pending version's, and than the last one given for `key`. */
  #nextMtime(key: string, state?: DocumentBase): number {
    return Math.max(Date.now(), (state?.pending?.stat.mtime ?? state?.stat.mtime ?? 0) + 2, (this.#mtimes.get(key)?.mtime ?? 0) + 2);
  }

  #fileStat(kind: AnyDocumentKind, value: unknown, stat: DocumentStat): vscode.FileStat {
    return {
      type: vscode.FileType.File,
      ctime: kind.createdAt?.(value) ?? stat.mtime,
      mtime: stat.mtime,
      size: stat.size,
      permissions: kind.readonlyReason(value, this.#l10n) ? vscode.FilePermission.Readonly : undefined,
    };
  }

  #announce(uri: vscode.Uri): void {
    this.#changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  #forget(uri: vscode.Uri): void {
    if (uri.scheme !== 'datagouv') return;
    const key = uri.toString();
    this.#bases.delete(key);
    this.#theirs.delete(key);
    this.#toldWhyReadonly.delete(key);
  }

  #explainReadonly(found: Found, uri: vscode.Uri, value: unknown): void {
    const reason = found.kind.readonlyReason(value, this.#l10n);
    const key = uri.toString();
    if (!reason || this.#toldWhyReadonly.has(key)) return;
    this.#toldWhyReadonly.add(key);
    const restore = found.kind.restoreAction?.(value, this.#l10n);
    if (!restore) {
      void vscode.window.showInformationMessage(reason);
      return;
    }
    void vscode.window.showWarningMessage(reason, restore.title).then((choice) => {
      if (choice === restore.title) void vscode.commands.executeCommand(restore.command, restore.argument);
    });
  }

  #reportSaveFailure(uri: vscode.Uri, text: string, error: unknown): void {
    const apiError = error instanceof DocumentSaveError ? error.apiError : error instanceof ApiError ? error : undefined;
    this.#log.warn(`Save of ${uri.path} refused: ${apiError?.kind ?? 'invalid document'}`);
    if (error instanceof DocumentSaveError && error.problems.length) {
      const document = findDocument(uri);
      this.#diagnostics.set(
        uri,
        error.problems.map((problem) => toDiagnostic(problem, text, document)),
      );
    }
    if (apiError?.kind === 'unauthorized') {
      // VS Code shows the save error itself; this adds the way out.
      void offerRemedies(vscode.l10n.t('data.gouv.fr refused your API key. Set it again, then save.'), remediesFor(apiError));
    }
  }

  #toFileSystemError(error: unknown, uri: vscode.Uri): Error {
    const message = describeError(error);
    this.#log.warn(`Reading ${uri.path} failed: ${failureKind(error)}`);
    if (error instanceof ApiError) {
      if (error.kind === 'notFound' || error.kind === 'gone') return vscode.FileSystemError.FileNotFound(message);
      if (error.kind === 'forbidden' || error.kind === 'unauthorized') return vscode.FileSystemError.NoPermissions(message);
    }
    return vscode.FileSystemError.Unavailable(message);
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

function refuse(uri: vscode.Uri): never {
  throw vscode.FileSystemError.NoPermissions(uri);
}

function foundOf(kind: AnyDocumentKind, kindIndex: number, key: string): Found {
  return { kind, kindIndex, key, id: `${kindIndex}:${key}` };
}

/** What the log says of a failed read: the API's kind of error, or the error itself. */
function failureKind(error: unknown): string {
  return error instanceof ApiError ? error.kind : String(error);
}

function byteSize(text: string): number {
  return encoder.encode(text).byteLength;
}

function findDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

function isDirty(uri: vscode.Uri): boolean {
  return findDocument(uri)?.isDirty ?? false;
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

function toDiagnostic(problem: Problem, text: string, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  let range: vscode.Range;
  if (document && document.getText() === text) {
    range = offsetRange(document, problem.offset, problem.offset + problem.length);
  } else {
    const start = new vscode.Position(problem.line - 1, problem.column - 1);
    range = new vscode.Range(start, start.translate(0, Math.max(problem.length, 1)));
  }
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'data.gouv.fr';
  return diagnostic;
}
