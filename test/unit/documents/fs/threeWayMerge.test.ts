// The three-way decision of a save: base (what the editor was given), yours (what was
// saved), theirs (what data.gouv.fr holds now). Examples, then properties over random
// documents (fast-check).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acceptTheirs, threeWayMerge } from '../../../../src/documents/fs/threeWayMerge';
import { sameJson } from '../../../../src/documents/jsonDocumentCheck';

const KEYS = ['title', 'description', 'tags', 'private', 'extras'] as const;
type Doc = { title: string; description: string; tags: string[]; private: boolean; extras: Record<string, unknown> };
const base: Doc = { title: 'Carte', description: 'Une carte.', tags: ['irve'], private: false, extras: { a: 1, b: 'x' } };
/** `from` null: the base is unknown. */
const merge = (yours: Partial<Doc>, theirs: Partial<Doc>, from: Doc | null = base) =>
  threeWayMerge<Doc>(KEYS, from ?? undefined, { ...base, ...yours }, { ...base, ...theirs }, ['extras']);

describe('three-way merge of a save', () => {
  test('nothing changed on data.gouv.fr: your changed fields only', () => {
    const result = merge({ title: 'Carte 2' }, {});
    assert.deepEqual(result.patch, { title: 'Carte 2' });
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.fromServer, []);
  });

  test('a same-length change of the same field on both sides is a conflict (no size or date involved)', () => {
    const result = merge({ title: 'Carte A' }, { title: 'Carte B' });
    assert.deepEqual(result.conflicts, ['title']);
    assert.deepEqual(result.patch, {});
  });

  test('their change of another field is kept, never sent back', () => {
    const result = merge({ title: 'Carte 2' }, { description: 'Changée par une collègue.' });
    assert.deepEqual(result.patch, { title: 'Carte 2' });
    assert.deepEqual(result.fromServer, ['description']);
    assert.equal(result.merged.description, 'Changée par une collègue.');
    assert.equal(result.merged.title, 'Carte 2');
  });

  test('the same value on both sides is not a conflict, and nothing is sent for it', () => {
    const result = merge({ title: 'Pareil', tags: ['a', 'b'] }, { title: 'Pareil', tags: ['a', 'b'] });
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.patch, {});
  });

  test('extras merge key by key: distinct keys combine, sent whole', () => {
    const result = merge({ extras: { a: 2, b: 'x' } }, { extras: { a: 1, b: 'x', c: true } });
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.patch, { extras: { a: 2, b: 'x', c: true } });
    assert.deepEqual(result.fromServer, ['extras.c']);
  });

  test('extras: the same key changed differently is a conflict named by its key', () => {
    const result = merge({ extras: { a: 2, b: 'x' } }, { extras: { a: 3, b: 'x' } });
    assert.deepEqual(result.conflicts, ['extras.a']);
    assert.deepEqual(result.patch, {});
  });

  test('extras: a key you removed while they kept it goes; removed on one side and changed on the other is a conflict', () => {
    assert.deepEqual(merge({ extras: { a: 1 } }, { extras: { a: 1, b: 'x', c: 1 } }).patch, { extras: { a: 1, c: 1 } });
    assert.deepEqual(merge({ extras: { a: 1 } }, { extras: { a: 1, b: 'y' } }).conflicts, ['extras.b']);
  });

  test('an unknown base: every field that differs from data.gouv.fr is a conflict', () => {
    const result = merge({ title: 'Carte 2' }, { description: 'Autre' }, null);
    assert.deepEqual(result.conflicts.sort(), ['description', 'title']);
    assert.deepEqual(result.patch, {});
  });

  test('Overwrite: accepting theirs for the conflicting fields makes them yours to send, and nothing else', () => {
    const yours = { ...base, title: 'Carte A', extras: { a: 2, b: 'x' } };
    const theirs = { ...base, title: 'Carte B', description: 'Autre', extras: { a: 3, b: 'x' } };
    const first = threeWayMerge<Doc>(KEYS, base, yours, theirs, ['extras']);
    assert.deepEqual(first.conflicts, ['title', 'extras.a']);
    const accepted = acceptTheirs(base, theirs, first.conflicts);
    const second = threeWayMerge<Doc>(KEYS, accepted, yours, theirs, ['extras']);
    assert.deepEqual(second.conflicts, []);
    assert.deepEqual(second.patch, { title: 'Carte A', extras: { a: 2, b: 'x' } });
    // A newer change on data.gouv.fr after the choice is caught again.
    const third = threeWayMerge<Doc>(KEYS, accepted, yours, { ...theirs, title: 'Carte C' }, ['extras']);
    assert.deepEqual(third.conflicts, ['title']);
  });
});

