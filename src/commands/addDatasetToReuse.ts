// "Add Dataset to Reuse…" (on a reuse: pick the dataset) and "Add to Reuse…" (on a
// dataset of the sidebar: pick the reuse), both `POST /reuses/{id}/datasets/`.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import type { ReuseChanges } from '../documents/reuseChanges';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { parseDatasetReference } from '../documents/reuseReference';
import { pickOrPaste } from './pickOrPaste';
import { pickReuse, resolveReuseTarget } from './reuseTarget';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const PICK_MASK = 'id,title,slug,organization{id,name}';

interface DatasetTarget {
  id: string;
  title?: string;
}

function datasetTargetOf(argument: unknown): DatasetTarget | undefined {
  if (!argument || typeof argument !== 'object') return undefined;
  const dataset = (argument as { dataset?: { id?: unknown; title?: unknown } }).dataset;
  return typeof dataset?.id === 'string' ? { id: dataset.id, title: typeof dataset.title === 'string' ? dataset.title : undefined } : undefined;
}

function pickDataset(session: AuthSession, title: string): Promise<DatasetTarget | undefined> {
  return pickOrPaste<DatasetTarget>({
    title,
    placeholder: vscode.l10n.t('Type to filter your organizations’ datasets, or paste a dataset id or data.gouv.fr link'),
    load: async () =>
      (await session.client.listOrgDatasets({ fields: PICK_MASK })).map((d) => ({
        label: d.title ?? d.id,
        description: d.organization?.name,
        detail: d.id,
        target: { id: d.id, title: d.title },
      })),
    parse: (value) => {
      const reference = parseDatasetReference(value);
      return reference ? { id: reference.idOrSlug } : undefined;
    },
    pastedLabel: (target) => vscode.l10n.t('Use dataset “{0}”', target.id),
  });
}

export function registerAddDatasetCommands(session: AuthSession, changes: ReuseChanges, log: Log): vscode.Disposable[] {
  const add = async (reuseId: string, dataset: DatasetTarget) => {
    // A pasted slug or link becomes the dataset's id first.
    const id = OBJECT_ID.test(dataset.id) ? dataset.id : (await session.client.getDataset(dataset.id, { fields: 'id,title' })).id;
    const reuse = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Adding the dataset to the reuse…') },
      () => session.client.addDatasetToReuse(reuseId, id),
    );
    changes.changed(reuse.id);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('“{0}” now uses “{1}”.', reuse.title ?? reuse.id, reuse.datasets?.find((d) => d.id === id)?.title ?? dataset.title ?? id),
    );
  };
  return [
    vscode.commands.registerCommand('datagouv.addDatasetToReuse', async (argument?: unknown) => {
      const reuse = await resolveReuseTarget(argument, session, vscode.l10n.t('Add Dataset to Reuse'));
      if (!reuse) return;
      const dataset = await pickDataset(session, vscode.l10n.t('Dataset to add to “{0}”', reuse.title ?? reuse.id));
      if (!dataset) return;
      try {
        await add(reuse.id, dataset);
      } catch (error) {
        await reportError(log, 'Add Dataset to Reuse', error);
      }
    }),
    vscode.commands.registerCommand('datagouv.addToReuse', async (argument?: unknown) => {
      const dataset = datasetTargetOf(argument) ?? (await pickDataset(session, vscode.l10n.t('Add to Reuse')));
      if (!dataset) return;
      const reuse = await pickReuse(session, vscode.l10n.t('Reuse that uses “{0}”', dataset.title ?? dataset.id));
      if (!reuse) return;
      try {
        await add(reuse.id, dataset);
      } catch (error) {
        await reportError(log, 'Add to Reuse', error);
      }
    }),
  ];
}
