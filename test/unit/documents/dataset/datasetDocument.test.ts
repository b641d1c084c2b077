// The dataset document: what it shows of a dataset, what it refuses before sending, and
// what the PUT carries (never `resources`; `tags` and `temporal_coverage` always, as
// udata's form clears them when absent; `contact_points: []` sent as null).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkDatasetText,
  DATASET_DOCUMENT_KEYS,
  datasetPatchBody,
  projectDataset,
  renderDatasetDocument,
  type DatasetDocument,
} from '../../../../src/documents/dataset/datasetDocument';
import { buildDatasetSchema, UPDATE_FREQUENCIES, type DatasetChoices } from '../../../../src/documents/dataset/datasetSchema';
import validateDatasetDocument from '../../../../src/documents/generated/validateDatasetDocument.js';
import type { Translator } from '../../../../src/util/translator';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

const dataset = {
  id: 'da7a00000000000000000001',
  title: 'Bornes de recharge',
  acronym: 'IRVE',
  description: 'Les bornes.',
  description_short: 'Bornes de la commune',
  tags: ['mobilite', 'irve', 'irve'],
  license: 'lov2',
  frequency: 'monthly',
  temporal_coverage: { start: '2020-01-01', end: '2025-12-31T00:00:00+00:00' },
  spatial: { zones: ['fr:commune:45200'], granularity: 'fr:commune', geom: null },
  private: false,
  archived: null,
  deleted: null,
  contact_points: [{ id: '5c9d8e7f6a5b4c3d2e1f0a9b', name: 'Service données' }],
  extras: { 'recommendations:sources': ['x'] },
  resources: [{ id: 'r1', title: 'bornes.csv' }],
  permissions: { edit: true, delete: true },
};
const base = projectDataset(dataset);
const baseText = renderDatasetDocument(base);
const choices: DatasetChoices = {
  licenses: [
    { id: 'lov2', title: 'Licence Ouverte / Open Licence version 2.0' },
    { id: 'odc-odbl', title: 'ODbL' },
    { id: 'notspecified', title: 'License Not Specified' },
  ],
  granularities: [
    { id: 'fr:commune', name: 'Commune' },
    { id: 'other', name: 'Other' },
  ],
};

function edit(change: (document: Record<string, unknown>) => void): string {
  const document = JSON.parse(baseText) as Record<string, unknown>;
  change(document);
  return JSON.stringify(document, null, 2);
}

