// The wording of schema errors on fields that several documents have alike: a reuse's
// and a dataset's `tags` and `archived`, a reuse's and a resource's `url`. Written once,
// so that the same mistake reads the same in every document. Pure code.
import type { Translator } from '../util/translator';
import type { SchemaError } from './schemaCheck';

/** The tag lengths a document's schema allows, for the message that explains them. */
export interface TagLimits {
  tagMinLength: number;
  tagMaxLength: number;
}

/** A message better than the generic one for an error on a shared field, or undefined. `tagLimits`: for a document with tags. */
export function describeSharedField(error: SchemaError, path: ReadonlyArray<string | number>, l10n: Translator, tagLimits?: TagLimits): string | undefined {
  const [field] = path;
  const { keyword } = error;
  if (field === 'archived' && (keyword === 'pattern' || keyword === 'type')) {
    return l10n.t('"archived" must be a date such as "2026-01-31T12:00:00Z", or null.');
  }
  if (tagLimits && field === 'tags' && (keyword === 'minLength' || keyword === 'maxLength')) {
    return l10n.t('Each tag must have between {0} and {1} characters.', tagLimits.tagMinLength, tagLimits.tagMaxLength);
  }
  if (field === 'tags' && keyword === 'type' && path.length > 1) return l10n.t('Each tag must be a text in quotes.');
  if (field === 'url' && keyword === 'pattern') return l10n.t('"url" must be a web address starting with http:// or https://.');
  return undefined;
}
