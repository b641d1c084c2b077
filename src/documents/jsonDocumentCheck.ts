// The checks every editable document (a reuse, the profile) passes before a save:
// JSON parsed with positions (a syntax error names its line and column), no duplicate
// keys, the document's JSON schema (schemaCheck.ts), and the patch of changed fields
// against what was loaded. Pure code; the translator is passed in.
import { findNodeAtLocation, parseTree, type Node, type ParseError, ParseErrorCode } from './jsonc';
import type { Translator } from '../util/translator';
import { byValue } from '../util/byValue';
import { NOT_BLANK_PATTERN } from './reuse/reuseSchema';
import type { SchemaError, SchemaValidator } from './schemaCheck';

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

export interface DocumentSpec {
  /** The editable keys, in the order of the document. */
  keys: readonly string[];
  validate: SchemaValidator;
  /** Keys of the API object that the API would silently ignore if sent. */
  readOnlyKeys: ReadonlySet<string>;
  /** Rules a JSON schema cannot say well: problems on fields of a schema-valid document. */
  rules?(value: Record<string, unknown>, l10n: Translator): Array<{ field: string; message: string }>;
  /** A message better than the generic one for a schema error, or undefined. */
  describe?(error: SchemaError, path: Array<string | number>, value: Record<string, unknown>, l10n: Translator): string | undefined;
}

/** The document as the editor shows it: its keys in their fixed order, 2-space JSON, a final newline. */
export function renderJsonDocument(keys: readonly string[], document: object): string {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) ordered[key] = (document as Record<string, unknown>)[key];
  return JSON.stringify(ordered, null, 2) + '\n';
}

export type DocumentCheck<D> = { ok: true; document: D; patch: Partial<D> } | { ok: false; problems: Problem[] };

/** Deeper than this, a document is refused before parsing (the parser recurses). */
export const MAX_DEPTH = 64;
/** At most this many problems are listed (a pasted file can have thousands). */
export const MAX_PROBLEMS = 100;

export function checkJsonDocument<D extends object>(text: string, base: D, spec: DocumentSpec, l10n: Translator): DocumentCheck<D> {
  const lines = lineIndex(text);
  const locate = (offset: number, length: number, path: Array<string | number>, message: string): Problem => {
    const { line, column } = lines.at(offset);
    return { path, message, offset, length, line, column };
  };
  /** The whole document refused for one problem. */
  const refuse = (offset: number, length: number, message: string): DocumentCheck<D> => ({ ok: false, problems: [locate(offset, length, [], message)] });
  const tooDeep = depthBeyond(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    const message = l10n.t('The document is nested more than {0} levels deep: a data.gouv.fr document never is. Remove the extra brackets.', MAX_DEPTH);
    return refuse(tooDeep, 1, message);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const first = errors[0] ?? { error: ParseErrorCode.ValueExpected, offset: 0, length: 0 };
    const { line, column } = lines.at(first.offset);
    const message = l10n.t('The document is not valid JSON: {0} at line {1}, column {2}.', describeParseError(first.error, l10n), line, column);
    return refuse(first.offset, Math.max(first.length, 1), message);
  }
  if (tree.type !== 'object') {
    const message = l10n.t('The document must be a JSON object like the one that was opened ({ "title": … }), not a list, a text or a number.');
    return refuse(tree.offset, tree.length, message);
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
  problems.push(...unsendableValues(tree, text, l10n, locate));

  const value = nodeValue(tree) as Record<string, unknown>;
  if (!problems.length && !spec.validate(value)) {
    const messages = new Set<string>();
    for (const error of spec.validate.errors ?? []) {
      if (problems.length >= MAX_PROBLEMS) break;
      const problem = schemaProblem(error, value, tree, spec, l10n, locate);
      if (problem && !messages.has(problem.message)) {
        messages.add(problem.message);
        problems.push(problem);
      }
    }
  }
  if (!problems.length && spec.rules) {
    for (const { field, message } of spec.rules(value, l10n)) {
      const node = findNodeAtLocation(tree, [field]) ?? tree;
      problems.push(locate(node.offset, node.length, [field], message));
    }
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };

  const patch: Record<string, unknown> = {};
  for (const key of spec.keys) {
    if (key in value && !sameJson(value[key], (base as Record<string, unknown>)[key])) patch[key] = value[key];
  }
  return { ok: true, document: { ...base, ...value } as D, patch: patch as Partial<D> };
}

function schemaProblem(
  error: SchemaError,
  value: Record<string, unknown>,
  tree: Node,
  spec: DocumentSpec,
  l10n: Translator,
  locate: (offset: number, length: number, path: Array<string | number>, message: string) => Problem,
): Problem | undefined {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const field = path.map(String).join('.');
  const at = (nodePath: Array<string | number>, message: string, keyOnly = false): Problem => {
    const node = findNodeAtLocation(tree, nodePath) ?? tree;
    const target = keyOnly && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
    return locate(target.offset, target.length, nodePath, message);
  };
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const message =
      spec.describe?.(error, [...path, key], value, l10n) ??
      (spec.readOnlyKeys.has(key)
        ? l10n.t('"{0}" cannot be changed here: data.gouv.fr would ignore it without saying so. Remove this key.', key)
        : l10n.t('"{0}" is not a field that can be edited here (editable: {1}). Remove this key.', key, spec.keys.join(', ')));
    return at([...path, key], message, true);
  }
  if (error.keyword === 'required') {
    const key = String(error.params.missingProperty);
    return locate(tree.offset, 1, [key], l10n.t('"{0}" is missing: add it back.', key));
  }
  if (error.keyword === 'type' && !path.length) return undefined; // the root is checked before the schema
  // A document's own wording first (an empty one counts as none).
  return at(path, spec.describe?.(error, path, value, l10n) || genericMessage(error, field, l10n));
}

