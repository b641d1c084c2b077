// "data.gouv.fr: Sort Organization Datasets…" (the view's title bar): a quick pick of
// the orders; the choice is remembered (globalState) and applied without a request.
import * as vscode from 'vscode';
import { DATASET_SORTS, datasetSortLabel } from '../tree/sorting';
import { defineCommand } from './registry';

export const sortDatasetsCommand = defineCommand({
  id: 'datagouv.sortDatasets',
  name: 'Sort Organization Datasets',
  async run({ sidebar }) {
    const items = DATASET_SORTS.map((sort) => ({
      label: datasetSortLabel(sort, vscode.l10n),
      description: sort === sidebar.datasetSort ? vscode.l10n.t('current') : undefined,
      sort,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Sort Organization Datasets'),
      placeHolder: vscode.l10n.t('Order of the datasets in each organization'),
    });
    if (picked) await sidebar.setDatasetSort(picked.sort);
  },
});
