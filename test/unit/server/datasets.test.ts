// Datasets and resources written as udata 17.6 writes them (udata/core/dataset/api.py
// and forms.py), uploads streamed to disk, and the reference lists — each checked over
// HTTP against the stand-in.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { ADMIN_API_KEY, OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

// The answers are JSON checked field by field with assert: typing each shape would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked by the assertions
type Answer = { status: number; body: any; headers: Headers };

async function call(
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; fields?: string; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? SAMPLE_API_KEY : options.key;
  if (key) headers['X-API-KEY'] = key;
  if (options.fields) headers['X-Fields'] = options.fields;
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${standIn.apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (nginx's 413 page)
  }
  return { status: response.status, body, headers: response.headers };
}

/** A multipart/form-data body with a `file` part (and form fields), as browsers send it. */
function multipart(file: { name: string; content: Buffer } | null, fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
  const boundary = `----stand-in-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    );
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a multipart body; the answer as text (a proxy's 413 is an HTML page). */
async function postMultipart(
  path: string,
  file: { name: string; content: Buffer } | null,
  fields: Record<string, string> = {},
  key: string | null = SAMPLE_API_KEY,
) {
  const { body, contentType } = multipart(file, fields);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (key) headers['X-API-KEY'] = key;
  const response = await fetch(`${standIn.apiUrl}${path}`, { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function upload(
  path: string,
  file: { name: string; content: Buffer } | null,
  fields: Record<string, string> = {},
  key = SAMPLE_API_KEY,
): Promise<Answer> {
  const { status, text, headers } = await postMultipart(path, file, fields, key);
  return { status, body: text ? JSON.parse(text) : undefined, headers };
}

/** Bytes that look like a CSV, with CRLFs and dashes that resemble a boundary. */
function csv(size: number): Buffer {
  const line = Buffer.from('id;nom;valeur\r\n--\r\n1;Saint-Rémy;42\r\n');
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += line.length) line.copy(out, at, 0, Math.min(line.length, size - at));
  return out;
}

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');
const byTitle = (title: string) => standIn.data.datasets.find((d) => d.title.startsWith(title))!;
/** Bornes IRVE: the Mairie's, editable by Camille, 3 hosted resources. */
const irve = () => byTitle('Bornes de recharge');
/** Capteurs: the Observatoire's, which Camille may not edit. */
const capteurs = () => byTitle('Capteurs de particules');

describe('PUT /datasets/{id}/ (DatasetAPI.put, DatasetForm)', () => {
  test('an absent key keeps title, description, license, frequency, private, extras, spatial, resources, contact points — but clears tags and temporal coverage (udata#2468)', async () => {
    const dataset = irve();
    const before = structuredClone(dataset);
    assert.ok(before.tags.length && before.temporal_coverage && before.contact_points.length);
    const { status, body } = await call('PUT', `/datasets/${dataset.id}/`, { body: { title: 'Bornes IRVE de la commune' } });
    assert.equal(status, 200);
    assert.equal(body.title, 'Bornes IRVE de la commune');
    assert.deepEqual(body.tags, []);
    assert.equal(body.temporal_coverage, null);
    assert.equal(body.description, before.description);
    assert.equal(body.description_short, before.description_short);
    assert.equal(body.license, 'lov2');
    assert.equal(body.frequency, before.frequency);
    assert.equal(body.private, false);
    assert.deepEqual(body.extras, before.extras);
    assert.deepEqual(body.spatial, { ...before.spatial });
    assert.deepEqual(
      body.contact_points.map((point: { id: string }) => point.id),
      before.contact_points,
    );
    assert.deepEqual(
      body.resources.map((r: { id: string }) => r.id),
      before.resources.map((r) => r.id),
    );
    assert.ok(body.last_modified > before.last_modified, 'last_modified moves');
    // The next read agrees.
    const read = await call('GET', `/datasets/${dataset.id}/`);
    assert.deepEqual(read.body.tags, []);
    assert.equal(read.body.temporal_coverage, null);
    assert.equal(read.body.slug, 'bornes-irve-de-la-commune');
  });

  test('a body of exactly {} clears nothing, and still moves last_modified', async () => {
    const dataset = irve();
    const before = structuredClone(dataset);
    const { status, body } = await call('PUT', `/datasets/${dataset.id}/`, { body: {} });
    assert.equal(status, 200);
    assert.deepEqual(body.tags, before.tags);
    assert.deepEqual(body.temporal_coverage, before.temporal_coverage);
    assert.ok(body.last_modified > before.last_modified);
    // Any other body is form data, even of keys the form ignores: the tags go.
    assert.deepEqual((await call('PUT', `/datasets/${dataset.id}/`, { body: { id: 'ignored' } })).body.tags, []);
  });

  test('temporal_coverage: dates as YYYY-MM-DD, start and end swapped when reversed, "start - end" text', async () => {
    const id = irve().id;
    let answer = await call('PUT', `/datasets/${id}/`, { body: { temporal_coverage: { start: '2024-12-31', end: '2020-01-01T10:00:00Z' } } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.temporal_coverage, { start: '2020-01-01', end: '2024-12-31' });
    answer = await call('PUT', `/datasets/${id}/`, { body: { temporal_coverage: { start: '2021-03-04' } } });
    assert.deepEqual(answer.body.temporal_coverage, { start: '2021-03-04', end: null });
    answer = await call('PUT', `/datasets/${id}/`, { body: { temporal_coverage: '2019-01-01 - 2019-06-30' } });
    assert.deepEqual(answer.body.temporal_coverage, { start: '2019-01-01', end: '2019-06-30' });
    answer = await call('PUT', `/datasets/${id}/`, { body: { temporal_coverage: { end: '2019-06-30' } } });
    assert.deepEqual(answer.body, { errors: { temporal_coverage: ['Unable to parse date range'] } });
    answer = await call('PUT', `/datasets/${id}/`, { body: { temporal_coverage: { start: 2019 } } });
    assert.deepEqual(answer.body, { errors: { temporal_coverage: ['Date must be a string'] } });
  });

  test('contact_points: [] keeps them (as udata does), null clears them; others’ or unknown ones are refused', async () => {
    const dataset = irve();
    const mine = dataset.contact_points;
    assert.deepEqual((await call('PUT', `/datasets/${dataset.id}/`, { body: { contact_points: [] } })).body.contact_points.length, mine.length);
    assert.deepEqual(dataset.contact_points, mine);
    const agence = standIn.data.contactPoints.find((point) => point.organization !== dataset.organization)!;
    const mismatch = await call('PUT', `/datasets/${dataset.id}/`, { body: { contact_points: [agence.id] } });
    assert.deepEqual(mismatch.body, { errors: { contact_points: ['Wrong contact point id or contact point ownership mismatch'] } });
    const unknown = await call('PUT', `/datasets/${dataset.id}/`, { body: { contact_points: ['5c9d8e7f6a5b4c3d2e1f0000'] } });
    assert.deepEqual(unknown.body, { errors: { contact_points: ['Unknown identifiers: 5c9d8e7f6a5b4c3d2e1f0000'] } });
    const cleared = await call('PUT', `/datasets/${dataset.id}/`, { body: { contact_points: null } });
    assert.deepEqual(cleared.body.contact_points, []);
    assert.deepEqual((await call('PUT', `/datasets/${dataset.id}/`, { body: { contact_points: mine } })).body.contact_points.length, 1);
  });

  test('410 before 403 on a deleted dataset; `"deleted": null` restores it, for those who may edit it', async () => {
    const other = capteurs();
    other.deleted = '2026-11-01T00:00:00.000Z';
    assert.deepEqual(await call('PUT', `/datasets/${other.id}/`, { body: { title: 'Pris' } }).then((a) => [a.status, a.body]), [
      410,
      { message: 'Dataset has been deleted' },
    ]);
    assert.equal((await call('PUT', `/datasets/${other.id}/`, { body: { deleted: null } })).status, 403);
    const mine = irve();
    mine.deleted = '2026-11-01T00:00:00.000Z';
    assert.equal((await call('PUT', `/datasets/${mine.id}/`, { body: { title: 'Bornes' } })).status, 410);
    const restored = await call('PUT', `/datasets/${mine.id}/`, { body: { deleted: null } });
    assert.equal(restored.status, 200);
    assert.equal(restored.body.deleted, null);
    assert.equal((await call('GET', `/datasets/${mine.id}/`, { key: OTHER_USER_API_KEY })).status, 200);
    // Not deleted, not editable: 403.
    assert.deepEqual(await call('PUT', `/datasets/${capteurs().id}/`, { body: {} }).then((a) => [a.status, a.body]), [
      410,
      { message: 'Dataset has been deleted' },
    ]);
    other.deleted = null;
    assert.deepEqual(await call('PUT', `/datasets/${other.id}/`, { body: {} }).then((a) => [a.status, a.body]), [
      403,
      { message: 'You do not have the permission to modify that object.' },
    ]);
    assert.equal((await call('PUT', `/datasets/${other.id}/`, { key: null, body: {} })).status, 401);
  });

  test('license: an unknown id is silently unset and reads "notspecified"; frequency: an unknown one is a 400 message, legacy ids are mapped', async () => {
    const id = irve().id;
    const unknown = await call('PUT', `/datasets/${id}/`, { body: { license: 'no-such-license' } });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.license, 'notspecified');
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { license: 'odc-odbl' } })).body.license, 'odc-odbl');
    const frequency = await call('PUT', `/datasets/${id}/`, { body: { frequency: 'foo', title: '' } });
    assert.equal(frequency.status, 400);
    assert.deepEqual(frequency.body, { message: "'foo' is not a valid UpdateFrequency" }, 'no errors key, even with another bad field');
    assert.deepEqual((await call('PUT', `/datasets/${id}/`, { body: { frequency: 1 } })).body, { message: "'1' is not a valid UpdateFrequency" });
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { frequency: 'realtime' } })).body.frequency, 'continuous');
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { frequency: 'weekly' } })).body.frequency, 'weekly');
  });

  test('field errors: {"errors": {field: [messages]}} without a message; required and too long texts', async () => {
    const id = irve().id;
    const missing = await call('PUT', `/datasets/${id}/`, { body: { title: '  ', description: null } });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { errors: { title: ['This field is required.'], description: ['This field is required.'] } });
    const long = await call('PUT', `/datasets/${id}/`, { body: { title: 'x'.repeat(351), description_short: 'é'.repeat(201) } });
    assert.deepEqual(long.body, {
      errors: { title: ['Field cannot be longer than 350 characters.'], description_short: ['Field cannot be longer than 200 characters.'] },
    });
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { description_short: 'é'.repeat(200) } })).status, 200);
    const extras = await call('PUT', `/datasets/${id}/`, { body: { extras: { ok: 1, ko: null } } });
    assert.deepEqual(extras.body, { errors: { extras: { ko: 'Value should be an instance of: str, int, float, bool, datetime, date, list, dict' } } });
    assert.deepEqual((await call('PUT', `/datasets/${id}/`, { body: { extras: {} } })).body.extras, {});
    assert.equal(irve().title, 'Bornes de recharge pour véhicules électriques', 'nothing is saved on a 400');
  });

  test('tags: slugified, each 3 to 96 characters; stored sorted and de-duplicated, answered in the order sent', async () => {
    const id = irve().id;
    const short = await call('PUT', `/datasets/${id}/`, { body: { tags: ['Mobilité', 'xx'] } });
    assert.equal(short.status, 400);
    assert.deepEqual(short.body, { errors: { tags: ['Tag "xx" must be between 3 and 96 characters long.'] } });
    const answer = await call('PUT', `/datasets/${id}/`, { body: { tags: ['Vélo Électrique', 'IRVE', 'irve'] } });
    assert.deepEqual(answer.body.tags, ['velo-electrique', 'irve', 'irve']);
    assert.deepEqual((await call('GET', `/datasets/${id}/`)).body.tags, ['irve', 'velo-electrique']);
    assert.deepEqual((await call('PUT', `/datasets/${id}/`, { body: { tags: 'b-tag, a-tag, b-tag' } })).body.tags, ['a-tag', 'b-tag']);
  });

  test('spatial: errors nested under spatial; the keys not sent keep their values', async () => {
    const id = irve().id;
    const unknown = await call('PUT', `/datasets/${id}/`, { body: { spatial: { zones: ['fr:commune:75056', 'fr:commune:99999', 'xx:yy:1'] } } });
    assert.deepEqual(unknown.body, { errors: { spatial: { zones: ['Unknown geoid(s): fr:commune:99999, xx:yy:1'] } } });
    const badFormat = await call('PUT', `/datasets/${id}/`, { body: { spatial: { zones: ['paris'] } } });
    assert.deepEqual(badFormat.body, { errors: { spatial: { zones: ['Bad GeoID format: paris'] } } });
    const granularity = await call('PUT', `/datasets/${id}/`, { body: { spatial: { granularity: 'fr:quartier' } } });
    assert.deepEqual(granularity.body, { errors: { spatial: { granularity: ['Not a valid choice.'] } } });
    const merged = await call('PUT', `/datasets/${id}/`, { body: { spatial: { granularity: 'fr:departement' } } });
    assert.deepEqual(merged.body.spatial, { zones: ['fr:commune:45200', 'fr:departement:45', 'fr:region:24'], granularity: 'fr:departement', geom: null });
    const zones = await call('PUT', `/datasets/${id}/`, { body: { spatial: { zones: ['FR:COMMUNE:75056', 'country:fr'] } } });
    assert.deepEqual(zones.body.spatial.zones, ['fr:commune:75056', 'country:fr']);
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { spatial: null } })).body.spatial.granularity, 'fr:departement', 'null is a no-op');
  });

  test('private (null is false), archived (a datetime or null), owner’s organization only', async () => {
    const id = irve().id;
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { private: true } })).body.private, true);
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { title: 'Bornes' } })).body.private, true, 'kept when absent');
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { private: null } })).body.private, false);
    const archived = await call('PUT', `/datasets/${id}/`, { body: { archived: '2026-11-02T10:00:00+01:00' } });
    assert.equal(archived.body.archived, '2026-11-02T09:00:00.000Z');
    assert.equal((await call('PUT', `/datasets/${id}/`, { body: { archived: null } })).body.archived, null);
    assert.deepEqual((await call('PUT', `/datasets/${id}/`, { body: { archived: 'soon' } })).body, { errors: { archived: ['Unknown string format: %s'] } });
    const moved = await call('PUT', `/datasets/${id}/`, { body: { organization: standIn.data.organizations[1].id } });
    assert.deepEqual(moved.body, { errors: { organization: ['Cannot change owner after creation. Please use transfer feature.'] } });
  });

  test('resources, when sent, replace the list: known ids updated in place (hosted fields kept), unknown ids and new entries get server UUIDs, the others dropped', async () => {
    const dataset = irve();
    const [first, second, third] = dataset.resources;
    const unknownId = '11111111-2222-4333-8444-555555555555';
    const answer = await call('PUT', `/datasets/${dataset.id}/`, {
      body: {
        resources: [
          { id: third.id, title: 'Documentation (PDF)', url: 'https://example.org/changed.pdf', filesize: 1 },
          { id: unknownId, title: 'Nouvelle', url: 'https://example.org/nouvelle.csv', filetype: 'remote' },
          { title: 'Sans id', url: 'https://example.org/sans-id.json' },
          first.id,
        ],
      },
    });
    assert.equal(answer.status, 200);
    const resources = answer.body.resources;
    assert.equal(resources.length, 4);
    assert.equal(resources[0].id, third.id);
    assert.equal(resources[0].title, 'Documentation (PDF)');
    assert.equal(resources[0].url, third.url, 'a hosted file keeps its url');
    assert.equal(resources[0].filesize, third.filesize);
    assert.notEqual(resources[1].id, unknownId, 'the client cannot pick an id');
    assert.match(resources[1].id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(resources[1].filetype, 'remote');
    assert.equal(resources[1].type, 'other');
    assert.equal(resources[2].filetype, 'file', 'the form default');
    assert.equal(resources[2].url, 'https://example.org/sans-id.json', 'a new inline file keeps what was sent');
    assert.equal(resources[3].id, first.id);
    assert.equal(resources[3].title, first.title);
    assert.ok(!resources.some((r: { id: string }) => r.id === second.id), 'left out: dropped');
    // [] is no value at all: kept.
    assert.equal((await call('PUT', `/datasets/${dataset.id}/`, { body: { resources: [] } })).body.resources.length, 4);
    const malformed = await call('PUT', `/datasets/${dataset.id}/`, {
      body: { resources: [{ id: 'not-an-uuid', title: 'x', url: 'https://example.org/x' }, { title: '' }] },
    });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body, {
      errors: { resources: [{ id: ['Not a valid UUID'] }, { title: ['This field is required.'], url: ['This field is required.'] }] },
    });
  });

  test('X-Fields masks the answer; a title change moves the slug, and the old one redirects (308)', async () => {
    const dataset = irve();
    const oldSlug = dataset.slug;
    const answer = await call('PUT', `/datasets/${dataset.id}/`, { body: { title: 'Points de recharge' }, fields: 'id,title,slug' });
    assert.deepEqual(answer.body, { id: dataset.id, title: 'Points de recharge', slug: 'points-de-recharge' });
    const moved = await call('GET', `/datasets/${oldSlug}/`);
    assert.equal(moved.status, 308);
    assert.equal(moved.headers.get('location'), `${standIn.apiUrl}/datasets/points-de-recharge/`);
  });

  test('a body that is not JSON: 415 (request.json is read before the form)', async () => {
    const answer = await call('PUT', `/datasets/${irve().id}/`, { body: { title: 'x' }, contentType: 'text/plain' });
    assert.equal(answer.status, 415);
  });
});

describe('POST and DELETE /datasets/', () => {
  test('create: 201 with udata’s defaults; title and description required; an organization only for its members', async () => {
    const missing = await call('POST', '/datasets/', { body: { tags: ['abc'] } });
    assert.deepEqual(missing.body, { errors: { title: ['This field is required.'], description: ['This field is required.'] } });
    const created = await call('POST', '/datasets/', {
      body: { title: 'Arbres remarquables', description: 'Les arbres remarquables de la commune.', tags: ['Zèbre', 'arbres'] },
    });
    assert.equal(created.status, 201);
    const body = created.body;
    assert.equal(body.owner.id, standIn.data.users[0].id);
    assert.equal(body.organization, null);
    assert.equal(body.frequency, 'unknown');
    assert.equal(body.license, 'notspecified');
    assert.equal(body.private, false);
    assert.deepEqual(body.tags, ['arbres', 'zebre']);
    assert.deepEqual(body.resources, []);
    assert.deepEqual(body.extras, {});
    assert.equal(body.temporal_coverage, null);
    assert.equal(body.spatial, null);
    assert.equal(body.harvest, null);
    assert.equal(body.slug, 'arbres-remarquables');
    assert.equal((await call('GET', `/datasets/${body.id}/`)).status, 200);
    const observatoire = standIn.data.organizations[2];
    const refused = await call('POST', '/datasets/', { body: { title: 'x', description: 'y', organization: observatoire.id } });
    assert.deepEqual(refused.body, { errors: { organization: ['Permission denied for this organization'] } });
    const asOrg = await call('POST', '/datasets/', { body: { title: 'x', description: 'y', organization: standIn.data.organizations[0].id } });
    assert.equal(asOrg.status, 201);
    assert.equal(asOrg.body.owner, null);
    assert.equal(asOrg.body.organization.id, standIn.data.organizations[0].id);
  });

  test('delete: 403 for others, 204 and an empty body, then 410 (and 410 to others on GET); resources are kept', async () => {
    const dataset = irve();
    assert.equal((await call('DELETE', `/datasets/${dataset.id}/`, { key: OTHER_USER_API_KEY })).status, 403);
    const deleted = await call('DELETE', `/datasets/${dataset.id}/`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    assert.equal((await call('DELETE', `/datasets/${dataset.id}/`)).status, 410);
    assert.equal((await call('DELETE', `/datasets/${dataset.id}/`, { key: OTHER_USER_API_KEY })).status, 410, '410 before 403');
    assert.equal((await call('GET', `/datasets/${dataset.id}/`, { key: OTHER_USER_API_KEY })).status, 410);
    const own = await call('GET', `/datasets/${dataset.id}/`);
    assert.equal(own.status, 200);
    assert.equal(own.body.resources.length, 3);
  });
});

describe('resources (ResourceAPI, ResourcesAPI)', () => {
  test('the permission comes before the resource: 403, then 404 "Resource does not exist"; a rid that is no UUID is no route', async () => {
    const other = capteurs();
    const missing = '00000000-0000-4000-8000-000000000000';
    assert.equal((await call('PUT', `/datasets/${other.id}/resources/${missing}/`, { body: { title: 'x' } })).status, 403);
    const mine = irve();
    const notFound = await call('PUT', `/datasets/${mine.id}/resources/${missing}/`, { body: { title: 'x' } });
    assert.deepEqual([notFound.status, notFound.body], [404, { message: 'Resource does not exist' }]);
    assert.equal((await call('GET', `/datasets/${mine.id}/resources/${missing}/`)).status, 404);
    assert.equal((await call('GET', `/datasets/${mine.id}/resources/not-a-uuid/`)).status, 404);
    const read = await call('GET', `/datasets/${mine.id}/resources/${mine.resources[0].id}/`, { key: null });
    assert.equal(read.status, 200);
    assert.equal(read.body.latest, `${standIn.apiUrl}/datasets/r/${mine.resources[0].id}`);
  });

  test('PUT on a hosted file: url, checksum, filesize, mime and format are silently kept; title, description, type, extras, schema change; the dataset’s dates move', async () => {
    const dataset = irve();
    const resource = dataset.resources[0];
    const before = structuredClone(resource);
    const beforeDataset = { last_modified: dataset.last_modified, last_update: dataset.last_update };
    const answer = await call('PUT', `/datasets/${dataset.id}/resources/${resource.id}/`, {
      body: {
        title: 'Bornes IRVE (CSV)',
        type: 'documentation',
        url: 'https://example.org/other.csv',
        checksum: { type: 'md5', value: 'abc' },
        filesize: 1,
        mime: 'text/plain',
        format: 'TXT',
        schema: { name: 'etalab/schema-irve-statique', version: '2.3.1' },
      },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.title, 'Bornes IRVE (CSV)');
    assert.equal(answer.body.type, 'documentation');
    assert.equal(answer.body.url, before.url);
    assert.deepEqual(answer.body.checksum, before.checksum);
    assert.equal(answer.body.filesize, before.filesize);
    assert.equal(answer.body.mime, before.mime);
    assert.equal(answer.body.format, before.format);
    assert.equal(answer.body.description, before.description, 'absent: kept');
    assert.deepEqual(answer.body.schema, { name: 'etalab/schema-irve-statique', version: '2.3.1', url: null });
    assert.ok(dataset.last_modified > beforeDataset.last_modified);
    assert.ok(dataset.last_update > beforeDataset.last_update);
    assert.equal(dataset.last_update, answer.body.last_modified);
    const noSchema = await call('PUT', `/datasets/${dataset.id}/resources/${resource.id}/`, { body: { schema: null } });
    assert.equal(noSchema.body.schema, null);
    const filetype = await call('PUT', `/datasets/${dataset.id}/resources/${resource.id}/`, { body: { filetype: 'remote' } });
    assert.deepEqual([filetype.status, filetype.body], [400, { message: 'Cannot modify filetype after creation' }]);
    const invalidType = await call('PUT', `/datasets/${dataset.id}/resources/${resource.id}/`, { body: { type: 'main-file', title: null } });
    assert.deepEqual(invalidType.body, { errors: { title: ['This field is required.'], type: ['Not a valid choice.'] } });
  });

  test('POST creates remote resources only: 400 unless filetype is remote, title and url required and checked; prepended, 201', async () => {
    const dataset = irve();
    const before = dataset.last_modified;
    const invalidForm = await call('POST', `/datasets/${dataset.id}/resources/`, { body: { filetype: 'remote' } });
    assert.deepEqual(invalidForm.body, { errors: { title: ['This field is required.'], url: ['This field is required.'] } });
    const notRemote = await call('POST', `/datasets/${dataset.id}/resources/`, { body: { title: 'API', url: 'https://api.example.org/bornes' } });
    assert.deepEqual([notRemote.status, notRemote.body], [400, { message: 'This endpoint only supports remote resources' }]);
    const badUrl = await call('POST', `/datasets/${dataset.id}/resources/`, { body: { title: 'API', url: 'not a url', filetype: 'remote' } });
    assert.deepEqual(badUrl.body, { errors: { url: ['Invalid URL "not a url"'] } });
    const local = await call('POST', `/datasets/${dataset.id}/resources/`, { body: { title: 'API', url: 'http://localhost:8080/x', filetype: 'remote' } });
    assert.deepEqual(local.body, { errors: { url: ['Invalid URL "http://localhost:8080/x": is a local URL'] } });
    const created = await call('POST', `/datasets/${dataset.id}/resources/`, {
      body: { id: 'mine', title: 'API des bornes', url: ' https://api.example.org/bornes ', filetype: 'remote', format: ' JSON ', checksum: { value: 'abc' } },
    });
    assert.equal(created.status, 201);
    assert.notEqual(created.body.id, 'mine');
    assert.equal(created.body.type, 'other');
    assert.equal(created.body.url, 'https://api.example.org/bornes');
    assert.equal(created.body.format, 'json');
    assert.deepEqual(created.body.checksum, { type: 'sha1', value: 'abc' });
    assert.equal(dataset.resources[0].id, created.body.id, 'prepended');
    assert.ok(dataset.last_modified > before);
    // A remote resource: everything is editable; `checksum: null` removes it.
    const rid = created.body.id;
    const edited = await call('PUT', `/datasets/${dataset.id}/resources/${rid}/`, {
      body: { url: 'https://api.example.org/v2/bornes', filesize: '2048', checksum: null },
    });
    assert.equal(edited.body.url, 'https://api.example.org/v2/bornes');
    assert.equal(edited.body.filesize, 2048);
    assert.equal(edited.body.checksum, null);
    assert.equal(edited.body.title, 'API des bornes');
    // DELETE: 204; the dataset's last_modified moves.
    const beforeDelete = dataset.last_modified;
    assert.equal((await call('DELETE', `/datasets/${dataset.id}/resources/${rid}/`)).status, 204);
    assert.equal(dataset.resources.length, 3);
    assert.ok(dataset.last_modified > beforeDelete);
    assert.equal((await call('DELETE', `/datasets/${dataset.id}/resources/${rid}/`)).status, 404);
  });

  test('reorder: every id, or 400; last_modified stays', async () => {
    const dataset = irve();
    const ids = dataset.resources.map((r) => r.id);
    const before = dataset.last_modified;
    const partial = await call('PUT', `/datasets/${dataset.id}/resources/`, { body: [ids[0]] });
    assert.deepEqual(partial.body, { message: 'All resources must be reordered, you provided 1 out of 3' });
    const answer = await call('PUT', `/datasets/${dataset.id}/resources/`, { body: [ids[2], { id: ids[0] }, ids[1]] });
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.map((r: { id: string }) => r.id),
      [ids[2], ids[0], ids[1]],
    );
    assert.equal(dataset.last_modified, before);
  });
});

describe('uploads (UploadNewDatasetResource, UploadDatasetResource)', () => {
  test('a new file: 201, a hosted `main` resource prepended, with the normalized name, size, SHA-1, mime and format; the file is served back', async () => {
    const dataset = irve();
    const before = dataset.last_modified;
    const content = csv(300_000);
    const answer = await upload(`/datasets/${dataset.id}/upload/`, { name: 'Bornes IRVE 2026_v2.CSV', content });
    assert.equal(answer.status, 201);
    const body = answer.body;
    assert.equal(body.success, true);
    assert.equal(body.title, 'bornes-irve-2026-v2.csv');
    assert.equal(body.filetype, 'file');
    assert.equal(body.type, 'main');
    assert.equal(body.format, 'csv');
    assert.equal(body.mime, 'text/csv');
    assert.equal(body.filesize, content.length);
    assert.deepEqual(body.checksum, { type: 'sha1', value: sha1(content) });
    assert.match(body.url, new RegExp(`^${standIn.origin}/s/resources/${dataset.slug}/\\d{8}-\\d{6}/bornes-irve-2026-v2\\.csv$`));
    assert.equal(dataset.resources[0].id, body.id);
    assert.equal(dataset.resources.length, 4);
    assert.ok(dataset.last_modified > before);
    const served = Buffer.from(await (await fetch(body.url)).arrayBuffer());
    assert.ok(served.equals(content));
    assert.deepEqual(standIn.uploads, [
      { datasetId: dataset.id, resourceId: body.id, filename: 'bornes-irve-2026-v2.csv', size: content.length, sha1: sha1(content), complete: true },
    ]);
    const control = await fetch(`${standIn.origin}/__control/uploads`).then((r) => r.json());
    assert.deepEqual(control, standIn.uploads);
    // An archive keeps the extension before it: csv.gz, mime of the CSV.
    const archive = await upload(`/datasets/${dataset.id}/upload/`, { name: 'export.2026.csv.gz', content: Buffer.from('x') });
    assert.deepEqual([archive.body.format, archive.body.mime, archive.body.title], ['csv.gz', 'text/csv', 'export.2026.csv.gz']);
  });

  test('replacing a file: 200, same resource, new url, size, checksum — and the title becomes the file name', async () => {
    const dataset = irve();
    const first = await upload(`/datasets/${dataset.id}/upload/`, { name: 'old.csv', content: csv(1000) });
    const rid = first.body.id;
    const oldUrl = first.body.url;
    const content = csv(5000);
    const replaced = await upload(`/datasets/${dataset.id}/resources/${rid}/upload/`, { name: 'Nouvelles données.xlsx', content });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.success, true);
    assert.equal(replaced.body.id, rid);
    assert.equal(replaced.body.title, 'nouvelles-donnees.xlsx');
    assert.equal(replaced.body.filesize, 5000);
    assert.equal(replaced.body.format, 'xlsx');
    assert.deepEqual(replaced.body.checksum, { type: 'sha1', value: sha1(content) });
    assert.notEqual(replaced.body.url, oldUrl);
    assert.equal((await fetch(oldUrl)).status, 404, 'the old file is deleted');
    // A sample (harvested) resource can have its file replaced too.
    const sample = dataset.resources.find((r) => r.title === 'Documentation')!;
    const again = await upload(`/datasets/${dataset.id}/resources/${sample.id}/upload/`, { name: 'doc.pdf', content: Buffer.from('%PDF-1.7') });
    assert.deepEqual([again.status, again.body.title, again.body.mime], [200, 'doc.pdf', 'application/pdf']);
    assert.equal(
      (await upload(`/datasets/${dataset.id}/resources/00000000-0000-4000-8000-000000000000/upload/`, { name: 'a.csv', content: Buffer.from('a') })).status,
      404,
    );
  });

  test('refusals: a disallowed extension (udata’s message), no file, another’s dataset, no key', async () => {
    const dataset = irve();
    const exe = await upload(`/datasets/${dataset.id}/upload/`, { name: 'setup.EXE', content: Buffer.from('MZ') });
    assert.equal(exe.status, 400);
    assert.deepEqual(exe.body, { message: `This file type is not allowed.The allowed file type list is available at ${standIn.apiUrl}/datasets/extensions/` });
    assert.equal((await upload(`/datasets/${dataset.id}/upload/`, { name: 'no-extension', content: Buffer.from('x') })).status, 400);
    const none = await upload(`/datasets/${dataset.id}/upload/`, null, { filename: 'a.csv' });
    assert.deepEqual([none.status, none.body], [400, { success: false, error: 'Missing file parameter' }]);
    assert.equal((await upload(`/datasets/${capteurs().id}/upload/`, { name: 'a.csv', content: csv(100_000) })).status, 403);
    assert.equal((await postMultipart(`/datasets/${dataset.id}/upload/`, { name: 'a.csv', content: Buffer.from('a') }, {}, null)).status, 401);
    assert.equal(dataset.resources.length, 3);
    assert.deepEqual(standIn.uploads, []);
    assert.deepEqual(readdirSync(join(standIn.uploadDir, 'incoming')), [], 'no temporary file left');
  });

  test('chunked: each part answers 200 {success}, the last request puts them together (201)', async () => {
    const dataset = irve();
    const content = csv(10_000);
    const parts = [content.subarray(0, 4000), content.subarray(4000, 8000), content.subarray(8000)];
    for (const [index, part] of parts.entries()) {
      const answer = await upload(
        `/datasets/${dataset.id}/upload/`,
        { name: 'blob', content: part },
        { uuid: 'u-1', filename: 'gros fichier.csv', partindex: String(index), totalparts: '3', chunksize: String(part.length) },
      );
      assert.deepEqual([answer.status, answer.body], [200, { success: true, error: null }]);
    }
    const mismatch = await upload(
      `/datasets/${dataset.id}/upload/`,
      { name: 'blob', content: parts[0] },
      { uuid: 'u-2', partindex: '0', totalparts: '3', chunksize: '1' },
    );
    assert.deepEqual([mismatch.status, mismatch.body], [400, { success: false, error: 'Chunk size mismatch' }]);
    const done = await upload(`/datasets/${dataset.id}/upload/`, null, { uuid: 'u-1', filename: 'gros fichier.csv', totalparts: '3' });
    assert.equal(done.status, 201);
    assert.equal(done.body.title, 'gros-fichier.csv');
    assert.equal(done.body.filesize, content.length);
    assert.deepEqual(done.body.checksum, { type: 'sha1', value: sha1(content) });
  });

  test('fault: the connection reset mid-body leaves the dataset unchanged and stores nothing', async () => {
    const dataset = irve();
    const before = structuredClone(dataset);
    standIn.faults.push({ path: '/upload/', resetAfterBytes: 64 * 1024, times: 1 });
    await assert.rejects(upload(`/datasets/${dataset.id}/upload/`, { name: 'big.csv', content: csv(2_000_000) }));
    assert.deepEqual(irve(), before);
    assert.equal(standIn.uploads.length, 1);
    assert.equal(standIn.uploads[0].complete, false);
    assert.equal(standIn.uploads[0].resourceId, null);
    assert.ok(standIn.uploads[0].size > 0 && standIn.uploads[0].size < 64 * 1024);
    assert.deepEqual(readdirSync(join(standIn.uploadDir, 'incoming')), [], 'the partial file is deleted');
    assert.equal(standIn.requests.at(-1)?.status, -1);
    // The fault was for one request: the next upload goes through.
    assert.equal((await upload(`/datasets/${dataset.id}/upload/`, { name: 'big.csv', content: csv(200_000) })).status, 201);
  });

  test('fault: 413 from a proxy (nginx’s page), for one request; and the size limit option', async () => {
    const dataset = irve();
    standIn.faults.push({ path: '/upload/', tooLarge: true, times: 1 });
    const refused = await postMultipart(`/datasets/${dataset.id}/upload/`, { name: 'a.csv', content: csv(500_000) });
    assert.equal(refused.status, 413);
    assert.equal(refused.headers.get('content-type'), 'text/html');
    assert.match(refused.text, /<title>413 Request Entity Too Large<\/title>/);
    assert.equal((await upload(`/datasets/${dataset.id}/upload/`, { name: 'a.csv', content: csv(500_000) })).status, 201);
    standIn.maxUploadBytes = 100_000;
    assert.equal((await postMultipart(`/datasets/${dataset.id}/upload/`, { name: 'b.csv', content: csv(200_000) })).status, 413);
    assert.equal((await upload(`/datasets/${dataset.id}/upload/`, { name: 'small.csv', content: csv(1000) })).status, 201);
    assert.equal(dataset.resources.length, 5);
    assert.equal(standIn.uploads.length, 2);
  });

  test('a client that gives up mid-body: nothing is stored', async () => {
    const dataset = irve();
    const before = structuredClone(dataset);
    const boundary = 'abort-boundary';
    const url = new URL(`${standIn.apiUrl}/datasets/${dataset.id}/upload/`);
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: { 'X-API-KEY': SAMPLE_API_KEY, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(10_000_000) },
      });
      req.on('error', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="abandon.csv"\r\n\r\n`);
      req.write(csv(200_000), () => setTimeout(() => req.destroy(), 100));
    });
    for (let n = 0; n < 50 && !standIn.uploads.length; n++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(irve(), before);
    assert.equal(standIn.uploads.length, 1);
    const { size, ...record } = standIn.uploads[0];
    assert.deepEqual(record, { datasetId: dataset.id, resourceId: null, filename: 'abandon.csv', sha1: null, complete: false });
    assert.ok(size > 0 && size <= 200_000);
    assert.deepEqual(readdirSync(join(standIn.uploadDir, 'incoming')), []);
    // A reset clears the records and the files.
    standIn.reset();
    assert.deepEqual(standIn.uploads, []);
  });
});

