// A local stand-in of the data.gouv.fr API (udata 17), faithful to
// ../shared/API-NOTES.md: 401 for a bad key on every request, unpaginated /me lists,
// X-Fields masks, PUT as a patch that ignores read-only keys, 400 with per-field
// errors, tags slugified and sorted, last_modified bumped on change, permissions per
// caller, 410 for deleted reuses, datasets and resources written as udata's forms do,
// uploads streamed to a temporary folder. Faults (latency, statuses, resets, truncated
// or non-JSON bodies, uploads cut off or refused as too large) can be switched on by
// tests, in process or over HTTP (/__control/).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fail, HttpFailure, type Result, type RouteRequest, type StandInContext } from './context';
import { applyMask, MaskInconsistentError, MaskParseError, parseMask } from './fieldMask';
import { dataservicesRoute } from './routes/dataservices';
import { datasetsRoute, datasetUploadRoute, isUploadPath } from './routes/datasets';
import { meRoute } from './routes/me';
import { reusesRoute } from './routes/reuses';
import { spatialRoute } from './routes/spatial';
import { BodyTooLarge, ConnectionGone, receiveMultipart, UploadStore, type UploadRecord } from './uploads';
import { addGeneratedDatasets, addGeneratedReuses, createSampleData, type SampleData, type StoredReuse } from './sampleData';
import { authenticate } from './apiTokens';
import { addCorsHeaders, answerPreflight, isCorsRoute, isPreflight } from './cors';

export { REUSE_TOPICS, REUSE_TYPES } from './routes/reuses';

