// One table of commands (in the manner of rust-analyzer's): each command is defined
// once, with its typed id, whether it needs a signed-in session, and the English name
// its failures are logged under; registerCommands() wraps them all the same way —
// the sign-in check, and failures reported with their remedies — from one place.
import * as vscode from 'vscode';
import type { AccountStatusBar } from '../account/accountStatusBar';
import type { AuthSession } from '../auth/session';
import type { DatagouvFileSystem } from '../documents/fs/datagouvFileSystem';
import type { AccountService } from '../services/accountService';
import type { DatasetService } from '../services/datasetService';
import type { ReuseService } from '../services/reuseService';
import type { PlatformChoices } from '../services/platformChoices';
import type { OpenUploadSource } from '../uploads/uploadSource';
import type { ListNode, ViewId } from '../tree/nodes';
import type { DatasetSort } from '../tree/sorting';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { runCommand, type CommandId } from './commandIds';

/** What every command may use: the extension's parts, built in extension.ts. */
export interface CommandContext {
  session: AuthSession;
  log: Log;
  reuses: ReuseService;
  datasets: DatasetService;
  /** The platform's licenses, frequencies, allowed extensions… */
  choices: PlatformChoices;
  /** Opens a file for upload (streamed from the disk when it can be). */
  openUpload: OpenUploadSource;
  account: AccountService;
  files: DatagouvFileSystem;
  statusBar: AccountStatusBar;
  sidebar: {
    refresh(view?: ViewId): void;
    readonly datasetSort: DatasetSort;
    setDatasetSort(sort: DatasetSort): Promise<void>;
    loadMore(node: ListNode): Promise<void>;
  };
}

export interface Command {
  id: CommandId;
  /** English, for the log: "Delete Reuse". */
  name: string;
  /** Signed out, the command offers Set API Key instead of running. */
  needsSignIn?: boolean;
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}

export function defineCommand(command: Command): Command {
  return command;
}

export function registerCommands(ctx: CommandContext, commands: readonly Command[]): vscode.Disposable[] {
  return commands.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      if (command.needsSignIn && !ctx.session.isSignedIn && !(await askToSignIn(ctx))) return undefined;
      try {
        return await command.run(ctx, ...args);
      } catch (error) {
        await reportError(ctx.log, command.name, error);
        return undefined;
      }
    }),
  );
}

/** Offers Set API Key; true once the user is signed in. */
async function askToSignIn(ctx: CommandContext): Promise<boolean> {
  const setKey = vscode.l10n.t('Set API Key');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Set your data.gouv.fr API key first.'), setKey);
  if (choice === setKey) await runCommand('datagouv.setApiKey');
  return ctx.session.isSignedIn;
}