describe('reference lists (anonymous)', () => {
  test('licenses, frequencies, resource types, extensions — not taken for dataset slugs', async () => {
    const licenses = await call('GET', '/datasets/licenses/', { key: null });
    assert.equal(licenses.status, 200);
    const lov2 = licenses.body.find((license: { id: string }) => license.id === 'lov2');
    assert.equal(lov2.title, 'Licence Ouverte / Open Licence version 2.0');
    assert.deepEqual(Object.keys(lov2).sort(), ['alternate_titles', 'alternate_urls', 'flags', 'id', 'maintainer', 'title', 'url']);
    assert.deepEqual(
      licenses.body.find((license: { id: string }) => license.id === 'notspecified'),
      { id: 'notspecified', title: 'License Not Specified', maintainer: null, url: null, flags: ['generic'], alternate_urls: [], alternate_titles: [] },
    );
    const frequencies = (await call('GET', '/datasets/frequencies/', { key: null })).body;
    assert.equal(frequencies.length, 40);
    assert.deepEqual(frequencies[0], { id: 'continuous', label: 'Real time' });
    assert.deepEqual(frequencies.at(-1), { id: 'unknown', label: 'Unknown' });
    assert.deepEqual(
      (await call('GET', '/datasets/resource_types/', { key: null })).body.map((t: { id: string }) => t.id),
      ['main', 'documentation', 'update', 'api', 'code', 'other'],
    );
    const extensions = (await call('GET', '/datasets/extensions/', { key: null })).body;
    assert.deepEqual(extensions, [...extensions].sort());
    assert.equal(extensions[0], '7z');
    assert.ok(extensions.includes('csv') && extensions.includes('geojson') && !extensions.includes('exe'));
    // Another method goes on to `<dataset>/`: there is no dataset of that slug.
    assert.equal((await call('PUT', '/datasets/licenses/', { body: {} })).status, 404);
    // The masks the extension sends.
    assert.deepEqual((await call('GET', '/datasets/frequencies/', { fields: 'id' })).body[0], { id: 'continuous' });
  });

  test('spatial granularities and zone suggestions', async () => {
    const granularities = (await call('GET', '/spatial/granularities/', { key: null })).body;
    assert.deepEqual(granularities.slice(-2), [
      { id: 'poi', name: 'POI' },
      { id: 'other', name: 'Other' },
    ]);
    assert.ok(granularities.some((g: { id: string }) => g.id === 'fr:commune'));
    const paris = (await call('GET', '/spatial/zones/suggest/?q=PARIS&size=5', { key: null })).body;
    assert.deepEqual(
      paris.map((zone: { id: string }) => zone.id),
      ['fr:departement:75', 'fr:commune:75056'],
      'sorted by admin level',
    );
    assert.deepEqual(Object.keys(paris[1]), ['id', 'name', 'code', 'level', 'uri']);
    assert.equal((await call('GET', '/spatial/zones/suggest/?q=45&size=1')).body.length, 1);
    const missing = await call('GET', '/spatial/zones/suggest/');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors, { q: 'The string to autocomplete/suggest Missing required parameter in the query string' });
  });
});

describe('reads', () => {
  test('a private dataset is 404 to others; the sample datasets keep their shape', async () => {
    const privateOne = byTitle('Relevés de trafic');
    assert.equal((await call('GET', `/datasets/${privateOne.id}/`, { key: OTHER_USER_API_KEY })).status, 404);
    assert.equal((await call('GET', `/datasets/${privateOne.id}/`, { key: ADMIN_API_KEY })).status, 200);
    const { body } = await call('GET', `/datasets/${irve().id}/`);
    assert.deepEqual(body.temporal_coverage, { start: '2020-01-01', end: irve().last_update.slice(0, 10) });
    assert.equal(body.contact_points[0].name, 'Service données et cartographie');
    assert.equal(body.resources.length, 3);
    assert.deepEqual(Object.keys(body.resources[0].checksum), ['type', 'value']);
    assert.equal(body.resources[0].extras['check:status'], 200);
  });
});
