// Datasets as documents of the `datagouv` file system: `datagouv:/datasets/<id>/<slug>.json`,
// read with `GET /datasets/{id}/`, saved with `PUT /datasets/{id}/` (udata's DatasetForm:
// the changed fields, plus those it would clear if absent). Pure code but for the
// platform's choices, which the kind reads to check licenses and granularities.
import type { Dataset } from '../../api/models';
import type { Translator } from '../../util/translator';
import { DATASET_DOCUMENT_MASK } from '../../api/fieldMasks';
import { createdAtOf, restoreActionOf, savedMessageOf, type DocumentKind } from '../fs/documentKind';
import { objectIdOf } from '../reuse/reuseReference';
import type { DatasetChoices } from './datasetSchema';
import {
  DATASET_DOCUMENT_KEYS,
  DATASET_SENT_ALWAYS,
  checkDatasetText,
  datasetPatchBody,
  projectDataset,
  renderDatasetDocument,
  type DatasetDocument,
} from './datasetDocument';

/** The dataset id of a document path, or undefined (only an id- or slug-shaped segment names one). */
export function datasetKeyOf(path: string): string | undefined {
  return objectIdOf('datasets', path);
}

/** Restore Dataset, offered with a deleted dataset (and with each of its resources). */
export function restoreDatasetAction(dataset: Dataset, l10n: Translator): ReturnType<typeof restoreActionOf> {
  return restoreActionOf(dataset, 'datagouv.restoreDataset', () => l10n.t('Restore Dataset'));
}

/**
 * `choices`: the platform's lists when loaded (the checks never wait for them);
 * `prepare`: called when a dataset opens, to load them meanwhile.
 */
export function datasetKind(choices: () => DatasetChoices = () => ({}), prepare: () => void = () => undefined): DocumentKind<DatasetDocument, Dataset> {
  const getDataset: DocumentKind<DatasetDocument, Dataset>['fetch'] = (client, id, call) => client.getDataset(id, { ...call, fields: DATASET_DOCUMENT_MASK });
  return {
    keyOf: datasetKeyOf,
    keys: DATASET_DOCUMENT_KEYS,
    mergeByKey: ['extras'],
    sentAlways: DATASET_SENT_ALWAYS,
    fetch: (client, id, call) => {
      prepare();
      return getDataset(client, id, call);
    },
    fetchEditable: getDataset,
    update: (client, id, patch, call) => client.updateDataset(id, datasetPatchBody(patch), { ...call, fields: DATASET_DOCUMENT_MASK }),
    check: (text, base, l10n) => checkDatasetText(text, base, l10n, choices),
    project: projectDataset,
    render: renderDatasetDocument,
    createdAt: createdAtOf,
    readonlyReason(dataset, l10n) {
      if (dataset.deleted) return l10n.t('This dataset is deleted on data.gouv.fr, so it opens read-only. Restore it to edit it again.');
      if (dataset.permissions && !dataset.permissions.edit) {
        return l10n.t('You may read this dataset but not edit it: only its owner, the editors of its organization and platform administrators can.');
      }
      return undefined;
    },
    restoreAction: restoreDatasetAction,
    savedMessage: savedMessageOf,
    goneMessage: (l10n) =>
      l10n.t(
        'Not saved: this dataset was deleted on data.gouv.fr since you opened it. Your changes are still in the editor: restore the dataset ("data.gouv.fr: Restore Dataset") and save again, or copy your text.',
      ),
    describe: (dataset, l10n) => dataset?.title ?? l10n.t('this dataset'),
  };
}
