// Context keys that describe the reuse or dataset of the active editor (editable,
// archived, private, deleted), so that its title bar offers only the actions that
// apply: Archive or Unarchive, Make Private or Make Public, Restore only when deleted.
import * as vscode from 'vscode';
import type { Dataset, Reuse } from '../api/models';
import { CONTEXT_KEYS, setContext } from '../contextKeys';
import { datasetKeyOf } from './dataset/datasetKind';
import { reuseIdOf } from './documentUris';
import type { DatagouvFileSystem } from './fs/datagouvFileSystem';

/**
 * Sets the four context keys of a reuse or a dataset for `value`: CONTEXT_KEYS'
 * activeReuseEditable, activeReuseArchived, activeReusePrivate, activeReuseDeleted, or
 * activeDatasetEditable… (the key names are checked by the compiler).
 */
function describe(object: 'Reuse' | 'Dataset', value: Reuse | Dataset | undefined): void {
  setContext(CONTEXT_KEYS[`active${object}Editable`], !!value && !value.deleted && value.permissions?.edit !== false);
  setContext(CONTEXT_KEYS[`active${object}Archived`], !!value?.archived);
  setContext(CONTEXT_KEYS[`active${object}Private`], !!value?.private);
  setContext(CONTEXT_KEYS[`active${object}Deleted`], !!value?.deleted && value.permissions?.edit !== false);
}

export function trackActiveDocument(files: DatagouvFileSystem): vscode.Disposable {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const ours = uri && uri.scheme === 'datagouv' ? uri : undefined;
    describe('Reuse', ours && reuseIdOf(ours) ? (files.valueOf(ours) as Reuse | undefined) : undefined);
    describe('Dataset', ours && datasetKeyOf(ours.path) ? (files.valueOf(ours) as Dataset | undefined) : undefined);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    files.onDidChangeValue((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
