// "Add Dataset to Reuse…" (on a reuse: pick the dataset) and "Add to Reuse…" (on a
// dataset of the sidebar: pick the reuse), both `POST /reuses/{id}/datasets/`.
import * as vscode from 'vscode';
import { parseDatasetReference } from '../documents/reuse/reuseReference';
import { pastedTarget, pickOrPaste } from './pickOrPaste';
import { defineCommand, type CommandContext } from './registry';
import { pickReuse, resolveReuseTarget } from './reuseTarget';
import { inform, withNotification } from './dialogs';

const l10n = vscode.l10n;

interface DatasetTarget {
  id: string;
  title?: string;
}

function datasetTargetOf(argument: unknown): DatasetTarget | undefined {
  if (!argument || typeof argument !== 'object') return undefined;
  const dataset = (argument as { dataset?: { id?: unknown; title?: unknown } }).dataset;
  return typeof dataset?.id === 'string' ? { id: dataset.id, title: typeof dataset.title === 'string' ? dataset.title : undefined } : undefined;
}

function pickDataset(ctx: CommandContext, title: string): Promise<DatasetTarget | undefined> {
  return pickOrPaste<DatasetTarget>({
    title,
    placeholder: l10n.t('Type to filter your organizations’ datasets, or paste a dataset id or data.gouv.fr link'),
    load: async () =>
      (await ctx.datasets.listForPick()).map((d) => ({
        label: d.title ?? d.id,
        description: d.organization?.name,
        detail: d.id,
        target: { id: d.id, title: d.title },
      })),
    parse: pastedTarget(parseDatasetReference),
    pastedLabel: (target) => l10n.t('Use dataset “{0}”', target.id),
  });
}

async function add(ctx: CommandContext, reuseId: string, dataset: DatasetTarget): Promise<void> {
  // A pasted slug or link becomes the dataset's id first.
  const id = await ctx.datasets.idOf(dataset.id);
  const reuse = await withNotification(l10n.t('Adding the dataset to the reuse…'), () => ctx.reuses.addDataset(reuseId, id));
  void inform(l10n.t('“{0}” now uses “{1}”.', reuse.title ?? reuse.id, reuse.datasets?.find((d) => d.id === id)?.title ?? dataset.title ?? id));
}

export const addDatasetToReuseCommand = defineCommand({
  id: 'datagouv.addDatasetToReuse',
  name: 'Add Dataset to Reuse',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const reuse = await resolveReuseTarget(argument, ctx, l10n.t('Add Dataset to Reuse'));
    if (!reuse) return;
    const dataset = await pickDataset(ctx, l10n.t('Dataset to add to “{0}”', reuse.title ?? reuse.id));
    if (dataset) await add(ctx, reuse.id, dataset);
  },
});

export const addToReuseCommand = defineCommand({
  id: 'datagouv.addToReuse',
  name: 'Add to Reuse',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const dataset = datasetTargetOf(argument) ?? (await pickDataset(ctx, l10n.t('Add to Reuse')));
    if (!dataset) return;
    // The reuses a user may edit are theirs and their organizations' (listed); only a
    // platform administrator may edit anyone's, so only they search the others.
    const admin = !!(await ctx.session.me().catch(() => undefined))?.roles?.includes('admin');
    const reuse = await pickReuse(ctx, l10n.t('Reuse that uses “{0}”', dataset.title ?? dataset.id), admin);
    if (reuse) await add(ctx, reuse.id, dataset);
  },
});
