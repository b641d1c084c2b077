// The reuse document: the projection of a reuse to the fields a user may change, in a
// fixed order, and the checks that a saved text must pass before anything is sent.
// Pure code (no vscode): the translator is passed in.
import { findNodeAtLocation, parseTree, type Node, type ParseError, ParseErrorCode } from 'jsonc-parser';
import type { Translator } from '../api/errorMessages';
import { REUSE_TOPICS, REUSE_TYPES, type Reuse, type ReusePatch } from '../api/models';
import validateSchema, { type SchemaError } from './generated/validateReuseDocument';
import { LIMITS } from './reuseSchema';

export const DOCUMENT_KEYS = ['title', 'description', 'url', 'type', 'topic', 'tags', 'datasets', 'private', 'archived', 'extras'] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];

export interface ReuseDocument {
  title: string;
  description: string;
  url: string;
  type: string;
  topic: string;
  tags: string[];
  datasets: string[];
  private: boolean;
  archived: string | null;
  extras: Record<string, unknown>;
}

/** Keys of the API's reuse that it would silently ignore in a PUT, or that are not edits. */
const READ_ONLY_KEYS = new Set([
  'id', 'slug', 'image', 'image_thumbnail', 'featured', 'badges', 'metrics', 'created_at', 'last_modified',
  'permissions', 'uri', 'page', 'owner', 'organization', 'deleted', 'dataservices',
]);

export function projectReuse(reuse: Reuse): ReuseDocument {
  return {
    title: reuse.title ?? '',
    description: reuse.description ?? '',
    url: reuse.url ?? '',
    type: reuse.type ?? '',
    topic: reuse.topic ?? '',
    tags: [...(reuse.tags ?? [])],
    datasets: (reuse.datasets ?? []).map((dataset) => (typeof dataset === 'string' ? dataset : dataset.id)),
    private: reuse.private ?? false,
    archived: reuse.archived ?? null,
    extras: reuse.extras ?? {},
  };
}

export function renderReuseDocument(document: ReuseDocument): string {
  const ordered: Record<string, unknown> = {};
  for (const key of DOCUMENT_KEYS) ordered[key] = document[key];
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** A reason not to save, placed on the offending part of the text when it can be. */
export interface Problem {
  /** JSON path of the offending value, e.g. `['datasets', 2]`; empty for the whole document. */
  path: Array<string | number>;
  message: string;
  offset: number;
  length: number;
  line: number; // 1-based
  column: number; // 1-based
}

export type DocumentCheck =
  | { ok: true; document: ReuseDocument; patch: ReusePatch }
  | { ok: false; problems: Problem[] };

/** Parses and validates a saved text and computes the patch against `base` (what was loaded). */
export function checkReuseText(text: string, base: ReuseDocument, l10n: Translator): DocumentCheck {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const locate = (offset: number, length: number, path: Array<string | number>, message: string): Problem => {
    const { line, column } = lineColumn(text, offset);
    return { path, message, offset, length, line, column };
  };
  if (errors.length || !tree) {
    const first = errors[0] ?? { error: ParseErrorCode.ValueExpected, offset: 0, length: 0 };
    const { line, column } = lineColumn(text, first.offset);
    return {
      ok: false,
      problems: [
        locate(
          first.offset,
          Math.max(first.length, 1),
          [],
          l10n.t('The document is not valid JSON: {0} at line {1}, column {2}.', describeParseError(first.error, l10n), line, column),
        ),
      ],
    };
  }
  if (tree.type !== 'object') {
    return {
      ok: false,
      problems: [
        locate(tree.offset, tree.length, [], l10n.t('The document must be a JSON object like the one that was opened ({ "title": … }), not a list, a text or a number.')),
      ],
    };
  }

  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const property of tree.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) problems.push(locate(keyNode.offset, keyNode.length, [key], l10n.t('"{0}" appears twice: keep only one.', key)));
    seen.add(key);
  }

  const value = nodeValue(tree) as Record<string, unknown>;
  if (!validateSchema(value)) {
    for (const error of validateSchema.errors ?? []) {
      const problem = schemaProblem(error, value, tree, l10n, locate);
      if (problem && !problems.some((p) => p.message === problem.message)) problems.push(problem);
    }
  }
  if (problems.length) return { ok: false, problems };

  const document = value as unknown as ReuseDocument;
  const patch: ReusePatch = {};
  for (const key of DOCUMENT_KEYS) {
    if (key in value && !sameJson(value[key], base[key])) (patch as Record<string, unknown>)[key] = value[key];
  }
  return { ok: true, document: { ...base, ...document }, patch };
}

