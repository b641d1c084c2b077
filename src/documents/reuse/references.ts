// Where dataset and API ids sit in a reuse document, and how one reads in a hover. Pure
// code: the editor's hover and completion providers (referenceHints.ts) ask this module
// whether the cursor is on an id of the top-level "datasets" or "dataservices" array, or
// at a place where one can be inserted, and what text range that concerns. The text is often broken while the
// user types (an unquoted word, a string without its closing quote), so positions are
// found with jsonc-parser's tolerant parser rather than JSON.parse.
import { createScanner, getLocation, parseTree, findNodeAtLocation, ScanError, type Node } from '../jsonc';
import type { Translator } from '../../util/translator';
import type { Dataservice } from '../../api/models';
import { escapeMarkdown } from '../../util/markdown';
import { isObjectId } from '../../api/ids';

/** What completion needs of each of the user's datasets: no resources, no metrics. */
export const DATASET_COMPLETION_MASK = 'id,title,slug,page,private,archived,organization{id,name}';

/** The two lists of ids a reuse document holds: the datasets and the APIs it uses. */
export type ReferenceList = 'datasets' | 'dataservices';
const REFERENCE_LISTS: readonly string[] = ['datasets', 'dataservices'] satisfies ReferenceList[];

/** An id under the cursor: the string's range includes its quotes. */
export interface ReferenceAt {
  list: ReferenceList;
  id: string;
  start: number;
  end: number;
}

/** A place in the "datasets" or "dataservices" array where completion may insert an id. */
export interface CompletionPlace {
  list: ReferenceList;
  /** The range the chosen item replaces (offsets in the text). */
  start: number;
  end: number;
  /** What the user typed between `start` and the cursor: what completion filters on. */
  typed: string;
  /** Inside a string: the id goes in bare; outside, it brings its own quotes. */
  quoted: boolean;
  /** Around the id: quotes when there were none, a comma when a value follows. */
  before: string;
  after: string;
  /** The other ids of the array, not worth offering again. */
  listed: ReadonlySet<string>;
}

export function completionText(place: Pick<CompletionPlace, 'before' | 'after'>, id: string): string {
  return place.before + id + place.after;
}

/** The list `path` (from getLocation) is an element of, if it is one of the top-level lists of ids. */
function listOf(path: ReadonlyArray<string | number>): ReferenceList | undefined {
  if (path.length !== 2 || typeof path[1] !== 'number' || typeof path[0] !== 'string') return undefined;
  return REFERENCE_LISTS.includes(path[0]) ? (path[0] as ReferenceList) : undefined;
}

/**
 * The id whose string contains the character at `offset` (as a hover position gives
 * it), or undefined when that character is anywhere else or the string is not an id.
 */
export function referenceAt(text: string, offset: number): ReferenceAt | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  const list = listOf(location.path);
  if (!list || !node || node.type !== 'string') return undefined;
  if (offset < node.offset || offset >= node.offset + node.length) return undefined;
  const id = String(node.value);
  return isObjectId(id) ? { list, id, start: node.offset, end: node.offset + node.length } : undefined;
}

/**
 * Where completion of an id applies at `offset`: inside a string of either array
 * (its whole content is replaced, so picking an item over a half-typed or wrong id
 * fixes it), or where a value may start (right after `[` or `,`, possibly over an
 * unquoted word being typed). Undefined anywhere else, e.g. right after a value that
 * lacks its comma, where an insertion would only make the JSON worse.
 */
export function referenceCompletionAt(text: string, offset: number): CompletionPlace | undefined {
  const list = listOf(getLocation(text, offset).path);
  if (!list) return undefined;
  const place = arrayItemCompletionAt(text, offset, [list]);
  return place && { ...place, list, listed: new Set([...place.listed].filter(isObjectId).map((id) => id.toLowerCase())) };
}

/** A place in an array of strings where completion may insert a value (see referenceCompletionAt). */
export type ArrayItemPlace = Omit<CompletionPlace, 'list'>;

/**
 * Where completion of a string of the array at `arrayPath` (e.g. `['spatial', 'zones']`)
 * applies at `offset`, with the other values of the array in `listed`.
 */
