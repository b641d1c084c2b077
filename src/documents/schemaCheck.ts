// The documents' JSON schemas, checked at run time by a small interpreter of exactly the
// keywords they use. Ajv's standalone code did the same job but weighed about 30 KB of
// the minified bundle (one unrolled function per schema, ~13 KB for the dataset alone);
// this file and the four validation-only schemas (src/documents/generated/, written by
// scripts/generate-schema.ts) weigh about 5.5 KB, which matters for VS Code for the Web
// (a 150 KB budget). An interpreter rather than smaller generated code: the schemas are
// data (shared patterns, enums) and one walker serves all four. The errors have Ajv's shape, order and params (allErrors, draft-07), so the
// messages of jsonDocumentCheck.ts are unchanged: test/unit/documents/schemaCheck.test.ts
// compares them with Ajv's on generated documents, valid and broken.
//
// Only the keywords of `Schema` are understood. `assertSupportedSchema` (run by the
// generator and by that test) refuses anything else, and the generated modules are typed
// `Schema`, so a new keyword in a schema cannot be silently ignored here.

/** The JSON types our schemas name (no numbers: no document field is one). */
export type SchemaType = 'string' | 'null' | 'boolean' | 'object' | 'array';

/** The keywords the interpreter understands, and the only forms it accepts them in. */
export interface Schema {
  type?: SchemaType | SchemaType[];
  /** Primitive values only: Ajv compares those with ===, and so does the interpreter. */
  enum?: ReadonlyArray<string | boolean | null>;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  /** One schema for every item (not the tuple form). */
  items?: Schema;
  required?: string[];
  properties?: Record<string, Schema>;
  /** Only `false`: no key beyond `properties`. */
  additionalProperties?: false;
}

/** An error as Ajv reports it (with `messages: false`): jsonDocumentCheck.ts words it. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Ajv's validator interface: the result, and every error of the last call (null when valid). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** A validator of ours, with the schema it checks. */
export interface DocumentValidator extends SchemaValidator {
  readonly schema: Schema;
}

const IS: Record<SchemaType, (data: unknown) => boolean> = {
  string: (data) => typeof data === 'string',
  boolean: (data) => typeof data === 'boolean',
  null: (data) => data === null,
  array: Array.isArray,
  object: (data) => !!data && typeof data === 'object' && !Array.isArray(data),
};

// Ajv's evaluation order (ajv/lib/compile/rules.ts and the draft-07 vocabularies): the
// keywords for any type (enum) first, then one group per type, each in this order.
const GROUPS: ReadonlyArray<[SchemaType, ReadonlyArray<keyof Schema>]> = [
  ['string', ['maxLength', 'minLength', 'pattern']],
  ['array', ['items']],
  ['object', ['required', 'additionalProperties', 'properties']],
];

const patterns = new Map<string, RegExp>();
/** Ajv compiles patterns with the `u` flag (its `unicodeRegExp` default). */
function regExp(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (!compiled) patterns.set(pattern, (compiled = new RegExp(pattern, 'u')));
  return compiled;
}

