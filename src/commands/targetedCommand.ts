// The shape of every command on "one reuse" or "one dataset": find the target (its
// argument, the active document, or a pick), name it, act; and of those that send one
// patch with progress and say it is done (Archive, Make Private…).
import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { defineCommand, type Command, type CommandContext } from './registry';
import { withNotification } from './dialogs';

export interface Target {
  id: string;
  title?: string;
}

export interface TargetKind<T extends Target> {
  /** The target of a command: its argument, else the active document's, else a pick. */
  resolve(argument: unknown, ctx: CommandContext, title: string): Promise<T | undefined>;
  /** Its title, asked from data.gouv.fr when the argument did not carry it. */
  titleOf(ctx: CommandContext, id: string): Promise<string>;
}

export function targetedCommand<T extends Target>(
  kind: TargetKind<T>,
  id: CommandId,
  name: string,
  title: () => string,
  action: (ctx: CommandContext, target: T, targetTitle: string) => Promise<void>,
): Command {
  return defineCommand({
    id,
    name,
    needsSignIn: true,
    async run(ctx, argument?: unknown) {
      const target = await kind.resolve(argument, ctx, title());
      if (!target) return;
      await action(ctx, target, target.title ?? (await kind.titleOf(ctx, target.id)));
    },
  });
}

/** A command that sends one patch to its target, with progress, and says it is done. */
export function patchingCommand<T extends Target, P>(
  kind: TargetKind<T>,
  send: (ctx: CommandContext, id: string, patch: P) => Promise<unknown>,
  id: CommandId,
  name: string,
  title: () => string,
  body: () => P,
  done: (targetTitle: string) => string,
): Command {
  return targetedCommand(kind, id, name, title, async (ctx, target, targetTitle) => {
    await withNotification(`${title()}…`, () => send(ctx, target.id, body()));
    void vscode.window.showInformationMessage(done(targetTitle));
  });
}
