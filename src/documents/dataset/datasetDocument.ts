// The dataset document: the fields of udata's dataset form that a publisher edits
// (udata/core/dataset/forms.py, `DatasetForm`), in a fixed order, never `resources`
// (each resource is a document of its own, and a `resources` key in a PUT replaces
// the dataset's whole list). Pure code.
import { valueText } from '../valueText';
import type { Translator } from '../../util/translator';
import type { Dataset, DatasetPatch } from '../../api/models';
import validateDatasetDocument from '../generated/validateDatasetDocument';
import { documentKeys } from '../schemaCheck';
import { checkJsonDocument, renderJsonDocument, type DocumentCheck, type DocumentSpec } from '../jsonDocumentCheck';
import { DATASET_LIMITS, type DatasetChoices } from './datasetSchema';
import { describeSharedField } from '../sharedFieldMessages';

export interface DatasetDocument {
  title: string;
  acronym: string | null;
  description_short: string | null;
  description: string;
  tags: string[];
  license: string;
  frequency: string;
  temporal_coverage: { start: string; end: string | null } | null;
  spatial: { zones: string[]; granularity: string };
  private: boolean;
  archived: string | null;
  contact_points: string[];
  extras: Record<string, unknown>;
}

/**
 * The editable keys, in the order of the document (title, acronym, description_short,
 * description, tags, license, frequency, temporal_coverage, spatial, private, archived,
 * contact_points, extras).
 */
export const DATASET_DOCUMENT_KEYS = documentKeys<DatasetDocument>(validateDatasetDocument);

/** A date of the API (`2020-01-01` or a datetime) as the document shows it: the day. */
function day(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

export function projectDataset(dataset: Dataset): DatasetDocument {
  const coverage = dataset.temporal_coverage;
  return {
    title: dataset.title ?? '',
    acronym: dataset.acronym ?? null,
    description_short: dataset.description_short ?? null,
    description: dataset.description ?? '',
    // What data.gouv.fr stores (udata/mongo/taglist_field.py: sorted, de-duplicated).
    tags: [...new Set(dataset.tags ?? [])].sort(),
    // udata reads a missing license as "notspecified" (udata/core/dataset/models.py).
    license: dataset.license || 'notspecified',
    frequency: dataset.frequency || 'unknown',
    temporal_coverage: coverage?.start ? { start: day(coverage.start) ?? '', end: day(coverage.end) } : null,
    spatial: { zones: [...(dataset.spatial?.zones ?? [])], granularity: dataset.spatial?.granularity || 'other' },
    private: dataset.private ?? false,
    archived: dataset.archived ?? null,
    contact_points: (dataset.contact_points ?? []).map((point) => point.id),
    extras: dataset.extras ?? {},
  };
}

export function renderDatasetDocument(document: DatasetDocument): string {
  return renderJsonDocument(DATASET_DOCUMENT_KEYS, document);
}

/**
 * The body of the PUT for the changed fields. udata's DatasetForm keeps an absent
 * field, except two: an absent `tags` or `temporal_coverage` is cleared
 * (udata/forms/fields.py, TagField and DateRangeField; opendatateam/udata#2468), so
 * the save always sends them (DATASET_SENT_ALWAYS). And `contact_points: []` keeps the
 * contact points (ModelList ignores an empty list): emptying them takes `null`.
 */
export function datasetPatchBody(patch: Partial<DatasetDocument>): DatasetPatch {
  const body: DatasetPatch = { ...patch } as DatasetPatch;
  if (patch.contact_points && patch.contact_points.length === 0) body.contact_points = null;
  return body;
}

/** Fields a PUT clears when they are absent: sent with every save. */
export const DATASET_SENT_ALWAYS = ['tags', 'temporal_coverage'] as const;

function datasetSpec(choices: () => DatasetChoices): DocumentSpec {
  return {
    keys: DATASET_DOCUMENT_KEYS,
    validate: validateDatasetDocument,
    // Keys of the API's dataset that a PUT silently ignores, or that are not edits here.
    readOnlyKeys: new Set([
      'id',
      'slug',
      'page',
      'uri',
      'created_at',
      'last_modified',
      'last_update',
      'metrics',
      'quality',
      'badges',
      'featured',
      'harvest',
      'internal',
      'community_resources',
      'permissions',
      'owner',
      'organization',
      'deleted',
    ]),
    rules(value, l10n) {
      const problems: Array<{ field: string; message: string }> = [];
      const { licenses, granularities } = choices();
      // udata silently unsets an unknown license (a ModelSelectField with allow_blank):
      // say it before sending rather than lose the license.
      if (licenses?.length && typeof value.license === 'string' && !licenses.some((item) => item.id === value.license)) {
        problems.push({
          field: 'license',
          message: l10n.t('"{0}" is not a license of data.gouv.fr. Use one of: {1}.', value.license, licenses.map((item) => item.id).join(', ')),
        });
      }
      const granularity = (value.spatial as { granularity?: unknown } | undefined)?.granularity;
      if (granularities?.length && typeof granularity === 'string' && !granularities.some((item) => item.id === granularity)) {
        problems.push({
          field: 'spatial',
          message: l10n.t('"{0}" is not a spatial granularity of data.gouv.fr. Use one of: {1}.', granularity, granularities.map((item) => item.id).join(', ')),
        });
      }
      const coverage = value.temporal_coverage as { start?: string; end?: string | null } | null;
      if (coverage?.start && coverage.end && coverage.end < coverage.start) {
        // udata would swap them silently (udata/mongo/datetime_fields.py, DateRange.clean).
        problems.push({ field: 'temporal_coverage', message: l10n.t('"temporal_coverage" ends before it starts: swap "start" and "end".') });
      }
      return problems;
    },
    describe(error, path, value, l10n) {
      const [field] = path;
      if (error.keyword === 'additionalProperties' && error.params.additionalProperty === 'resources') {
        return l10n.t(
          '"resources" is not part of the dataset document: each resource opens as a document of its own (click it in the sidebar). Remove this key.',
        );
      }
      const shared = describeSharedField(error, path, l10n, DATASET_LIMITS);
      if (shared) return shared;
      switch (error.keyword) {
        case 'enum':
          if (field === 'frequency')
            return l10n.t(
              '"{0}" is not an update frequency of data.gouv.fr. Use one of: {1}.',
              valueText(value.frequency),
              ((error.params.allowedValues as unknown[]) ?? []).join(', '),
            );
          return undefined;
        case 'pattern':
          if (field === 'temporal_coverage') return l10n.t('"temporal_coverage" dates are days such as "2024-01-31".');
          if (field === 'spatial') return l10n.t('A zone id is a level and a code, such as "fr:commune:45200".');
          if (field === 'contact_points') return l10n.t('"contact_points" must list contact point ids (24 hexadecimal characters).');
          return undefined;
        case 'type':
          if (field === 'temporal_coverage' && path.length === 1) return l10n.t('"temporal_coverage" must be {"start": "YYYY-MM-DD", "end": null} or null.');
          return undefined;
        default:
          return undefined;
      }
    },
  };
}

/** Parses and validates a saved text and computes the patch against `base` (what was loaded). */
export function checkDatasetText(
  text: string,
  base: DatasetDocument,
  l10n: Translator,
  choices: () => DatasetChoices = () => ({}),
): DocumentCheck<DatasetDocument> {
  return checkJsonDocument(text, base, datasetSpec(choices), l10n);
}
