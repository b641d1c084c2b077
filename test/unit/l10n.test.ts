// Every user-visible string exists in English and French: the runtime strings of
// src/ (vscode.l10n.t) in l10n/bundle.l10n.fr.json, and the manifest's %keys% in
// package.nls.json and package.nls.fr.json, with the same {n} placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractL10nKeys } from '../../scripts/l10nKeys';

const root = new URL('../../', import.meta.url).pathname;
const readJson = (path: string) => JSON.parse(readFileSync(root + path, 'utf8')) as Record<string, string>;
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

test('every runtime string of src/ has its French translation, with the same placeholders', () => {
  const keys = extractL10nKeys(root);
  const fr = readJson('l10n/bundle.l10n.fr.json');
  assert.ok(keys.size > 10, 'the extractor found the strings');
  assert.ok(!keys.has('<non-literal l10n.t argument>'), `l10n.t with a non-literal at ${keys.get('<non-literal l10n.t argument>')}`);
  const missing = [...keys.keys()].filter((key) => !(key in fr));
  assert.deepEqual(missing, [], 'strings without a French translation');
  for (const key of keys.keys()) {
    assert.ok(fr[key].trim(), `empty translation for ${key}`);
    assert.equal(placeholders(fr[key]), placeholders(key), `placeholders differ for ${key}`);
  }
  const stale = Object.keys(fr).filter((key) => !keys.has(key));
  assert.deepEqual(stale, [], 'French strings no longer used in src/');
});

test('every %key% of package.json is in package.nls.json and package.nls.fr.json', () => {
  const manifest = readFileSync(root + 'package.json', 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
  const en = readJson('package.nls.json');
  const fr = readJson('package.nls.fr.json');
  assert.ok(used.size > 3);
  for (const key of used) {
    assert.ok(en[key], `package.nls.json lacks ${key}`);
    assert.ok(fr[key], `package.nls.fr.json lacks ${key}`);
  }
  assert.deepEqual(
    Object.keys(en).filter((key) => !(key in fr)),
    [],
    'English keys without a French twin',
  );
  assert.deepEqual(
    Object.keys(en).filter((key) => !used.has(key)),
    [],
    'unused keys in package.nls.json',
  );
});
