// Dates, sizes, percentages and counts as the views show them, in the UI's locale.
// Pure code (no vscode): the formatters are cached per locale, because building an
// Intl formatter costs far more than using one and the datasets view formats
// thousands of values.
import type { Translator } from '../util/translator';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();
const sizeFormats = new Map<string, Intl.NumberFormat>();

/** The formatter (or collator) of a locale, made once; English when the locale tag is unknown. */
export function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let value = cache.get(locale);
  if (!value) {
    try {
      value = make(locale);
    } catch {
      // An unknown locale tag (RangeError): fall back to English rather than fail a view.
      value = make('en');
    }
    cache.set(locale, value);
  }
  return value;
}

/** `2026-11-18T09:30:00Z` → `18 Nov 2026` (en) / `18 nov. 2026` (fr); undefined for no or bad dates. */
export function formatDate(iso: string | null | undefined, locale: string): string | undefined {
  return formatTime(iso, locale, dateFormats, { dateStyle: 'medium' });
}

/** Date and time, for tooltips. */
export function formatDateTime(iso: string | null | undefined, locale: string): string | undefined {
  return formatTime(iso, locale, dateTimeFormats, { dateStyle: 'medium', timeStyle: 'short' });
}

function formatTime(
  iso: string | null | undefined,
  locale: string,
  cache: Map<string, Intl.DateTimeFormat>,
  options: Intl.DateTimeFormatOptions,
): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return cached(cache, locale, (l) => new Intl.DateTimeFormat(l, options)).format(time);
}

export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, (l) => new Intl.NumberFormat(l)).format(value);
}

/** A quality score of 0–1 as a whole percentage; undefined when the API sent none. */
export function formatScore(score: number | null | undefined, locale: string): string | undefined {
  if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  return cached(percentFormats, locale, (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(score);
}

/** A file size in bytes, with decimal units (kB, MB, GB as data.gouv.fr shows them). */
export function formatBytes(bytes: number | null | undefined, locale: string, l10n: Translator): string | undefined {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return undefined;
  const format = (value: number) => cached(sizeFormats, locale, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })).format(value);
  if (bytes < 1_000) return l10n.t('{0} B', format(bytes));
  if (bytes < 1_000_000) return l10n.t('{0} kB', format(bytes / 1_000));
  if (bytes < 1_000_000_000) return l10n.t('{0} MB', format(bytes / 1_000_000));
  return l10n.t('{0} GB', format(bytes / 1_000_000_000));
}

/** The first lines of a Markdown description as plain text, at most `maxChars` long. */
export function excerpt(text: string | null | undefined, maxLines = 3, maxChars = 280): string | undefined {
  if (!text) return undefined;
  const all = text.split(/\r?\n/);
  const lines = all
    .map((line) => stripMarkdown(line).trim())
    .filter(Boolean)
    .slice(0, maxLines);
  if (!lines.length) return undefined;
  let result = lines.join('\n');
  const cut = result.length > maxChars || all.filter((line) => line.trim()).length > maxLines;
  if (result.length > maxChars) result = result.slice(0, maxChars).replace(/\s+\S*$/, '');
  return cut ? `${result}…` : result;
}

/** Removes the Markdown markup that would read oddly as plain text (links keep their text). */
function stripMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links
    .replace(/<[^>]+>/g, '') // html tags
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)/, '') // headings, quotes, list bullets
    .replace(/(\*\*|__|~~|`)/g, ''); // bold, strike-through, code (single * and _ stay: snake_case)
}

/** A person's name as the extension shows it: first and last names; empty when the answer has neither. */
export function personName(person: { first_name?: string | null; last_name?: string | null } | null | undefined): string {
  return [person?.first_name, person?.last_name].filter(Boolean).join(' ');
}
