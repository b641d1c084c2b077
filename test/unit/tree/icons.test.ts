// The codicon of each reuse type and resource format; anything else gets the default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceIcon, reuseTypeIcon } from '../../../src/tree/icons';
import { REUSE_TYPES } from '../../../src/api/models';

test('one icon per reuse type, a link for anything else', () => {
  assert.deepEqual(Object.fromEntries(REUSE_TYPES.map((type) => [type, reuseTypeIcon(type)])), {
    api: 'plug',
    application: 'browser',
    idea: 'lightbulb',
    news_article: 'megaphone',
    paper: 'book',
    post: 'comment-discussion',
    visualization: 'graph',
    hardware: 'circuit-board',
  });
  for (const other of [undefined, null, '', 'API', 'constructor', 'toString', '__proto__', '0']) assert.equal(reuseTypeIcon(other), 'link');
});

test('resource formats by family, in any case; anything else is a file', () => {
  const families: Record<string, string[]> = {
    table: ['csv', 'tsv', 'xls', 'xlsx', 'ods', 'parquet'],
    json: ['json', 'geojson', 'xml', 'jsonld'],
    'file-zip': ['zip', 'gz', '7z', 'tar'],
    'file-media': ['png', 'jpg', 'jpeg', 'svg', 'tif', 'tiff'],
    'file-pdf': ['pdf', 'doc', 'docx', 'odt'],
  };
  for (const [icon, formats] of Object.entries(families)) {
    for (const format of formats) {
      assert.equal(resourceIcon(format), icon, format);
      assert.equal(resourceIcon(format.toUpperCase()), icon, format.toUpperCase());
    }
  }
  for (const other of [undefined, null, '', ' ', 'csv ', 'csv tsv', 'txt', 'constructor', 'toString', '__proto__', '0', 'table']) {
    assert.equal(resourceIcon(other), 'file', String(other));
  }
});