describe('three-way merge, properties', () => {
  const value = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constant(null));
  const extras = fc.dictionary(fc.constantFrom('k1', 'k2', 'k3', '__proto__x'), value, { maxKeys: 3 });
  const doc = fc.record({
    title: fc.constantFrom('Un', 'Deux', 'Tri'),
    description: fc.constantFrom('x', 'y'),
    tags: fc.array(fc.constantFrom('t1', 't2'), { maxLength: 2 }),
    private: fc.boolean(),
    extras,
  });
  // Each side starts from the base and changes some fields to random values.
  const variant = (from: Doc) =>
    fc.record({ title: fc.boolean(), description: fc.boolean(), tags: fc.boolean(), private: fc.boolean(), extras: fc.boolean() }).chain((changes) =>
      doc.map((random) => {
        const next: Record<string, unknown> = { ...from };
        for (const key of KEYS) if (changes[key]) next[key] = random[key];
        return next as Doc;
      }),
    );
  const triple = doc.chain((b) => fc.tuple(fc.constant(b), variant(b), variant(b)));

  test('a PUT never carries a field you did not change', () => {
    fc.assert(
      fc.property(triple, ([b, yours, theirs]) => {
        const { patch } = threeWayMerge<Doc>(KEYS, b, yours, theirs, ['extras']);
        for (const key of Object.keys(patch) as Array<keyof Doc>) assert.ok(!sameJson(yours[key], b[key]), `${key} sent unchanged`);
      }),
      { numRuns: 2000 },
    );
  });

  test('a field changed on both sides to different values is never sent', () => {
    fc.assert(
      fc.property(triple, ([b, yours, theirs]) => {
        const result = threeWayMerge<Doc>(KEYS, b, yours, theirs, ['extras']);
        for (const key of KEYS) {
          const both = !sameJson(yours[key], b[key]) && !sameJson(theirs[key], b[key]) && !sameJson(yours[key], theirs[key]);
          if (!both) continue;
          if (key === 'extras') {
            // Merged per key: no key that both sides changed differently is in what is sent.
            const sent = result.patch.extras;
            if (!sent) continue;
            for (const k of new Set([...Object.keys(b.extras), ...Object.keys(yours.extras), ...Object.keys(theirs.extras)])) {
              const y = yours.extras[k];
              const t = theirs.extras[k];
              const o = b.extras[k];
              const conflict = !sameJson(y, o) && !sameJson(t, o) && !sameJson(y, t);
              assert.ok(!conflict, `extras.${k} sent despite a conflict`);
            }
          } else {
            assert.ok(!(key in result.patch), `${key} sent despite a conflict`);
            assert.ok(result.conflicts.includes(key), `${key} not reported`);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("data.gouv.fr's changes survive: after the PUT, every field you did not change holds theirs", () => {
    fc.assert(
      fc.property(triple, ([b, yours, theirs]) => {
        const result = threeWayMerge<Doc>(KEYS, b, yours, theirs, ['extras']);
        if (result.conflicts.length) return;
        const stored = { ...theirs, ...result.patch };
        for (const key of KEYS) {
          if (sameJson(yours[key], b[key])) assert.ok(sameJson(stored[key], theirs[key]), `${key} reverted`);
          else assert.ok(sameJson(stored[key], yours[key]) || key === 'extras', `${key} lost`);
        }
        for (const k of Object.keys(theirs.extras)) {
          if (sameJson(yours.extras[k], b.extras[k]) && k in yours.extras === k in b.extras)
            assert.ok(sameJson(stored.extras[k], theirs.extras[k]), `extras.${k} reverted`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
