// Property-based tests of the reuse document: whatever text a user saves, the check
// either yields a patch of editable keys with valid values, or a refusal with a
// message — never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReuseText, DOCUMENT_KEYS, projectReuse, renderReuseDocument } from '../../../../src/documents/reuse/reuseDocument';
import validateSchema from '../../../../src/documents/generated/validateReuseDocument.js';
import type { Translator } from '../../../../src/util/translator';
import { REUSE_TOPICS, REUSE_TYPES } from '../../../../src/api/models';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const base = projectReuse({
  id: 'x',
  title: 'Carte',
  description: 'Une carte.',
  url: 'https://example.org/',
  type: 'application',
  topic: 'health',
  tags: ['sante'],
  datasets: [],
  private: false,
  archived: null,
  extras: {},
});
const baseText = renderReuseDocument(base);

function assertSound(text: string): void {
  const check = checkReuseText(text, base, english);
  if (check.ok) {
    for (const key of Object.keys(check.patch)) assert.ok((DOCUMENT_KEYS as readonly string[]).includes(key), key);
    assert.ok(validateSchema({ ...base, ...check.patch }), 'the patched document is valid');
  } else {
    assert.ok(check.problems.length > 0);
    for (const problem of check.problems) {
      assert.ok(problem.message.length > 5);
      assert.ok(problem.line >= 1 && problem.column >= 1);
    }
  }
}

const fieldValue = fc.oneof(
  fc.string(),
  fc.constantFrom(...REUSE_TYPES, ...REUSE_TOPICS, 'https://example.org/x', 'ftp://x', '', '   '),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

test('any text at all: a patch or a refusal, never an exception', () => {
  fc.assert(
    fc.property(fc.string(), (text) => assertSound(text)),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.json(), (text) => assertSound(text)),
    { numRuns: 500 },
  );
});

test('the opened document with any field replaced, added or removed', () => {
  const key = fc.constantFrom(...DOCUMENT_KEYS, 'id', 'slug', 'metrics', 'owner', 'deleted', 'colour');
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.option(fieldValue)), { maxLength: 4 }), (changes) => {
      const doc = JSON.parse(baseText) as Record<string, unknown>;
      for (const [name, value] of changes) {
        if (value === null) delete doc[name];
        else doc[name] = value;
      }
      assertSound(JSON.stringify(doc, null, 2));
    }),
    { numRuns: 1000 },
  );
});

test('the opened document cut or damaged at any point', () => {
  fc.assert(
    fc.property(fc.nat(baseText.length), fc.string({ maxLength: 3 }), (cut, insert) => {
      assertSound(baseText.slice(0, cut) + insert + baseText.slice(cut + 1));
    }),
    { numRuns: 1000 },
  );
});

test('saving the opened document unchanged gives an empty patch', () => {
  const check = checkReuseText(baseText, base, english);
  assert.ok(check.ok);
  assert.deepEqual(check.patch, {});
});
