// Files of a dataset: Upload Resource… (files picked, or dropped on the dataset in the
// tree), Replace File…, Add Remote Resource… and Delete Resource. An upload checks the
// platform's allowed extensions before sending anything, shows its progress in bytes
// and can be cancelled; a failed or cancelled upload says so and changes nothing.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { UploadSource } from '../api/multipart';
import { resourceUri } from '../documents/documentUris';
import { HTTP_URL_PATTERN } from '../documents/reuse/reuseSchema';
import { formatBytes } from '../tree/format';
import { describeError } from '../util/errorReporting';
import { fileName } from '../uploads/uploadSource';
import { resolveDatasetTarget, resolveResourceTarget, type DatasetTarget, type ResourceTarget } from './datasetTarget';
import { defineCommand, type CommandContext } from './registry';
import { confirmAndDelete, inform, openDocument, withNotification } from './dialogs';

const l10n = vscode.l10n;

/** The extension udata checks: the last one, lower case (flask-storage's `extension`). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The files whose extension data.gouv.fr refuses, named in a sentence; undefined when all pass. */
export function refusedFiles(names: readonly string[], allowed: readonly string[]): string[] {
  const accepted = new Set(allowed);
  return names.filter((name) => !accepted.has(extensionOf(name)));
}

async function checkExtensions(ctx: CommandContext, uris: readonly vscode.Uri[]): Promise<boolean> {
  let allowed: string[];
  try {
    allowed = await ctx.choices.allowedExtensions();
  } catch (error) {
    // The list is a courtesy: data.gouv.fr checks again, and says so plainly.
    ctx.log.warn(`Allowed extensions: ${describeError(error)}`);
    return true;
  }
  const refused = refusedFiles(
    uris.map((uri) => fileName(uri)),
    allowed,
  );
  if (!refused.length) return true;
  await vscode.window.showErrorMessage(l10n.t('Nothing was uploaded: data.gouv.fr does not accept these files: {0}.', refused.join(', ')), {
    modal: true,
    detail: l10n.t('Accepted extensions: {0}.', allowed.join(', ')),
  });
  return false;
}

function bytes(value: number): string {
  return formatBytes(value, vscode.env.language, l10n) ?? String(value);
}

/**
 * Sends one file with a cancellable notification that counts the bytes. Resolves the
 * resource, or undefined when the user cancelled (said in the notification's place). A
 * failure throws `failed(reason)`, the sentence that says what was kept.
 */
async function sendWithProgress<T>(
  title: string,
  source: UploadSource,
  send: (signal: AbortSignal, onProgress: (sent: number) => void) => Promise<T>,
  failed: (reason: string) => string,
): Promise<T | undefined> {
  const abort = new AbortController();
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      return send(abort.signal, (sent) => {
        const percent = source.size ? (sent / source.size) * 100 : 100;
        progress.report({ message: l10n.t('{0} of {1}', bytes(sent), bytes(source.size)), increment: percent - reported });
        reported = percent;
      });
    });
  } catch (error) {
    if (abort.signal.aborted || (error instanceof ApiError && error.kind === 'cancelled')) return undefined;
    throw new Error(failed(describeError(error)), { cause: error });
  }
}

/** The files to send, from the system's open dialog; undefined when the user closed it. */
function pickFiles(canSelectMany: boolean, openLabel: string, title: string): Thenable<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({ canSelectMany, canSelectFiles: true, canSelectFolders: false, openLabel, title });
}

/** Says a resource is added, with Open Resource when `resourceId` names one to open. */
async function announceResource(message: string, datasetId: string, resourceId: string | undefined): Promise<void> {
  const open = l10n.t('Open Resource');
  const choice = await inform(message, ...(resourceId ? [open] : []));
  if (choice === open && resourceId) await openDocument(resourceUri(datasetId, resourceId));
}

/** The resource a command acts on, and its name: its title (asked from data.gouv.fr when the argument did not carry it), else its id. */
async function resolveNamedResource(argument: unknown, ctx: CommandContext, title: string): Promise<[ResourceTarget, string] | undefined> {
  const target = await resolveResourceTarget(argument, ctx, title);
  if (!target) return undefined;
  target.title ??= await ctx.datasets.resourceTitle(target.datasetId, target.resourceId);
  return [target, target.title ?? target.resourceId];
}

/** Uploads files to a dataset, one after the other; the first failure stops the rest. */
export async function uploadFiles(ctx: CommandContext, dataset: DatasetTarget, uris: readonly vscode.Uri[]): Promise<void> {
  if (!uris.length || !(await checkExtensions(ctx, uris))) return;
  const name = dataset.title ?? (await ctx.datasets.title(dataset.id));
  const datasetId = await ctx.datasets.idOf(dataset.id);
  let done = 0;
  let last: string | undefined;
  for (const uri of uris) {
    const source = await ctx.openUpload(uri);
    const title = l10n.t('Uploading “{0}” to “{1}”', source.name, name);
    const resource = await sendWithProgress(
      title,
      source,
      (signal, onProgress) => ctx.datasets.upload(datasetId, source, { signal, onProgress }),
      (reason) =>
        l10n.t('“{0}” was not uploaded: {1} The dataset keeps its resources as they were; upload it again when the problem is solved.', source.name, reason),
    );
    if (!resource) {
      void vscode.window.showWarningMessage(l10n.t('Upload of “{0}” cancelled: nothing was added to “{1}”.', source.name, name));
      return;
    }
    done++;
    last = resource.id;
    ctx.log.info(`Uploaded ${source.name} (${source.size} bytes) to dataset ${datasetId}: resource ${resource.id}`);
  }
  const message = done === 1 ? l10n.t('“{0}” is uploaded to “{1}”.', fileName(uris[0]), name) : l10n.t('{0} files are uploaded to “{1}”.', done, name);
  // One file: its resource can be opened from the message.
  await announceResource(message, datasetId, done === 1 ? last : undefined);
}