export interface Fault {
  /** Method to match (any when absent). */
  method?: string;
  /** Substring of the path (after /api/1) to match; any when absent. */
  path?: string;
  /** Answer with this status and body instead of the real one. */
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (the real answer, or the fault's). */
  delayMs?: number;
  /** Destroy the connection without an answer. */
  reset?: boolean;
  /** Send the real answer's headers and half its body, then cut the connection. */
  truncate?: boolean;
  /**
   * Reset the connection once this many bytes of the request body have arrived (an
   * upload cut off mid-body: nothing is stored, the dataset stays as it was).
   */
  resetAfterBytes?: number;
  /**
   * Answer 413 "Request Entity Too Large" as a proxy in front of udata does (nginx's
   * page, text/html), without passing the request on; the body is read and discarded.
   */
  tooLarge?: boolean;
  /** Answer without CORS headers (a proxy's page, or a server closed to browsers). */
  noCors?: boolean;
  /** How many requests the fault applies to; forever when absent. */
  times?: number;
}

/** A CORS preflight a browser sent before a request (answered without reaching the API). */
export interface RecordedPreflight {
  /** The method the browser asks to send. */
  method: string;
  path: string;
}

export interface RecordedRequest {
  method: string;
  /** Path under the API base, e.g. `/me/` or `/reuses/<id>/`. */
  path: string;
  query: string;
  /** Whether a key came, and whether it was a known one; never the key itself. */
  apiKey: 'none' | 'valid' | 'invalid';
  fields: string | null;
  body: unknown;
  status: number;
  /** Bytes of the answer's body. */
  bytes: number;
}

export interface StandInOptions {
  port?: number;
  /** Generated organization datasets added to the sample data. */
  datasets?: number;
  /** Generated organization reuses added to the sample data. */
  reuses?: number;
  /** Serve `POST/DELETE /me/apikey` (older servers); udata 17.6 answers 404 (the default). */
  legacyApiKeyEndpoints?: boolean;
  /** Reuse badge kinds; none by default, as in core udata. */
  reuseBadges?: Record<string, string>;
  /**
   * Refuse an upload body longer than this with 413, as a proxy's size limit does
   * (udata itself sets none); unlimited by default.
   */
  maxUploadBytes?: number;
}

export interface StandIn {
  /** Whether `POST/DELETE /me/apikey` exist (older servers); newer ones answer 404. */
  legacyApiKeyEndpoints: boolean;
  /** udata's READ_ONLY_MODE: writes of non-administrators answer 423. */
  readOnly: boolean;
  /** The size limit of upload bodies (413 past it), or null for none. */
  maxUploadBytes: number | null;
  /** Every upload: stored ones (`complete`), and those cut off mid-body. */
  readonly uploads: UploadRecord[];
  /** The folder the uploaded files are stored in (removed on close). */
  readonly uploadDir: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/api/1` — the value for `datagouv.apiUrl`. */
  apiUrl: string;
  data: SampleData;
  requests: RecordedRequest[];
  /** CORS preflights (from VS Code for the Web), apart from the requests they precede. */
  preflights: RecordedPreflight[];
  faults: Fault[];
  /** Forgets recorded requests, faults and uploads (deleting their files), and reloads the sample data. */
  reset(): void;
  /** Changes a reuse behind the extension's back, as another user would. */
  touchReuse(id: string, patch: Partial<StoredReuse>): StoredReuse;
  close(): Promise<void>;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  let data: SampleData;
  const uploads = new UploadStore();
  const requests: RecordedRequest[] = [];
  const preflights: RecordedPreflight[] = [];
  const faults: Fault[] = [];
  const sockets = new Set<Socket>();
  let lastTimestamp = 0;

  const server: Server = createServer((req, res) => {
    handle(api, ctx, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `Stand-in failure: ${String(error)}` }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  data = load(options, origin);

  // What the route families and renderers see of the stand-in.
  const ctx: StandInContext = {
    get data() {
      return data;
    },
    origin,
    apiBase: `${origin}/api/1/`,
    get legacyApiKeyEndpoints() {
      return api.legacyApiKeyEndpoints;
    },
    reuseBadges: options.reuseBadges ?? {},
    /** Strictly increasing timestamps, so every change moves last_modified. */
    now() {
      lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
      return new Date(lastTimestamp).toISOString();
    },
    uploads,
  };

  const api: StandIn = {
    legacyApiKeyEndpoints: options.legacyApiKeyEndpoints ?? false,
    readOnly: false,
    maxUploadBytes: options.maxUploadBytes ?? null,
    uploads: uploads.records,
    uploadDir: uploads.root,
    origin,
    apiUrl: `${origin}/api/1`,
    get data() {
      return data;
    },
    requests,
    preflights,
    faults,
    reset() {
      data = load(options, origin);
      requests.length = 0;
      preflights.length = 0;
      faults.length = 0;
      uploads.reset();
      api.legacyApiKeyEndpoints = options.legacyApiKeyEndpoints ?? false;
      api.readOnly = false;
      api.maxUploadBytes = options.maxUploadBytes ?? null;
    },
    touchReuse(id, patch) {
      const reuse = data.reuses.find((r) => r.id === id);
      if (!reuse) throw new Error(`no reuse ${id}`);
      Object.assign(reuse, patch);
      reuse.last_modified = ctx.now();
      return reuse;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      uploads.close();
    },
  };
  return api;
}

function load(options: StandInOptions, origin: string): SampleData {
  const sample = createSampleData(origin);
  if (options.datasets) addGeneratedDatasets(sample, options.datasets, origin);
  if (options.reuses) addGeneratedReuses(sample, options.reuses);
  return sample;
}

async function handle(standIn: StandIn, ctx: StandInContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', standIn.origin);
  const method = (req.method ?? 'GET').toUpperCase();
  // An upload's body is streamed to disk by its route, never read whole.
  const streamed = url.pathname.startsWith('/api/1/') && isUploadPath(method, url.pathname.slice('/api/1'.length));
  const rawBody = streamed ? '' : await readBody(req);

  if (isCorsRoute(url.pathname)) {
    if (isPreflight(req)) {
      standIn.preflights.push({ method: String(req.headers['access-control-request-method']), path: url.pathname.slice('/api/1'.length) });
      return answerPreflight(req, res);
    }
    addCorsHeaders(req, res);
  }

  if (url.pathname.startsWith('/__control/')) return control(standIn, url.pathname, method, rawBody, res);
  if (url.pathname === '/admin/me/profile' || url.pathname === '/admin/me/profile/') return profilePage(ctx, res);
  // udata/core/storages/__init__.py: uploaded files are served under /s/resources/.
  if (url.pathname.startsWith('/s/resources/') && (method === 'GET' || method === 'HEAD')) return storedFile(ctx, url.pathname, method, res);
  if (!url.pathname.startsWith('/api/1/')) return send(res, 404, { message: 'Not found' });

  const path = url.pathname.slice('/api/1'.length);
  const keyHeader = req.headers['x-api-key'];
  const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
  const auth = key ? authenticate(ctx.data.users, key, new Date()) : {};
  const user = auth.user;
  const fieldsHeader = req.headers['x-fields'];
  const fields = (Array.isArray(fieldsHeader) ? fieldsHeader[0] : fieldsHeader) ?? null;
  let body: unknown = undefined;
  const record: RecordedRequest = {
    method,
    path,
    query: url.search,
    apiKey: !key ? 'none' : user ? 'valid' : 'invalid',
    fields,
    body: undefined,
    status: 0,
    bytes: 0,
  };
  standIn.requests.push(record);

  const fault = takeFault(standIn.faults, method, path);
  // A fault can stand for a server or proxy that sends no CORS header: a browser then
  // refuses the answer, whatever its status.
  if (fault?.noCors) res.removeHeader('Access-Control-Allow-Origin');
  if (fault?.delayMs) await delay(fault.delayMs, req);
  if (!res.socket || res.socket.destroyed) return; // the client gave up while we waited
  if (fault?.reset || (fault?.resetAfterBytes !== undefined && !streamed && Buffer.byteLength(rawBody) >= fault.resetAfterBytes)) {
    req.socket.destroy();
    record.status = -1;
    return;
  }
  if (fault?.tooLarge) {
    tooLarge(req, res, streamed);
    record.status = 413;
    return;
  }
  if (fault?.status) {
    record.status = fault.status;
    const faultBody = fault.body ?? JSON.stringify({ message: `Injected ${fault.status}` });
    record.bytes = Buffer.byteLength(faultBody);
    res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
    res.end(faultBody);
    return;
  }

  // Set by the route, or by the failure that replaces its answer.
  let status: number;
  let payload: unknown;
  let headers: Record<string, string>;
  try {
    if (rawBody.length) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        fail(400, 'The browser (or proxy) sent a request that this server could not understand.');
      }
    }
    record.body = body;
    // udata/api/__init__.py: a key that is not an active token fails every request.
    if (key && !user) {
      throw new HttpFailure(401, { message: auth.refused ?? 'Invalid API token' }, { 'WWW-Authenticate': 'Bearer realm="uData"' });
    }
    // udata/api/__init__.py (_apply_secure): in READ_ONLY_MODE, the handlers listed in
    // METHOD_BLOCKLIST (udata/settings.py: creations) answer 423 to signed-in users who
    // are not platform administrators; every other write (PUT, DELETE) goes on.
    if (standIn.readOnly && user && !user.roles.includes('admin') && blockedInReadOnlyMode(method, path)) {
      fail(423, 'Due to security reasons, the creation of new content is currently disabled.');
    }
    const contentTypeHeader = req.headers['content-type'];
    const request: RouteRequest = { method, parts: path.split('/').filter(Boolean), query: url.searchParams, body, contentType: contentTypeHeader, user };
    let result: Result;
    if (streamed) {
      // A proxy's size limit: a body announced too long is refused before it is read.
      const limit = standIn.maxUploadBytes;
      const announced = Number(req.headers['content-length']);
      if (limit !== null && Number.isFinite(announced) && announced > limit) throw new BodyTooLarge();
      result = await datasetUploadRoute(ctx, request, () =>
        receiveMultipart(req, ctx.uploads.incomingPath(), { resetAfterBytes: fault?.resetAfterBytes, maxBytes: limit ?? undefined }),
      );
    } else {
      result = route(ctx, request);
    }
    status = result.status ?? 200;
    payload = result.body;
    headers = result.headers ?? {};
    if (fields && payload !== undefined && status < 300) {
      let mask;
      try {
        mask = parseMask(fields);
        payload = applyMask(payload, mask);
      } catch (error) {
        if (error instanceof MaskParseError) fail(400, `Mask parse error: ${error.message}`);
        if (error instanceof MaskInconsistentError) fail(400, `Mask error: ${error.message}`);
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof ConnectionGone) {
      record.status = -1;
      return;
    }
    if (error instanceof BodyTooLarge) {
      tooLarge(req, res, streamed);
      record.status = 413;
      return;
    }
    if (!(error instanceof HttpFailure)) throw error;
    status = error.status;
    payload = error.body;
    headers = error.headers;
  }
  const text = payload === undefined ? '' : JSON.stringify(payload);
  record.status = status;
  record.bytes = Buffer.byteLength(text);
  if (fault?.truncate) {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.write(text.slice(0, Math.floor(text.length / 2)));
    setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

/**
 * The routes the stand-in serves among udata's METHOD_BLOCKLIST (udata/settings.py):
 * ReuseListAPI, DatasetListAPI, ResourcesAPI, UploadNewDatasetResource,
 * UploadDatasetResource, CommunityResourcesAPI, FollowAPI, DiscussionsAPI, DiscussionAPI,
 * DataservicesAPI (all `.post`).
 */
const READ_ONLY_BLOCKLIST = [
  /^\/reuses\/$/,
  /^\/datasets\/$/,
  /^\/datasets\/[^/]+\/resources\/$/,
  /^\/datasets\/[^/]+\/upload\/$/,
  /^\/datasets\/[^/]+\/resources\/[^/]+\/upload\/$/,
  /^\/datasets\/community_resources\/$/,
  /^\/(reuses|datasets|dataservices|organizations|users)\/[^/]+\/followers\/$/,
  /^\/discussions\/([^/]+\/)?$/,
  /^\/dataservices\/$/,
];

function blockedInReadOnlyMode(method: string, path: string): boolean {
  return method === 'POST' && READ_ONLY_BLOCKLIST.some((pattern) => pattern.test(path));
}

function takeFault(faults: Fault[], method: string, path: string): Fault | undefined {
  const index = faults.findIndex((fault) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.includes(fault.path)));
  if (index < 0) return undefined;
  const fault = faults[index];
  if (fault.times !== undefined && --fault.times <= 0) faults.splice(index, 1);
  return fault;
}

// ---- routing ---------------------------------------------------------------------

/** Hands a request under /api/1 to its route family. */
function route(ctx: StandInContext, request: RouteRequest): Result {
  switch (request.parts[0]) {
    case 'me':
      return meRoute(ctx, request);
    case 'reuses':
      return reusesRoute(ctx, request);
    case 'datasets':
      return datasetsRoute(ctx, request);
    case 'dataservices':
      return dataservicesRoute(ctx, request);
    case 'spatial':
      return spatialRoute(ctx, request);
  }
  fail(404, 'The requested URL was not found on the server.');
}

// ---- control ------------------------------------------------------------------------

function control(standIn: StandIn, path: string, method: string, rawBody: string, res: ServerResponse): void {
  const body = rawBody ? JSON.parse(rawBody) : {};
  switch (`${method} ${path}`) {
    case 'GET /__control/requests':
      return send(res, 200, standIn.requests);
    case 'GET /__control/preflights':
      return send(res, 200, standIn.preflights);
    case 'POST /__control/reset':
      standIn.reset();
      return send(res, 200, { ok: true });
    case 'POST /__control/faults':
      standIn.faults.push(...(Array.isArray(body) ? body : [body]));
      return send(res, 200, standIn.faults);
    case 'DELETE /__control/faults':
      standIn.faults.length = 0;
      return send(res, 200, standIn.faults);
    case 'POST /__control/settings':
      if (typeof body.legacyApiKeyEndpoints === 'boolean') standIn.legacyApiKeyEndpoints = body.legacyApiKeyEndpoints;
      if (typeof body.readOnly === 'boolean') standIn.readOnly = body.readOnly;
      if (body.maxUploadBytes === null || typeof body.maxUploadBytes === 'number') standIn.maxUploadBytes = body.maxUploadBytes;
      return send(res, 200, { legacyApiKeyEndpoints: standIn.legacyApiKeyEndpoints, readOnly: standIn.readOnly, maxUploadBytes: standIn.maxUploadBytes });
    case 'GET /__control/uploads':
      return send(res, 200, standIn.uploads);
    case 'POST /__control/touch':
      return send(res, 200, standIn.touchReuse(body.id, body.patch ?? {}));
    default:
      return send(res, 404, { message: 'unknown control' });
  }
}

function profilePage(ctx: StandInContext, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>Profil — stand-in data.gouv.fr</title>` +
      `<h1>Local data.gouv.fr stand-in</h1><p>This is not data.gouv.fr. The sample account's API key is:</p>` +
      `<pre>${ctx.data.users[0].apiKey}</pre>`,
  );
}

/** An uploaded file, as the storage serves it. */
function storedFile(ctx: StandInContext, pathname: string, method: string, res: ServerResponse): void {
  const fsFilename = decodeURIComponent(pathname.slice('/s/resources/'.length));
  const file = ctx.uploads.stat(fsFilename);
  if (!file) return send(res, 404, { message: 'Not found' });
  const resource = ctx.data.datasets.flatMap((d) => d.resources).find((r) => r.fs_filename === fsFilename);
  res.writeHead(200, { 'Content-Type': resource?.mime ?? 'application/octet-stream', 'Content-Length': String(file.size) });
  if (method === 'HEAD') return void res.end();
  createReadStream(file.path).pipe(res);
}

/**
 * 413 as nginx answers past client_max_body_size. The rest of the body is read and
 * discarded (nginx's lingering close), so that the client gets the answer.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse, streamed: boolean): void {
  const page =
    '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
    '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  res.writeHead(413, 'Request Entity Too Large', { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(page)) });
  res.end(page);
  if (streamed) req.resume();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number, req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    req.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
