// Every command that acts on "a dataset" or "a resource" accepts it from a tree item,
// from the open document (editor title), or asks for it in the palette.
import * as vscode from 'vscode';
import { parseDatasetReference } from '../documents/reuse/reuseReference';
import { datasetIdOf, resourceRefOf } from '../documents/documentUris';
import { pastedTarget, pickOrPaste } from './pickOrPaste';
import type { CommandContext } from './registry';
import { inform, withNotification } from './dialogs';
import { referenceTo, resourceDescription } from '../tree/nodes';

const l10n = vscode.l10n;

export interface DatasetTarget {
  /** An id, or a slug when the user pasted one. */
  id: string;
  slug?: string;
  title?: string;
}

export interface ResourceTarget {
  datasetId: string;
  resourceId: string;
  title?: string;
  filetype?: string;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Reads a command argument: an id, `{ id, slug, title }`, a tree node holding a dataset, or a document URI. */
export function datasetTargetOf(argument: unknown): DatasetTarget | undefined {
  if (typeof argument === 'string') return argument ? { id: argument } : undefined;
  if (argument instanceof vscode.Uri) {
    const id = datasetIdOf(argument);
    return id ? { id } : undefined;
  }
  if (argument && typeof argument === 'object') {
    const record = argument as Record<string, unknown>;
    if (record.reuse) return undefined;
    const inner = (record.dataset && typeof record.dataset === 'object' ? record.dataset : record) as Record<string, unknown>;
    const id = stringOf(inner.id);
    if (id) return { id, slug: stringOf(inner.slug), title: stringOf(inner.title) };
  }
  return undefined;
}

/** Reads a command argument: a tree node holding a resource, `{ datasetId, resourceId }`, or a resource document URI. */
export function resourceTargetOf(argument: unknown): ResourceTarget | undefined {
  if (argument instanceof vscode.Uri) return resourceRefOf(argument);
  if (argument && typeof argument === 'object') {
    const record = argument as Record<string, unknown>;
    const resource = record.resource as Record<string, unknown> | undefined;
    const dataset = record.dataset as Record<string, unknown> | undefined;
    if (resource && dataset && stringOf(resource.id) && stringOf(dataset.id)) {
      return { datasetId: String(dataset.id), resourceId: String(resource.id), title: stringOf(resource.title), filetype: stringOf(resource.filetype) };
    }
    if (stringOf(record.datasetId) && stringOf(record.resourceId)) {
      return { datasetId: String(record.datasetId), resourceId: String(record.resourceId), title: stringOf(record.title) };
    }
  }
  return undefined;
}

function activeUri(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor?.document.uri;
}

/** A quick pick of the user's datasets that also accepts a pasted id, slug or data.gouv.fr link. */
export function pickDataset(ctx: CommandContext, title: string): Promise<DatasetTarget | undefined> {
  return pickOrPaste<DatasetTarget>({
    title,
    placeholder: l10n.t('Type to filter your datasets, or paste a dataset id, slug or data.gouv.fr link'),
    placeholderWhenNotListed: l10n.t('Paste a dataset id, slug or data.gouv.fr link (set your API key to list your datasets)'),
    load: ctx.session.isSignedIn
      ? async () =>
          (await ctx.datasets.listForPick()).map((dataset) => ({
            label: dataset.title ?? dataset.id,
            description: [dataset.organization?.name ?? l10n.t('Personal'), dataset.deleted ? l10n.t('deleted') : undefined].filter(Boolean).join(' · '),
            target: referenceTo(dataset),
          }))
      : undefined,
    parse: pastedTarget(parseDatasetReference),
    pastedLabel: (target) => l10n.t('Open dataset “{0}”', target.id),
  });
}

/** The dataset a command acts on: its argument, else the active document's, else a pick. */
export async function resolveDatasetTarget(argument: unknown, ctx: CommandContext, title: string): Promise<DatasetTarget | undefined> {
  return datasetTargetOf(argument) ?? datasetTargetOf(activeUri()) ?? (await pickDataset(ctx, title));
}

/** The resource a command acts on: its argument, else the active document's, else a pick of a dataset then of its resources. */
export async function resolveResourceTarget(argument: unknown, ctx: CommandContext, title: string): Promise<ResourceTarget | undefined> {
  const direct = resourceTargetOf(argument) ?? resourceTargetOf(activeUri());
  if (direct) return direct;
  const dataset = datasetTargetOf(argument) ?? (await pickDataset(ctx, title));
  if (!dataset) return undefined;
  const { dataset: found, resources } = await withNotification(l10n.t('Loading the resources of the dataset…'), () => ctx.datasets.resources(dataset.id));
  if (!resources.length) {
    void inform(l10n.t('“{0}” has no resource yet.', found.title ?? found.id));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    resources.map((resource) => ({
      label: resource.title ?? resource.id,
      description: resourceDescription(resource, { l10n, locale: vscode.env.language }),
      resource,
    })),
    { title, placeHolder: l10n.t('Which resource of “{0}”?', found.title ?? found.id), matchOnDescription: true },
  );
  return picked ? { datasetId: found.id, resourceId: picked.resource.id, title: picked.resource.title, filetype: picked.resource.filetype } : undefined;
}