export const uploadResourceCommand = defineCommand({
  id: 'datagouv.uploadResource',
  name: 'Upload Resource',
  needsSignIn: true,
  async run(ctx, argument?: unknown, ...rest: unknown[]) {
    const dataset = await resolveDatasetTarget(argument, ctx, l10n.t('Upload Resource'));
    if (!dataset) return;
    // From a drop: the files come along.
    const given = rest.find((value): value is vscode.Uri[] => Array.isArray(value) && value.every((item) => item instanceof vscode.Uri));
    const uris = given ?? (await pickFiles(true, l10n.t('Upload'), l10n.t('Files to upload to “{0}”', dataset.title ?? dataset.id)));
    if (!uris?.length) return;
    await uploadFiles(ctx, dataset, uris);
  },
});

export const replaceResourceFileCommand = defineCommand({
  id: 'datagouv.replaceResourceFile',
  name: 'Replace File',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const named = await resolveNamedResource(argument, ctx, l10n.t('Replace File'));
    if (!named) return;
    const [target, name] = named;
    const [uri] = (await pickFiles(false, l10n.t('Replace'), l10n.t('New file for “{0}”', name))) ?? [];
    if (!uri || !(await checkExtensions(ctx, [uri]))) return;
    const source = await ctx.openUpload(uri);
    const resource = await sendWithProgress(
      l10n.t('Replacing the file of “{0}”', name),
      source,
      (signal, onProgress) => ctx.datasets.replaceFile(target.datasetId, target.resourceId, source, { signal, onProgress }),
      (reason) => l10n.t('The file was not replaced: {0} The resource keeps its previous file.', reason),
    );
    if (!resource) {
      void vscode.window.showWarningMessage(l10n.t('Replacement cancelled: “{0}” keeps its previous file.', name));
      return;
    }
    // udata names the resource after the new file (udata/core/dataset/api.py, UploadDatasetResource).
    void inform(l10n.t('The file of the resource is replaced by “{0}” (its title is now “{1}”).', source.name, resource.title ?? source.name));
  },
});

export const addRemoteResourceCommand = defineCommand({
  id: 'datagouv.addRemoteResource',
  name: 'Add Remote Resource',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const dataset = await resolveDatasetTarget(argument, ctx, l10n.t('Add Remote Resource'));
    if (!dataset) return;
    const url = await vscode.window.showInputBox({
      title: l10n.t('Add Remote Resource'),
      prompt: l10n.t('Address of the file (https://…): data.gouv.fr links to it, it is not uploaded'),
      ignoreFocusOut: true,
      validateInput: (value) =>
        new RegExp(HTTP_URL_PATTERN).test(value.trim()) ? undefined : l10n.t('A web address starting with http:// or https:// is required.'),
    });
    if (!url) return;
    const suggested = decodeURIComponentSafe(new URL(url.trim()).pathname.split('/').filter(Boolean).pop() ?? '');
    const title = await vscode.window.showInputBox({
      title: l10n.t('Add Remote Resource'),
      prompt: l10n.t('Title of the resource'),
      value: suggested,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : l10n.t('A title is required.')),
    });
    if (!title) return;
    const datasetId = await ctx.datasets.idOf(dataset.id);
    const resource = await withNotification(l10n.t('Adding the resource…'), () =>
      ctx.datasets.addRemoteResource(datasetId, { filetype: 'remote', title: title.trim(), url: url.trim(), format: extensionOf(suggested) || undefined }),
    );
    await announceResource(l10n.t('“{0}” is added.', resource.title ?? resource.id), datasetId, resource.id);
  },
});

export const deleteResourceCommand = defineCommand({
  id: 'datagouv.deleteResource',
  name: 'Delete Resource',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const named = await resolveNamedResource(argument, ctx, l10n.t('Delete Resource'));
    if (!named) return;
    const [target, name] = named;
    const deleted = await confirmAndDelete(
      l10n.t('Delete the resource “{0}”?', name),
      l10n.t('The resource and its stored file are removed from data.gouv.fr. This cannot be undone.'),
      l10n.t('Deleting the resource…'),
      () => ctx.datasets.deleteResource(target.datasetId, target.resourceId),
    );
    if (deleted) void inform(l10n.t('“{0}” is deleted.', name));
  },
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const resourceCommands = [uploadResourceCommand, replaceResourceFileCommand, addRemoteResourceCommand, deleteResourceCommand];
