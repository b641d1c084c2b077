// `npm run generate:schema`: writes the documents' JSON schemas (English and French, for
// the editor) and the validation-only schemas checked before a save, all from the schema
// builders in src/documents/<kind>/…Schema.ts. The validation schemas are small typed
// modules read by the interpreter in src/documents/schemaCheck.ts: Ajv's standalone code
// did the same in about 30 KB of the bundle. Ajv stays, in the tests only, as the
// reference the interpreter must agree with. A unit test fails when these files are stale.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translator } from '../src/util/translator';
import { assertSupportedSchema, type Schema } from '../src/documents/schemaCheck';
import { buildProfileSchema } from '../src/documents/profile/profileSchema';
import { buildReuseSchema } from '../src/documents/reuse/reuseSchema';
import { buildDatasetSchema } from '../src/documents/dataset/datasetSchema';
import { buildResourceSchema } from '../src/documents/resource/resourceSchema';
import * as ids from '../src/api/ids';
import * as models from '../src/api/models';
import * as datasetSchema from '../src/documents/dataset/datasetSchema';
import * as reuseSchema from '../src/documents/reuse/reuseSchema';

/** What only the editor reads (texts, the draft's URI), which would bloat the bundle. */
const EDITOR_ONLY = ['$schema', 'title', 'description', 'enumDescriptions', 'markdownDescription'];

/**
 * The schema without what only the editor reads. Throws when what is left uses a keyword
 * (or a form of one) the interpreter does not understand: it must not be ignored.
 */
export function forValidation(fullSchema: Record<string, unknown>): Schema {
  const strip = (schema: unknown): unknown => {
    if (Array.isArray(schema)) return schema.map(strip);
    if (!schema || typeof schema !== 'object') return schema;
    return Object.fromEntries(
      Object.entries(schema as Record<string, unknown>)
        .filter(([key]) => !EDITOR_ONLY.includes(key))
        .map(([key, value]) => [
          key,
          // Under `properties`, keys are field names (a field may be called "description").
          key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, inner]) => [name, strip(inner)])) : strip(value),
        ]),
    );
  };
  const schema = strip(fullSchema);
  assertSupportedSchema(schema);
  return schema;
}

/** The validation schemas the extension checks documents with, by document (the English builders: texts are stripped anyway). */
export function validationSchemas(): Record<'Reuse' | 'Profile' | 'Dataset' | 'Resource', { schema: Schema; source: string }> {
  const english = translator();
  return {
    Reuse: { schema: forValidation(buildReuseSchema(english)), source: 'src/documents/reuse/reuseSchema.ts' },
    Profile: { schema: forValidation(buildProfileSchema(english)), source: 'src/documents/profile/profileSchema.ts' },
    // The platform's lists (licenses…) are not in these: the documents' rules check them.
    Dataset: { schema: forValidation(buildDatasetSchema(english)), source: 'src/documents/dataset/datasetSchema.ts' },
    Resource: { schema: forValidation(buildResourceSchema(english)), source: 'src/documents/resource/resourceSchema.ts' },
  };
}

/**
 * Modules (as the generated files import them) whose exported constants a validator
 * reuses: an `enum` or `pattern` equal to one of them is written as a reference to it,
 * so that the bundle holds one copy of the list or pattern (the reuse types and topics,
 * the id pattern…), not one more per validator. The first module wins on equal values.
 */
const SHARED_CONSTANTS: Record<string, Record<string, unknown>> = {
  '../../api/ids': ids,
  '../../api/models': models,
  '../reuse/reuseSchema': reuseSchema,
  '../dataset/datasetSchema': datasetSchema,
};

/** The shared constant (module and name) whose value is `value` (a string or an array), or undefined. */
function sharedConstant(value: unknown): { from: string; name: string } | undefined {
  if (typeof value !== 'string' && !Array.isArray(value)) return undefined;
  const json = JSON.stringify(value);
  for (const [from, exports] of Object.entries(SHARED_CONSTANTS)) {
    for (const [name, constant] of Object.entries(exports)) {
      if ((typeof constant === 'string' || Array.isArray(constant)) && JSON.stringify(constant) === json) return { from, name };
    }
  }
  return undefined;
}

/**
 * A module whose default export is the document's validator. TypeScript, so that the
 * literal is checked against `Schema` too (an unknown keyword fails typecheck); the
 * import names (`generated/validate<Kind>Document`) are the ones Ajv's files had.
 */
function validationModule(schema: Schema, source: string): string {
  const imports = new Map<string, Set<string>>();
  // `enum` and `pattern` keys: those of a schema (a field of that name has an object, never shared).
  const literal = JSON.stringify(
    schema,
    (key, value: unknown) => {
      const shared = key === 'enum' || key === 'pattern' ? sharedConstant(value) : undefined;
      if (!shared) return value;
      imports.set(shared.from, (imports.get(shared.from) ?? new Set()).add(shared.name));
      return `@shared:${shared.name}@`;
    },
    2,
  ).replace(/"@shared:(\w+)@"/g, '$1');
  return [
    `// Generated by scripts/generate-schema.ts from ${source}. Do not edit.`,
    '// The schema without its texts, checked by the interpreter in ../schemaCheck.ts.',
    "import { schemaValidator } from '../schemaCheck';",
    ...[...imports].sort(([a], [b]) => a.localeCompare(b)).map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`),
    '',
    `export default schemaValidator(${literal});`,
    '',
  ].join('\n');
}

/** Everything in it is generated: a file the generator no longer writes is removed (a stale validator must not stay importable). */
export const GENERATED_DIR = 'src/documents/generated';

/** The strings as written (English), or through the French bundle, like vscode.l10n.t. */
function translator(bundle?: Record<string, string>): Translator {
  return {
    t: (message, ...args) => (bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)])),
  };
}

export function generatedFiles(root = process.cwd()): Record<string, string> {
  const english = translator();
  const french = translator(JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>);
  const json = (schema: Record<string, unknown>) => JSON.stringify(schema, null, 2) + '\n';
  return {
    'media/reuse.schema.json': json(buildReuseSchema(english)),
    'media/reuse.schema.fr.json': json(buildReuseSchema(french)),
    'media/profile.schema.json': json(buildProfileSchema(english)),
    'media/profile.schema.fr.json': json(buildProfileSchema(french)),
    // The editor's: the platform's lists (licenses, frequencies, granularities) are
    // offered by the extension's own completion (documents/dataset/choiceHints.ts).
    'media/dataset.schema.json': json(buildDatasetSchema(english, {}, { forEditor: true })),
    'media/dataset.schema.fr.json': json(buildDatasetSchema(french, {}, { forEditor: true })),
    'media/resource.schema.json': json(buildResourceSchema(english)),
    'media/resource.schema.fr.json': json(buildResourceSchema(french)),
    ...Object.fromEntries(
      Object.entries(validationSchemas()).map(([kind, { schema, source }]) => [
        `${GENERATED_DIR}/validate${kind}Document.ts`,
        validationModule(schema, source),
      ]),
    ),
  };
}

if (process.argv.includes('--write')) {
  const root = process.cwd();
  const files = generatedFiles();
  for (const name of readdirSync(join(root, GENERATED_DIR))) {
    if (!(`${GENERATED_DIR}/${name}` in files)) {
      unlinkSync(join(root, GENERATED_DIR, name));
      console.log(`removed ${GENERATED_DIR}/${name}`);
    }
  }
  for (const [path, content] of Object.entries(files)) {
    let current = '';
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      // first generation
    }
    if (current !== content) {
      writeFileSync(join(root, path), content);
      console.log(`wrote ${path}`);
    }
  }
}