/** Unicode code points, as Ajv's ucs2length counts them (a lone surrogate counts as one). */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A JSON pointer segment (RFC 6901). */
const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function check(schema: Schema, data: unknown, instancePath: string, schemaPath: string, errors: SchemaError[]): void {
  const report = (keyword: string, params: Record<string, unknown>) => errors.push({ instancePath, schemaPath: `${schemaPath}/${keyword}`, keyword, params });
  const types = schema.type === undefined ? [] : ([] as SchemaType[]).concat(schema.type);
  const groups = GROUPS.filter(([, keywords]) => keywords.some((keyword) => schema[keyword] !== undefined));
  // Like Ajv: a single type with keywords of its own is reported where that type's
  // keywords are (after enum); any other `type` is checked before everything else.
  const typeInGroup = types.length === 1 && groups.some(([type]) => type === types[0]);
  if (types.length && !typeInGroup && !types.some((type) => IS[type](data))) report('type', { type: schema.type });
  if (schema.enum && !schema.enum.some((value) => value === data)) report('enum', { allowedValues: schema.enum });
  for (const [type] of groups) {
    if (!IS[type](data)) {
      if (typeInGroup && type === types[0]) report('type', { type: schema.type });
    } else if (type === 'string') {
      const text = data as string;
      if (schema.maxLength !== undefined && codePoints(text) > schema.maxLength) report('maxLength', { limit: schema.maxLength });
      if (schema.minLength !== undefined && codePoints(text) < schema.minLength) report('minLength', { limit: schema.minLength });
      if (schema.pattern !== undefined && !regExp(schema.pattern).test(text)) report('pattern', { pattern: schema.pattern });
    } else if (type === 'array') {
      const items = data as unknown[];
      for (let index = 0; index < items.length; index++) check(schema.items as Schema, items[index], `${instancePath}/${index}`, `${schemaPath}/items`, errors);
    } else {
      const object = data as Record<string, unknown>;
      // `object[key] === undefined`, not `in`/hasOwn: Ajv's test for a present property.
      for (const key of schema.required ?? []) if (object[key] === undefined) report('required', { missingProperty: key });
      if (schema.additionalProperties === false) {
        // for…in, as Ajv iterates: the same keys in the same order (integer-like keys first).
        for (const key in object) if (!Object.hasOwn(schema.properties ?? {}, key)) report('additionalProperties', { additionalProperty: key });
      }
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if (object[key] !== undefined)
          check(inner, object[key], `${instancePath}/${pointer(key)}`, `${schemaPath}/properties/${encodeURIComponent(pointer(key))}`, errors);
      }
    }
  }
}

/** A validator with Ajv's interface (allErrors): `validate.errors` holds every error of the last call. */
export function schemaValidator(schema: Schema): DocumentValidator {
  const validate: SchemaValidator = (data) => {
    const errors: SchemaError[] = [];
    check(schema, data, '', '#', errors);
    validate.errors = errors.length ? errors : null;
    return !errors.length;
  };
  return Object.assign(validate, { schema });
}

/**
 * The keys of a document, in its order: the properties of its schema, which lists them
 * in the order the document shows them (src/documents/<kind>/<kind>Schema.ts). One list,
 * so that what is shown, what is checked and what is saved cannot drift apart.
 */
export function documentKeys<D extends object>(validate: DocumentValidator): ReadonlyArray<keyof D & string> {
  return Object.keys(validate.schema.properties ?? {}) as Array<keyof D & string>;
}

/**
 * Throws unless `schema` uses only what the interpreter understands, in the forms it
 * understands them: an unknown keyword (`format`, `minItems`…) or form (`items: [...]`,
 * `additionalProperties: {...}`, `type: 'number'`) must stop the generator, not be ignored.
 * Not part of the bundle (only the generator and the tests call it).
 */
export function assertSupportedSchema(schema: unknown, at = '#'): asserts schema is Schema {
  const fail = (why: string, where = at): never => {
    throw new Error(`schemaCheck cannot check ${where}: ${why}. Teach src/documents/schemaCheck.ts (and its Ajv equivalence test) first.`);
  };
  const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
  const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  const isStrings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!isObject(schema)) return fail('a schema must be an object');
  for (const [keyword, value] of Object.entries(schema)) {
    const where = `${at}/${keyword}`;
    switch (keyword as keyof Schema) {
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        if (!types.length || !types.every((type) => typeof type === 'string' && Object.hasOwn(IS, type)))
          fail(`unsupported type ${JSON.stringify(value)}`, where);
        break;
      }
      case 'enum':
        if (!Array.isArray(value) || !value.every((item) => item === null || ['string', 'boolean'].includes(typeof item)))
          fail('enum values must be strings, booleans or null', where);
        break;
      case 'pattern':
        if (typeof value !== 'string') fail('pattern must be a string', where);
        new RegExp(value as string, 'u'); // throws on a pattern Ajv would refuse too
        break;
      case 'maxLength':
      case 'minLength':
        if (!isCount(value)) fail(`${keyword} must be a non-negative integer`, where);
        break;
      case 'items':
        assertSupportedSchema(value, where);
        break;
      case 'required':
        if (!isStrings(value)) fail('required must list strings', where);
        break;
      case 'properties':
        if (!isObject(value)) fail('properties must be an object', where);
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) assertSupportedSchema(inner, `${where}/${key}`);
        break;
      case 'additionalProperties':
        if (value !== false) fail('only additionalProperties: false is supported', where);
        break;
      default:
        fail(`unknown keyword "${keyword}"`, where);
    }
  }
}
