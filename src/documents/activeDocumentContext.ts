// Context keys that describe the reuse or dataset of the active editor (editable,
// archived, private, deleted), so that its title bar offers only the actions that
// apply: Archive or Unarchive, Make Private or Make Public, Restore only when deleted.
import * as vscode from 'vscode';
import type { Dataset, Reuse } from '../api/models';
import { CONTEXT_KEYS, setContext, type ContextKey } from '../contextKeys';
import { datasetKeyOf } from './dataset/datasetKind';
import { reuseIdOf } from './documentUris';
import type { DatagouvFileSystem } from './fs/datagouvFileSystem';

type Keys = { editable: ContextKey; archived: ContextKey; private: ContextKey; deleted: ContextKey };

const REUSE_KEYS: Keys = {
  editable: CONTEXT_KEYS.activeReuseEditable,
  archived: CONTEXT_KEYS.activeReuseArchived,
  private: CONTEXT_KEYS.activeReusePrivate,
  deleted: CONTEXT_KEYS.activeReuseDeleted,
};

const DATASET_KEYS: Keys = {
  editable: CONTEXT_KEYS.activeDatasetEditable,
  archived: CONTEXT_KEYS.activeDatasetArchived,
  private: CONTEXT_KEYS.activeDatasetPrivate,
  deleted: CONTEXT_KEYS.activeDatasetDeleted,
};

function describe(keys: Keys, value: Reuse | Dataset | undefined): void {
  setContext(keys.editable, !!value && !value.deleted && value.permissions?.edit !== false);
  setContext(keys.archived, !!value?.archived);
  setContext(keys.private, !!value?.private);
  setContext(keys.deleted, !!value?.deleted && value.permissions?.edit !== false);
}

export function trackActiveDocument(files: DatagouvFileSystem): vscode.Disposable {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const ours = uri && uri.scheme === 'datagouv' ? uri : undefined;
    describe(REUSE_KEYS, ours && reuseIdOf(ours) ? (files.valueOf(ours) as Reuse | undefined) : undefined);
    describe(DATASET_KEYS, ours && datasetKeyOf(ours.path) ? (files.valueOf(ours) as Dataset | undefined) : undefined);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    files.onDidChangeValue((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
