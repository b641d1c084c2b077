// Saving dataset and resource documents against the stand-in (which follows udata's
// DatasetForm and ResourceForm): what is sent, what data.gouv.fr keeps, and that a
// change made on data.gouv.fr meanwhile is never overwritten.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../../src/api/client';
import type { Translator } from '../../../../src/util/translator';
import { projectDataset, renderDatasetDocument, type DatasetDocument } from '../../../../src/documents/dataset/datasetDocument';
import { datasetKind } from '../../../../src/documents/dataset/datasetKind';
import { projectResource, renderResourceDocument, type ResourceDocument } from '../../../../src/documents/resource/resourceDocument';
import { resourceKind } from '../../../../src/documents/resource/resourceKind';
import { DocumentSaveError, saveDocument } from '../../../../src/documents/fs/documentSave';
import { DATASET_DOCUMENT_MASK } from '../../../../src/api/fieldMasks';
import { DatasetService } from '../../../../src/services/datasetService';
import { OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const kind = datasetKind();

let standIn: StandIn;
let key = SAMPLE_API_KEY;
let client: ApiClient;
before(async () => {
  standIn = await startStandIn();
  client = new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => key, timeoutMs: 2_000, retryDelayMs: () => 5 });
});
after(() => standIn.close());

let id: string;
let base: DatasetDocument;
let text: string;
beforeEach(async () => {
  standIn.reset();
  key = SAMPLE_API_KEY;
  id = standIn.data.datasets[1].id;
  base = projectDataset(await kind.fetch(client, id, {}));
  text = renderDatasetDocument(base);
  standIn.requests.length = 0;
});

function edit(change: (doc: Record<string, unknown>) => void, from = text): string {
  const doc = JSON.parse(from) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2) + '\n';
}

const puts = () => standIn.requests.filter((r) => r.method === 'PUT');
const direct = (apiKey: string) => new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => apiKey, timeoutMs: 2_000 });

describe('saving a dataset document', () => {
  test('title and license: one masked GET, one PUT with them and the fields udata would otherwise clear; tags and coverage survive', async () => {
    assert.ok(base.tags.length > 0 && base.temporal_coverage, 'the sample dataset has tags and a temporal coverage');
    const outcome = await saveDocument({
      kind,
      client,
      key: id,
      base,
      text: edit((d) => {
        d.title = 'Bornes IRVE de Saint-Rémy';
        d.license = 'odc-odbl';
      }),
      l10n: english,
    });
    assert.equal(outcome.status, 'saved');
    assert.deepEqual(
      standIn.requests.map((r) => [r.method, r.fields]),
      [
        ['GET', DATASET_DOCUMENT_MASK],
        ['PUT', DATASET_DOCUMENT_MASK],
      ],
    );
    const body = puts()[0].body as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['license', 'tags', 'temporal_coverage', 'title']);
    assert.ok(!('resources' in body));
    const stored = projectDataset(await client.getDataset(id, { fields: DATASET_DOCUMENT_MASK }));
    assert.equal(stored.title, 'Bornes IRVE de Saint-Rémy');
    assert.equal(stored.license, 'odc-odbl');
    assert.deepEqual(stored.tags, base.tags, 'tags kept');
    assert.deepEqual(stored.temporal_coverage, base.temporal_coverage, 'temporal coverage kept');
    assert.equal(standIn.data.datasets[1].resources.length > 0, true, 'resources untouched');
  });

  test('the stand-in is udata: a PUT of the title alone clears tags and coverage (why the save sends them)', async () => {
    await client.updateDataset(id, { title: 'Seul le titre' });
    const stored = await client.getDataset(id, { fields: DATASET_DOCUMENT_MASK });
    assert.deepEqual(stored.tags, []);
    assert.equal(stored.temporal_coverage ?? null, null);
  });

  test('tags changed on data.gouv.fr meanwhile are kept when the title is saved', async () => {
    await direct(SAMPLE_API_KEY).updateDataset(id, { tags: ['nouveau-mot'], temporal_coverage: base.temporal_coverage });
    standIn.requests.length = 0;
    const outcome = await saveDocument({ kind, client, key: id, base, text: edit((d) => (d.title = 'Autre titre')), l10n: english });
    assert.equal(outcome.status, 'saved');
    assert.deepEqual((puts()[0].body as Record<string, unknown>).tags, ['nouveau-mot']);
    assert.deepEqual(outcome.status === 'saved' && outcome.fromServer, ['tags']);
  });

  test('both sides changed the title: nothing is sent', async () => {
    await direct(SAMPLE_API_KEY).updateDataset(id, { title: 'Leur titre', tags: base.tags, temporal_coverage: base.temporal_coverage });
    standIn.requests.length = 0;
    const outcome = await saveDocument({ kind, client, key: id, base, text: edit((d) => (d.title = 'Mon titre')), l10n: english });
    assert.equal(outcome.status, 'conflict');
    assert.equal(puts().length, 0);
  });

  test('emptying contact points empties them (sent as null; udata keeps them on [])', async () => {
    assert.ok(base.contact_points.length > 0, 'the sample dataset has a contact point');
    const outcome = await saveDocument({ kind, client, key: id, base, text: edit((d) => (d.contact_points = [])), l10n: english });
    assert.equal(outcome.status, 'saved');
    assert.equal((puts()[0].body as Record<string, unknown>).contact_points, null);
    assert.deepEqual(projectDataset(await client.getDataset(id, { fields: DATASET_DOCUMENT_MASK })).contact_points, []);
  });

  test("a refused value is placed on its field with data.gouv.fr's words", async () => {
    await assert.rejects(
      saveDocument({ kind, client, key: id, base, text: edit((d) => (d.spatial = { zones: ['fr:commune:99999'], granularity: 'fr:commune' })), l10n: english }),
      (error: unknown) => error instanceof DocumentSaveError && /Unknown geoid/.test(error.message) && error.problems[0]?.path[0] === 'spatial',
    );
  });

  test('someone who may not edit it gets a read-only reason, and nothing is sent', async () => {
    const others = projectDataset(await kind.fetch(direct(OTHER_USER_API_KEY), id, {}));
    key = OTHER_USER_API_KEY;
    standIn.requests.length = 0;
    await assert.rejects(
      saveDocument({ kind, client, key: id, base: others, text: edit((d) => (d.title = 'Pirate'), renderDatasetDocument(others)), l10n: english }),
      /may read this dataset but not edit it/,
    );
    assert.equal(puts().length, 0);
  });
});