export function arrayItemCompletionAt(text: string, offset: number, arrayPath: readonly string[]): ArrayItemPlace | undefined {
  const location = getLocation(text, offset);
  const path = location.path;
  if (path.length !== arrayPath.length + 1 || typeof path[arrayPath.length] !== 'number' || arrayPath.some((key, index) => path[index] !== key))
    return undefined;
  const node = location.previousNode;
  const inString = node && stringContentAt(text, node, offset);
  if (node && inString) return { ...inString, listed: listedValues(text, arrayPath, node.offset) };
  // Outside any string: the word being typed, whatever the scanner made of it (an
  // unknown token, a number, `null`…), then what stands around it.
  const [start, end] = wordAround(text, offset);
  const previous = previousSignificant(text, start);
  if (previous !== '[' && previous !== ',') return undefined;
  const next = nextSignificant(text, end);
  const valueFollows = next !== undefined && next !== ']' && next !== ',';
  return {
    start,
    end,
    typed: text.slice(start, offset),
    quoted: false,
    before: '"',
    after: valueFollows ? (/\s/.test(text[end] ?? '') ? '",' : '", ') : '"',
    listed: listedValues(text, arrayPath, undefined),
  };
}

/**
 * Where completion of the string value of the property at `propertyPath` (e.g.
 * `['license']`, `['spatial', 'granularity']`) applies at `offset`: inside its string
 * (the whole content is replaced), or right after its colon, over a word being typed.
 */
export function propertyValueCompletionAt(text: string, offset: number, propertyPath: readonly string[]): Omit<ArrayItemPlace, 'listed'> | undefined {
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey || location.path.length !== propertyPath.length || propertyPath.some((key, index) => location.path[index] !== key))
    return undefined;
  const node = location.previousNode;
  if (node?.type === 'string' && offset > node.offset) return stringContentAt(text, node, offset);
  const [start, end] = wordAround(text, offset);
  if (previousSignificant(text, start) !== ':') return undefined;
  const next = nextSignificant(text, end);
  const valueFollows = next !== undefined && next !== '}' && next !== ',';
  return { start, end, typed: text.slice(start, offset), quoted: false, before: '"', after: valueFollows ? '",' : '"' };
}

/**
 * The content of the string `node` when `offset` is inside it (its whole content is
 * replaced, so picking an item over a half-typed or wrong value fixes it); a string
 * not closed yet gets its closing quote.
 */
function stringContentAt(text: string, node: Node, offset: number): Omit<ArrayItemPlace, 'listed'> | undefined {
  if (node.type !== 'string' || offset <= node.offset) return undefined;
  const unterminated = isUnterminatedString(text, node.offset);
  const contentEnd = unterminated ? node.offset + node.length : node.offset + node.length - 1;
  if (offset > contentEnd) return undefined;
  return { start: node.offset + 1, end: contentEnd, typed: text.slice(node.offset + 1, offset), quoted: true, before: '', after: unterminated ? '"' : '' };
}

const WORD_CHAR = /[A-Za-z0-9_.+-]/;

/** The word being typed around `offset` (possibly empty): where it starts and ends. */
function wordAround(text: string, offset: number): [start: number, end: number] {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  return [start, end];
}

function previousSignificant(text: string, from: number): string | undefined {
  for (let i = from - 1; i >= 0; i--) if (!/\s/.test(text[i])) return text[i];
  return undefined;
}

function nextSignificant(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) if (!/\s/.test(text[i])) return text[i];
  return undefined;
}

function isUnterminatedString(text: string, offset: number): boolean {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  scanner.scan();
  return scanner.getTokenError() === ScanError.UnexpectedEndOfString;
}

/** The strings of the array, but for the one at `exceptOffset` (the one being edited). */
function listedValues(text: string, arrayPath: readonly string[], exceptOffset: number | undefined): Set<string> {
  const values = new Set<string>();
  const root = parseTree(text);
  const array: Node | undefined = root && findNodeAtLocation(root, [...arrayPath]);
  if (array?.type !== 'array') return values;
  for (const child of array.children ?? []) {
    if (child.type === 'string' && child.offset !== exceptOffset && typeof child.value === 'string') values.add(child.value);
  }
  return values;
}

// ---- hover text ------------------------------------------------------------------

