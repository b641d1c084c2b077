import * as vscode from 'vscode';
import type { Log } from '../util/log';

export function registerShowLogCommand(log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.showLog', () => log.show());
}
