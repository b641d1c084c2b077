// The API client over real HTTP against the local stand-in: every error kind, the
// masks, retries (GET only), redirects and where the key goes.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, type ApiClientOptions } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { DATASET_LIST_MASK, REUSE_LIST_MASK } from '../../../src/api/fieldMasks';
import { describeApiError } from '../../../src/util/errorMessages';
import { remediesFor } from '../../../src/util/errorRemedies';
import { startStandIn, type StandIn } from '../../server/standIn';
import { SAMPLE_API_KEY } from '../../server/sampleData';

const english = { t: (message: string, ...args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

function client(overrides: Partial<ApiClientOptions> = {}): ApiClient {
  return new ApiClient({
    apiUrl: standIn.apiUrl,
    getApiKey: () => SAMPLE_API_KEY,
    timeoutMs: 2_000,
    retryDelayMs: () => 10,
    ...overrides,
  });
}

async function rejectsWith(promise: Promise<unknown>, kind: string): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} ApiError`);
}

describe('ApiClient against the stand-in', () => {
  test('GET /me/ with the key returns the user', async () => {
    const me = await client().getMe();
    assert.equal(me.first_name, 'Camille');
    assert.equal(me.last_name, 'Martin');
    assert.equal(me.organizations?.length, 2);
    const [request] = standIn.requests;
    assert.equal(request.path, '/me/');
    assert.equal(request.apiKey, 'valid');
    assert.ok(request.fields, 'GET /me/ carries a mask');
  });

  test('a bad key is a 401 carrying the server message', async () => {
    const error = await rejectsWith(client({ getApiKey: () => 'udata_wrong' }).getMe(), 'unauthorized');
    assert.equal(error.status, 401);
    assert.equal(error.serverMessage, 'Invalid API token');
  });

  test('a call may check another key than the stored one', async () => {
    const noKey = client({ getApiKey: () => undefined });
    const me = await noKey.getMe({ apiKey: SAMPLE_API_KEY });
    assert.equal(me.slug, 'camille-martin');
    await rejectsWith(noKey.getMe(), 'unauthorized');
    assert.equal(standIn.requests[1].apiKey, 'none');
  });

  test('lists carry their X-Fields masks and come back trimmed', async () => {
    const reuses = await client().listOrgReuses();
    const datasets = await client().listOrgDatasets();
    assert.equal(standIn.requests[0].fields, REUSE_LIST_MASK);
    assert.equal(standIn.requests[1].fields, DATASET_LIST_MASK);
    assert.ok(reuses.length >= 6);
    assert.ok(!('community_resources' in datasets[0]), 'the mask removed heavy fields');
    assert.equal(datasets[0].resources, undefined, 'resources load when a dataset is expanded');
    const withDatasets = reuses.find((reuse) => (reuse.datasets?.length ?? 0) > 0);
    assert.ok(withDatasets?.datasets?.[0].title, 'nested datasets keep their titles');
    assert.ok(!('resources' in (withDatasets?.datasets?.[0] ?? {})), 'nested datasets lose their resources');
  });

  test('org datasets are sorted most recently modified first', async () => {
    // The list mask leaves last_modified out: ask for it, or every date is undefined.
    const datasets = await client().listOrgDatasets({ fields: 'id,last_modified' });
    const dates = datasets.map((d) => d.last_modified);
    assert.ok(dates.length > 1 && dates.every((date) => typeof date === 'string'), 'the answer carries the dates');
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('PUT sends only the patch; the answer has the tags slugified in request order, the stored reuse sorted', async () => {
    const [reuse] = await client().listOrgReuses();
    const updated = await client().updateReuse(reuse.id, { tags: ['Vélo', 'mobilité', 'Vélo'] });
    assert.deepEqual(updated.tags, ['velo', 'mobilite', 'velo'], 'udata answers the in-memory list');
    assert.deepEqual(standIn.data.reuses.find((r) => r.id === reuse.id)?.tags, ['mobilite', 'velo']);
    const put = standIn.requests.find((r) => r.method === 'PUT');
    assert.deepEqual(put?.body, { tags: ['Vélo', 'mobilité', 'Vélo'] });
  });

  test('a 400 carries per-field errors (string shape)', async () => {
    const [reuse] = await client().listOrgReuses();
    const error = await rejectsWith(client().updateReuse(reuse.id, { type: 'not-a-type', title: ' ' }), 'validation');
    assert.equal(error.status, 400);
    assert.deepEqual(error.fieldErrors.type, ["'not-a-type' is not a valid choice"]);
    assert.deepEqual(error.fieldErrors.title, ['This field is required.']);
  });

  test('a 400 carries per-field errors (list shape)', async () => {
    standIn.faults.push({
      method: 'PUT',
      status: 400,
      body: JSON.stringify({ errors: { title: ['Too short', 'Bad words'], extras: { color: 'not allowed' } }, message: 'Validation error' }),
    });
    const error = await rejectsWith(client().updateReuse('x', { title: 'a' }), 'validation');
    assert.deepEqual(error.fieldErrors, { title: ['Too short', 'Bad words'], extras: ['color: not allowed'] });
    assert.equal(error.serverMessage, 'Validation error');
  });

  test('403 on a reuse the user may not edit', async () => {
    const other = standIn.data.reuses.find((r) => r.title.startsWith('Capteurs'));
    assert.ok(other);
    const error = await rejectsWith(client().updateReuse(other.id, { title: 'Nouveau' }), 'forbidden');
    assert.equal(error.status, 403);
    assert.ok(other.title.startsWith('Capteurs'), 'nothing changed');
  });

  test('404 for an unknown reuse', async () => {
    await rejectsWith(client().getReuse('000000000000000000000000'), 'notFound');
  });

  test('410 for a deleted reuse the caller may not edit; PUT without deleted:null on a deleted one', async () => {
    const deleted = standIn.data.reuses.find((r) => r.deleted);
    assert.ok(deleted);
    const jean = client({ getApiKey: () => standIn.data.users[1].apiKey });
    deleted.private = false;
    await rejectsWith(jean.getReuse(deleted.id), 'gone');
    await rejectsWith(client().updateReuse(deleted.id, { title: 'Encore là' }), 'gone');
    const restored = await client().updateReuse(deleted.id, { deleted: null });
    assert.equal(restored.deleted, null);
  });

  test('5xx becomes a server error; GETs are retried, PUTs are not', async () => {
    standIn.faults.push({ method: 'GET', path: '/me/', status: 502, body: '<html>Bad gateway</html>', times: 2 });
    const me = await client().getMe();
    assert.equal(me.first_name, 'Camille');
    assert.equal(standIn.requests.filter((r) => r.path === '/me/').length, 3);

    standIn.requests.length = 0;
    standIn.faults.push({ method: 'PUT', status: 503 });
    const reuseId = standIn.data.reuses[0].id;
    const error = await rejectsWith(client().updateReuse(reuseId, { title: 'Une fois' }), 'server');
    assert.equal(error.status, 503);
    assert.equal(standIn.requests.filter((r) => r.method === 'PUT').length, 1, 'no retried PUT');
  });

  test('500 is not retried even for GET', async () => {
    standIn.faults.push({ method: 'GET', path: '/me/', status: 500, times: 1 });
    const error = await rejectsWith(client().getMe(), 'server');
    assert.equal(error.status, 500);
    assert.equal(standIn.requests.length, 1);
  });

  test('429 with Retry-After is retried for GET', async () => {
    standIn.faults.push({ method: 'GET', status: 429, headers: { 'Retry-After': '0' }, times: 1 });
    await client().getMe();
    assert.equal(standIn.requests.length, 2);
  });

  test('429 that persists becomes rateLimited', async () => {
    standIn.faults.push({ method: 'GET', status: 429 });
    await rejectsWith(client({ retryLimit: 1 }).getMe(), 'rateLimited');
  });

  test('a slow answer is a timeout', async () => {
    standIn.faults.push({ method: 'GET', delayMs: 1_000 });
    await rejectsWith(client({ timeoutMs: 200, retryLimit: 0 }).getMe(), 'timeout');
  });

  test('an aborted request is cancelled', async () => {
    standIn.faults.push({ method: 'GET', delayMs: 1_000 });
    const controller = new AbortController();
    const pending = client().getMe({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(pending, 'cancelled');
  });

  test('a reset connection is offline; a closed port too', async () => {
    standIn.faults.push({ method: 'GET', reset: true });
    await rejectsWith(client({ retryLimit: 0 }).getMe(), 'offline');
    const closed = await startStandIn();
    const url = closed.apiUrl;
    await closed.close();
    await rejectsWith(client({ apiUrl: url, retryLimit: 0 }).getMe(), 'offline');
  });

  test('a truncated body and a 200 that is not JSON are invalid responses', async () => {
    standIn.faults.push({ method: 'GET', truncate: true, times: 1 });
    await rejectsWith(client({ retryLimit: 0 }).listOrgDatasets(), 'invalidResponse');
    standIn.faults.push({ method: 'GET', status: 200, body: '<html>maintenance</html>', times: 1 });
    await rejectsWith(client().getMe(), 'invalidResponse');
  });

  test('an old slug is followed (same origin 308)', async () => {
    const reuse = standIn.data.reuses[0];
    await client().updateReuse(reuse.id, { title: 'Un titre tout neuf' });
    const oldSlug = reuse.oldSlugs[0];
    const fetched = await client().getReuse(oldSlug);
    assert.equal(fetched.id, reuse.id);
    assert.equal(fetched.title, 'Un titre tout neuf');
  });

  test('a redirect to another origin is refused and the key is not sent there', async () => {
    const seen: Array<string | undefined> = [];
    const evil: Server = createServer((req, res) => {
      seen.push(req.headers['x-api-key'] as string | undefined);
      res.end('{}');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const evilPort = (evil.address() as AddressInfo).port;
      standIn.faults.push({ method: 'GET', status: 302, headers: { Location: `http://localhost:${evilPort}/steal?x=1` }, body: '' });
      const error = await rejectsWith(client().getMe(), 'redirect');
      assert.equal(error.details.location, `http://localhost:${evilPort}/steal`);
      assert.deepEqual(seen, [], 'nothing reached the other origin');
    } finally {
      // Closed whatever happens, kept-alive connections too: a server left open would
      // keep this file running after a failed assertion.
      evil.closeAllConnections();
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });

  test('in a browser, a redirect is an opaque answer: said as a redirect not followed, never "error 0", and nothing sent twice', async () => {
    // What a browser's fetch resolves for a 3xx under `redirect: 'manual'` (Fetch
    // standard, "opaque-redirect filtered response"): status 0, no headers, no body.
    // Node's fetch hands back the real 3xx, so the browser's answer is built here.
    const browserFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status < 300 || response.status >= 400) return response;
      const opaque = Response.error();
      Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
      return opaque;
    };
    standIn.faults.push({ method: 'GET', path: '/me/', status: 307, headers: { Location: `${standIn.apiUrl}/me/` }, body: '', times: 1 });
    const error = await rejectsWith(client({ fetch: browserFetch, inBrowser: true }).getMe(), 'redirect');
    assert.equal(error.details.inBrowser, true);
    assert.equal(error.details.location, undefined);
    const message = describeApiError(error, english);
    assert.match(message, /VS Code for the Web does not follow/);
    assert.doesNotMatch(message, /error 0/);
    assert.deepEqual(remediesFor(error), ['openSettings', 'showLog']);
    assert.equal(standIn.requests.filter((r) => r.path === '/me/').length, 1, 'one request: not retried, not followed');
  });

  test('in a browser, no answer at all (offline, refused, or a CORS refusal) says so, with the setting to check', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await rejectsWith(client({ apiUrl: `http://127.0.0.1:${port}/api/1`, inBrowser: true, retryLimit: 0 }).getMe(), 'offline');
    assert.match(describeApiError(error, english), /could not be reached from this browser.*datagouv\.apiUrl.*CORS/s);
    assert.doesNotMatch(describeApiError(error, english), /TypeError|fetch failed/);
    assert.deepEqual(remediesFor(error), ['openSettings', 'showLog']);
    // The Node host says it as before.
    const desktop = await rejectsWith(client({ apiUrl: `http://127.0.0.1:${port}/api/1`, retryLimit: 0 }).getMe(), 'offline');
    assert.doesNotMatch(describeApiError(desktop, english), /browser/);
  });

  test('read-only maintenance: a creation answers 423, said plainly (udata/api/__init__.py, METHOD_BLOCKLIST)', async () => {
    standIn.readOnly = true;
    const error = await rejectsWith(
      client().createReuse({
        title: 'Nouvelle',
        description: 'Une description assez longue.',
        url: 'https://example.org/app',
        type: 'application',
        topic: 'others',
      }),
      'locked',
    );
    assert.match(describeApiError(error, english), /read-only mode for maintenance/);
    assert.equal(standIn.data.reuses.filter((reuse) => reuse.title === 'Nouvelle').length, 0);
  });

  test('the key is never in a URL and the logger never sees it', async () => {
    const lines: string[] = [];
    const logged = client({ logger: { request: (...parts) => lines.push(parts.join(' ')) } });
    await logged.getMe();
    await logged.listOrgReuses();
    await rejectsWith(client({ getApiKey: () => 'udata_wrong', logger: { request: (...p) => lines.push(p.join(' ')) } }).getMe(), 'unauthorized');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^GET \/api\/1\/me\/ 200 \d+$/);
    assert.ok(lines.every((line) => !line.includes(SAMPLE_API_KEY) && !line.includes('udata_wrong')));
    assert.ok(standIn.requests.every((r) => !r.query.includes('udata')));
  });

  test('types, topics, metrics and adding a dataset', async () => {
    const types = await client().getReuseTypes();
    const topics = await client().getReuseTopics();
    assert.ok(types.some((t) => t.id === 'visualization' && t.label));
    assert.ok(topics.some((t) => t.id === 'transport_and_mobility'));
    const metrics = await client().getMyMetrics();
    assert.equal(typeof metrics.datasets_org_count, 'number');
    const reuse = standIn.data.reuses[0];
    const dataset = standIn.data.datasets.find((d) => !reuse.datasets.includes(d.id));
    assert.ok(dataset);
    const updated = await client().addDatasetToReuse(reuse.id, dataset.id);
    assert.ok(updated.datasets?.some((d) => d.id === dataset.id));
  });
});
