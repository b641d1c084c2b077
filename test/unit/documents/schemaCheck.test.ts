// The schema interpreter (src/documents/schemaCheck.ts) against Ajv, its reference: on
// documents generated from each validation schema, valid and broken (wrong types, too
// long or too short texts, astral characters at the limits, missing and extra keys, bad
// enum values, bad patterns, nested), both give the same verdict and the same errors in
// the same order (keyword, instancePath, schemaPath, params), which is all
// jsonDocumentCheck.ts reads. Ajv compiles the same schemas with the options the
// extension's validators had (allErrors, strict, no messages).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { assertSupportedSchema, schemaValidator, type Schema, type SchemaError, type SchemaType } from '../../../src/documents/schemaCheck';
import { buildDatasetSchema } from '../../../src/documents/dataset/datasetSchema';
import type { Translator } from '../../../src/util/translator';
import { forValidation, GENERATED_DIR, generatedFiles, validationSchemas } from '../../../scripts/generate-schema';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

const SCHEMAS: Record<string, Schema> = {
  ...Object.fromEntries(Object.entries(validationSchemas()).map(([kind, { schema }]) => [kind, schema])),
  // With the platform's lists, as tests and tools build it: `license` is then a string
  // with a pattern and an enum, where Ajv reports enum before type.
  'Dataset with the platform lists': forValidation(
    buildDatasetSchema(english, {
      licenses: [
        { id: 'lov2', title: 'Licence Ouverte' },
        { id: 'odc-odbl', title: 'ODbL' },
      ],
      frequencies: [{ id: 'daily', label: 'Daily' }],
      granularities: [{ id: 'fr:commune', name: 'Commune' }],
    }),
  ),
};

const matchingArbitraries = new Map<string, fc.Arbitrary<string>>();
/** Texts that match a pattern (built once per pattern: fast-check's regex parsing is not cheap). */
function matching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = matchingArbitraries.get(pattern);
  if (!arbitrary) matchingArbitraries.set(pattern, (arbitrary = fc.stringMatching(new RegExp(pattern, 'u'))));
  return arbitrary;
}

/** Ajv's runtime length: code points. */
const codePoints = (text: string) => [...text].length;

// Any JSON value: mostly the wrong type wherever it lands.
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

// Keys a document could carry by mistake: a read-only field, a near miss, keys that
// are special to JavaScript objects, keys JSON pointers must escape, integer-like keys
// (which for…in visits first).
const EXTRA_KEYS = ['resources', 'id', 'slug', 'Title', 'title ', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'a/b', 'x~y', '0', '10', ''];

// Characters for texts at the length limits: one UTF-16 unit, an astral character (two
// units, one code point: Ajv counts one), a lone surrogate, blank ones.
const LIMIT_CHARACTERS = ['a', 'é', '😀', '\uD800', ' ', '\n'];

/** An object with these entries as its own keys, in this order (`__proto__` too, as jsonDocumentCheck builds it). */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

function typesOf(schema: Schema): SchemaType[] {
  return schema.type === undefined ? [] : ([] as SchemaType[]).concat(schema.type);
}

/** Strings meant to pass the schema's string keywords. */
function fittingString(schema: Schema): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.filter((value): value is string => typeof value === 'string'));
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 30, min + 30);
  const within = (text: string) => codePoints(text) >= min && codePoints(text) <= (schema.maxLength ?? Infinity);
  if (schema.pattern) return matching(schema.pattern).filter(within);
  return fc.oneof(
    fc.string({ unit: 'binary', minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }),
    // Exactly at the limit, in code points, some of them astral.
    fc.constantFrom('a', '😀').map((character) => character.repeat(schema.maxLength ?? min)),
  );
}

