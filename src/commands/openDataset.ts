// "data.gouv.fr: Open Dataset…" and "Open Resource…": from the tree they open that
// dataset or resource as a document; from the palette they ask which one (a pick of the
// user's datasets, or a pasted id, slug or link; then one of its resources).
import * as vscode from 'vscode';
import { isObjectId } from '../api/ids';
import { datasetUri, nameFromTitle, resourceUri } from '../documents/documentUris';
import { pickDataset, datasetTargetOf, resolveResourceTarget, type DatasetTarget } from './datasetTarget';
import { defineCommand, type CommandContext } from './registry';
import { openDocument, withNotification } from './dialogs';
import { referenceTo } from '../tree/nodes';

export const openDatasetCommand = defineCommand({
  id: 'datagouv.openDataset',
  name: 'Open Dataset',
  async run(ctx, argument?: unknown) {
    const target = datasetTargetOf(argument) ?? (await pickDataset(ctx, vscode.l10n.t('Open Dataset')));
    if (!target) return;
    const resolved = await resolveId(ctx, target);
    await openDocument(datasetUri(resolved.id, resolved.slug));
  },
});

export const openResourceCommand = defineCommand({
  id: 'datagouv.openResource',
  name: 'Open Resource',
  async run(ctx, argument?: unknown) {
    const target = await resolveResourceTarget(argument, ctx, vscode.l10n.t('Open Resource'));
    if (!target) return;
    const datasetId = isObjectId(target.datasetId) ? target.datasetId : await ctx.datasets.idOf(target.datasetId);
    await openDocument(resourceUri(datasetId, target.resourceId));
  },
});

/** A pasted slug becomes the dataset's id (documents are addressed by id: slugs change). */
async function resolveId(ctx: CommandContext, target: DatasetTarget): Promise<DatasetTarget> {
  // An id is enough: the name of the document is only for its tab.
  if (isObjectId(target.id)) return { ...target, slug: target.slug ?? nameFromTitle(target.title) };
  const dataset = await withNotification(vscode.l10n.t('Looking up the dataset on data.gouv.fr…'), () => ctx.datasets.reference(target.id));
  return referenceTo(dataset);
}
