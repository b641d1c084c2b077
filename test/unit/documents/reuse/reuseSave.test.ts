// Every save path of a reuse document against the stand-in: what is sent (one masked
// GET of the editable fields, then a PUT of the changed ones), what is refused before
// sending, and what each server failure says.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../../src/api/client';
import { REUSE_EDITABLE_MASK } from '../../../../src/api/fieldMasks';
import type { Translator } from '../../../../src/util/translator';
import { projectReuse, renderReuseDocument, type ReuseDocument } from '../../../../src/documents/reuse/reuseDocument';
import { DocumentSaveError, saveDocument, type SaveOutcome } from '../../../../src/documents/fs/documentSave';
import { reuseKind } from '../../../../src/documents/reuse/reuseKind';
import type { Reuse } from '../../../../src/api/models';
import { startStandIn, type StandIn } from '../../../server/standIn';
import { SAMPLE_API_KEY } from '../../../server/sampleData';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

let standIn: StandIn;
let key = SAMPLE_API_KEY;
let client: ApiClient;
before(async () => {
  standIn = await startStandIn();
  client = new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => key, timeoutMs: 1_000, retryDelayMs: () => 5 });
});
after(() => standIn.close());

let id: string;
let base: ReuseDocument;
let text: string;
beforeEach(async () => {
  standIn.reset();
  key = SAMPLE_API_KEY;
  id = standIn.data.reuses[0].id;
  base = projectReuse(await client.getReuse(id));
  text = renderReuseDocument(base);
  standIn.requests.length = 0;
});

function edit(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2) + '\n';
}

function save(saved: string, using = client): Promise<SaveOutcome<ReuseDocument, Reuse>> {
  return saveDocument({ kind: reuseKind, client: using, key: id, base, text: saved, l10n: english });
}

async function saved(saved: string): Promise<Extract<SaveOutcome<ReuseDocument, Reuse>, { status: 'saved' }>> {
  const outcome = await save(saved);
  assert.equal(outcome.status, 'saved');
  return outcome as Extract<SaveOutcome<ReuseDocument, Reuse>, { status: 'saved' }>;
}

