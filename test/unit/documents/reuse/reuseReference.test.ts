import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDatasetReference, parseReuseReference } from '../../../../src/documents/reuse/reuseReference';

test('ids, slugs and data.gouv.fr links name a reuse', () => {
  const id = '7e05000000000000000001aa';
  assert.deepEqual(parseReuseReference(` ${id} `), { idOrSlug: id });
  assert.deepEqual(parseReuseReference('carte-des-bornes'), { idOrSlug: 'carte-des-bornes' });
  assert.deepEqual(parseReuseReference('https://www.data.gouv.fr/fr/reuses/carte-des-bornes/'), { idOrSlug: 'carte-des-bornes' });
  assert.deepEqual(parseReuseReference(`https://demo.data.gouv.fr/api/1/reuses/${id}/`), { idOrSlug: id });
  assert.deepEqual(parseReuseReference('https://www.data.gouv.fr/reuses/carte-des-bornes?x=1#top'), { idOrSlug: 'carte-des-bornes' });
});

test('anything else does not', () => {
  for (const input of ['', '   ', 'Carte des bornes', 'cyclables', 'https://www.data.gouv.fr/fr/datasets/abc/', 'https://x/reuses/', 'ab', 'not a url://']) {
    assert.equal(parseReuseReference(input), undefined, input);
  }
});

test('datasets are named the same ways', () => {
  assert.deepEqual(parseDatasetReference('https://www.data.gouv.fr/fr/datasets/bornes-irve/'), { idOrSlug: 'bornes-irve' });
  assert.deepEqual(parseDatasetReference('DA7A00000000000000000001'), { idOrSlug: 'da7a00000000000000000001' });
  assert.equal(parseDatasetReference('https://www.data.gouv.fr/fr/reuses/carte/'), undefined);
});