/** Strings meant to break them: at and around the limits, blank, near misses of the pattern and of the enum. */
function brokenString(schema: Schema): fc.Arbitrary<string> {
  const options: Array<fc.Arbitrary<string>> = [fc.constantFrom('', ' ', '\t\n', '\u00a0'), fc.string({ unit: 'binary', maxLength: 8 })];
  for (const limit of [schema.minLength, schema.maxLength]) {
    if (limit === undefined) continue;
    const lengths = fc.constantFrom(limit - 1, limit, limit + 1).filter((length) => length >= 0);
    options.push(fc.tuple(lengths, fc.constantFrom(...LIMIT_CHARACTERS)).map(([length, character]) => character.repeat(length)));
    if (schema.pattern) {
      // A text that matches the pattern, padded to the limit: length and pattern together.
      options.push(
        fc.tuple(matching(schema.pattern), fc.constantFrom(-1, 0, 1)).map(([text, delta]) => text + 'a'.repeat(Math.max(0, limit - codePoints(text) + delta))),
      );
    }
  }
  if (schema.pattern) {
    const matches = matching(schema.pattern);
    options.push(
      fc.tuple(matches, fc.constantFrom(' ', 'x', '/', ':', '😀')).map(([text, extra]) => extra + text),
      fc.tuple(matches, fc.constantFrom(' ', 'x', ' y', '😀')).map(([text, extra]) => text + extra),
      matches.map((text) => text.slice(0, -1)),
      matches.map((text) => text.toUpperCase()),
    );
  }
  const enumStrings = (schema.enum ?? []).filter((value): value is string => typeof value === 'string');
  if (enumStrings.length) {
    options.push(fc.constantFrom(...enumStrings).chain((value) => fc.constantFrom(value.toUpperCase(), `${value} `, value.slice(1), `${value}s`)));
  }
  return fc.oneof(...options);
}

/**
 * Documents for a schema. `noise` is how many times likelier the fitting choice is than a
 * broken one at each value (Infinity: fitting only, which is a valid document).
 */
function valueOf(schema: Schema, noise: number): fc.Arbitrary<unknown> {
  const fitting = fittingValue(schema, noise);
  if (noise === Infinity) return fitting;
  return fc.oneof({ arbitrary: fitting, weight: noise }, { arbitrary: brokenValue(schema, noise), weight: 1 });
}

function fittingValue(schema: Schema, noise: number): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  if (!types.length) return schema.enum ? fc.constantFrom(...schema.enum) : anyJson;
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'string':
          return fittingString(schema);
        case 'array':
          return fc.array(schema.items ? valueOf(schema.items, noise) : anyJson, { maxLength: 3 });
        case 'object':
          return objectValue(schema, noise, false);
      }
    }),
  );
}

function brokenValue(schema: Schema, noise: number): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const options: Array<fc.Arbitrary<unknown>> = [anyJson, brokenString(schema)];
  if (types.includes('object')) options.push(objectValue(schema, noise, true));
  if (types.includes('array')) options.push(fc.array(anyJson, { minLength: 1, maxLength: 3 }));
  return fc.oneof(...options);
}

/** An object of the schema's properties (required ones all there unless broken), in any order; broken: keys missing, extra keys. */
function objectValue(schema: Schema, noise: number, broken: boolean): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const entries = fc.tuple(
    ...properties.map(([key, inner]) =>
      fc.tuple(
        fc.constant(key),
        valueOf(inner, noise),
        // Present: always when required (unless broken), usually otherwise.
        required.has(key) && !broken ? fc.constant(true) : fc.boolean(),
      ),
    ),
  );
  const extras = broken ? fc.uniqueArray(fc.tuple(fc.constantFrom(...EXTRA_KEYS), anyJson), { maxLength: 3, selector: ([key]) => key }) : fc.constant([]);
  return fc
    .tuple(entries, extras)
    .map(([own, extra]) => [...own.filter(([, , present]) => present).map(([key, value]): [string, unknown] => [key, value]), ...extra])
    .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }))
    .map(objectOf);
}

/** The keywords of a schema that can report an error (items and properties only pass them on). */
function reportingKeywords(schema: Schema, into = new Set<string>()): Set<string> {
  for (const keyword of Object.keys(schema)) if (keyword !== 'items' && keyword !== 'properties') into.add(keyword);
  if (schema.items) reportingKeywords(schema.items, into);
  for (const inner of Object.values(schema.properties ?? {})) reportingKeywords(inner, into);
  return into;
}

const RUNS = 400;

