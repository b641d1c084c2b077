// Where dataset ids sit in a reuse document, and how one reads in a hover. Pure code:
// the editor's hover and completion providers (datasetHints.ts) ask this module whether
// the cursor is on an id of the top-level "datasets" array, or at a place where one can
// be inserted, and what text range that concerns. The text is often broken while the
// user types (an unquoted word, a string without its closing quote), so positions are
// found with jsonc-parser's tolerant parser rather than JSON.parse.
import { createScanner, getLocation, parseTree, findNodeAtLocation, ScanError, type Node } from 'jsonc-parser';
import type { Translator } from '../../util/translator';
import type { Dataset } from '../../api/models';
import { escapeMarkdown } from '../../util/markdown';
import { isObjectId } from '../../api/ids';

/** What completion needs of each of the user's datasets: no resources, no metrics. */
export const DATASET_COMPLETION_MASK = 'id,title,slug,page,private,archived,organization{id,name}';

export function isDatasetId(value: string): boolean {
  return isObjectId(value);
}

/** A dataset id under the cursor: the string's range includes its quotes. */
export interface DatasetIdAt {
  id: string;
  start: number;
  end: number;
}

/** A place in the "datasets" array where completion may insert an id. */
export interface DatasetCompletionPlace {
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

export function completionText(place: DatasetCompletionPlace, id: string): string {
  return place.before + id + place.after;
}

/** Is `path` (from getLocation) an element of the top-level "datasets" array? */
function isDatasetsElement(path: ReadonlyArray<string | number>): boolean {
  return path.length === 2 && path[0] === 'datasets' && typeof path[1] === 'number';
}

/**
 * The dataset id whose string contains the character at `offset` (as a hover position
 * gives it), or undefined when that character is anywhere else or the string is not an id.
 */
export function datasetIdAt(text: string, offset: number): DatasetIdAt | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (!isDatasetsElement(location.path) || !node || node.type !== 'string') return undefined;
  if (offset < node.offset || offset >= node.offset + node.length) return undefined;
  const id = String(node.value);
  return isDatasetId(id) ? { id, start: node.offset, end: node.offset + node.length } : undefined;
}

/**
 * Where completion of a dataset id applies at `offset`: inside a string of the array
 * (its whole content is replaced, so picking an item over a half-typed or wrong id
 * fixes it), or where a value may start (right after `[` or `,`, possibly over an
 * unquoted word being typed). Undefined anywhere else, e.g. right after a value that
 * lacks its comma, where an insertion would only make the JSON worse.
 */
export function datasetCompletionAt(text: string, offset: number): DatasetCompletionPlace | undefined {
  const location = getLocation(text, offset);
  if (!isDatasetsElement(location.path)) return undefined;
  const node = location.previousNode;
  if (node && node.type === 'string' && offset > node.offset) {
    const unterminated = isUnterminatedString(text, node.offset);
    const contentEnd = unterminated ? node.offset + node.length : node.offset + node.length - 1;
    if (offset <= contentEnd) {
      return {
        start: node.offset + 1,
        end: contentEnd,
        typed: text.slice(node.offset + 1, offset),
        quoted: true,
        before: '',
        after: unterminated ? '"' : '',
        listed: listedIds(text, node.offset),
      };
    }
  }
  // Outside any string: the word being typed, whatever the scanner made of it (an
  // unknown token, a number, `null`…), then what stands around it.
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
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
    listed: listedIds(text, undefined),
  };
}

const WORD_CHAR = /[A-Za-z0-9_.+-]/;

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

/** The ids of the "datasets" array, but for the string at `exceptOffset` (the one being edited). */
function listedIds(text: string, exceptOffset: number | undefined): Set<string> {
  const ids = new Set<string>();
  const root = parseTree(text);
  const array: Node | undefined = root && findNodeAtLocation(root, ['datasets']);
  if (array?.type !== 'array') return ids;
  for (const child of array.children ?? []) {
    if (child.type === 'string' && child.offset !== exceptOffset && typeof child.value === 'string' && isDatasetId(child.value)) {
      ids.add(child.value.toLowerCase());
    }
  }
  return ids;
}

// ---- hover text ------------------------------------------------------------------

/** What the hover shows of a dataset: the fields of DATASET_SUMMARY_MASK. */
export type DatasetSummary = Pick<Dataset, 'id' | 'title' | 'page' | 'private' | 'archived' | 'deleted' | 'organization'>;

/**
 * The hover of a dataset id: its title, its organization, its state when it is not
 * plainly public, and a link to its page. Everything that comes from the server is
 * escaped: a title is text, never Markdown or a link.
 */
export function datasetHoverMarkdown(dataset: DatasetSummary, l10n: Translator): string {
  const title = dataset.title?.trim() || l10n.t('Untitled dataset');
  const lines = [`**${escapeMarkdown(title)}**`];
  const about: string[] = [];
  const organization = dataset.organization?.name?.trim();
  if (organization) about.push(escapeMarkdown(organization));
  for (const marker of datasetMarkers(dataset, l10n)) about.push(`*${escapeMarkdown(marker)}*`);
  if (about.length) lines.push(about.join(' · '));
  const link = safeLink(dataset.page);
  if (link) lines.push(`[${escapeMarkdown(l10n.t('Open on data.gouv.fr'))}](${link})`);
  return lines.join('\n\n');
}

/** The hover of an id the server does not know (404): said plainly rather than nothing. */
export function unknownDatasetMarkdown(id: string, l10n: Translator): string {
  return `${escapeMarkdown(l10n.t('Unknown dataset: data.gouv.fr has no dataset with this id.'))}\n\n\`${id.replace(/`/g, '')}\``;
}

/** The hover of a deleted dataset (410): a fact about it, not an error. */
export function deletedDatasetMarkdown(id: string, l10n: Translator): string {
  return `${escapeMarkdown(l10n.t('Deleted dataset: it was deleted on data.gouv.fr. Remove its id from the list, or restore the dataset there.'))}\n\n\`${id.replace(/`/g, '')}\``;
}

/** The hover when the dataset could not be loaded (offline, timeout…): the reason. */
export function datasetErrorMarkdown(reason: string, l10n: Translator): string {
  return escapeMarkdown(l10n.t('The dataset could not be loaded: {0}', reason));
}

export function datasetMarkers(dataset: Pick<Dataset, 'private' | 'archived' | 'deleted'>, l10n: Translator): string[] {
  const markers: string[] = [];
  if (dataset.deleted) markers.push(l10n.t('Deleted'));
  if (dataset.archived) markers.push(l10n.t('Archived'));
  if (dataset.private) markers.push(l10n.t('Private'));
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
