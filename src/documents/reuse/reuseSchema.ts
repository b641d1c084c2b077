// The JSON schema of the reuse document, in the language of a translator (English, or
// French from l10n/bundle.l10n.fr.json, like every other string). One source for three
// uses: the editor's completion and squiggles while typing (media/reuse.schema*.json,
// contributed through `jsonValidation`), and the validation before a save (compiled by
// Ajv into src/documents/generated/ by `npm run generate:schema`).
import type { Translator } from '../../util/translator';
import { REUSE_TOPICS, REUSE_TYPES } from '../../api/models';
import { reuseTopicLabel, reuseTypeLabel } from '../../util/enumLabels';
import { OBJECT_ID_PATTERN } from '../../api/ids';

/** Limits shared by the schema and the messages that explain them. */
export const LIMITS = {
  titleMaxLength: 350,
  descriptionMaxLength: 100_000,
  urlMaxLength: 2_000,
  tagMinLength: 3,
  tagMaxLength: 96,
};

export const DATASET_ID_PATTERN = OBJECT_ID_PATTERN;
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$';
export const HTTP_URL_PATTERN = '^https?://[^\\s/?#]+([/?#]\\S*)?$';
export const NOT_BLANK_PATTERN = '\\S';

export function buildReuseSchema(l10n: Translator): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('data.gouv.fr reuse'),
    description: l10n.t('A data.gouv.fr reuse: only the fields you may change. Save (Ctrl+S) to update it on data.gouv.fr.'),
    type: 'object',
    additionalProperties: false,
    required: ['title', 'description', 'url', 'type', 'topic'],
    properties: {
      title: { type: 'string', description: l10n.t('Title of the reuse (required).'), pattern: NOT_BLANK_PATTERN, maxLength: LIMITS.titleMaxLength },
      description: {
        type: 'string',
        description: l10n.t('Description of the reuse, in Markdown (required).'),
        pattern: NOT_BLANK_PATTERN,
        maxLength: LIMITS.descriptionMaxLength,
      },
      url: {
        type: 'string',
        description: l10n.t('Address of the reuse: an http:// or https:// URL, not used by another reuse (required).'),
        pattern: HTTP_URL_PATTERN,
        maxLength: LIMITS.urlMaxLength,
      },
      type: {
        description: l10n.t('Type of reuse (required).'),
        enum: [...REUSE_TYPES],
        enumDescriptions: REUSE_TYPES.map((id) => reuseTypeLabel(id, l10n) ?? id),
      },
      topic: {
        description: l10n.t('Topic of the reuse (required).'),
        enum: [...REUSE_TOPICS],
        enumDescriptions: REUSE_TOPICS.map((id) => reuseTopicLabel(id, l10n) ?? id),
      },
      tags: {
        type: 'array',
        description: l10n.t('Keywords. data.gouv.fr turns them into lower-case slugs, removes duplicates and sorts them.'),
        items: { type: 'string', description: l10n.t('A keyword, 3 to 96 characters.'), minLength: LIMITS.tagMinLength, maxLength: LIMITS.tagMaxLength },
      },
      datasets: {
        type: 'array',
        description: l10n.t('Ids of the datasets this reuse uses.'),
        items: { type: 'string', description: l10n.t('A dataset id (24 hexadecimal characters).'), pattern: DATASET_ID_PATTERN },
      },
      dataservices: {
        type: 'array',
        description: l10n.t('Ids of the APIs (data.gouv.fr dataservices) this reuse uses.'),
        items: { type: 'string', description: l10n.t('An API id (24 hexadecimal characters).'), pattern: OBJECT_ID_PATTERN },
      },
      private: { type: 'boolean', description: l10n.t('true: only you and your organization see the reuse.') },
      archived: {
        type: ['string', 'null'],
        description: l10n.t('Date of archiving (ISO 8601), or null when the reuse is not archived.'),
        pattern: DATE_TIME_PATTERN,
      },
      extras: { type: 'object', description: l10n.t('Extra metadata (an object).') },
    },
  };
}
