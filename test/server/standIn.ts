// A local stand-in of the data.gouv.fr API (udata 17), faithful to
// ../shared/API-NOTES.md: 401 for a bad key on every request, unpaginated /me lists,
// X-Fields masks, PUT as a patch that ignores read-only keys, 400 with per-field
// errors, tags slugified and sorted, last_modified bumped on change, permissions per
// caller, 410 for deleted reuses. Faults (latency, statuses, resets, truncated or
// non-JSON bodies) can be switched on by tests, in process or over HTTP (/__control/).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { applyMask, MaskParseError, parseMask } from './fieldMask';
import { slugify } from './slugify';
import {
  addGeneratedDatasets,
  addGeneratedReuses,
  createSampleData,
  objectId,
  type SampleData,
  type StoredDataset,
  type StoredOrganization,
  type StoredReuse,
  type StoredUser,
} from './sampleData';

export const REUSE_TYPES: Array<{ id: string; label: string }> = [
  { id: 'api', label: 'API' },
  { id: 'application', label: 'Application' },
  { id: 'idea', label: 'Idée' },
  { id: 'news_article', label: 'Article de presse' },
  { id: 'paper', label: 'Papier' },
  { id: 'post', label: 'Article de blog' },
  { id: 'visualization', label: 'Visualisation' },
  { id: 'hardware', label: 'Objet connecté' },
];

export const REUSE_TOPICS: Array<{ id: string; label: string }> = [
  { id: 'health', label: 'Santé' },
  { id: 'transport_and_mobility', label: 'Transports et mobilités' },
  { id: 'housing_and_development', label: 'Logement et urbanisme' },
  { id: 'food_and_agriculture', label: 'Alimentation et agriculture' },
  { id: 'culture_and_recreation', label: 'Culture et loisirs' },
  { id: 'economy_and_business', label: 'Économie et entreprises' },
  { id: 'environment_and_energy', label: 'Environnement et énergie' },
  { id: 'work_and_training', label: 'Travail et formation' },
  { id: 'politics_and_public_life', label: 'Politique et vie publique' },
  { id: 'safety_and_security', label: 'Sécurité' },
  { id: 'education_and_research', label: 'Éducation et recherche' },
  { id: 'society_and_demography', label: 'Société et démographie' },
  { id: 'law_and_justice', label: 'Droit et justice' },
  { id: 'open_data_tools', label: 'Outils de l’open data' },
  { id: 'others', label: 'Autres' },
];

const REUSE_BADGES: Record<string, string> = { 'spd-reuse': 'Service public de la donnée' };

/** Keys of PUT /reuses/{id}/ that udata's form accepts; anything else is ignored. */
const WRITABLE_REUSE_KEYS = new Set([
  'title', 'description', 'url', 'type', 'topic', 'tags', 'datasets', 'dataservices',
  'private', 'archived', 'extras', 'deleted', 'owner', 'organization',
]);
const REQUIRED_REUSE_KEYS = ['title', 'description', 'url', 'type', 'topic'];

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
  /** How many requests the fault applies to; forever when absent. */
  times?: number;
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
  /** Serve `POST/DELETE /me/apikey` (older servers); newer ones answer 404. */
  legacyApiKeyEndpoints?: boolean;
}

