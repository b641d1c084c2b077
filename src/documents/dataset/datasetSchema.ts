// The JSON schema of the dataset document, in the language of a translator. One source
// for the editor's squiggles and hovers (media/dataset.schema*.json, contributed through
// `jsonValidation`) and the validation before a save (compiled by Ajv), both written by
// `npm run generate:schema`. The platform's own lists (licenses, update frequencies,
// spatial granularities: `GET /datasets/licenses/`…) are not in the files: the
// extension's completion offers them (choiceHints.ts) and the document's rules check
// them once loaded; `buildDatasetSchema(l10n, choices)` puts them in for tests and tools.
import type { Translator } from '../../util/translator';
import type { Choice, Granularity, License } from '../../api/models';
import { OBJECT_ID_PATTERN } from '../../api/ids';
import { DATE_TIME_PATTERN, NOT_BLANK_PATTERN } from '../reuse/reuseSchema';

/** udata/core/dataset/constants.py and forms.py. */
export const DATASET_LIMITS = {
  titleMaxLength: 350,
  acronymMaxLength: 128,
  descriptionMaxLength: 100_000,
  descriptionShortMaxLength: 200,
  tagMinLength: 3,
  tagMaxLength: 96,
};

/**
 * udata's UpdateFrequency ids (udata/core/dataset/constants.py), in its order: what a
 * document may say when the platform's own list could not be loaded.
 */
export const UPDATE_FREQUENCIES = [
  'continuous',
  'oneMinute',
  'fiveMinutes',
  'tenMinutes',
  'fifteenMinutes',
  'thirtyMinutes',
  'hourly',
  'bihourly',
  'trihourly',
  'twelveHours',
  'severalTimesADay',
  'threeTimesADay',
  'semidaily',
  'daily',
  'fiveTimesAWeek',
  'threeTimesAWeek',
  'semiweekly',
  'weekly',
  'biweekly',
  'threeTimesAMonth',
  'semimonthly',
  'monthly',
  'bimonthly',
  'quarterly',
  'threeTimesAYear',
  'semiannual',
  'annual',
  'biennial',
  'triennial',
  'quadrennial',
  'quinquennial',
  'decennial',
  'bidecennial',
  'tridecennial',
  'punctual',
  'irregular',
  'never',
  'notPlanned',
  'other',
  'unknown',
] as const;

/** What the platform offers; any part may be missing (not loaded yet, or failed). */
export interface DatasetChoices {
  licenses?: readonly License[];
  frequencies?: readonly Choice[];
  granularities?: readonly Granularity[];
}

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const GEOID_PATTERN = '^\\S+:\\S+$';

export function buildDatasetSchema(l10n: Translator, choices: DatasetChoices = {}, options: { forEditor?: boolean } = {}): Record<string, unknown> {
  const license: Record<string, unknown> = {
    type: 'string',
    description: l10n.t("Id of the license (see data.gouv.fr's list of licenses)."),
    pattern: NOT_BLANK_PATTERN,
  };
  if (choices.licenses?.length) {
    license.enum = choices.licenses.map((item) => item.id);
    license.enumDescriptions = choices.licenses.map((item) => item.title);
  }
  const frequency: Record<string, unknown> = { description: l10n.t('How often the data is updated.') };
  if (choices.frequencies?.length) {
    frequency.enum = choices.frequencies.map((item) => item.id);
    frequency.enumDescriptions = choices.frequencies.map((item) => item.label);
  } else if (options.forEditor) {
    // The editor's completion offers the platform's frequencies, labelled: not twice.
    frequency.type = 'string';
  } else {
    frequency.enum = [...UPDATE_FREQUENCIES];
  }
  const granularity: Record<string, unknown> = { type: 'string', description: l10n.t('The finest level of detail of the data (e.g. fr:commune).') };
  if (choices.granularities?.length) {
    granularity.enum = choices.granularities.map((item) => item.id);
    granularity.enumDescriptions = choices.granularities.map((item) => item.name);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('data.gouv.fr dataset'),
    description: l10n.t(
      'A data.gouv.fr dataset: only the fields you may change. Its resources are documents of their own. Save (Ctrl+S) to update it on data.gouv.fr.',
    ),
    type: 'object',
    additionalProperties: false,
    required: ['title', 'description', 'tags', 'license', 'frequency', 'temporal_coverage', 'spatial', 'private', 'archived', 'contact_points', 'extras'],
    properties: {
      title: {
        type: 'string',
        description: l10n.t('Title of the dataset (required).'),
        pattern: NOT_BLANK_PATTERN,
        maxLength: DATASET_LIMITS.titleMaxLength,
      },
      acronym: { type: ['string', 'null'], description: l10n.t('Acronym of the dataset, or null.'), maxLength: DATASET_LIMITS.acronymMaxLength },
      description_short: {
        type: ['string', 'null'],
        description: l10n.t('A short description (200 characters at most), shown in lists.'),
        maxLength: DATASET_LIMITS.descriptionShortMaxLength,
      },
      description: {
        type: 'string',
        description: l10n.t('Description of the dataset, in Markdown (required).'),
        pattern: NOT_BLANK_PATTERN,
        maxLength: DATASET_LIMITS.descriptionMaxLength,
      },
      tags: {
        type: 'array',
        description: l10n.t('Keywords. data.gouv.fr turns them into lower-case slugs, removes duplicates and sorts them.'),
        items: {
          type: 'string',
          description: l10n.t('A keyword, 3 to 96 characters.'),
          minLength: DATASET_LIMITS.tagMinLength,
          maxLength: DATASET_LIMITS.tagMaxLength,
        },
      },
      license,
      frequency,
      temporal_coverage: {
        type: ['object', 'null'],
        description: l10n.t('The period the data covers: {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD" or null}, or null.'),
        additionalProperties: false,
        required: ['start'],
        properties: {
          start: { type: 'string', description: l10n.t('First day covered (YYYY-MM-DD).'), pattern: DATE_PATTERN },
          end: { type: ['string', 'null'], description: l10n.t('Last day covered (YYYY-MM-DD), or null while it goes on.'), pattern: DATE_PATTERN },
        },
      },
      spatial: {
        type: 'object',
        description: l10n.t('Where the data applies: zones (ids such as "fr:commune:45200") and granularity.'),
        additionalProperties: false,
        required: ['zones', 'granularity'],
        properties: {
          zones: {
            type: 'array',
            description: l10n.t('Ids of the zones covered, such as "fr:departement:45" (level and code).'),
            items: { type: 'string', description: l10n.t('A zone id: its level and code, such as "fr:commune:45200".'), pattern: GEOID_PATTERN },
          },
          granularity,
        },
      },
      private: { type: 'boolean', description: l10n.t('true: only you and your organization see the dataset.') },
      archived: {
        type: ['string', 'null'],
        description: l10n.t('Date of archiving (ISO 8601), or null when the dataset is not archived.'),
        pattern: DATE_TIME_PATTERN,
      },
      contact_points: {
        type: 'array',
        description: l10n.t('Ids of the contact points of the dataset (set them up on data.gouv.fr); [] removes them all.'),
        items: { type: 'string', description: l10n.t('A contact point id (24 hexadecimal characters).'), pattern: OBJECT_ID_PATTERN },
      },
      extras: { type: 'object', description: l10n.t('Extra metadata (an object).') },
    },
  };
}
