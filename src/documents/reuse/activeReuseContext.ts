// Context keys that describe the reuse of the active editor (editable, archived,
// private, deleted), so that its title bar offers only the actions that apply:
// Archive or Unarchive, Make Private or Make Public, Restore only when deleted.
import * as vscode from 'vscode';
import type { Reuse } from '../../api/models';
import { CONTEXT_KEYS, setContext } from '../../contextKeys';
import { reuseIdOf } from '../documentUris';
import type { DatagouvFileSystem } from '../fs/datagouvFileSystem';

export function trackActiveReuse(files: DatagouvFileSystem): vscode.Disposable {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const reuse = uri && uri.scheme === 'datagouv' && reuseIdOf(uri) ? (files.valueOf(uri) as Reuse | undefined) : undefined;
    setContext(CONTEXT_KEYS.activeReuseEditable, !!reuse && !reuse.deleted && reuse.permissions?.edit !== false);
    setContext(CONTEXT_KEYS.activeReuseArchived, !!reuse?.archived);
    setContext(CONTEXT_KEYS.activeReusePrivate, !!reuse?.private);
    setContext(CONTEXT_KEYS.activeReuseDeleted, !!reuse?.deleted && reuse.permissions?.edit !== false);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    files.onDidChangeValue((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