async function refused(saved: string, pattern: RegExp): Promise<DocumentSaveError> {
  try {
    await save(saved);
  } catch (error) {
    assert.ok(error instanceof DocumentSaveError, String(error));
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail('the save should have failed');
}

const puts = () => standIn.requests.filter((r) => r.method === 'PUT');
const reuseEditableMask = () => REUSE_EDITABLE_MASK;

describe('saving a reuse document', () => {
  test('a title change: one masked GET of the editable fields, then one PUT with exactly the changed field', async () => {
    const result = await saved(edit((d) => (d.title = 'Carte des bornes (2026)')));
    assert.deepEqual(
      standIn.requests.map((r) => [r.method, r.fields]),
      [
        ['GET', reuseEditableMask()],
        ['PUT', standIn.requests[1].fields],
      ],
    );
    assert.deepEqual(
      puts().map((r) => r.body),
      [{ title: 'Carte des bornes (2026)' }],
    );
    assert.equal(result.document.title, 'Carte des bornes (2026)');
    assert.equal(standIn.data.reuses[0].title, 'Carte des bornes (2026)');
  });

  test('an unchanged document sends nothing, not even the check', async () => {
    assert.equal((await save(text)).status, 'unchanged');
    assert.equal(standIn.requests.length, 0);
  });

  test('the answer shows what the server stored (tags normalised)', async () => {
    const result = await saved(edit((d) => (d.tags = ['Vélo', 'IRVE', 'irve'])));
    assert.deepEqual(result.document.tags, ['irve', 'velo']);
    assert.match(renderReuseDocument(result.document), /"irve",\n    "velo"/);
  });

  for (const [label, saved, pattern] of [
    ['broken JSON', () => text.replace('",\n  "url"', '"\n  "url"'), /not valid JSON: a comma is missing at line \d+, column \d+/],
    ['a JSON array', () => '[]', /must be a JSON object/],
    ['a JSON string', () => '"hello"', /must be a JSON object/],
    ['a blank title', () => edit((d) => (d.title = '')), /"title" must not be blank/],
    ['a bad type', () => edit((d) => (d.type = 'not-a-type')), /"not-a-type" is not a type of reuse/],
    ['an ftp URL', () => edit((d) => (d.url = 'ftp://x')), /http:\/\/ or https:\/\//],
    ['an added id', () => edit((d) => (d.id = 'abc')), /"id" cannot be changed here/],
    ['added metrics', () => edit((d) => (d.metrics = { views: 1e6 })), /"metrics" cannot be changed here/],
    ['a 5 MB description', () => edit((d) => (d.description = 'é'.repeat(5_000_000))), /too long/],
  ] as const) {
    test(`${label}: refused with a clear message, nothing sent`, async () => {
      const error = await refused(saved(), pattern);
      assert.ok(error.problems.length > 0, 'the offending place is known');
      assert.equal(standIn.requests.length, 0, 'refused before any request');
    });
  }

  test("an unknown dataset id: the server's 400, placed on that id", async () => {
    const saved = edit((d) => (d.datasets = [...(d.datasets as string[]), 'abcdefabcdefabcdefabcdef']));
    const error = await refused(saved, /Not saved: data.gouv.fr refused the change: datasets: Unknown reference 'abcdefabcdefabcdefabcdef'/);
    assert.equal(error.apiError?.status, 400);
    const [problem] = error.problems;
    assert.equal(saved.slice(problem.offset, problem.offset + problem.length), '"abcdefabcdefabcdefabcdef"');
    assert.equal(puts().length, 1);
  });

  test('the network down', async () => {
    const down = new ApiClient({ apiUrl: 'http://127.0.0.1:9/api/1', getApiKey: () => key, retryLimit: 0 });
    await assert.rejects(
      save(
        edit((d) => (d.title = 'X y z')),
        down,
      ),
      /could not be reached.*still in the editor/,
    );
  });

  test('the server answering 500', async () => {
    standIn.faults.push({ method: 'PUT', status: 500 });
    await refused(
      edit((d) => (d.title = 'Titre')),
      /internal problem \(error 500\).*still in the editor/,
    );
    assert.equal(puts().length, 1, 'a PUT is never retried');
  });

  test('a timeout', async () => {
    standIn.faults.push({ method: 'PUT', delayMs: 3_000 });
    await refused(
      edit((d) => (d.title = 'Titre')),
      /did not answer in time.*still in the editor/,
    );
    assert.equal(puts().length, 1);
  });

  test('read-only maintenance: udata blocks creations only (METHOD_BLOCKLIST), so a save still goes through', async () => {
    standIn.readOnly = true;
    await saved(edit((d) => (d.title = 'Titre en maintenance')));
    assert.equal(puts().at(-1)?.status, 200);
  });

  test('a 401 says to set the key again', async () => {
    key = 'udata_revoked_key_123';
    const error = await refused(
      edit((d) => (d.title = 'Titre')),
      /API key was refused \(Invalid API token\)/,
    );
    assert.equal(error.apiError?.kind, 'unauthorized');
  });

  test('a 403 on a reuse of another organization', async () => {
    const other = standIn.data.reuses.find((r) => r.title.startsWith('Capteurs'));
    assert.ok(other);
    id = other.id;
    base = projectReuse(await client.getReuse(id));
    text = renderReuseDocument(base);
    await refused(
      edit((d) => (d.title = 'Pris')),
      /Not saved: You may read this reuse but not edit it/,
    );
    assert.equal(puts().length, 0, 'refused at the check');
  });

  test('a 403 to the PUT itself (permission withdrawn meanwhile)', async () => {
    standIn.faults.push({ method: 'PUT', status: 403, body: JSON.stringify({ message: 'You do not have the permission to modify that object.' }) });
    await refused(
      edit((d) => (d.title = 'Pris')),
      /do not have permission/,
    );
  });

  test('the reuse deleted meanwhile: refused at the check, nothing sent', async () => {
    standIn.touchReuse(id, { deleted: '2026-11-22T10:00:00.000Z' });
    await refused(
      edit((d) => (d.title = 'Titre')),
      /Not saved: This reuse is deleted on data.gouv.fr.*still in the editor/,
    );
    assert.equal(puts().length, 0);
  });

  test('the reuse deleted between the check and the PUT: the 410 says so', async () => {
    standIn.faults.push({ method: 'PUT', status: 410, body: JSON.stringify({ message: 'This reuse has been deleted' }) });
    await refused(
      edit((d) => (d.title = 'Titre')),
      /deleted on data.gouv.fr since you opened it/,
    );
  });
});

describe('dataservices: the APIs a reuse uses (a write field of udata 17)', () => {
  test('in the document, sent like datasets, an unknown one refused by name', async () => {
    standIn.reset();
    id = standIn.data.reuses[0].id;
    base = projectReuse(await client.getReuse(id));
    text = renderReuseDocument(base);
    const [api, listed] = standIn.data.dataservices;
    assert.deepEqual(base.dataservices, [listed.id]);
    standIn.requests.length = 0;
    const result = await saved(edit((d) => (d.dataservices = [listed.id, api.id])));
    assert.deepEqual(
      puts().map((r) => r.body),
      [{ dataservices: [listed.id, api.id] }],
    );
    assert.deepEqual(result.document.dataservices, [listed.id, api.id]);
    base = result.document;
    text = renderReuseDocument(base);
    const error = await refused(
      edit((d) => (d.dataservices = [api.id, 'abcdefabcdefabcdefabcdef'])),
      /dataservices: Unknown reference 'abcdefabcdefabcdefabcdef'/,
    );
    assert.equal(error.apiError?.status, 400);
  });

  test('a value that is not an id is refused before sending', async () => {
    await refused(
      edit((d) => (d.dataservices = ['not-an-id'])),
      /"dataservices" must list API ids/,
    );
  });
});
