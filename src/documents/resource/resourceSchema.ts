// The JSON schema of the resource document (udata/core/dataset/forms.py,
// `BaseResourceForm`). Resource types come from the platform (`GET
// /datasets/resource_types/`) for the editor's labels; the ids are udata's
// (udata/core/dataset/constants.py, RESOURCE_TYPES).
import type { Translator } from '../../util/translator';
import type { Choice } from '../../api/models';
import { HTTP_URL_PATTERN, NOT_BLANK_PATTERN } from '../reuse/reuseSchema';

export const RESOURCE_TYPES = ['main', 'documentation', 'update', 'api', 'code', 'other'] as const;

export const RESOURCE_LIMITS = { titleMaxLength: 350, descriptionMaxLength: 100_000, urlMaxLength: 2_000 };

export function buildResourceSchema(l10n: Translator, types?: readonly Choice[]): Record<string, unknown> {
  const type: Record<string, unknown> = { description: l10n.t('What the file is to the dataset.'), enum: [...RESOURCE_TYPES] };
  if (types?.length) type.enumDescriptions = RESOURCE_TYPES.map((id) => types.find((choice) => choice.id === id)?.label ?? id);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('data.gouv.fr resource'),
    description: l10n.t('A file of a data.gouv.fr dataset: only the fields you may change. Save (Ctrl+S) to update it on data.gouv.fr.'),
    type: 'object',
    additionalProperties: false,
    required: ['title', 'description', 'type', 'filetype', 'format', 'url', 'schema', 'extras'],
    properties: {
      title: {
        type: 'string',
        description: l10n.t('Title of the resource (required).'),
        pattern: NOT_BLANK_PATTERN,
        maxLength: RESOURCE_LIMITS.titleMaxLength,
      },
      description: {
        type: ['string', 'null'],
        description: l10n.t('Description of the resource, in Markdown.'),
        maxLength: RESOURCE_LIMITS.descriptionMaxLength,
      },
      type,
      filetype: {
        enum: ['file', 'remote'],
        enumDescriptions: [l10n.t('A file stored on data.gouv.fr (replace it with "Replace File…").'), l10n.t('A link to a file hosted elsewhere.')],
        description: l10n.t('Where the file is: set when the resource was created, it cannot change.'),
      },
      format: { type: ['string', 'null'], description: l10n.t('The file format, such as csv or json (set by data.gouv.fr for a stored file).') },
      url: {
        type: 'string',
        description: l10n.t('Address of the file (for a link; set by data.gouv.fr for a stored file).'),
        pattern: HTTP_URL_PATTERN,
        maxLength: RESOURCE_LIMITS.urlMaxLength,
      },
      schema: {
        type: ['object', 'null'],
        description: l10n.t('The data schema the file follows: {"name": …, "version": …} from schema.data.gouv.fr, or {"url": …}; null for none.'),
        additionalProperties: false,
        properties: {
          name: { type: ['string', 'null'], description: l10n.t('Name of the schema in the catalog, such as "etalab/schema-irve-statique".') },
          version: { type: ['string', 'null'], description: l10n.t('Version of the schema, such as "2.3.1".') },
          url: { type: ['string', 'null'], description: l10n.t('Address of a schema outside the catalog.') },
        },
      },
      extras: { type: 'object', description: l10n.t('Extra metadata (an object).') },
    },
  };
}