describe('the dataset document', () => {
  test('shows the editable fields in a fixed order, as data.gouv.fr stores them, never the resources', () => {
    assert.deepEqual(Object.keys(JSON.parse(baseText)), [...DATASET_DOCUMENT_KEYS]);
    assert.deepEqual(base.tags, ['irve', 'mobilite']);
    assert.deepEqual(base.temporal_coverage, { start: '2020-01-01', end: '2025-12-31' });
    assert.deepEqual(base.spatial, { zones: ['fr:commune:45200'], granularity: 'fr:commune' });
    assert.deepEqual(base.contact_points, ['5c9d8e7f6a5b4c3d2e1f0a9b']);
    assert.ok(!baseText.includes('"resources"'));
    assert.ok(validateDatasetDocument(base), 'the projection is valid');
  });

  test('a dataset with nothing set still opens as a valid document', () => {
    const empty = projectDataset({ id: 'x', title: 'T', description: 'D' });
    assert.equal(empty.license, 'notspecified');
    assert.equal(empty.frequency, 'unknown');
    assert.equal(empty.temporal_coverage, null);
    assert.deepEqual(empty.spatial, { zones: [], granularity: 'other' });
    assert.ok(validateDatasetDocument(empty));
  });

  test('the patch holds the changed fields only', () => {
    const check = checkDatasetText(
      edit((d) => {
        d.title = 'Bornes IRVE';
        d.license = 'odc-odbl';
      }),
      base,
      english,
      () => choices,
    );
    assert.ok(check.ok);
    assert.deepEqual(check.patch, { title: 'Bornes IRVE', license: 'odc-odbl' });
  });

  test('"resources" is refused with a sentence that says where resources are edited', () => {
    const check = checkDatasetText(
      edit((d) => (d.resources = [])),
      base,
      english,
    );
    assert.ok(!check.ok);
    assert.match(check.problems[0].message, /each resource opens as a document of its own/);
    assert.equal(check.problems[0].line, baseText.split('\n').length - 1, 'on the key, at the end');
  });

  test('a license or granularity the platform does not offer is refused, once its lists are loaded (udata would silently drop the license)', () => {
    const text = edit((d) => (d.license = 'wtfpl'));
    const refused = checkDatasetText(text, base, english, () => choices);
    assert.ok(!refused.ok);
    assert.match(refused.problems[0].message, /"wtfpl" is not a license of data\.gouv\.fr\. Use one of: lov2, odc-odbl, notspecified\./);
    // Not loaded: data.gouv.fr is the judge.
    assert.ok(checkDatasetText(text, base, english).ok);
    const granularity = checkDatasetText(
      edit((d) => (d.spatial = { zones: [], granularity: 'fr:canton' })),
      base,
      english,
      () => choices,
    );
    assert.ok(!granularity.ok);
    assert.match(granularity.problems[0].message, /"fr:canton" is not a spatial granularity/);
  });

  test('frequencies, dates, coverage and tags are checked before sending', () => {
    const problems = (text: string) => {
      const check = checkDatasetText(text, base, english, () => choices);
      return check.ok ? [] : check.problems.map((problem) => problem.message);
    };
    assert.match(problems(edit((d) => (d.frequency = 'sometimes')))[0], /"sometimes" is not an update frequency/);
    assert.match(problems(edit((d) => (d.temporal_coverage = { start: '2020-01-01T00:00:00Z', end: null })))[0], /days such as "2024-01-31"/);
    assert.match(problems(edit((d) => (d.temporal_coverage = { start: '2024-01-01', end: '2020-01-01' })))[0], /ends before it starts/);
    assert.match(problems(edit((d) => (d.temporal_coverage = '2020')))[0], /must be \{"start"/);
    assert.match(problems(edit((d) => (d.tags = ['ok-tag', 'x'])))[0], /between 3 and 96 characters/);
    assert.match(problems(edit((d) => (d.spatial = { zones: ['paris'], granularity: 'other' })))[0], /level and a code/);
    assert.match(problems(edit((d) => (d.title = '  ')))[0], /"title" must not be blank/);
    assert.match(problems(edit((d) => (d.description_short = 'x'.repeat(201))))[0], /200 characters at most/);
    assert.match(problems(edit((d) => (d.slug = 'x')))[0], /would ignore it/);
  });

  test('emptying contact_points is sent as null: udata keeps them when it receives []', () => {
    assert.deepEqual(datasetPatchBody({ contact_points: [] }), { contact_points: null });
    assert.deepEqual(datasetPatchBody({ contact_points: ['5c9d8e7f6a5b4c3d2e1f0a9b'] }), { contact_points: ['5c9d8e7f6a5b4c3d2e1f0a9b'] });
  });

  test('whatever is typed, a patch never carries "resources" nor a key outside the document', () => {
    const key = fc.constantFrom(...DATASET_DOCUMENT_KEYS, 'resources', 'id', 'slug', 'owner', 'deleted');
    const value = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.integer(), fc.array(fc.string(), { maxLength: 3 }), fc.constant([]));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.option(value)), { maxLength: 4 }), (changes) => {
        const text = edit((document) => {
          for (const [name, v] of changes) {
            if (v === null) delete document[name];
            else document[name] = v;
          }
        });
        const check = checkDatasetText(text, base, english, () => choices);
        if (!check.ok) return;
        const body = datasetPatchBody(check.patch as Partial<DatasetDocument>);
        assert.ok(!('resources' in body));
        for (const name of Object.keys(body)) assert.ok((DATASET_DOCUMENT_KEYS as readonly string[]).includes(name), name);
      }),
      { numRuns: 1000 },
    );
  });

  test("the editor's schema offers the platform's choices, with their labels", () => {
    const schema = buildDatasetSchema(english, { ...choices, frequencies: [{ id: 'daily', label: 'Daily' }] }) as {
      properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; properties?: Record<string, { enum?: string[] }> }>;
    };
    assert.deepEqual(schema.properties.license.enum, ['lov2', 'odc-odbl', 'notspecified']);
    assert.equal(schema.properties.license.enumDescriptions?.[0], 'Licence Ouverte / Open Licence version 2.0');
    assert.deepEqual(schema.properties.frequency.enum, ['daily']);
    assert.deepEqual(schema.properties.spatial.properties?.granularity.enum, ['fr:commune', 'other']);
    // Not loaded: udata's own frequencies, no license list.
    const bare = buildDatasetSchema(english) as typeof schema;
    assert.equal(bare.properties.license.enum, undefined);
    assert.deepEqual(bare.properties.frequency.enum, [...UPDATE_FREQUENCIES]);
  });
});
