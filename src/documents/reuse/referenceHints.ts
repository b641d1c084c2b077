// Dataset and API ids read as titles in a reuse document: hovering an id of "datasets"
// or "dataservices" shows the item (title, organization, link), and completion there
// offers the user's organizations' datasets or APIs by title and inserts the id. Where
// ids sit in the text is worked out by references.ts; this module fetches, caches and
// renders.
import * as vscode from 'vscode';
import { ApiError } from '../../api/errors';
import type { ApiClient } from '../../api/client';
import type { AuthSession } from '../../auth/session';
import { describeError } from '../../util/errorReporting';
import type { Log } from '../../util/log';
import { completionItem, offsetRange } from '../completionItems';
import {
  DATASET_COMPLETION_MASK,
  dataserviceSummary,
  deletedReferenceMarkdown,
  referenceAt,
  referenceCompletionAt,
  referenceErrorMarkdown,
  referenceHoverMarkdown,
  unknownReferenceMarkdown,
  untitled,
  type CompletionPlace,
  type ReferenceList,
  type ReferenceSummary,
} from './references';
import { DOCUMENT_SCHEME } from '../documentUris';

/**
 * Reuse documents only (`datagouv:/reuses/<id>/<slug>.json`), not the profile nor the
 * read-only full JSON (another scheme). The pattern is matched against the URI's
 * fsPath, which is the path for this scheme (with backslashes on Windows, which VS
 * Code's globs accept for `/`).
 */
export const REUSE_DOCUMENT_SELECTOR: vscode.DocumentFilter = { scheme: DOCUMENT_SCHEME, language: 'json', pattern: '/reuses/**' };

/** The lists change when the user publishes or joins an organization: not often. */
const MINE_TTL_MS = 3 * 60_000;

/** Pages of APIs read per owner for completion (100 each): beyond, the user pastes an id. */
const MAX_DATASERVICE_PAGES = 5;

export function registerReferenceHints(session: AuthSession, log: Log): vscode.Disposable {
  const references = new ReferenceCache(session, log);
  return vscode.Disposable.from(
    references,
    vscode.languages.registerHoverProvider(REUSE_DOCUMENT_SELECTOR, {
      provideHover: (document, position, token) => referenceHover(session, references, document, position, token),
    }),
    // `"` because VS Code makes no quick suggestions inside JSON strings by default. Not
    // `,` nor `[`: a list popping up there would turn the next Enter into an insertion.
    vscode.languages.registerCompletionItemProvider(
      REUSE_DOCUMENT_SELECTOR,
      { provideCompletionItems: (document, position, token) => referenceCompletions(session, references, document, position, token) },
      '"',
    ),
  );
}

type Lookup = { kind: 'found'; item: ReferenceSummary } | { kind: 'unknown' } | { kind: 'deleted' };

/**
 * One request shared by every caller that wants the same answer. Each caller may give
 * up (its cancellation token) without failing the others; the request itself is
 * aborted only once nobody waits for it any more.
 */
class SharedRequest<T> {
  readonly #controller = new AbortController();
  #waiters = 0;
  #settled = false;
  readonly promise: Promise<T>;
  readonly startedAt = Date.now();

