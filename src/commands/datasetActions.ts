// Actions on one dataset, from its tree item, its open document or the palette:
// Delete / Restore, Archive / Unarchive, Make Private / Make Public. The dataset
// service announces each change: the views and open documents follow by themselves.
import * as vscode from 'vscode';
import { runCommand, type CommandId } from './commandIds';
import { resolveDatasetTarget, type DatasetTarget } from './datasetTarget';
import type { Command, CommandContext } from './registry';
import { ARCHIVE, MAKE_PRIVATE, MAKE_PUBLIC, patchingCommand, targetedCommand, UNARCHIVE, type StateChange, type TargetKind } from './targetedCommand';
import { confirmAndDelete, inform, offerRestore, withNotification } from './dialogs';

const l10n = vscode.l10n;

const DATASET: TargetKind<DatasetTarget> = { resolve: resolveDatasetTarget, titleOf: (ctx, id) => ctx.datasets.title(id) };

function datasetCommand(
  id: CommandId,
  name: string,
  title: () => string,
  action: (ctx: CommandContext, target: DatasetTarget, datasetTitle: string) => Promise<void>,
): Command {
  return targetedCommand(DATASET, id, name, title, action);
}

function patchCommand(id: CommandId, name: string, title: () => string, change: StateChange): Command {
  return patchingCommand(DATASET, (ctx, datasetId, patch) => ctx.datasets.update(datasetId, patch), id, name, title, change);
}

export const datasetActionCommands: Command[] = [
  datasetCommand(
    'datagouv.deleteDataset',
    'Delete Dataset',
    () => l10n.t('Delete Dataset'),
    async (ctx, target, name) => {
      const deleted = await confirmAndDelete(
        l10n.t('Delete the dataset “{0}”?', name),
        l10n.t('It disappears from data.gouv.fr with its resources. You can restore it later with "Restore Dataset".'),
        l10n.t('Deleting the dataset…'),
        () => ctx.datasets.delete(target.id),
      );
      if (deleted) await offerRestore(name, l10n.t('Restore Dataset'), () => runCommand('datagouv.restoreDataset', { id: target.id, title: name }));
    },
  ),
  datasetCommand(
    'datagouv.restoreDataset',
    'Restore Dataset',
    () => l10n.t('Restore Dataset'),
    async (ctx, target, name) => {
      // udata has no restore endpoint: `PUT {"deleted": null}` (udata/core/dataset/api.py).
      await withNotification(l10n.t('Restoring the dataset…'), () => ctx.datasets.restore(target.id));
      void inform(l10n.t('“{0}” is restored.', name));
    },
  ),
  patchCommand('datagouv.archiveDataset', 'Archive Dataset', () => l10n.t('Archive Dataset'), ARCHIVE),
  patchCommand('datagouv.unarchiveDataset', 'Unarchive Dataset', () => l10n.t('Unarchive Dataset'), UNARCHIVE),
  patchCommand('datagouv.makeDatasetPrivate', 'Make Dataset Private', () => l10n.t('Make Dataset Private'), MAKE_PRIVATE),
  patchCommand('datagouv.makeDatasetPublic', 'Make Dataset Public', () => l10n.t('Make Dataset Public'), MAKE_PUBLIC),
];