describe('actions on a dataset keep its tags', () => {
  test('Archive, Make Private and Restore send the tags and coverage back with their change', async () => {
    const service = new DatasetService({ client });
    await service.update(id, { archived: '2026-12-01T00:00:00Z' });
    await service.update(id, { private: true });
    await service.delete(id);
    await service.restore(id);
    const stored = projectDataset(await client.getDataset(id, { fields: DATASET_DOCUMENT_MASK }));
    assert.deepEqual(stored.tags, base.tags);
    assert.deepEqual(stored.temporal_coverage, base.temporal_coverage);
    assert.equal(stored.private, true);
    assert.ok(stored.archived);
  });
});

describe('saving a resource document', () => {
  async function open(index = 0) {
    const dataset = standIn.data.datasets[1];
    const resource = dataset.resources[index];
    const value = await resourceKind.fetch(client, `${dataset.id}/${resource.id}`, {});
    return { key: `${dataset.id}/${resource.id}`, base: projectResource(value.resource), value };
  }

  test('a title: the resource and its dataset read side by side, then one PUT of the title', async () => {
    const { key: resourceKey, base: resourceBase } = await open();
    standIn.requests.length = 0;
    const changed = JSON.parse(renderResourceDocument(resourceBase)) as ResourceDocument;
    changed.title = 'Bornes (mise à jour)';
    const outcome = await saveDocument({ kind: resourceKind, client, key: resourceKey, base: resourceBase, text: JSON.stringify(changed), l10n: english });
    assert.equal(outcome.status, 'saved');
    assert.deepEqual(
      standIn.requests.map((r) => r.method),
      ['GET', 'GET', 'PUT'],
    );
    assert.deepEqual(puts()[0].body, { title: 'Bornes (mise à jour)' });
    assert.equal(outcome.status === 'saved' && outcome.document.title, 'Bornes (mise à jour)');
  });

  test("a stored file's url is refused before sending", async () => {
    const { key: resourceKey, base: resourceBase } = await open();
    assert.equal(resourceBase.filetype, 'file');
    standIn.requests.length = 0;
    const changed = { ...resourceBase, url: 'https://example.org/autre.csv' };
    await assert.rejects(
      saveDocument({ kind: resourceKind, client, key: resourceKey, base: resourceBase, text: JSON.stringify(changed), l10n: english }),
      /set by data\.gouv\.fr/,
    );
    assert.equal(standIn.requests.length, 0);
  });
});
