// "Add Dataset to Reuse…" (on a reuse: pick the dataset) and "Add to Reuse…" (on a
// dataset of the sidebar: pick the reuse), both `POST /reuses/{id}/datasets/`.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import type { ReuseChanges } from '../documents/reuseChanges';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { pickReuse, resolveReuseTarget } from './reuseTarget';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const PICK_MASK = 'id,title,slug,organization{id,name}';

interface DatasetTarget {
  id: string;
  title?: string;
}

/** A dataset id or a data.gouv.fr dataset link (page or API), as pasted; pure. */
export function parseDatasetReference(input: string): string | undefined {
  const value = input.trim();
  if (OBJECT_ID.test(value)) return value.toLowerCase();
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    const parts = new URL(value).pathname.split('/').filter(Boolean);
    const index = parts.lastIndexOf('datasets');
    const candidate = index >= 0 ? parts[index + 1] : undefined;
    return candidate && /^[a-z0-9-]+$/i.test(candidate) ? decodeURIComponent(candidate) : undefined;
  } catch {
    return undefined;
  }
}

function datasetTargetOf(argument: unknown): DatasetTarget | undefined {
  if (!argument || typeof argument !== 'object') return undefined;
  const dataset = (argument as { dataset?: { id?: unknown; title?: unknown } }).dataset;
  return typeof dataset?.id === 'string' ? { id: dataset.id, title: typeof dataset.title === 'string' ? dataset.title : undefined } : undefined;
}

async function pickDataset(session: AuthSession, title: string): Promise<DatasetTarget | undefined> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem & { target: DatasetTarget }>();
  picker.title = title;
  picker.placeholder = vscode.l10n.t('Type to filter your organizations’ datasets, or paste a dataset id or data.gouv.fr link');
  picker.matchOnDescription = true;
  picker.busy = true;
  let listed: Array<vscode.QuickPickItem & { target: DatasetTarget }> = [];
  const render = () => {
    const pasted = parseDatasetReference(picker.value);
    picker.items = [
      ...(pasted && !listed.some((item) => item.target.id === pasted)
        ? [{ label: `$(link) ${vscode.l10n.t('Use dataset “{0}”', pasted)}`, alwaysShow: true, target: { id: pasted } }]
        : []),
      ...listed,
    ];
  };
  session.client
    .listOrgDatasets({ fields: PICK_MASK })
    .then((datasets) => {
      listed = datasets.map((d) => ({ label: d.title ?? d.id, description: d.organization?.name, detail: d.id, target: { id: d.id, title: d.title } }));
      render();
    })
    .catch((error: unknown) => (picker.placeholder = String(error instanceof Error ? error.message : error)))
    .finally(() => (picker.busy = false));
  return new Promise((resolve) => {
    let done = false;
    picker.onDidChangeValue(render);
    picker.onDidAccept(() => {
      const target = picker.selectedItems[0]?.target;
      if (!target) return;
      done = true;
      resolve(target);
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!done) resolve(undefined);
      picker.dispose();
    });
    picker.show();
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