describe('schemaCheck: the same errors as Ajv', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    test(`${name}: same verdict and errors as Ajv (allErrors) on valid and broken documents`, () => {
      const ajv = new Ajv({ allErrors: true, strict: true, messages: false }).compile(structuredClone(schema));
      const ours = schemaValidator(schema);
      let valid = 0;
      const reported = new Set<string>();
      fc.assert(
        fc.property(
          // Built once (not per run, as a chain would): some documents valid, some a little broken, some very.
          fc.oneof(...[Infinity, 40, 8, 2].map((noise) => valueOf(schema, noise))),
          (document) => {
            const expected = ajv(document);
            const expectedErrors = ajv.errors ?? null;
            assert.equal(ours(document), expected);
            assert.deepEqual(ours.errors ?? null, expectedErrors as SchemaError[] | null);
            if (expected) valid++;
            for (const error of expectedErrors ?? []) reported.add(error.keyword);
          },
        ),
        { numRuns: RUNS },
      );
      // The documents were worth comparing: many valid, many not, and every keyword of
      // the schema that can fail did, somewhere.
      assert.ok(valid >= RUNS / 10, `only ${valid} valid documents in ${RUNS}`);
      assert.ok(valid <= RUNS * 0.9, `only ${RUNS - valid} invalid documents in ${RUNS}`);
      assert.deepEqual([...reported].sort(), [...reportingKeywords(schema)].sort(), 'every keyword of the schema reported at least once');
    });
  }

  test('a few documents by hand: code points at the limit, order of the errors, escaped keys', () => {
    const schema = SCHEMAS['Dataset with the platform lists'];
    const ajv = new Ajv({ allErrors: true, strict: true, messages: false }).compile(structuredClone(schema));
    const ours = schemaValidator(schema);
    const valid = {
      title: '😀'.repeat(350), // 700 UTF-16 units, 350 code points: at the limit
      description: 'D',
      tags: ['abc'],
      license: 'lov2',
      frequency: 'daily',
      temporal_coverage: null,
      spatial: { zones: [], granularity: 'fr:commune' },
      private: false,
      archived: null,
      contact_points: [],
      extras: {},
    };
    for (const document of [
      valid,
      { ...valid, title: '😀'.repeat(351) },
      { ...valid, license: 5 }, // enum, then type
      { ...valid, temporal_coverage: { start: '2024-01-01', end: 3, 'a/b~': 1 } },
      objectOf([['10', 1], ...Object.entries(valid), ['0', 2], ['__proto__', {}]]),
      [],
      null,
    ]) {
      assert.equal(ours(document), ajv(document));
      assert.deepEqual(ours.errors ?? null, ajv.errors ?? null);
    }
    assert.equal(ours(valid), true);
    assert.equal(ours.errors, null);
  });
});

describe('schemaCheck: only the keywords it understands', () => {
  test('every validation schema is understood', () => {
    for (const schema of Object.values(SCHEMAS)) assert.doesNotThrow(() => assertSupportedSchema(schema));
  });

  test('an unknown keyword, or a form the interpreter does not read, is refused', () => {
    for (const schema of [
      { format: 'uri' },
      { type: 'array', minItems: 1 },
      { type: 'array', items: { type: 'string' }, uniqueItems: true },
      { const: 'x' },
      { type: 'number' },
      { type: ['string', 'integer'] },
      { type: [] },
      { items: [{ type: 'string' }] },
      { additionalProperties: true },
      { additionalProperties: { type: 'string' } },
      { enum: [{ a: 1 }] },
      { enum: [1] },
      { maxLength: -1 },
      { minLength: 1.5 },
      { pattern: '(' },
      { required: [1] },
      { properties: { a: { type: 'string', format: 'date' } } },
      { properties: { a: { items: { oneOf: [] } } } },
      'string',
      [],
    ]) {
      assert.throws(() => assertSupportedSchema(schema), Error, JSON.stringify(schema));
    }
  });

  test('the generator fails on a schema keyword the interpreter does not know, naming where it is', () => {
    const schema = { type: 'object', properties: { url: { type: 'string', description: 'kept out', format: 'uri' } } };
    assert.throws(() => forValidation(schema), /#\/properties\/url\/format: unknown keyword "format"/);
    // Texts only the editor reads are not keywords to check: they are stripped, even under a field called "description".
    assert.deepEqual(forValidation({ $schema: 'x', title: 'T', type: 'object', properties: { description: { type: 'string', description: 'D' } } }), {
      type: 'object',
      properties: { description: { type: 'string' } },
    });
  });

  test('the generated directory holds exactly what the generator writes (no stale validator left importable)', () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const expected = Object.keys(generatedFiles()).filter((path) => path.startsWith(`${GENERATED_DIR}/`));
    const present = readdirSync(root + GENERATED_DIR).map((name) => `${GENERATED_DIR}/${name}`);
    assert.deepEqual(present.sort(), expected.sort());
  });
});
