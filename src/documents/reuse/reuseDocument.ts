// The reuse document: the projection of a reuse to the fields a user may change, in a
// fixed order, and the reuse-specific wording of the checks before a save. Pure code.
import { valueText } from '../valueText';
import type { Translator } from '../../util/translator';
import { REUSE_TOPICS, REUSE_TYPES, type Reuse, type ReusePatch } from '../../api/models';
import validateReuseDocument from '../generated/validateReuseDocument';
import { documentKeys } from '../schemaCheck';
import { checkJsonDocument, renderJsonDocument, type DocumentCheck, type DocumentSpec } from '../jsonDocumentCheck';
import { LIMITS } from './reuseSchema';
import { describeSharedField } from '../sharedFieldMessages';

export interface ReuseDocument {
  title: string;
  description: string;
  url: string;
  type: string;
  topic: string;
  tags: string[];
  datasets: string[];
  /** Ids of the APIs (udata dataservices) the reuse uses: a write field of udata 17. */
  dataservices: string[];
  private: boolean;
  archived: string | null;
  extras: Record<string, unknown>;
}

/** The editable keys, in the order of the document (title, description, url, type, topic, tags, datasets, dataservices, private, archived, extras). */
export const DOCUMENT_KEYS = documentKeys<ReuseDocument>(validateReuseDocument);

export function projectReuse(reuse: Reuse): ReuseDocument {
  return {
    title: reuse.title ?? '',
    description: reuse.description ?? '',
    url: reuse.url ?? '',
    type: reuse.type ?? '',
    topic: reuse.topic ?? '',
    // What data.gouv.fr stores (udata/mongo/taglist_field.py: sorted, de-duplicated): a
    // PUT answers the tags in the order they were sent, which is not what is kept.
    tags: [...new Set(reuse.tags ?? [])].sort(),
    datasets: idsOf(reuse.datasets),
    dataservices: idsOf(reuse.dataservices),
    private: reuse.private ?? false,
    archived: reuse.archived ?? null,
    extras: reuse.extras ?? {},
  };
}

/** The ids of a list the API answers as ids or as objects (depending on the mask). */
function idsOf(items: Array<string | { id: string }> | undefined): string[] {
  return (items ?? []).map((item) => (typeof item === 'string' ? item : item.id));
}

export function renderReuseDocument(document: ReuseDocument): string {
  return renderJsonDocument(DOCUMENT_KEYS, document);
}

const REUSE_SPEC: DocumentSpec = {
  keys: DOCUMENT_KEYS,
  validate: validateReuseDocument,
  // Keys of the API's reuse that a PUT silently ignores, or that are not edits.
  readOnlyKeys: new Set([
    'id',
    'slug',
    'image',
    'image_thumbnail',
    'featured',
    'badges',
    'metrics',
    'created_at',
    'last_modified',
    'permissions',
    'uri',
    'page',
    'owner',
    'organization',
    'deleted',
  ]),
  describe(error, path, value, l10n) {
    const shared = describeSharedField(error, path, l10n, LIMITS);
    if (shared) return shared;
    const [field] = path;
    switch (error.keyword) {
      case 'enum':
        if (field === 'type') return l10n.t('"{0}" is not a type of reuse. Use one of: {1}.', valueText(value.type), REUSE_TYPES.join(', '));
        if (field === 'topic') return l10n.t('"{0}" is not a topic of reuse. Use one of: {1}.', valueText(value.topic), REUSE_TOPICS.join(', '));
        return undefined;
      case 'pattern':
        if (field === 'datasets') {
          const id = (value.datasets as unknown[])[path[1] as number];
          return l10n.t('"datasets" must list dataset ids (24 hexadecimal characters); "{0}" is not one.', String(id));
        }
        if (field === 'dataservices') {
          const id = (value.dataservices as unknown[])[path[1] as number];
          return l10n.t('"dataservices" must list API ids (24 hexadecimal characters); "{0}" is not one.', String(id));
        }
        return undefined;
      case 'type':
        if (field === 'datasets' && path.length > 1) return l10n.t('"datasets" must list dataset ids in quotes.');
        if (field === 'dataservices' && path.length > 1) return l10n.t('"dataservices" must list API ids in quotes.');
        return undefined;
      default:
        return undefined;
    }
  },
};

/** Parses and validates a saved text and computes the patch against `base` (what was loaded). */
export function checkReuseText(text: string, base: ReuseDocument, l10n: Translator): DocumentCheck<ReuseDocument> & ({ ok: false } | { patch: ReusePatch }) {
  return checkJsonDocument(text, base, REUSE_SPEC, l10n);
}
