// The HTTP client of the data.gouv.fr API, on fetch. Only this module knows URLs and
// headers. Every failure leaves it as an ApiError; the API key never leaves it except
// as the X-API-KEY header of a request to the configured origin.
import { ApiError, kindForStatus, parseErrorBody } from './errors';
import { parseApiUrl } from './apiUrl';
import {
  API_TOKEN_MASK,
  COMMUNITY_RESOURCES_PAGE_MASK,
  DATASET_REUSES_PAGE_MASK,
  INVITATION_MASK,
  DATASET_LIST_MASK,
  DATASET_SUMMARY_MASK,
  DATASERVICE_PAGE_MASK,
  DATASERVICE_SUMMARY_MASK,
  DISCUSSION_LIST_MASK,
  ME_MASK,
  REUSE_DOCUMENT_MASK,
  REUSE_LIST_MASK,
  REUSE_SUGGESTION_MASK,
} from './fieldMasks';
import type {
  ApiToken,
  OrgInvitation,
  Choice,
  CommunityResource,
  Dataservice,
  Dataset,
  Discussion,
  Page,
  FollowersPage,
  Me,
  MyMetrics,
  NewReuse,
  ProfilePatch,
  Reuse,
  ReusePatch,
  DatasetPatch,
  Granularity,
  License,
  NewDataset,
  NewRemoteResource,
  Resource,
  ResourcePatch,
  ZoneSuggestion,
} from './models';
import { RequestTimeoutError, exponentialBackoff, retryingFetch, type RetryingFetchOptions } from './retryingFetch';
import { multipartBody, type MultipartBody, type UploadSource } from './multipart';

export interface RequestLogger {
  /** One line per request: method, path, status and time. Never headers or bodies. */
  request(method: string, path: string, status: number | string, elapsedMs: number): void;
}

export interface ApiClientOptions {
  /** The `datagouv.apiUrl` setting (validated here). */
  apiUrl: string | undefined;
  /** Reads the key for this client's origin, or undefined when signed out. */
  getApiKey: () => Promise<string | undefined> | string | undefined;
  logger?: RequestLogger;
  /** Per attempt; a slow answer becomes a `timeout` ApiError. */
  timeoutMs?: number;
  /** GETs are retried on 429/502/503/504 and network errors; writes never are. */
  retryLimit?: number;
  /** Delay before retry n (1-based); exponential backoff by default. */
  retryDelayMs?: (attempt: number) => number;
  /** Longest Retry-After we are willing to wait for, in ms. */
  maxRetryAfterMs?: number;
  /** Replaces global fetch (benchmarks count bytes through it). */
  fetch?: typeof fetch;
  /** How uploads are sent; fetch when absent (the Node host passes nodeUploadTransport). */
  uploadTransport?: UploadTransport;
  /**
   * Requests leave a web page (VS Code for the Web): a failure to connect may also be the
   * browser refusing a cross-origin answer, which the errors then say.
   */
  inBrowser?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Use this key instead of the stored one (checking a key before storing it). */
  apiKey?: string;
  /** Overrides the default X-Fields mask of the call; `null` asks for the full object. */
  fields?: string | null;
}

/** What a method of the client asks of send(). */
interface RequestOptions extends CallOptions {
  body?: unknown;
  upload?: MultipartBody;
}

const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** udata translates labels into the language asked with `?lang=` (udata/api/__init__.py, set_api_language). */
export interface LabelledCall extends CallOptions {
  lang?: string;
}

function withLang(path: string, lang: string | undefined): string {
  return lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
}

/** The query of one page of a dataset's list (its reuses, its community resources). */
function datasetPageQuery(datasetId: string, page: number, pageSize: number): string {
  return new URLSearchParams({ dataset: datasetId, page: String(page), page_size: String(pageSize) }).toString();
}

/** Sends one upload request (a streamed body) and resolves its answer, whatever its status. */
export type UploadTransport = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body: ReadableStream<Uint8Array>; signal?: AbortSignal },
) => Promise<Response>;

/**
 * fetch, as VS Code for the Web sends an upload. The body goes as a Blob, not as a
 * stream: Chromium sends a streamed request body only over HTTP/2 or QUIC, and Firefox
 * and Safari not at all. In the browser the file is already whole in memory (the
 * workspace file system reads it so), and a browser's fetch reports no upload progress:
 * the progress bar counts the bytes read, then waits for data.gouv.fr's answer.
 */
