// Dataset ids read as titles in a reuse document: hovering an id of "datasets" shows
// the dataset (title, organization, link), and completion there offers the user's
// organizations' datasets by title and inserts the id. Where ids sit in the text is
// worked out by datasetReferences.ts; this module fetches, caches and renders.
import * as vscode from 'vscode';
import { ApiError } from '../../api/errors';
import type { Dataset } from '../../api/models';
import type { AuthSession } from '../../auth/session';
import { describeError } from '../../util/errorReporting';
import type { Log } from '../../util/log';
import {
  completionText,
  DATASET_COMPLETION_MASK,
  datasetCompletionAt,
  datasetErrorMarkdown,
  datasetHoverMarkdown,
  datasetIdAt,
  deletedDatasetMarkdown,
  unknownDatasetMarkdown,
  type DatasetCompletionPlace,
} from './datasetReferences';
import { DOCUMENT_SCHEME } from '../documentUris';

/**
 * Reuse documents only (`datagouv:/reuses/<id>/<slug>.json`), not the profile nor the
 * read-only full JSON (another scheme). The pattern is matched against the URI's
 * fsPath, which is the path for this scheme (with backslashes on Windows, which VS
 * Code's globs accept for `/`).
 */
export const REUSE_DOCUMENT_SELECTOR: vscode.DocumentFilter = { scheme: DOCUMENT_SCHEME, language: 'json', pattern: '/reuses/**' };

/** The list changes when the user publishes or joins an organization: not often. */
const ORG_DATASETS_TTL_MS = 3 * 60_000;

export function registerDatasetHints(session: AuthSession, log: Log): vscode.Disposable {
  const datasets = new DatasetCache(session, log);
  return vscode.Disposable.from(
    datasets,
    vscode.languages.registerHoverProvider(REUSE_DOCUMENT_SELECTOR, new DatasetHoverProvider(session, datasets)),
    // `"` because VS Code makes no quick suggestions inside JSON strings by default. Not
    // `,` nor `[`: a list popping up there would turn the next Enter into an insertion.
    vscode.languages.registerCompletionItemProvider(REUSE_DOCUMENT_SELECTOR, new DatasetCompletionProvider(session, datasets), '"'),
  );
}

type Lookup = { kind: 'found'; dataset: Dataset } | { kind: 'unknown' } | { kind: 'deleted' };

/**
 * One request shared by every caller that wants the same answer. Each caller may give
 * up (its cancellation token) without failing the others; the request itself is
 * aborted only once nobody waits for it any more.
 */
class SharedRequest<T> {
  private readonly controller = new AbortController();
  private waiters = 0;
  private settled = false;
  readonly promise: Promise<T>;
  readonly startedAt = Date.now();

  constructor(run: (signal: AbortSignal) => Promise<T>) {
    this.promise = run(this.controller.signal);
    this.promise.then(
      () => (this.settled = true),
      () => (this.settled = true),
    );
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  /** The answer, or undefined when `token` was cancelled first. */
  wait(token: vscode.CancellationToken): Promise<T | undefined> {
    if (this.settled) return this.promise;
    if (token.isCancellationRequested) return Promise.resolve(undefined);
    this.waiters++;
    return new Promise<T | undefined>((resolve, reject) => {
      let done = false;
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        this.waiters--;
        subscription.dispose();
        return true;
      };
      const subscription = token.onCancellationRequested(() => {
        if (!finish()) return;
        resolve(undefined);
        // A new request often follows a cancelled one at once (the user typed another
        // character): let it join this one before deciding nobody needs it.
        setTimeout(() => {
          if (this.waiters === 0 && !this.settled) this.controller.abort();
        }, 0);
      });
      this.promise.then(
        (value) => finish() && resolve(value),
        (error: unknown) => finish() && reject(error),
      );
    });
  }
}

