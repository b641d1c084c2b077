// The JSON schema of the profile document (`datagouv:/me/profile.json`), in the language of a
// translator, for the editor and, compiled by scripts/generate-schema.ts, for the checks.
import type { Translator } from '../../util/translator';
import { HTTP_URL_PATTERN, NOT_BLANK_PATTERN } from '../reuse/reuseSchema';

export function buildProfileSchema(l10n: Translator): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('data.gouv.fr profile'),
    description: l10n.t('Your data.gouv.fr profile: the fields you may change. Save (Ctrl+S) to update it.'),
    type: 'object',
    additionalProperties: false,
    required: ['first_name', 'last_name'],
    properties: {
      first_name: { type: 'string', description: l10n.t('First name (required).'), pattern: NOT_BLANK_PATTERN, maxLength: 255 },
      last_name: { type: 'string', description: l10n.t('Last name (required).'), pattern: NOT_BLANK_PATTERN, maxLength: 255 },
      about: { type: 'string', description: l10n.t('A few words about you, in Markdown.'), maxLength: 10_000 },
      website: {
        type: 'string',
        description: l10n.t('Your website: an http:// or https:// URL, or empty.'),
        pattern: `^$|${HTTP_URL_PATTERN}`,
        maxLength: 2_000,
      },
    },
  };
}