function fetchUploadTransport(fetchImpl: typeof fetch): UploadTransport {
  return async (url, init) => {
    const body = await new Response(init.body).blob();
    // The browser sets Content-Length itself (a header a page may not set).
    const { 'Content-Length': _length, ...headers } = init.headers;
    return fetchImpl(url, { method: init.method, headers, body, signal: init.signal, redirect: 'manual' });
  };
}

export interface UploadOptions extends CallOptions {
  /** Bytes of the file sent so far, and its size. */
  onProgress?: (sent: number, total: number) => void;
}

export class ApiClient {
  readonly baseUrl: URL;
  readonly #http: RetryingFetchOptions;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.baseUrl = parseApiUrl(options.apiUrl);
    this.#http = {
      // Looked up at each request, so that a fetch replaced later (tests) is used.
      fetch: (input, init) => (options.fetch ?? fetch)(input, init),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: {
        limit: options.retryLimit ?? 2,
        methods: ['GET'],
        statusCodes: [429, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
        delayMs: options.retryDelayMs ?? exponentialBackoff,
      },
    };
  }

  get origin(): string {
    return this.baseUrl.origin;
  }

  // ---- /me ---------------------------------------------------------------------

  getMe(call?: CallOptions): Promise<Me> {
    return this.#get<Me>('me/', call, ME_MASK);
  }

  /** The reference documents a one-item list, udata's code an object: accept both. */
  async getMyMetrics(call?: CallOptions): Promise<MyMetrics> {
    const metrics = await this.#get<MyMetrics | MyMetrics[]>('me/metrics/', call);
    return (Array.isArray(metrics) ? metrics[0] : metrics) ?? {};
  }

  updateMe(patch: ProfilePatch, call?: CallOptions): Promise<Me> {
    return this.#json<Me>('PUT', 'me/', { ...call, body: patch }, ME_MASK);
  }

  async deleteMe(call?: CallOptions): Promise<void> {
    await this.#delete('me/', call);
  }

  /** `POST /me/apikey` (older servers); newer ones answer 404/405: they manage tokens on the web page. */
  regenerateApiKey(call?: CallOptions): Promise<{ apikey: string }> {
    return this.#json<{ apikey: string }>('POST', 'me/apikey', call);
  }

  async clearApiKey(call?: CallOptions): Promise<void> {
    await this.#delete('me/apikey', call);
  }

  /** The user's active API tokens (udata/core/user/api.py). */
  listApiTokens(call?: CallOptions): Promise<ApiToken[]> {
    return this.#list<ApiToken>('me/api_tokens/', API_TOKEN_MASK, call);
  }

  /** Creates a token; the answer carries its plaintext, once. */
  createApiToken(name: string, call?: CallOptions): Promise<ApiToken> {
    return this.#json<ApiToken>('POST', 'me/api_tokens/', { ...call, body: { name } });
  }

  async revokeApiToken(id: string, call?: CallOptions): Promise<void> {
    await this.#delete(`me/api_tokens/${encodeSegment(id)}/`, call);
  }

  /** Pending invitations to join organizations. */
  listOrgInvitations(call?: CallOptions): Promise<OrgInvitation[]> {
    return this.#list<OrgInvitation>('me/org_invitations/', INVITATION_MASK, call);
  }

  async answerOrgInvitation(id: string, answer: 'accept' | 'refuse', call?: CallOptions): Promise<void> {
    await this.#send('POST', `me/org_invitations/${encodeSegment(id)}/${answer}/`, call);
  }

  listOrgDiscussions(call?: CallOptions): Promise<Discussion[]> {
    return this.#list<Discussion>('me/org_discussions/', DISCUSSION_LIST_MASK, call);
  }

  /** The user's own reuses and those of every organization they belong to. */
  listOrgReuses(call?: CallOptions): Promise<Reuse[]> {
    return this.#list<Reuse>('me/org_reuses/', REUSE_LIST_MASK, call);
  }

  /** The reuses the user owns directly (not through an organization). */
  listMyReuses(call?: CallOptions): Promise<Reuse[]> {
    return this.#list<Reuse>('me/reuses/', REUSE_LIST_MASK, call);
  }

  /** The user's own datasets and those of their organizations, most recently modified first. */
  listOrgDatasets(call?: CallOptions & { q?: string }): Promise<Dataset[]> {
    const path = call?.q ? `me/org_datasets/?q=${encodeURIComponent(call.q)}` : 'me/org_datasets/';
    return this.#list<Dataset>(path, DATASET_LIST_MASK, call);
  }

  // ---- /reuses -----------------------------------------------------------------

  getReuse(id: string, call?: CallOptions): Promise<Reuse> {
    return this.#get<Reuse>(reusePath(id), call, REUSE_DOCUMENT_MASK);
  }

  /** `PUT /reuses/{id}/` is a patch: send only the keys that changed. */
  updateReuse(id: string, patch: ReusePatch, call?: CallOptions): Promise<Reuse> {
    return this.#json<Reuse>('PUT', reusePath(id), { ...call, body: patch }, REUSE_DOCUMENT_MASK);
  }

  createReuse(reuse: NewReuse, call?: CallOptions): Promise<Reuse> {
    return this.#json<Reuse>('POST', 'reuses/', { ...call, body: reuse }, REUSE_DOCUMENT_MASK);
  }

  async deleteReuse(id: string, call?: CallOptions): Promise<void> {
    await this.#delete(reusePath(id), call);
  }

  addDatasetToReuse(reuseId: string, datasetId: string, call?: CallOptions): Promise<Reuse> {
    return this.#json<Reuse>('POST', `${reusePath(reuseId)}datasets/`, { ...call, body: { id: datasetId } }, REUSE_DOCUMENT_MASK);
  }

  /** Followers of a reuse; with `user`, whether that user follows it (total 0 or 1). */
  getReuseFollowers(id: string, call?: CallOptions & { user?: string }): Promise<FollowersPage> {
    const query = call?.user ? `?user=${encodeURIComponent(call.user)}&page_size=1` : '?page_size=1';
    return this.#get<FollowersPage>(`${reusePath(id)}followers/${query}`, call);
  }

  async followReuse(id: string, call?: CallOptions): Promise<void> {
    await this.#send('POST', `${reusePath(id)}followers/`, call);
  }

  async unfollowReuse(id: string, call?: CallOptions): Promise<void> {
    await this.#delete(`${reusePath(id)}followers/`, call);
  }

  /** Platform administrators only. */
  async setReuseFeatured(id: string, featured: boolean, call?: CallOptions): Promise<void> {
    await this.#send(featured ? 'POST' : 'DELETE', `${reusePath(id)}featured/`, call);
  }

  /** The badge kinds reuses can get, `{kind: label}`. */
  getReuseBadgeKinds(call?: CallOptions): Promise<Record<string, string>> {
    return this.#get<Record<string, string>>('reuses/badges/', call);
  }

  async addReuseBadge(id: string, kind: string, call?: CallOptions): Promise<void> {
    await this.#send('POST', `${reusePath(id)}badges/`, { ...call, body: { kind } });
  }

  async removeReuseBadge(id: string, kind: string, call?: CallOptions): Promise<void> {
    await this.#delete(`${reusePath(id)}badges/${encodeSegment(kind)}/`, call);
  }

  /**
   * One page of the reuses that use a dataset (udata/core/reuse/api.py, ReuseListAPI
   * with `?dataset=`): public ones and the caller's own, newest first.
   */
  listDatasetReuses(datasetId: string, page: number, pageSize: number, call?: CallOptions): Promise<Page<Reuse>> {
    return this.#get<Page<Reuse>>(`reuses/?${datasetPageQuery(datasetId, page, pageSize)}`, call, DATASET_REUSES_PAGE_MASK);
  }

  /** Reuses whose title contains `q` (`GET /reuses/suggest/`): public ones of anyone, most followed first. */
  suggestReuses(q: string, size: number, call?: CallOptions): Promise<Reuse[]> {
    return this.#list<Reuse>(`reuses/suggest/?q=${encodeURIComponent(q)}&size=${size}`, REUSE_SUGGESTION_MASK, call);
  }

  /** One page of the files others attached to a dataset (udata/core/dataset/api.py, CommunityResourcesAPI), newest first. */
  listCommunityResources(datasetId: string, page: number, pageSize: number, call?: CallOptions): Promise<Page<CommunityResource>> {
    return this.#get<Page<CommunityResource>>(
      `datasets/community_resources/?${datasetPageQuery(datasetId, page, pageSize)}`,
      call,
      COMMUNITY_RESOURCES_PAGE_MASK,
    );
  }

  getDataset(id: string, call?: CallOptions): Promise<Dataset> {
    return this.#get<Dataset>(datasetPath(id), call, DATASET_SUMMARY_MASK);
  }

  getDataservice(id: string, call?: CallOptions): Promise<Dataservice> {
    return this.#get<Dataservice>(`dataservices/${encodeSegment(id)}/`, call, DATASERVICE_SUMMARY_MASK);
  }

  /**
   * One page of the APIs the caller may see, filtered by organization or owner. udata
   * has no `/me/` list of APIs: the caller asks per organization.
   */
  listDataservices(filter: { organization?: string; owner?: string; page?: number; pageSize?: number }, call?: CallOptions): Promise<Page<Dataservice>> {
    const query = new URLSearchParams();
    if (filter.organization) query.set('organization', filter.organization);
    if (filter.owner) query.set('owner', filter.owner);
    query.set('page', String(filter.page ?? 1));
    query.set('page_size', String(filter.pageSize ?? 100));
    return this.#get<Page<Dataservice>>(`dataservices/?${query.toString()}`, call, DATASERVICE_PAGE_MASK);
  }

  // ---- /datasets -----------------------------------------------------------------

  /** `PUT /datasets/{id}/` (udata's DatasetForm): see DatasetPatch for what it keeps and clears. */
  updateDataset(id: string, patch: DatasetPatch, call?: CallOptions): Promise<Dataset> {
    return this.#json<Dataset>('PUT', datasetPath(id), { ...call, body: patch }, DATASET_SUMMARY_MASK);
  }

  createDataset(dataset: NewDataset, call?: CallOptions): Promise<Dataset> {
    return this.#json<Dataset>('POST', 'datasets/', { ...call, body: dataset }, DATASET_SUMMARY_MASK);
  }

  /** A soft delete: `PUT {"deleted": null}` restores it. */
  async deleteDataset(id: string, call?: CallOptions): Promise<void> {
    await this.#delete(datasetPath(id), call);
  }

  listLicenses(call?: LabelledCall): Promise<License[]> {
    return this.#list<License>(withLang('datasets/licenses/', call?.lang), 'id,title,url,flags,alternate_titles', call);
  }

  listFrequencies(call?: LabelledCall): Promise<Choice[]> {
    return this.#list<Choice>(withLang('datasets/frequencies/', call?.lang), 'id,label', call);
  }

  listResourceTypes(call?: LabelledCall): Promise<Choice[]> {
    return this.#list<Choice>(withLang('datasets/resource_types/', call?.lang), 'id,label', call);
  }

  /** The file extensions data.gouv.fr accepts for uploads (its ALLOWED_RESOURCES_EXTENSIONS). */
  listAllowedExtensions(call?: CallOptions): Promise<string[]> {
    return this.#list<string>('datasets/extensions/', '', { ...call, fields: null });
  }

  listGranularities(call?: LabelledCall): Promise<Granularity[]> {
    return this.#list<Granularity>(withLang('spatial/granularities/', call?.lang), 'id,name', call);
  }

  suggestZones(q: string, size = 10, call?: CallOptions): Promise<ZoneSuggestion[]> {
    return this.#list<ZoneSuggestion>(`spatial/zones/suggest/?q=${encodeURIComponent(q)}&size=${size}`, 'id,name,code,level', call);
  }

  // ---- resources -------------------------------------------------------------------

  getResource(datasetId: string, resourceId: string, call?: CallOptions): Promise<Resource> {
    return this.#get<Resource>(resourcePath(datasetId, resourceId), call);
  }

  updateResource(datasetId: string, resourceId: string, patch: ResourcePatch, call?: CallOptions): Promise<Resource> {
    return this.#json<Resource>('PUT', resourcePath(datasetId, resourceId), { ...call, body: patch });
  }

  createRemoteResource(datasetId: string, resource: NewRemoteResource, call?: CallOptions): Promise<Resource> {
    return this.#json<Resource>('POST', `${datasetPath(datasetId)}resources/`, { ...call, body: resource });
  }

  async deleteResource(datasetId: string, resourceId: string, call?: CallOptions): Promise<void> {
    await this.#delete(resourcePath(datasetId, resourceId), call);
  }

  /** `POST /datasets/{id}/upload/`: a new resource from a file, streamed. */
  uploadResource(datasetId: string, file: UploadSource, call?: UploadOptions): Promise<Resource> {
    return this.#json<Resource>('POST', `${datasetPath(datasetId)}upload/`, { ...call, upload: multipartBody(file, call?.onProgress) });
  }

  /** `POST /datasets/{id}/resources/{rid}/upload/`: the resource's file replaced (its title becomes the file's name). */
  replaceResourceFile(datasetId: string, resourceId: string, file: UploadSource, call?: UploadOptions): Promise<Resource> {
    return this.#json<Resource>('POST', `${resourcePath(datasetId, resourceId)}upload/`, {
      ...call,
      upload: multipartBody(file, call?.onProgress),
    });
  }

  getReuseTypes(call?: CallOptions): Promise<Choice[]> {
    return this.#get<Choice[]>('reuses/types/', call);
  }

  getReuseTopics(call?: CallOptions): Promise<Choice[]> {
    return this.#get<Choice[]>('reuses/topics/', call);
  }

  // ---- plumbing ----------------------------------------------------------------

  async #list<T>(path: string, mask: string, call: CallOptions | undefined): Promise<T[]> {
    const items = await this.#get<unknown>(path, call, mask);
    if (!Array.isArray(items)) {
      throw new ApiError('invalidResponse', { method: 'GET', path: this.#pathOf(path), serverMessage: 'expected a list' });
    }
    return items as T[];
  }

  /** The JSON answer of a GET, the most common call. */
  #get<T>(path: string, call?: CallOptions, mask?: string): Promise<T> {
    return this.#json<T>('GET', path, call, mask);
  }

  /** A DELETE, whose answer (when it succeeds) says nothing more. */
  #delete(path: string, call: CallOptions | undefined): Promise<Response> {
    return this.#send('DELETE', path, call);
  }

  /** `mask`: the X-Fields mask sent when the caller names none (`fields` undefined). */
  async #json<T>(method: string, path: string, call?: RequestOptions, mask?: string): Promise<T> {
    const response = await this.#send(method, path, call, mask);
    const invalid = (cause: unknown) => new ApiError('invalidResponse', { method, path: this.#pathOf(path), status: response.status, cause });
    const text = await response.text().catch((cause: unknown) => {
      // The headers arrived but the body was cut short (reset connection, proxy).
      const error = this.#toApiError(cause, method, path);
      throw error.kind === 'offline' ? invalid(cause) : error;
    });
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw invalid(cause);
    }
  }

  /** Sends one request (GET retried by retryingFetch), following same-origin redirects by hand. */
  async #send(method: string, path: string, call: RequestOptions = {}, mask?: string): Promise<Response> {
    const apiKey = call.apiKey ?? (await this.#options.getApiKey());
    let url = new URL(path, this.baseUrl);
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {};
      if (apiKey) headers['X-API-KEY'] = apiKey;
      const fields = call.fields === undefined ? mask : call.fields;
      if (fields) headers['X-Fields'] = fields;
      headers.Accept = 'application/json';
      if (call.upload) return this.#sendUpload(method, url, headers, call.upload, call.signal);
      const init: RequestInit = { method, headers, signal: call.signal, redirect: 'manual' };
      if (call.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(call.body);
      }
      const response = await this.#logged(method, url, () => retryingFetch(url, init, this.#http));
      if (response.ok) return response;
      // Redirects are followed by hand, so that the key never travels to another origin.
      const next = this.#redirectTarget(response, url);
      if (next && hop < MAX_REDIRECTS) {
        url = next;
        continue;
      }
      throw await this.#errorOfResponse(response, method, url);
    }
  }

  /**
   * An upload does not go through retryingFetch: a retry would need a copy of the
   * request's body, which for a streamed file means holding all of it in memory. It goes by
   * the upload transport (node:http in the Node host, fetch elsewhere). No timer (an
   * upload lasts as long as the file takes: the user cancels it), no retry, and no
   * redirect followed (a stream cannot be sent twice).
   */
  async #sendUpload(method: string, url: URL, headers: Record<string, string>, upload: MultipartBody, signal: AbortSignal | undefined): Promise<Response> {
    const transport = this.#options.uploadTransport ?? fetchUploadTransport(this.#options.fetch ?? fetch);
    const response = await this.#logged(method, url, () =>
      transport(url, {
        method,
        headers: { ...headers, 'Content-Type': upload.contentType, 'Content-Length': String(upload.length) },
        body: upload.body,
        signal,
      }),
    );
    if (response.ok) return response;
    throw await this.#errorOfResponse(response, method, url);
  }

  /** One request, timed and logged (method, path, status or failure); a failure becomes its ApiError. */
  async #logged(method: string, url: URL, exchange: () => Promise<Response>): Promise<Response> {
    const started = Date.now();
    const log = (status: number | string) => this.#options.logger?.request(method, url.pathname + url.search, status, Date.now() - started);
    let response: Response;
    try {
      response = await exchange();
    } catch (cause) {
      log(errorLabel(cause));
      throw this.#toApiError(cause, method, url.pathname);
    }
    log(response.status);
    return response;
  }

  /**
   * A redirect is followed only when it stays on the API's origin and under its base
   * path (udata answers 308 for an old slug). Anything else is refused, key or not:
   * the caller gets a `redirect` error naming where the server wanted to go.
   */
  #redirectTarget(response: Response, from: URL): URL | undefined {
    const { status } = response;
    // A 303 turns the request into a GET; udata never sends one for the calls we make.
    if (status < 300 || status >= 400 || status === 303) return undefined;
    const target = urlOf(response.headers.get('location'), from);
    if (target?.origin !== this.baseUrl.origin || !target.pathname.startsWith(this.baseUrl.pathname)) return undefined;
    return target;
  }

  #pathOf(path: string): string {
    return new URL(path, this.baseUrl).pathname;
  }

  #toApiError(cause: unknown, method: string, path: string): ApiError {
    if (cause instanceof ApiError) return cause;
    const where = { method, path: this.#pathOf(path), cause };
    if (cause instanceof RequestTimeoutError) return new ApiError('timeout', where);
    if (isAbort(cause)) return new ApiError('cancelled', where);
    // fetch reports refused, reset and unresolvable connections as TypeError; in a
    // browser, so does a cross-origin answer it refuses (CORS) or an offline page.
    return new ApiError('offline', { ...where, inBrowser: this.#options.inBrowser });
  }

  /** The ApiError of an answer that is not a success: its status, and the server's words. */
  async #errorOfResponse(response: Response, method: string, url: URL): Promise<ApiError> {
    const status = response.status;
    // In a browser, `redirect: 'manual'` hands back an opaque answer (status 0, no
    // headers): a redirect whose target cannot be read, so never followed.
    if (response.type === 'opaqueredirect' || status === 0) return new ApiError('redirect', { method, path: url.pathname, inBrowser: true });
    const kind = kindForStatus(status);
    let text = '';
    try {
      text = await response.text();
    } catch {
      // A body cut short still leaves the status to report.
    }
    const parsed = parseErrorBody(text);
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(kind, {
      status,
      method,
      path: url.pathname,
      ...parsed,
      location: kind === 'redirect' ? safeLocation(response.headers.get('location'), url) : undefined,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }
}

/**
 * One path segment. `.` and `..` (which encodeURIComponent leaves as they are) would
 * move the request to another path of the API, with the key: refused before sending.
 */
function encodeSegment(value: string): string {
  if (!value || value === '.' || value === '..') throw new ApiError('notFound', { serverMessage: `not an identifier: "${value}"` });
  return encodeURIComponent(value);
}

/** `reuses/{id}/`: a reuse, and the start of the paths under it. */
function reusePath(id: string): string {
  return `reuses/${encodeSegment(id)}/`;
}

/** `datasets/{id}/`: a dataset, and the start of the paths under it. */
function datasetPath(id: string): string {
  return `datasets/${encodeSegment(id)}/`;
}

/** `datasets/{id}/resources/{rid}/`: one resource of a dataset. */
function resourcePath(datasetId: string, resourceId: string): string {
  return `${datasetPath(datasetId)}resources/${encodeSegment(resourceId)}/`;
}

function isAbort(cause: unknown): boolean {
  return cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'CanceledError');
}

function errorLabel(cause: unknown): string {
  if (cause instanceof RequestTimeoutError) return 'timeout';
  if (isAbort(cause)) return 'cancelled';
  return 'network error';
}

/** The origin and path of a redirect target, without its query (which could carry anything). */
function safeLocation(location: string | null, from: URL): string | undefined {
  if (!location) return undefined;
  const target = urlOf(location, from);
  return target ? `${target.origin}${target.pathname}` : '?';
}

/** A Location header's URL, resolved against the request's; undefined when there is none or it is not a URL. */
function urlOf(location: string | null, from: URL): URL | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}
