// Files dragged from the Explorer (or the desktop) onto a dataset of Organization
// Datasets are uploaded to it as new resources, through Upload Resource (the same
// checks, progress and messages as picking them). Dropping on one of its resources, or
// on its Reuses or Community Resources row, uploads to that dataset too.
import * as vscode from 'vscode';
import { runCommand } from '../commands/commandIds';
import type { TreeNode } from './nodes';

export const URI_LIST_MIME = 'text/uri-list';

/** The URIs of a `text/uri-list` (RFC 2483: one per line, `#` starts a comment). */
export function parseUriList(text: string): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (!value || value.startsWith('#')) continue;
    try {
      uris.push(vscode.Uri.parse(value, true));
    } catch {
      // Not a URI: a drop of text rather than files.
    }
  }
  return uris;
}

export class DatasetDropController implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dropMimeTypes = [URI_LIST_MIME];
  readonly dragMimeTypes: string[] = [];

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const text = await dataTransfer.get(URI_LIST_MIME)?.asString();
    if (!text || token.isCancellationRequested) return;
    const uris = parseUriList(text);
    if (!uris.length) return;
    const dataset = target?.kind === 'dataset' || target?.kind === 'resource' || target?.kind === 'list' ? target.dataset : undefined;
    if (!dataset) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Drop files on a dataset to upload them as its resources.'));
      return;
    }
    if (dataset.deleted || dataset.permissions?.edit === false) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was uploaded: you may not add files to “{0}”.', dataset.title ?? dataset.id));
      return;
    }
    await runCommand('datagouv.uploadResource', { id: dataset.id, title: dataset.title }, uris);
  }
}
