// The `datagouv` file system: a reuse is a JSON document; reading it is a GET, saving
// it is a PUT of the changed fields. stat() reports the reuse's last_modified as mtime
// and the size of the document as the server would render it now, so VS Code's own
// "the content of the file is newer" check (which compares mtime and size) protects
// the user when the reuse changed on data.gouv.fr since it was opened: the API has no
// ETag. A save that fails throws, so VS Code keeps the document dirty and says why.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { Reuse } from '../api/models';
import type { AuthSession } from '../auth/session';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { projectReuse, renderReuseDocument, type Problem, type ReuseDocument } from './reuseDocument';
import { ReuseSaveError, saveReuseText } from './reuseSaver';
import { reuseIdOf } from './reuseUri';

interface Entry {
  reuse: Reuse;
  /** What the editor was last given (readFile) or last wrote: the base of the next patch. */
  loaded: ReuseDocument;
  text: string;
  lastModified: string;
  size: number;
  fetchedAt: number;
  /** Right after a save whose stored text differs from the typed one (normalised tags, URL). */
  pendingWrittenSize?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** A readFile right after the stat that fetched the reuse reuses that answer. */
const FRESH_MS = 3_000;

export class ReuseFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly savedEmitter = new vscode.EventEmitter<Reuse>();
  /** Fires after a reuse was saved (or restored) on data.gouv.fr. */
  readonly onDidSaveReuse = this.savedEmitter.event;
  private readonly entries = new Map<string, Entry>();
  private readonly toldWhyReadonly = new Set<string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('data.gouv.fr');
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly session: AuthSession,
    private readonly log: Log,
  ) {
    this.disposables = [
      this.changeEmitter,
      this.savedEmitter,
      this.diagnostics,
      // Problems found at the last save no longer hold once the text changes.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (reuseIdOf(event.document.uri) && event.contentChanges.length) this.diagnostics.delete(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const id = reuseIdOf(document.uri);
        if (id) this.toldWhyReadonly.delete(id);
      }),
      // Another key or another API: what was read may not be readable any more.
      session.onDidChange(() => this.entries.clear()),
    ];
  }

  watch(): vscode.Disposable {
    // Changes are announced by this provider itself (after saves); nothing to watch.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const id = reuseIdOf(uri);
    if (!id) {
      if (uri.path === '/' || uri.path === '/reuses' || /^\/reuses\/[^/]+$/.test(uri.path)) {
        return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      }
      throw vscode.FileSystemError.FileNotFound(uri);
    }
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
    try {
      if (!entry) {
        entry = await this.load(id);
      } else {
        const version = await this.session.client.getReuseVersion(id);
        if (version.last_modified !== entry.lastModified) entry = await this.load(id, entry);
      }
    } catch (error) {
      throw this.toFileSystemError(error, uri);
    }
    return this.fileStat(entry, entry.size);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const id = reuseIdOf(uri);
    if (!id) throw vscode.FileSystemError.FileNotFound(uri);
    let entry = this.entries.get(id);
    try {
      if (!entry || Date.now() - entry.fetchedAt > FRESH_MS) entry = await this.load(id, entry);
    } catch (error) {
      throw this.toFileSystemError(error, uri);
    }
    entry.loaded = projectReuse(entry.reuse);
    void this.explainIfReadonly(entry);
    return encoder.encode(entry.text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const id = reuseIdOf(uri);
    if (!id) throw vscode.FileSystemError.NoPermissions(uri);
    const text = decoder.decode(content);
    this.diagnostics.delete(uri);
    let entry = this.entries.get(id);
    try {
      // A document restored after a restart was never read in this session: its base is
      // the server's current version.
      entry ??= await this.load(id);
    } catch (error) {
      throw new Error(vscode.l10n.t('Not saved: {0} Your changes are still in the editor.', describeError(error)));
    }
    const readonlyReason = this.readonlyReason(entry.reuse);
    if (readonlyReason) throw vscode.FileSystemError.NoPermissions(readonlyReason);

    let result;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Saving to data.gouv.fr…') },
        () => saveReuseText(this.session.client, id, entry.loaded, text, vscode.l10n),
      );
    } catch (error) {
      this.reportSaveFailure(uri, text, error);
      throw error instanceof ReuseSaveError ? new Error(error.message) : new Error(describeError(error));
    }
    if (!result.sent) {
      this.log.info(`Saved ${id}: nothing changed, nothing sent`);
      return;
    }
    const reuse = { ...entry.reuse, ...result.reuse } as Reuse;
    const stored: Entry = {
      reuse,
      loaded: result.document,
      text: result.text,
      lastModified: reuse.last_modified ?? entry.lastModified,
      size: encoder.encode(result.text).byteLength,
      fetchedAt: Date.now(),
      pendingWrittenSize: result.text === text ? undefined : encoder.encode(text).byteLength,
    };
    this.entries.set(id, stored);
    this.log.info(`Saved reuse ${id}`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Saved “{0}” on data.gouv.fr', reuse.title ?? id), 5_000);
    this.savedEmitter.fire(reuse);
  }

  /** Forgets what was read of a reuse and makes open editors read it again. */
  reload(id: string): void {
    this.entries.delete(id);
    const uris = vscode.workspace.textDocuments.map((d) => d.uri).filter((uri) => reuseIdOf(uri) === id && uri.scheme === 'datagouv');
    if (uris.length) this.changeEmitter.fire(uris.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
  }

  notifySaved(reuse: Reuse): void {
    this.savedEmitter.fire(reuse);
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

  private async load(id: string, previous?: Entry): Promise<Entry> {
    const reuse = await this.session.client.getReuse(id);
    const document = projectReuse(reuse);
    const text = renderReuseDocument(document);
    const entry: Entry = {
      reuse,
      loaded: previous?.loaded ?? document,
      text,
      lastModified: reuse.last_modified ?? '',
      size: encoder.encode(text).byteLength,
      fetchedAt: Date.now(),
    };
    this.entries.set(id, entry);
    return entry;
  }

  private fileStat(entry: Entry, size: number): vscode.FileStat {
    const mtime = Date.parse(entry.lastModified) || 0;
    return {
      type: vscode.FileType.File,
      ctime: Date.parse(entry.reuse.created_at ?? '') || mtime,
      mtime,
      size,
      permissions: this.readonlyReason(entry.reuse) ? vscode.FilePermission.Readonly : undefined,
    };
  }

  private readonlyReason(reuse: Reuse): string | undefined {
    if (reuse.deleted) {
      return vscode.l10n.t('This reuse is deleted on data.gouv.fr, so it opens read-only. Restore it to edit it again.');
    }
    if (reuse.permissions && !reuse.permissions.edit) {
      return vscode.l10n.t('You may read this reuse but not edit it: only its owner, the editors of its organization and platform administrators can.');
    }
    return undefined;
  }

  private async explainIfReadonly(entry: Entry): Promise<void> {
    const reason = this.readonlyReason(entry.reuse);
    if (!reason || this.toldWhyReadonly.has(entry.reuse.id)) return;
    this.toldWhyReadonly.add(entry.reuse.id);
    if (entry.reuse.deleted && entry.reuse.permissions?.edit !== false) {
      const restore = vscode.l10n.t('Restore Reuse');
      const choice = await vscode.window.showWarningMessage(reason, restore);
      if (choice === restore) await vscode.commands.executeCommand('datagouv.restoreReuse', { id: entry.reuse.id });
    } else {
      void vscode.window.showInformationMessage(reason);
    }
  }

  private reportSaveFailure(uri: vscode.Uri, text: string, error: unknown): void {
    this.log.warn(`Save of ${uri.path} refused: ${error instanceof ReuseSaveError ? error.apiError?.kind ?? 'invalid document' : String(error)}`);
    if (error instanceof ReuseSaveError && error.problems.length) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      this.diagnostics.set(uri, error.problems.map((problem) => toDiagnostic(problem, text, document)));
    }
    const apiError = error instanceof ReuseSaveError ? error.apiError : error instanceof ApiError ? error : undefined;
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
    if (error instanceof ApiError) {
      if (error.kind === 'notFound' || error.kind === 'gone') return vscode.FileSystemError.FileNotFound(message);
      if (error.kind === 'forbidden' || error.kind === 'unauthorized') return vscode.FileSystemError.NoPermissions(message);
      return vscode.FileSystemError.Unavailable(message);
    }
    this.log.error(`Reading ${uri.path} failed`, error);
    return vscode.FileSystemError.Unavailable(message);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
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