export interface StandIn {
  /** Whether `POST/DELETE /me/apikey` exist (older servers); newer ones answer 404. */
  legacyApiKeyEndpoints: boolean;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/api/1` — the value for `datagouv.apiUrl`. */
  apiUrl: string;
  data: SampleData;
  requests: RecordedRequest[];
  faults: Fault[];
  /** Forgets recorded requests and faults, and reloads the sample data. */
  reset(): void;
  /** Changes a reuse behind the extension's back, as another user would. */
  touchReuse(id: string, patch: Partial<StoredReuse>): StoredReuse;
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? status));
  }
}

function fail(status: number, message: string, errors?: Record<string, unknown>): never {
  throw new HttpFailure(status, errors ? { errors, message } : { message });
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  let data = load();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const sockets = new Set<Socket>();
  let lastTimestamp = 0;

  function load(): SampleData {
    const sample = createSampleData();
    if (options.datasets) addGeneratedDatasets(sample, options.datasets);
    if (options.reuses) addGeneratedReuses(sample, options.reuses);
    return sample;
  }

  /** Strictly increasing timestamps, so every change moves last_modified. */
  function now(): string {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    return new Date(lastTimestamp).toISOString();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
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
  const apiBase = `${origin}/api/1/`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);

    // CORS, as /api does on data.gouv.fr.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Headers': 'X-API-KEY, X-Fields, Content-Type',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
      });
      res.end();
      return;
    }

    if (url.pathname.startsWith('/__control/')) return control(url.pathname, method, rawBody, res);
    if (url.pathname === '/admin/me/profile' || url.pathname === '/admin/me/profile/') return profilePage(res);
    if (!url.pathname.startsWith('/api/1/')) return send(res, 404, { message: 'Not found' });

    const path = url.pathname.slice('/api/1'.length);
    const keyHeader = req.headers['x-api-key'];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    const user = key ? data.users.find((candidate) => candidate.apiKey === key) : undefined;
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
    requests.push(record);

    const fault = takeFault(method, path);
    if (fault?.delayMs) await delay(fault.delayMs, req);
    if (!res.socket || res.socket.destroyed) return; // the client gave up while we waited
    if (fault?.reset) {
      req.socket.destroy();
      record.status = -1;
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

    let status = 200;
    let payload: unknown;
    let headers: Record<string, string> = {};
    try {
      if (rawBody.length) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          fail(400, 'The browser (or proxy) sent a request that this server could not understand.');
        }
      }
      record.body = body;
      if (key && !user) {
        throw new HttpFailure(401, { message: 'Invalid API token' }, { 'WWW-Authenticate': 'Bearer realm="uData"' });
      }
      const result = route(method, path, url.searchParams, body, user);
      status = result.status ?? 200;
      payload = result.body;
      headers = result.headers ?? {};
      if (fields && payload !== undefined && status < 300) {
        let mask;
        try {
          mask = parseMask(fields);
        } catch (error) {
          if (error instanceof MaskParseError) fail(400, `Mask parse error: ${error.message}`);
          throw error;
        }
        payload = applyMask(payload, mask);
      }
    } catch (error) {
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

  function takeFault(method: string, path: string): Fault | undefined {
    const index = faults.findIndex(
      (fault) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.includes(fault.path)),
    );
    if (index < 0) return undefined;
    const fault = faults[index];
    if (fault.times !== undefined && --fault.times <= 0) faults.splice(index, 1);
    return fault;
  }

  // ---- routing ---------------------------------------------------------------------

  type Result = { status?: number; body?: unknown; headers?: Record<string, string> };

  function route(method: string, path: string, query: URLSearchParams, body: unknown, user?: StoredUser): Result {
    const parts = path.split('/').filter(Boolean);
    const needUser = (): StoredUser => user ?? fail(401, 'Unauthorized');

    if (parts[0] === 'me') {
      const me = needUser();
      const sub = parts[1];
      if (!sub) {
        if (method === 'GET') return { body: renderMe(me) };
        if (method === 'PUT') return { body: updateMe(me, body) };
        if (method === 'DELETE') {
          data.users = data.users.filter((candidate) => candidate !== me);
          return { status: 204 };
        }
      }
      if (sub === 'apikey' && api.legacyApiKeyEndpoints) {
        if (method === 'POST') {
          me.apiKey = `udata_${objectId(0xa91, Date.now() % 1e9)}${Math.random().toString(16).slice(2, 10)}`;
          return { status: 201, body: { apikey: me.apiKey } };
        }
        if (method === 'DELETE') {
          me.apiKey = `revoked-${Math.random()}`;
          return { status: 204 };
        }
      }
      if (method === 'GET') {
        const orgIds = orgsOf(me).map((org) => org.id);
        switch (sub) {
          case 'reuses':
            return { body: byLastModified(data.reuses.filter((reuse) => reuse.owner === me.id)).map((r) => renderReuse(r, me)) };
          case 'org_reuses':
            return {
              body: byLastModified(
                data.reuses.filter(
                  (reuse) => (reuse.owner === me.id || (reuse.organization && orgIds.includes(reuse.organization))) && titleMatches(reuse, query),
                ),
              ).map((r) => renderReuse(r, me)),
            };
          case 'datasets':
            return { body: byLastModified(data.datasets.filter((d) => d.owner === me.id)).map((d) => renderDataset(d, me)) };
          case 'org_datasets':
            return {
              body: byLastModified(
                data.datasets.filter(
                  (d) => (d.owner === me.id || (d.organization && orgIds.includes(d.organization))) && titleMatches(d, query),
                ),
              ).map((d) => renderDataset(d, me)),
            };
          case 'metrics':
            // The reference documents a one-item list.
            return { body: [{ id: me.id, ...myMetrics(me) }] };
          case 'org_discussions':
            return {
              body: data.discussions
                .filter((d) => orgIds.includes(d.organization))
                .sort((a, b) => b.created.localeCompare(a.created))
                .map(renderDiscussion),
            };
        }
      }
      fail(404, 'The requested URL was not found on the server.');
    }

    if (parts[0] === 'reuses') {
      if (parts.length === 1) {
        if (method === 'GET') {
          const visible = data.reuses.filter((r) => !r.private && !r.deleted);
          return { body: { data: visible.map((r) => renderReuse(r, user)), page: 1, page_size: 20, total: visible.length } };
        }
        if (method === 'POST') return { status: 201, body: renderReuse(createReuse(needUser(), body), user) };
      }
      if (parts.length === 2 && method === 'GET') {
        if (parts[1] === 'types') return { body: REUSE_TYPES };
        if (parts[1] === 'topics') return { body: REUSE_TOPICS };
        if (parts[1] === 'badges') return { body: REUSE_BADGES };
      }
      const reuse = data.reuses.find((r) => r.id === parts[1] || r.slug === parts[1]);
      if (!reuse) {
        const moved = data.reuses.find((r) => r.oldSlugs.includes(parts[1]));
        if (moved) {
          const location = `${apiBase}reuses/${moved.slug}/${parts.slice(2).map((p) => `${p}/`).join('')}`;
          return { status: 308, body: undefined, headers: { Location: location } };
        }
        fail(404, 'Reuse not found');
      }
      const canEdit = !!user && mayEdit(reuse, user);
      if (reuse.private && !canEdit) fail(404, 'Reuse not found');
      if (parts.length === 2) {
        if (method === 'GET') {
          if (reuse.deleted && !canEdit) fail(410, 'This reuse has been deleted');
          return { body: renderReuse(reuse, user) };
        }
        if (method === 'PUT') {
          const me = needUser();
          if (!canEdit) fail(403, 'You do not have the permission to modify that object.');
          updateReuse(reuse, body, me);
          // udata/core/reuse/metrics.py: on_update recounts the datasets and saves the
          // reuse a second time, which moves last_modified again (udata/mongo/datetime_fields.py).
          reuse.last_modified = now();
          // The answer is the in-memory object: microseconds, where GETs read milliseconds
          // back from MongoDB.
          return { body: { ...renderReuse(reuse, me), last_modified: withMicroseconds(reuse.last_modified) } };
        }
        if (method === 'DELETE') {
          const me = needUser();
          if (!mayEdit(reuse, me)) fail(403, 'You do not have the permission to modify that object.');
          if (reuse.deleted) fail(410, 'This reuse has been deleted');
          reuse.deleted = now();
          reuse.last_modified = now();
          return { status: 204 };
        }
      }
      const sub = parts[2];
      if (sub === 'datasets' && method === 'POST') {
        const me = needUser();
        if (!canEdit) fail(403, 'You do not have the permission to modify that object.');
        if (reuse.deleted) fail(410, 'This reuse has been deleted');
        const id = body && typeof body === 'object' ? (body as Record<string, unknown>).id : undefined;
        if (typeof id !== 'string' || !id) fail(400, 'Expect a dataset identifier');
        if (!data.datasets.some((d) => d.id === id)) fail(404, 'Dataset not found');
        if (reuse.datasets.includes(id)) return { status: 200, body: renderReuse(reuse, me) };
        reuse.datasets.push(id);
        reuse.last_modified = now();
        return { status: 201, body: renderReuse(reuse, me) };
      }
      if (sub === 'followers') {
        if (method === 'GET') {
          const who = query.get('user');
          const followers = reuse.followers.filter((id) => !who || id === who);
          return { body: { data: followers.map((id) => ({ follower: renderUser(id) })), total: followers.length, page: 1, page_size: 20 } };
        }
        const me = needUser();
        // udata/core/followers/metrics.py: a follow or unfollow recounts the followers and
        // saves the reuse, so last_modified moves though no editable field did.
        if (method === 'POST') {
          if (!reuse.followers.includes(me.id)) reuse.followers.push(me.id);
          reuse.last_modified = now();
          return { status: 201, body: { followers: reuse.followers.length } };
        }
        if (method === 'DELETE') {
          reuse.followers = reuse.followers.filter((id) => id !== me.id);
          reuse.last_modified = now();
          return { body: { followers: reuse.followers.length } };
        }
      }
      if (sub === 'featured' && (method === 'POST' || method === 'DELETE')) {
        const me = needUser();
        if (!me.roles.includes('admin')) fail(403, 'You do not have the permission to modify that object.');
        reuse.featured = method === 'POST';
        reuse.last_modified = now();
        return { body: renderReuse(reuse, me) };
      }
      if (sub === 'badges') {
        const me = needUser();
        if (!me.roles.includes('admin')) fail(403, 'You do not have the permission to modify that object.');
        if (method === 'POST' && parts.length === 3) {
          const kind = body && typeof body === 'object' ? (body as Record<string, unknown>).kind : undefined;
          if (typeof kind !== 'string' || !(kind in REUSE_BADGES)) fail(400, 'Validation error', { kind: 'Not a valid choice' });
          if (!reuse.badges.some((b) => b.kind === kind)) reuse.badges.push({ kind });
          return { status: 201, body: { kind } };
        }
        if (method === 'DELETE' && parts[3]) {
          if (!reuse.badges.some((b) => b.kind === parts[3])) fail(404, 'Badge does not exists');
          reuse.badges = reuse.badges.filter((b) => b.kind !== parts[3]);
          return { status: 204 };
        }
      }
      fail(405, 'The method is not allowed for the requested URL.');
    }

    if (parts[0] === 'datasets' && parts.length === 2 && method === 'GET') {
      const dataset = data.datasets.find((d) => d.id === parts[1] || d.slug === parts[1]);
      if (!dataset || dataset.deleted) fail(404, 'Dataset not found');
      return { body: renderDataset(dataset, user) };
    }
    fail(404, 'The requested URL was not found on the server.');
  }

  // ---- rendering -------------------------------------------------------------------

  function orgsOf(user: StoredUser): StoredOrganization[] {
    return data.organizations.filter((org) => user.id in org.members);
  }

  function mayEdit(object: { owner: string | null; organization: string | null }, user: StoredUser): boolean {
    if (user.roles.includes('admin')) return true;
    if (object.owner === user.id) return true;
    const org = data.organizations.find((candidate) => candidate.id === object.organization);
    return !!org && user.id in org.members;
  }

  function renderOrg(id: string | null): unknown {
    const org = data.organizations.find((candidate) => candidate.id === id);
    if (!org) return null;
    return {
      class: 'Organization',
      id: org.id,
      acronym: org.acronym,
      badges: [],
      logo: `${origin}/images/avatars/${org.slug}.png`,
      logo_thumbnail: `${origin}/images/avatars/${org.slug}-100.png`,
      name: org.name,
      page: `${origin}/organizations/${org.slug}/`,
      slug: org.slug,
      uri: `${apiBase}organizations/${org.id}/`,
    };
  }

  function renderUser(id: string | null): unknown {
    const user = data.users.find((candidate) => candidate.id === id);
    if (!user) return null;
    return {
      class: 'User',
      id: user.id,
      avatar: null,
      avatar_thumbnail: null,
      first_name: user.first_name,
      last_name: user.last_name,
      page: `${origin}/users/${user.slug}/`,
      slug: user.slug,
      uri: `${apiBase}users/${user.id}/`,
    };
  }

  function renderDiscussion(discussion: SampleData['discussions'][number]): unknown {
    return {
      class: 'Discussion',
      id: discussion.id,
      title: discussion.title,
      subject: discussion.subject,
      created: discussion.created,
      closed: discussion.closed,
      organization: renderOrg(discussion.organization),
      user: renderUser(discussion.user),
      discussion: discussion.messages.map((message) => ({ content: message.content, posted_on: message.posted_on, posted_by: renderUser(message.posted_by) })),
      url: `${apiBase}discussions/${discussion.id}/`,
      permissions: { close: true, delete: false, edit: false },
    };
  }

  function renderMe(me: StoredUser): unknown {
    return {
      id: me.id,
      slug: me.slug,
      email: me.email,
      first_name: me.first_name,
      last_name: me.last_name,
      avatar: null,
      avatar_thumbnail: null,
      website: me.website,
      about: me.about,
      since: me.since,
      roles: me.roles,
      active: true,
      last_login_at: '2026-11-22T08:12:00.000Z',
      metrics: myMetrics(me),
      uri: `${apiBase}users/${me.id}/`,
      page: `${origin}/users/${me.slug}/`,
      organizations: orgsOf(me).map((org) => renderOrg(org.id)),
    };
  }

  function myMetrics(me: StoredUser): Record<string, number> {
    const own = data.datasets.filter((d) => d.owner === me.id);
    const orgIds = orgsOf(me).map((org) => org.id);
    const orgDatasets = data.datasets.filter((d) => d.organization && orgIds.includes(d.organization));
    return {
      datasets_count: own.length,
      datasets_org_count: orgDatasets.length,
      followers_count: 4,
      followers_org_count: 57,
      resources_availability: 0.97,
    };
  }

  function renderDataset(dataset: StoredDataset, user?: StoredUser): Record<string, unknown> {
    const editable = !!user && mayEdit(dataset, user);
    return {
      id: dataset.id,
      title: dataset.title,
      slug: dataset.slug,
      acronym: dataset.acronym,
      description: dataset.description,
      archived: dataset.archived,
      deleted: dataset.deleted,
      private: dataset.private,
      featured: false,
      created_at: dataset.created_at,
      last_modified: dataset.last_modified,
      last_update: dataset.last_update,
      frequency: dataset.frequency,
      frequency_date: null,
      license: dataset.license,
      tags: dataset.tags,
      badges: [],
      // What www.data.gouv.fr sends besides: harvest metadata, contact points, spatial
      // and temporal coverage, per-resource crawler results (check:*, analysis:*). They
      // make the unmasked answers as heavy as the real ones, which the masks are for.
      extras: { 'recommendations:sources': ['https://recommendations.data.gouv.fr'], 'dcat:landingPage': `${origin}/datasets/${dataset.slug}/` },
      harvest: {
        backend: 'DCAT',
        domain: 'data.saint-remy-sur-loire.fr',
        remote_id: `urn:saint-remy:${dataset.id}`,
        remote_url: `https://data.saint-remy-sur-loire.fr/explore/dataset/${dataset.slug}/`,
        source_id: '6a1b2c3d4e5f60718293a4b5',
        created_at: dataset.created_at,
        modified_at: dataset.last_modified,
        last_update: dataset.last_update,
        uri: `https://data.saint-remy-sur-loire.fr/api/datasets/${dataset.slug}`,
        dct_identifier: dataset.id,
        archived: null,
        archived_at: null,
        ckan_name: null,
        ckan_source: null,
      },
      internal: { created_at_internal: dataset.created_at, last_modified_internal: dataset.last_modified },
      contact_points: [
        {
          id: '5c9d8e7f6a5b4c3d2e1f0a9b',
          name: 'Service données et cartographie',
          email: 'donnees@saint-remy-sur-loire.fr',
          contact_form: `${origin}/contact/donnees/`,
          role: 'contact',
          organization: renderOrg(dataset.organization),
          owner: null,
        },
      ],
      schema: null,
      spatial: {
        granularity: 'fr:commune',
        zones: ['fr:commune:45200', 'fr:departement:45', 'fr:region:24'],
        geom: null,
      },
      temporal_coverage: { start: '2020-01-01T00:00:00.000Z', end: dataset.last_update },
      quality: {
        score: dataset.quality_score,
        dataset_description_quality: true,
        has_resources: dataset.resources.length > 0,
        has_open_format: true,
        license: true,
        resources_documentation: dataset.quality_score > 0.5,
        spatial: true,
        temporal_coverage: false,
        update_frequency: true,
        update_fulfilled_in_time: dataset.quality_score > 0.3,
      },
      metrics: dataset.metrics,
      organization: renderOrg(dataset.organization),
      owner: renderUser(dataset.owner),
      page: `${origin}/datasets/${dataset.slug}/`,
      uri: `${apiBase}datasets/${dataset.id}/`,
      permissions: { edit: editable, delete: editable, edit_resources: editable },
      resources: dataset.resources.map((resource) => ({
        ...resource,
        checksum: { type: 'sha1', value: resource.id.padEnd(40, '0') },
        extras: {
          'check:available': true,
          'check:date': resource.last_modified,
          'check:headers:content-type': resource.mime ?? 'application/octet-stream',
          'check:headers:content-length': resource.filesize ?? 0,
          'check:status': 200,
          'check:timeout': false,
          'analysis:checksum': resource.id.padEnd(40, 'a'),
          'analysis:content-length': resource.filesize ?? 0,
          'analysis:last-modified-at': resource.last_modified,
          'analysis:last-modified-detection': 'last-modified-header',
          'analysis:mime-type': resource.mime ?? 'application/octet-stream',
          'analysis:parsing:started_at': resource.last_modified,
          'analysis:parsing:finished_at': resource.last_modified,
          'analysis:parsing:parquet_url': `https://object.files.data.gouv.fr/hydra-parquet/hydra-parquet/${resource.id}.parquet`,
          'analysis:parsing:parquet_size': Math.round((resource.filesize ?? 0) / 3),
        },
        harvest: {
          created_at: resource.created_at,
          modified_at: resource.last_modified,
          uri: `https://data.saint-remy-sur-loire.fr/api/resources/${resource.id}`,
        },
        internal: { created_at_internal: resource.created_at, last_modified_internal: resource.last_modified },
        latest: `${origin}/fr/datasets/r/${resource.id}`,
        metrics: { views: 12 },
        preview_url: null,
        schema: null,
      })),
      community_resources: [],
    };
  }

  function renderReuse(reuse: StoredReuse, user?: StoredUser): Record<string, unknown> {
    const editable = !!user && mayEdit(reuse, user);
    return {
      id: reuse.id,
      title: reuse.title,
      slug: reuse.slug,
      description: reuse.description,
      url: reuse.url,
      type: reuse.type,
      topic: reuse.topic,
      tags: reuse.tags,
      datasets: reuse.datasets
        .map((id) => data.datasets.find((d) => d.id === id))
        .filter((d): d is StoredDataset => !!d)
        .map((d) => renderDataset(d, user)),
      dataservices: [],
      private: reuse.private,
      archived: reuse.archived,
      deleted: reuse.deleted,
      featured: reuse.featured,
      extras: reuse.extras,
      image: null,
      image_thumbnail: null,
      created_at: reuse.created_at,
      last_modified: reuse.last_modified,
      metrics: { ...reuse.metrics, datasets: reuse.datasets.length, followers: reuse.followers.length + (reuse.metrics.followers ?? 0) },
      organization: renderOrg(reuse.organization),
      owner: renderUser(reuse.owner),
      badges: reuse.badges,
      page: `${origin}/reuses/${reuse.slug}/`,
      uri: `${apiBase}reuses/${reuse.id}/`,
      permissions: { edit: editable, delete: editable },
    };
  }

  // ---- writes ------------------------------------------------------------------------

  function validateReuseFields(body: Record<string, unknown>, reuse: StoredReuse | undefined, user: StoredUser): Partial<StoredReuse> {
    const errors: Record<string, string> = {};
    const changes: Partial<StoredReuse> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!WRITABLE_REUSE_KEYS.has(key)) continue; // read-only or unknown: silently ignored
      switch (key) {
        case 'title':
        case 'description':
          if (typeof value !== 'string' || !value.trim()) errors[key] = 'This field is required.';
          else changes[key] = value.trim();
          break;
        case 'url': {
          if (typeof value !== 'string' || !value.trim()) {
            errors.url = 'This field is required.';
            break;
          }
          let parsed: URL | undefined;
          try {
            parsed = new URL(value.trim());
          } catch {
            parsed = undefined;
          }
          if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
            errors.url = 'Invalid URL';
            break;
          }
          const normalised = parsed.toString();
          if (data.reuses.some((other) => other !== reuse && other.url === normalised)) {
            errors.url = 'This URL is already registered';
            break;
          }
          changes.url = normalised;
          break;
        }
        case 'type':
          if (!REUSE_TYPES.some((choice) => choice.id === value)) errors.type = `'${String(value)}' is not a valid choice`;
          else changes.type = value as string;
          break;
        case 'topic':
          if (!REUSE_TOPICS.some((choice) => choice.id === value)) errors.topic = `'${String(value)}' is not a valid choice`;
          else changes.topic = value as string;
          break;
        case 'tags': {
          if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) {
            errors.tags = 'Tags must be a list of strings';
            break;
          }
          const tags = [...new Set(value.map((tag: string) => slugify(tag)))].sort();
          const bad = tags.find((tag) => tag.length < 3 || tag.length > 96);
          if (bad !== undefined) errors.tags = `Tag "${bad}" must be between 3 and 96 characters long`;
          else changes.tags = tags;
          break;
        }
        case 'datasets': {
          if (!Array.isArray(value)) {
            errors.datasets = 'Expect a list of dataset references';
            break;
          }
          const ids = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>).id : item));
          const unknown = ids.find((id) => typeof id !== 'string' || !data.datasets.some((d) => d.id === id));
          if (unknown !== undefined) errors.datasets = `Unknown reference '${String(unknown)}'`;
          else changes.datasets = [...new Set(ids as string[])];
          break;
        }
        case 'private':
          if (typeof value !== 'boolean') errors.private = 'Not a valid boolean';
          else changes.private = value;
          break;
        case 'archived':
        case 'deleted':
          if (value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) errors[key] = 'Not a valid datetime';
          else changes[key] = value as string | null;
          break;
        case 'extras':
          if (!value || typeof value !== 'object' || Array.isArray(value)) errors.extras = 'Extras must be an object';
          else changes.extras = value as Record<string, unknown>;
          break;
        case 'owner':
        case 'organization': {
          const id = value && typeof value === 'object' ? (value as Record<string, unknown>).id : value;
          if (reuse && id !== reuse[key] && !user.roles.includes('admin')) {
            errors[key] = `Cannot modify ${key} after creation`;
          } else if (!reuse) {
            if (key === 'organization' && id) {
              const org = data.organizations.find((candidate) => candidate.id === id);
              if (!org || !(user.id in org.members)) errors.organization = 'Permission denied for this organization';
              else changes.organization = org.id;
            }
          } else {
            changes[key] = (id as string | null) ?? null;
          }
          break;
        }
        default:
          break;
      }
    }
    if (!reuse) {
      for (const key of REQUIRED_REUSE_KEYS) {
        if (!(key in body) && !errors[key]) errors[key] = 'This field is required.';
      }
    }
    if (Object.keys(errors).length) fail(400, 'Validation error', errors);
    return changes;
  }

  function updateReuse(reuse: StoredReuse, body: unknown, user: StoredUser): StoredReuse {
    if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
    const record = body as Record<string, unknown>;
    if (reuse.deleted && !('deleted' in record && record.deleted === null)) fail(410, 'This reuse has been deleted');
    const changes = validateReuseFields(record, reuse, user);
    for (const [key, value] of Object.entries(changes) as Array<[keyof StoredReuse, unknown]>) {
      (reuse as unknown as Record<string, unknown>)[key] = value;
    }
    if (changes.title !== undefined) {
      const slug = slugify(reuse.title);
      if (slug !== reuse.slug) {
        reuse.oldSlugs.push(reuse.slug);
        reuse.slug = slug;
      }
    }
    // udata/mongo/datetime_fields.py (set_modified_datetime, pre_save): every save moves
    // last_modified, whether or not a field changed.
    reuse.last_modified = now();
    return reuse;
  }

  function createReuse(user: StoredUser, body: unknown): StoredReuse {
    if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
    const changes = validateReuseFields(body as Record<string, unknown>, undefined, user);
    const timestamp = now();
    const reuse: StoredReuse = {
      id: objectId(0x7e06, data.reuses.length + 1 + Math.floor(Math.random() * 1e6)),
      title: changes.title ?? '',
      slug: slugify(changes.title ?? ''),
      oldSlugs: [],
      description: changes.description ?? '',
      url: changes.url ?? '',
      type: changes.type ?? 'application',
      topic: changes.topic ?? 'others',
      tags: changes.tags ?? [],
      datasets: changes.datasets ?? [],
      private: changes.private ?? false,
      archived: null,
      deleted: null,
      featured: false,
      extras: changes.extras ?? {},
      owner: changes.organization ? null : user.id,
      organization: changes.organization ?? null,
      created_at: timestamp,
      last_modified: timestamp,
      metrics: { views: 0, followers: 0 },
      badges: [],
      followers: [],
    };
    data.reuses.push(reuse);
    return reuse;
  }

  function updateMe(me: StoredUser, body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
    const record = body as Record<string, unknown>;
    const errors: Record<string, string> = {};
    for (const key of ['first_name', 'last_name', 'about', 'website'] as const) {
      if (!(key in record)) continue;
      const value = record[key];
      if (typeof value !== 'string') errors[key] = 'Not a valid string';
      else if ((key === 'first_name' || key === 'last_name') && !value.trim()) errors[key] = 'This field is required.';
      else me[key] = value;
    }
    if (Object.keys(errors).length) fail(400, 'Validation error', errors);
    return renderMe(me);
  }

  // ---- control ------------------------------------------------------------------------

  function control(path: string, method: string, rawBody: string, res: ServerResponse): void {
    const body = rawBody ? JSON.parse(rawBody) : {};
    switch (`${method} ${path}`) {
      case 'GET /__control/requests':
        return send(res, 200, requests);
      case 'POST /__control/reset':
        api.reset();
        return send(res, 200, { ok: true });
      case 'POST /__control/faults':
        faults.push(...(Array.isArray(body) ? body : [body]));
        return send(res, 200, faults);
      case 'DELETE /__control/faults':
        faults.length = 0;
        return send(res, 200, faults);
      case 'POST /__control/settings':
        if (typeof body.legacyApiKeyEndpoints === 'boolean') api.legacyApiKeyEndpoints = body.legacyApiKeyEndpoints;
        return send(res, 200, { legacyApiKeyEndpoints: api.legacyApiKeyEndpoints });
      case 'POST /__control/touch':
        return send(res, 200, api.touchReuse(body.id, body.patch ?? {}));
      default:
        return send(res, 404, { message: 'unknown control' });
    }
  }

  function profilePage(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>Profil — stand-in data.gouv.fr</title>` +
        `<h1>Local data.gouv.fr stand-in</h1><p>This is not data.gouv.fr. The sample account's API key is:</p>` +
        `<pre>${data.users[0].apiKey}</pre>`,
    );
  }

  const api: StandIn = {
    legacyApiKeyEndpoints: options.legacyApiKeyEndpoints ?? true,
    origin,
    apiUrl: `${origin}/api/1`,
    get data() {
      return data;
    },
    requests,
    faults,
    reset() {
      data = load();
      requests.length = 0;
      faults.length = 0;
      api.legacyApiKeyEndpoints = options.legacyApiKeyEndpoints ?? true;
    },
    touchReuse(id, patch) {
      const reuse = data.reuses.find((r) => r.id === id);
      if (!reuse) throw new Error(`no reuse ${id}`);
      Object.assign(reuse, patch);
      reuse.last_modified = now();
      return reuse;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}

/** A date as udata's PUT answer gives it: Python's isoformat with microseconds. */
function withMicroseconds(iso: string): string {
  return `${iso.slice(0, 23)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}+00:00`;
}

function byLastModified<T extends { last_modified: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.last_modified.localeCompare(a.last_modified));
}

function titleMatches(object: { title: string }, query: URLSearchParams): boolean {
  const q = query.get('q');
  return !q || object.title.toLowerCase().includes(q.toLowerCase());
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
