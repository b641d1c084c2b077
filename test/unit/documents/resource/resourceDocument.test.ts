// The resource document: a stored file's url and format belong to data.gouv.fr (udata
// would keep its own without a word), the filetype never changes, and a link's address
// is checked before sending.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkResourceText,
  projectResource,
  renderResourceDocument,
  resourcePatchBody,
  RESOURCE_DOCUMENT_KEYS,
} from '../../../../src/documents/resource/resourceDocument';
import { resourceKeyOf } from '../../../../src/documents/resource/resourceKind';
import { datasetKeyOf } from '../../../../src/documents/dataset/datasetKind';
import type { Translator } from '../../../../src/util/translator';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const RID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

const stored = projectResource({
  id: RID,
  title: 'bornes.csv',
  description: null,
  type: 'main',
  filetype: 'file',
  format: 'csv',
  url: 'https://static.data.gouv.fr/resources/bornes.csv',
  schema: { name: null, version: null, url: null },
  extras: { 'check:available': true },
});
const remote = projectResource({ ...stored, id: RID, filetype: 'remote', url: 'https://example.org/a.json', format: 'json', schema: null });

function edited(base: typeof stored, change: (document: Record<string, unknown>) => void) {
  const document = JSON.parse(renderResourceDocument(base)) as Record<string, unknown>;
  change(document);
  return checkResourceText(JSON.stringify(document, null, 2), base, english);
}

describe('the resource document', () => {
  test('shows its fields in order; an empty schema is null', () => {
    assert.deepEqual(Object.keys(JSON.parse(renderResourceDocument(stored))), [...RESOURCE_DOCUMENT_KEYS]);
    assert.equal(stored.schema, null);
  });

  test("a stored file's title, description, type, schema and extras change; its url and format do not", () => {
    const ok = edited(stored, (d) => {
      d.title = 'Bornes (CSV)';
      d.type = 'documentation';
      d.schema = { name: 'etalab/schema-irve-statique', version: '2.3.1', url: null };
    });
    assert.ok(ok.ok);
    assert.deepEqual(Object.keys(ok.patch).sort(), ['schema', 'title', 'type']);
    for (const field of ['url', 'format']) {
      const refused = edited(stored, (d) => (d[field] = field === 'url' ? 'https://example.org/other.csv' : 'json'));
      assert.ok(!refused.ok, field);
      assert.match(refused.problems[0].message, /set by data\.gouv\.fr .* "Replace File…"/);
    }
  });

  test("a link's url and format change, checked as web addresses", () => {
    const ok = edited(remote, (d) => (d.url = 'https://example.org/b.json'));
    assert.ok(ok.ok);
    assert.deepEqual(ok.patch, { url: 'https://example.org/b.json' });
    const refused = edited(remote, (d) => (d.url = 'ftp://example.org/b.json'));
    assert.ok(!refused.ok);
    assert.match(refused.problems[0].message, /http:\/\/ or https:\/\//);
  });

  test('the filetype never changes, and is never sent', () => {
    const refused = edited(stored, (d) => (d.filetype = 'remote'));
    assert.ok(!refused.ok);
    assert.match(refused.problems[0].message, /cannot change after the resource was created: put back "file"/);
    assert.deepEqual(resourcePatchBody({ title: 'x', filetype: 'remote' }), { title: 'x' });
    const badType = edited(stored, (d) => (d.type = 'data'));
    assert.ok(!badType.ok);
    assert.match(badType.problems[0].message, /"data" is not a type of resource\. Use one of: main, documentation, update, api, code, other\./);
  });

  test('document paths: a dataset and its resources, nothing else', () => {
    assert.equal(datasetKeyOf('/datasets/da7a00000000000000000001/bornes.json'), 'da7a00000000000000000001');
    assert.equal(datasetKeyOf(`/datasets/da7a00000000000000000001/resources/${RID}.json`), undefined);
    assert.equal(resourceKeyOf(`/datasets/da7a00000000000000000001/resources/${RID}.json`), `da7a00000000000000000001/${RID}`);
    assert.equal(resourceKeyOf('/datasets/da7a00000000000000000001/resources/..json'), undefined);
    assert.equal(resourceKeyOf('/datasets/../resources/' + RID + '.json'), undefined);
    assert.equal(datasetKeyOf('/datasets/../x.json'), undefined);
  });
});