/** Datasets by id (for the session) and the user's datasets (for a few minutes). */
class DatasetCache implements vscode.Disposable {
  private readonly byId = new Map<string, SharedRequest<Lookup>>();
  private mine: SharedRequest<Dataset[]> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: AuthSession,
    private readonly log: Log,
  ) {
    // Another key, another account, another server: other datasets are visible.
    this.subscription = session.onDidChange(() => this.clear());
  }

  lookup(id: string, token: vscode.CancellationToken): Promise<Lookup | undefined> {
    const key = id.toLowerCase();
    let request = this.byId.get(key);
    if (!request || request.aborted) {
      const client = this.session.client;
      const created = new SharedRequest<Lookup>(async (signal) => {
        try {
          return { kind: 'found', dataset: await client.getDataset(id, { signal }) };
        } catch (error) {
          // An unknown id is an answer, worth keeping; a failure is retried next time.
          if (error instanceof ApiError && error.kind === 'notFound') return { kind: 'unknown' };
          // udata answers 410 for a deleted dataset (udata/core/dataset/api.py): an answer too.
          if (error instanceof ApiError && error.kind === 'gone') return { kind: 'deleted' };
          throw error;
        }
      });
      created.promise.catch(() => {
        if (this.byId.get(key) === created) this.byId.delete(key);
      });
      this.byId.set(key, created);
      request = created;
    }
    return request.wait(token);
  }

  myDatasets(token: vscode.CancellationToken): Promise<Dataset[] | undefined> {
    let request = this.mine;
    if (!request || request.aborted || Date.now() - request.startedAt > ORG_DATASETS_TTL_MS) {
      const client = this.session.client;
      const created = new SharedRequest((signal) => client.listOrgDatasets({ signal, fields: DATASET_COMPLETION_MASK }));
      created.promise.catch((error: unknown) => {
        if (this.mine === created) this.mine = undefined;
        if (!(error instanceof ApiError && error.kind === 'cancelled')) this.log.warn(`Datasets for completion: ${describeError(error)}`);
      });
      this.mine = created;
      request = created;
    }
    return request.wait(token);
  }

  clear(): void {
    this.byId.clear();
    this.mine = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.clear();
  }
}

class DatasetHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly session: AuthSession,
    private readonly datasets: DatasetCache,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const at = datasetIdAt(document.getText(), document.offsetAt(position));
    // A bad datagouv.apiUrl is reported where it matters, not in every hover.
    if (!at || this.session.apiUrlError) return undefined;
    const range = new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
    let markdown: string;
    try {
      // Signed out too: public datasets answer without a key.
      const lookup = await this.datasets.lookup(at.id, token);
      if (!lookup) return undefined;
      markdown =
        lookup.kind === 'found'
          ? datasetHoverMarkdown(lookup.dataset, vscode.l10n)
          : lookup.kind === 'deleted'
            ? deletedDatasetMarkdown(at.id, vscode.l10n)
            : unknownDatasetMarkdown(at.id, vscode.l10n);
    } catch (error) {
      if (token.isCancellationRequested || (error instanceof ApiError && error.kind === 'cancelled')) return undefined;
      markdown = datasetErrorMarkdown(describeError(error), vscode.l10n);
    }
    return new vscode.Hover(new vscode.MarkdownString(markdown), range);
  }
}

class DatasetCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly session: AuthSession,
    private readonly datasets: DatasetCache,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.session.isSignedIn || this.session.apiUrlError) return undefined;
    const place = datasetCompletionAt(document.getText(), document.offsetAt(position));
    if (!place) return undefined;
    let mine: Dataset[] | undefined;
    try {
      mine = await this.datasets.myDatasets(token);
    } catch {
      // Already logged by the cache; a completion list is no place for an error.
      return undefined;
    }
    if (!mine || token.isCancellationRequested) return undefined;
    const range = new vscode.Range(document.positionAt(place.start), document.positionAt(place.end));
    return mine
      .filter((dataset) => dataset.id && !place.listed.has(dataset.id.toLowerCase()))
      .map((dataset, index) => completionItem(dataset, index, place, range));
  }
}

function completionItem(dataset: Dataset, index: number, place: DatasetCompletionPlace, range: vscode.Range): vscode.CompletionItem {
  const title = dataset.title?.trim() || vscode.l10n.t('Untitled dataset');
  const item = new vscode.CompletionItem(
    { label: title, description: dataset.organization?.name || vscode.l10n.t('Personal') },
    vscode.CompletionItemKind.Reference,
  );
  item.detail = dataset.id;
  item.documentation = new vscode.MarkdownString(datasetHoverMarkdown(dataset, vscode.l10n));
  item.insertText = completionText(place, dataset.id);
  item.range = range;
  // VS Code filters on the text from the range's start to the cursor: let a word of the
  // title or the start of the id match.
  item.filterText = `${title} ${dataset.id}`;
  // The server's order: most recently modified first.
  item.sortText = String(index).padStart(6, '0');
  return item;
}
