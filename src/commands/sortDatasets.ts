// "data.gouv.fr: Sort Organization Datasets…" (the view's title bar): a quick pick of
// the orders; the choice is remembered (globalState) and applied without a request.
import * as vscode from 'vscode';
import { DATASET_SORTS, datasetSortLabel, type DatasetSort } from '../tree/sorting';

export interface SortableDatasets {
  readonly sort: DatasetSort;
  setSort(sort: DatasetSort): Promise<void>;
}

export function registerSortDatasetsCommand(datasets: SortableDatasets): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.sortDatasets', async () => {
    const items = DATASET_SORTS.map((sort) => ({
      label: datasetSortLabel(sort, vscode.l10n),
      description: sort === datasets.sort ? vscode.l10n.t('current') : undefined,
      sort,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Sort Organization Datasets'),
      placeHolder: vscode.l10n.t('Order of the datasets in each organization'),
    });
    if (picked) await datasets.setSort(picked.sort);
  });
}