/** The message for a schema error that no document words better; `field` is its dotted path. */
function genericMessage(error: SchemaError, field: string, l10n: Translator): string {
  switch (error.keyword) {
    case 'enum':
      return l10n.t('"{0}" must be one of: {1}.', field, ((error.params.allowedValues as unknown[]) ?? []).join(', '));
    case 'pattern':
      if (error.params.pattern === NOT_BLANK_PATTERN) return l10n.t('"{0}" must not be blank.', field);
      break;
    case 'maxLength':
      return l10n.t('"{0}" is too long: {1} characters at most.', field, Number(error.params.limit));
    case 'minLength':
      return l10n.t('"{0}" is too short: {1} characters at least.', field, Number(error.params.limit));
    case 'type': {
      // Looked up in the order of the types (byValue): shorter in the bundle than a switch.
      const typeMessage = byValue(String(error.params.type), ['string', 'array', 'boolean', 'object'] as const, [
        l10n.t('"{0}" must be a text in quotes.', field),
        l10n.t('"{0}" must be a list: [ … ].', field),
        l10n.t('"{0}" must be true or false.', field),
        l10n.t('"{0}" must be an object: {…}.', field),
      ]);
      if (typeMessage) return typeMessage;
    }
  }
  return l10n.t('"{0}" has a value that is not allowed.', field);
}

function describeParseError(code: ParseError['error'], l10n: Translator): string {
  const comments = l10n.t('comments are not allowed');
  // A table rather than a switch: shorter in the bundle (numeric keys: nothing inherited can match).
  const described: Partial<Record<ParseError['error'], string>> = {
    [ParseErrorCode.CommaExpected]: l10n.t('a comma is missing'),
    [ParseErrorCode.ColonExpected]: l10n.t('a colon is missing'),
    [ParseErrorCode.PropertyNameExpected]: l10n.t('a key in double quotes was expected (is there a comma too many?)'),
    [ParseErrorCode.ValueExpected]: l10n.t('a value was expected'),
    [ParseErrorCode.CloseBraceExpected]: l10n.t('a closing brace } is missing'),
    [ParseErrorCode.CloseBracketExpected]: l10n.t('a closing bracket ] is missing'),
    [ParseErrorCode.EndOfFileExpected]: l10n.t('there is text after the end of the object'),
    [ParseErrorCode.UnexpectedEndOfString]: l10n.t('a text is not closed by a double quote'),
    [ParseErrorCode.InvalidCommentToken]: comments,
    [ParseErrorCode.UnexpectedEndOfComment]: comments,
  };
  return described[code] ?? l10n.t('unexpected character');
}

/** The value of a parse tree node, as plain objects (the last of duplicate keys wins, as in JSON.parse). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // defineProperty: a key such as `__proto__` stays a plain key (unsendableValues refuses it).
        if (key && value) Object.defineProperty(result, String(key.value), { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The starts of the lines of a text, read once: each position is then a binary search. */
function lineIndex(text: string): { at(offset: number): { line: number; column: number } } {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return {
    at(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: offset - starts[low] + 1 };
    },
  };
}

/** Where brackets nest deeper than `limit` (outside strings), or undefined. */
function depthBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92)
        index++; // a backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > limit) return index;
    } else if (code === 125 || code === 93) depth--;
  }
  return undefined;
}

/**
 * Values JSON can hold but that would not reach data.gouv.fr as written: numbers a
 * float cannot carry exactly (beyond 2^53, or overflowing to Infinity), and keys that
 * JavaScript objects treat specially (`__proto__`).
 */
function unsendableValues(
  tree: Node,
  text: string,
  l10n: Translator,
  locate: (offset: number, length: number, path: Array<string | number>, message: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  const stack: Node[] = [tree];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const node = stack.pop() as Node;
    if (node.type === 'property' && node.children?.[0]?.value === '__proto__') {
      const key = node.children[0];
      problems.push(locate(key.offset, key.length, [], l10n.t('"__proto__" cannot be used as a key: rename it.')));
    }
    if (node.type === 'number') {
      const written = text.slice(node.offset, node.offset + node.length);
      const value = Number(written);
      const unsafeInteger = /^-?\d+$/.test(written) && !Number.isSafeInteger(value);
      if (!Number.isFinite(value) || unsafeInteger) {
        problems.push(
          locate(
            node.offset,
            node.length,
            [],
            l10n.t('The number {0} cannot be sent exactly (it would become {1}). Write it as a text in quotes.', written, String(value)),
          ),
        );
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return problems;
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
  const lines = lineIndex(text);
  const problems: Problem[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    let node = tree ? findNodeAtLocation(tree, [field]) : undefined;
    // "Unknown reference '<id>'": point at that id in the list when it is there.
    const id = /'([^']+)'/.exec(messages.join(' '))?.[1];
    if (node && id && node.type === 'array') node = node.children?.find((child) => child.value === id) ?? node;
    const target = node ?? tree;
    const offset = target?.offset ?? 0;
    const length = target?.length ?? 1;
    const { line, column } = lines.at(offset);
    problems.push({ path: [field], message: `${field}: ${messages.join(' ')}`, offset, length, line, column });
  }
  return problems;
}
