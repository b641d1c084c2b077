// The stand-in answers as udata 17.6 does at the points the extension relies on, each
// checked over HTTP (the udata file each follows is named in test/server/).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_API_KEY, OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function call(method: string, path: string, key = SAMPLE_API_KEY, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${standIn.apiUrl}${path}`, {
    method,
    headers: { 'X-API-KEY': key, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

test('follow: 201 new, 200 already; unfollow: 200, then 404 when not following (udata/core/followers/api.py)', async () => {
  const id = standIn.data.reuses[0].id;
  const camille = standIn.data.users[0].id;
  standIn.data.reuses[0].followers = standIn.data.reuses[0].followers.filter((follower) => follower !== camille);
  assert.equal((await call('POST', `/reuses/${id}/followers/`)).status, 201);
  assert.equal((await call('POST', `/reuses/${id}/followers/`)).status, 200);
  assert.equal((await call('DELETE', `/reuses/${id}/followers/`)).status, 200);
  assert.equal((await call('DELETE', `/reuses/${id}/followers/`)).status, 404);
});

test('core udata has no reuse badge: GET /reuses/badges/ answers {}', async () => {
  assert.deepEqual((await call('GET', '/reuses/badges/')).body, {});
});

test('a deleted dataset answers 410 to those who may not edit it (udata/core/dataset/api.py)', async () => {
  const dataset = standIn.data.datasets[0];
  dataset.deleted = '2026-11-01T00:00:00.000Z';
  assert.equal((await call('GET', `/datasets/${dataset.id}/`, OTHER_USER_API_KEY)).status, 410);
});

test('read-only mode: creations answer 423 (METHOD_BLOCKLIST), updates, reads and administrators go on (udata/api/__init__.py, udata/settings.py)', async () => {
  standIn.readOnly = true;
  const id = standIn.data.reuses[0].id;
  const reuse = { title: 'Nouvelle', description: 'Une description assez longue.', url: 'https://example.org/app', type: 'application', topic: 'others' };
  const refused = await call('POST', '/reuses/', SAMPLE_API_KEY, reuse);
  assert.equal(refused.status, 423);
  assert.equal((await call('POST', `/reuses/${id}/followers/`, SAMPLE_API_KEY)).status, 423);
  assert.equal((await call('PUT', `/reuses/${id}/`, SAMPLE_API_KEY, { title: 'Titre' })).status, 200, 'ReuseAPI.put is not in the block list');
  assert.equal((await call('GET', `/reuses/${id}/`)).status, 200);
  assert.notEqual((await call('POST', '/reuses/', ADMIN_API_KEY, reuse)).status, 423, 'a platform administrator may create');
});

test('PUT on a deleted reuse: 410 before the permission check (udata/core/reuse/api.py)', async () => {
  const other = standIn.data.reuses.find((reuse) => reuse.title.startsWith('Capteurs'));
  assert.ok(other);
  other.deleted = '2026-11-01T00:00:00.000Z';
  assert.equal((await call('PUT', `/reuses/${other.id}/`, SAMPLE_API_KEY, { title: 'Pris' })).status, 410);
});

test('GET /me/metrics/ answers one object (udata/core/user/api.py)', async () => {
  const { body } = await call('GET', '/me/metrics/');
  assert.ok(body && typeof body === 'object' && !Array.isArray(body));
});

test('a reuse URL is only trimmed, and a duplicate is the exact same text (udata/mongo/url_field.py)', async () => {
  const [first, second] = standIn.data.reuses;
  const kept = await call('PUT', `/reuses/${first.id}/`, SAMPLE_API_KEY, { url: '  https://Example.org/carte  ' });
  assert.equal(kept.status, 200);
  assert.equal((kept.body as { url: string }).url, 'https://Example.org/carte');
  const duplicate = await call('PUT', `/reuses/${second.id}/`, SAMPLE_API_KEY, { url: 'https://Example.org/carte' });
  assert.equal(duplicate.status, 400);
  assert.deepEqual((duplicate.body as { errors: unknown }).errors, { url: 'This URL is already registered' });
  assert.equal((await call('PUT', `/reuses/${second.id}/`, SAMPLE_API_KEY, { url: 'https://example.org/carte' })).status, 200, 'another text is another URL');
});

test('tags that are not a list are stored as no tag at all, silently (udata/mongo/taglist_field.py)', async () => {
  const reuse = standIn.data.reuses[0];
  assert.equal((await call('PUT', `/reuses/${reuse.id}/`, SAMPLE_API_KEY, { tags: 42 })).status, 200);
  assert.deepEqual(reuse.tags, []);
});
