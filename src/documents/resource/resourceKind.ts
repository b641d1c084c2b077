// Resources as documents of the `datagouv` file system:
// `datagouv:/datasets/<id>/resources/<rid>.json`, read with `GET
// /datasets/{id}/resources/{rid}/` (and the dataset's permissions beside it), saved with
// `PUT /datasets/{id}/resources/{rid}/` (a patch). Pure code.
import type { Dataset, Resource } from '../../api/models';
import { DATASET_FOR_RESOURCE_MASK, RESOURCE_DOCUMENT_MASK } from '../../api/fieldMasks';
import { isResourceId } from '../../api/ids';
import type { ApiClient, CallOptions } from '../../api/client';
import { createdAtOf, savedMessageOf, type DocumentKind } from '../fs/documentKind';
import { restoreDatasetAction } from '../dataset/datasetKind';
import { isIdOrSlug } from '../reuse/reuseReference';
import {
  RESOURCE_DOCUMENT_KEYS,
  checkResourceText,
  projectResource,
  renderResourceDocument,
  resourcePatchBody,
  type ResourceDocument,
} from './resourceDocument';

/** A resource and the dataset it belongs to (whose permissions decide who may edit it). */
export interface ResourceInDataset {
  /** Absent in the answer of a save, which is the resource alone; the file system keeps the one it had. */
  dataset?: Dataset;
  resource: Resource;
}

/** `<dataset id>/<resource id>` of a document path, or undefined. */
export function resourceKeyOf(path: string): string | undefined {
  const match = /^\/datasets\/([^/]+)\/resources\/([^/]+)\.json$/.exec(path);
  if (!match || !isIdOrSlug(match[1]) || !isResourceId(match[2])) return undefined;
  return `${match[1]}/${match[2]}`;
}

function split(key: string): [string, string] {
  const [datasetId, resourceId] = key.split('/');
  return [datasetId, resourceId];
}

async function fetchBoth(client: ApiClient, key: string, call: CallOptions): Promise<ResourceInDataset> {
  const [datasetId, resourceId] = split(key);
  // Two small requests side by side: the resource alone has no permissions.
  const [dataset, resource] = await Promise.all([
    client.getDataset(datasetId, { ...call, fields: DATASET_FOR_RESOURCE_MASK }),
    client.getResource(datasetId, resourceId, { ...call, fields: RESOURCE_DOCUMENT_MASK }),
  ]);
  return { dataset, resource };
}

export const resourceKind: DocumentKind<ResourceDocument, ResourceInDataset> = {
  keyOf: resourceKeyOf,
  keys: RESOURCE_DOCUMENT_KEYS,
  mergeByKey: ['extras'],
  fetch: fetchBoth,
  fetchEditable: fetchBoth,
  async update(client, key, patch, call) {
    const [datasetId, resourceId] = split(key);
    return { resource: await client.updateResource(datasetId, resourceId, resourcePatchBody(patch), { ...call, fields: RESOURCE_DOCUMENT_MASK }) };
  },
  check: checkResourceText,
  project: (value) => projectResource(value.resource),
  render: renderResourceDocument,
  createdAt: (value) => createdAtOf(value.resource),
  readonlyReason({ dataset }, l10n) {
    if (dataset?.deleted)
      return l10n.t('This resource belongs to a dataset deleted on data.gouv.fr, so it opens read-only. Restore the dataset to edit it again.');
    const permissions = dataset?.permissions;
    if (permissions && !(permissions.edit_resources ?? permissions.edit)) {
      return l10n.t(
        'You may read this resource but not edit it: only the owner of its dataset, the editors of its organization and platform administrators can.',
      );
    }
    return undefined;
  },
  restoreAction: ({ dataset }, l10n) => (dataset ? restoreDatasetAction(dataset, l10n) : undefined),
  savedMessage: ({ resource }, l10n) => savedMessageOf(resource, l10n),
  goneMessage: (l10n) =>
    l10n.t('Not saved: the dataset of this resource was deleted on data.gouv.fr since you opened it. Your changes are still in the editor.'),
  describe: (value, l10n) => value?.resource.title ?? l10n.t('this resource'),
};