/**
 * What a hover shows of a dataset or an API, whatever the names of its fields on the
 * server (a dataset's `page` and `deleted`, an API's `self_web_url` and `deleted_at`).
 */
export interface ReferenceSummary {
  id: string;
  title?: string;
  page?: string;
  private?: boolean;
  archived?: string | null;
  deleted?: string | null;
  organization?: { name?: string } | null;
}

/** An API answered with DATASERVICE_SUMMARY_MASK. */
export function dataserviceSummary(api: Dataservice): ReferenceSummary {
  return {
    id: api.id,
    title: api.title,
    page: api.self_web_url,
    private: api.private,
    archived: api.archived_at,
    deleted: api.deleted_at,
    organization: api.organization,
  };
}

/** What the hover and completion say, per list (literal strings, for the l10n bundle). */
function wording(list: ReferenceList, l10n: Translator) {
  return list === 'datasets'
    ? {
        untitled: () => l10n.t('Untitled dataset'),
        unknown: () => l10n.t('Unknown dataset: data.gouv.fr has no dataset with this id.'),
        deleted: () => l10n.t('Deleted dataset: it was deleted on data.gouv.fr. Remove its id from the list, or restore the dataset there.'),
        failed: (reason: string) => l10n.t('The dataset could not be loaded: {0}', reason),
      }
    : {
        untitled: () => l10n.t('Untitled API'),
        unknown: () => l10n.t('Unknown API: data.gouv.fr has no API with this id, or it is private.'),
        deleted: () => l10n.t('Deleted API: it was deleted on data.gouv.fr. Remove its id from the list.'),
        failed: (reason: string) => l10n.t('The API could not be loaded: {0}', reason),
      };
}

export function untitled(list: ReferenceList, l10n: Translator): string {
  return wording(list, l10n).untitled();
}

/**
 * The hover of an id: its title, its organization, its state when it is not plainly
 * public, and a link to its page. Everything that comes from the server is escaped: a
 * title is text, never Markdown or a link.
 */
export function referenceHoverMarkdown(list: ReferenceList, item: ReferenceSummary, l10n: Translator): string {
  const title = item.title?.trim() || untitled(list, l10n);
  const lines = [`**${escapeMarkdown(title)}**`];
  const about: string[] = [];
  const organization = item.organization?.name?.trim();
  if (organization) about.push(escapeMarkdown(organization));
  for (const marker of referenceMarkers(item, l10n)) about.push(`*${escapeMarkdown(marker)}*`);
  if (about.length) lines.push(about.join(' · '));
  const link = safeLink(item.page);
  if (link) lines.push(`[${escapeMarkdown(l10n.t('Open on data.gouv.fr'))}](${link})`);
  return lines.join('\n\n');
}

/** The hover of an id the server does not know (404): said plainly rather than nothing. */
export function unknownReferenceMarkdown(list: ReferenceList, id: string, l10n: Translator): string {
  return factAboutId(wording(list, l10n).unknown(), id);
}

/** The hover of a deleted dataset or API (410): a fact about it, not an error. */
export function deletedReferenceMarkdown(list: ReferenceList, id: string, l10n: Translator): string {
  return factAboutId(wording(list, l10n).deleted(), id);
}

/** A sentence about an id, then the id as code (without backquotes, which would end it). */
function factAboutId(sentence: string, id: string): string {
  return `${escapeMarkdown(sentence)}\n\n\`${id.replace(/`/g, '')}\``;
}

/** The hover when the item could not be loaded (offline, timeout…): the reason. */
export function referenceErrorMarkdown(list: ReferenceList, reason: string, l10n: Translator): string {
  return escapeMarkdown(wording(list, l10n).failed(reason));
}

export function referenceMarkers(item: Pick<ReferenceSummary, 'private' | 'archived' | 'deleted'>, l10n: Translator): string[] {
  const markers: string[] = [];
  if (item.deleted) markers.push(l10n.t('Deleted'));
  if (item.archived) markers.push(l10n.t('Archived'));
  if (item.private) markers.push(l10n.t('Private'));
  return markers;
}

/** Only web pages become links (a `command:` or `javascript:` page is not followed). */
function safeLink(page: string | undefined): string | undefined {
  if (!page) return undefined;
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