  constructor(run: (signal: AbortSignal) => Promise<T>) {
    this.promise = run(this.#controller.signal);
    const settle = () => (this.#settled = true);
    this.promise.then(settle, settle);
  }

  get aborted(): boolean {
    return this.#controller.signal.aborted;
  }

  /** The answer, or undefined when `token` was cancelled first. */
  wait(token: vscode.CancellationToken): Promise<T | undefined> {
    if (this.#settled) return this.promise;
    if (token.isCancellationRequested) return Promise.resolve(undefined);
    this.#waiters++;
    return new Promise<T | undefined>((resolve, reject) => {
      let done = false;
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        this.#waiters--;
        subscription.dispose();
        return true;
      };
      const subscription = token.onCancellationRequested(() => {
        if (!finish()) return;
        resolve(undefined);
        // A new request often follows a cancelled one at once (the user typed another
        // character): let it join this one before deciding nobody needs it.
        setTimeout(() => {
          if (this.#waiters === 0 && !this.#settled) this.#controller.abort();
        }, 0);
      });
      this.promise.then(
        (value) => finish() && resolve(value),
        (error: unknown) => finish() && reject(error),
      );
    });
  }
}

/** Datasets and APIs by id (for the session) and the user's own (for a few minutes). */
class ReferenceCache implements vscode.Disposable {
  readonly #byId = new Map<string, SharedRequest<Lookup>>();
  readonly #mine = new Map<ReferenceList, SharedRequest<ReferenceSummary[]>>();
  readonly #subscription: vscode.Disposable;
  readonly #session: AuthSession;
  readonly #log: Log;

  constructor(session: AuthSession, log: Log) {
    this.#session = session;
    this.#log = log;
    // Another key, another account, another server: other items are visible.
    this.#subscription = session.onDidChange(() => this.clear());
  }

  lookup(list: ReferenceList, id: string, token: vscode.CancellationToken): Promise<Lookup | undefined> {
    const client = this.#session.client;
    return kept(this.#byId, `${list}/${id.toLowerCase()}`, async (signal): Promise<Lookup> => {
      try {
        // A dataset's fields are already a summary; an API's are named otherwise.
        const item: ReferenceSummary =
          list === 'datasets' ? await client.getDataset(id, { signal }) : dataserviceSummary(await client.getDataservice(id, { signal }));
        return { kind: 'found', item };
      } catch (error) {
        if (error instanceof ApiError) {
          // An unknown id is an answer, worth keeping; a failure is retried next time.
          if (error.kind === 'notFound') return { kind: 'unknown' };
          // udata answers 410 for a deleted dataset or API (udata/core/dataset/api.py,
          // udata/core/dataservices/api.py): an answer too.
          if (error.kind === 'gone') return { kind: 'deleted' };
        }
        throw error;
      }
    }).wait(token);
  }

  /** The user's datasets or APIs, most recently modified first. */
  myItems(list: ReferenceList, token: vscode.CancellationToken): Promise<ReferenceSummary[] | undefined> {
    const session = this.#session;
    const client = session.client;
    return kept(
      this.#mine,
      list,
      async (signal) => {
        try {
          return list === 'datasets'
            ? await client.listOrgDatasets({ signal, fields: DATASET_COMPLETION_MASK })
            : await myDataservices(client, await session.me(), signal);
        } catch (error) {
          if (!(error instanceof ApiError && error.kind === 'cancelled')) this.#log.warn(`${list} for completion: ${describeError(error)}`);
          throw error;
        }
      },
      MINE_TTL_MS,
    ).wait(token);
  }

  clear(): void {
    this.#byId.clear();
    this.#mine.clear();
  }

  dispose(): void {
    this.#subscription.dispose();
    this.clear();
  }
}

/**
 * The request kept in `requests` under `key`, or a new one of `run` when there is none,
 * it was aborted or it is older than `maxAgeMs`. A request that fails is forgotten, so
 * that the next call tries again.
 */
function kept<K, T>(requests: Map<K, SharedRequest<T>>, key: K, run: (signal: AbortSignal) => Promise<T>, maxAgeMs = Infinity): SharedRequest<T> {
  const request = requests.get(key);
  if (request && !request.aborted && Date.now() - request.startedAt <= maxAgeMs) return request;
  const created = new SharedRequest(run);
  created.promise.catch(() => {
    if (requests.get(key) === created) requests.delete(key);
  });
  requests.set(key, created);
  return created;
}

/**
 * The APIs of the user's organizations and their own. udata has no `/me/` list of APIs
 * (udata/core/user/api.py), so each owner's are asked by filter, in parallel.
 */
async function myDataservices(client: ApiClient, me: { id: string; organizations?: Array<{ id: string }> }, signal: AbortSignal): Promise<ReferenceSummary[]> {
  const filters = [...(me.organizations ?? []).map((org) => ({ organization: org.id })), { owner: me.id }];
  const lists = await Promise.all(
    filters.map(async (filter) => {
      const items = [];
      for (let page = 1; page <= MAX_DATASERVICE_PAGES; page++) {
        const answer = await client.listDataservices({ ...filter, page }, { signal });
        items.push(...(answer.data ?? []));
        if (!answer.next_page) break;
      }
      return items;
    }),
  );
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((api) => api.id && !seen.has(api.id) && seen.add(api.id) && !api.deleted_at)
    .map(dataserviceSummary);
}

/** The hover of a dataset or API id: the item, or why it cannot be shown. */
async function referenceHover(
  session: AuthSession,
  references: ReferenceCache,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.Hover | undefined> {
  const at = referenceAt(document.getText(), document.offsetAt(position));
  // A bad datagouv.apiUrl is reported where it matters, not in every hover.
  if (!at || session.apiUrlError) return undefined;
  const range = offsetRange(document, at.start, at.end);
  let markdown: string;
  let found = false;
  try {
    // Signed out too: public datasets and APIs answer without a key.
    const lookup = await references.lookup(at.list, at.id, token);
    if (!lookup) return undefined;
    found = lookup.kind === 'found';
    markdown =
      lookup.kind === 'found'
        ? referenceHoverMarkdown(at.list, lookup.item, vscode.l10n)
        : lookup.kind === 'deleted'
          ? deletedReferenceMarkdown(at.list, at.id, vscode.l10n)
          : unknownReferenceMarkdown(at.list, at.id, vscode.l10n);
  } catch (error) {
    if (token.isCancellationRequested || (error instanceof ApiError && error.kind === 'cancelled')) return undefined;
    markdown = referenceErrorMarkdown(at.list, describeError(error), vscode.l10n);
  }
  const contents = new vscode.MarkdownString(markdown);
  if (at.list === 'datasets' && found) {
    // A found dataset opens as a document of its own, from here.
    const argument = encodeURIComponent(JSON.stringify([{ id: at.id }]));
    contents.appendMarkdown(`\n\n[${vscode.l10n.t('Open Dataset')}](command:datagouv.openDataset?${argument})`);
    contents.isTrusted = { enabledCommands: ['datagouv.openDataset'] };
  }
  return new vscode.Hover(contents, range);
}

/** The user's datasets or APIs offered where an id of "datasets" or "dataservices" is typed. */
async function referenceCompletions(
  session: AuthSession,
  references: ReferenceCache,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.CompletionItem[] | undefined> {
  if (!session.isSignedIn || session.apiUrlError) return undefined;
  const place = referenceCompletionAt(document.getText(), document.offsetAt(position));
  if (!place) return undefined;
  let mine: ReferenceSummary[] | undefined;
  try {
    mine = await references.myItems(place.list, token);
  } catch {
    // Already logged by the cache; a completion list is no place for an error.
    return undefined;
  }
  if (!mine || token.isCancellationRequested) return undefined;
  const range = offsetRange(document, place.start, place.end);
  return mine.filter((item) => item.id && !place.listed.has(item.id.toLowerCase())).map((item, index) => referenceItem(item, index, place, range));
}

function referenceItem(item: ReferenceSummary, index: number, place: CompletionPlace, range: vscode.Range): vscode.CompletionItem {
  const title = item.title?.trim() || untitled(place.list, vscode.l10n);
  // VS Code filters on the text from the range's start to the cursor: let a word of the
  // title or the start of the id match. The server's order: most recently modified first.
  const offer = { label: title, description: item.organization?.name || vscode.l10n.t('Personal'), id: item.id, filterText: `${title} ${item.id}` };
  const completion = completionItem(offer, vscode.CompletionItemKind.Reference, place, range, index);
  completion.detail = item.id;
  completion.documentation = new vscode.MarkdownString(referenceHoverMarkdown(place.list, item, vscode.l10n));
  return completion;
}