function schemaProblem(
  error: SchemaError,
  value: Record<string, unknown>,
  tree: Node,
  l10n: Translator,
  locate: (offset: number, length: number, path: Array<string | number>, message: string) => Problem,
): Problem | undefined {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const field = path.length ? path.join('.') : '';
  const at = (nodePath: Array<string | number>, message: string, keyOnly = false): Problem => {
    const node = findNodeAtLocation(tree, nodePath) ?? tree;
    const target = keyOnly && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
    return locate(target.offset, target.length, nodePath, message);
  };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const message = READ_ONLY_KEYS.has(key)
        ? l10n.t('"{0}" cannot be changed here: data.gouv.fr would ignore it without saying so. Remove this key.', key)
        : l10n.t('"{0}" is not a field of a reuse that can be edited (editable: {1}). Remove this key.', key, DOCUMENT_KEYS.join(', '));
      return at([key], message, true);
    }
    case 'required':
      return locate(tree.offset, 1, [String(error.params.missingProperty)], l10n.t('"{0}" is missing: a reuse must have one.', String(error.params.missingProperty)));
    case 'enum':
      if (field === 'type') return at(path, l10n.t('"{0}" is not a type of reuse. Use one of: {1}.', String(value.type), REUSE_TYPES.join(', ')));
      if (field === 'topic') return at(path, l10n.t('"{0}" is not a topic of reuse. Use one of: {1}.', String(value.topic), REUSE_TOPICS.join(', ')));
      return at(path, l10n.t('"{0}" has a value that is not allowed.', field));
    case 'pattern':
      if (field === 'title' || field === 'description') return at(path, l10n.t('"{0}" must not be blank.', field));
      if (field === 'url') return at(path, l10n.t('"url" must be a web address starting with http:// or https://.'));
      if (path[0] === 'datasets') return at(path, l10n.t('"datasets" must list dataset ids (24 hexadecimal characters); "{0}" is not one.', String(nodeValue(findNodeAtLocation(tree, path) ?? tree))));
      if (field === 'archived') return at(path, l10n.t('"archived" must be a date such as "2026-01-31T12:00:00Z", or null.'));
      return at(path, l10n.t('"{0}" has a value that is not allowed.', field));
    case 'maxLength':
      if (path[0] === 'tags') return at(path, l10n.t('Each tag must have between {0} and {1} characters.', LIMITS.tagMinLength, LIMITS.tagMaxLength));
      return at(path, l10n.t('"{0}" is too long: {1} characters at most.', field, Number(error.params.limit)));
    case 'minLength':
      return at(path, l10n.t('Each tag must have between {0} and {1} characters.', LIMITS.tagMinLength, LIMITS.tagMaxLength));
    case 'type': {
      const expected = String(error.params.type);
      if (!field) return undefined; // the root is checked before the schema
      if (path[0] === 'tags' && path.length > 1) return at(path, l10n.t('Each tag must be a text in quotes.'));
      if (path[0] === 'datasets' && path.length > 1) return at(path, l10n.t('"datasets" must list dataset ids in quotes.'));
      switch (expected) {
        case 'string':
          return at(path, l10n.t('"{0}" must be a text in quotes.', field));
        case 'array':
          return at(path, l10n.t('"{0}" must be a list: [ … ].', field));
        case 'boolean':
          return at(path, l10n.t('"{0}" must be true or false.', field));
        case 'object':
          return at(path, l10n.t('"{0}" must be an object: {…}.', field));
        default:
          return at(path, l10n.t('"archived" must be a date such as "2026-01-31T12:00:00Z", or null.'));
      }
    }
    default:
      return at(path, l10n.t('"{0}" has a value that is not allowed.', field || 'document'));
  }
}

function describeParseError(code: ParseErrorCode, l10n: Translator): string {
  switch (code) {
    case ParseErrorCode.CommaExpected:
      return l10n.t('a comma is missing');
    case ParseErrorCode.ColonExpected:
      return l10n.t('a colon is missing');
    case ParseErrorCode.PropertyNameExpected:
      return l10n.t('a key in double quotes was expected (is there a comma too many?)');
    case ParseErrorCode.ValueExpected:
      return l10n.t('a value was expected');
    case ParseErrorCode.CloseBraceExpected:
      return l10n.t('a closing brace } is missing');
    case ParseErrorCode.CloseBracketExpected:
      return l10n.t('a closing bracket ] is missing');
    case ParseErrorCode.EndOfFileExpected:
      return l10n.t('there is text after the end of the object');
    case ParseErrorCode.UnexpectedEndOfString:
      return l10n.t('a text is not closed by a double quote');
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return l10n.t('comments are not allowed');
    default:
      return l10n.t('unexpected character');
  }
}

/** The value of a parse tree node (jsonc-parser's getNodeValue, without its prototype-less objects). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) result[String(key.value)] = nodeValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return aKeys.length === bKeys.length && aKeys.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/** Places the server's per-field errors (a 400) on the keys of the saved text. */
export function locateFieldErrors(text: string, fieldErrors: Record<string, string[]>): Problem[] {
  const tree = parseTree(text, [], { disallowComments: true });
  const problems: Problem[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    let node = tree ? findNodeAtLocation(tree, [field]) : undefined;
    // "Unknown reference '<id>'": point at that id in the list when it is there.
    const id = /'([^']+)'/.exec(messages.join(' '))?.[1];
    if (node && id && node.type === 'array') node = node.children?.find((child) => child.value === id) ?? node;
    const target = node ?? tree;
    const offset = target?.offset ?? 0;
    const length = target?.length ?? 1;
    const { line, column } = lineColumn(text, offset);
    problems.push({ path: [field], message: `${field}: ${messages.join(' ')}`, offset, length, line, column });
  }
  return problems;
}
