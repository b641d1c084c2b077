// The shape of every command on "one reuse" or "one dataset": find the target (its
// argument, the active document, or a pick), name it, act; and of those that send one
// patch with progress and say it is done (Archive, Make Private…).
import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { defineCommand, type Command, type CommandContext } from './registry';
import { inform, withNotification } from './dialogs';

const l10n = vscode.l10n;

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

/** The patch of a change of state that reuses and datasets share. */
export interface StatePatch {
  archived?: string | null;
  private?: boolean;
}

/** Archive, Unarchive, Make Private, Make Public: the patch each sends, and the sentence that says it is done. */
export interface StateChange {
  body(): StatePatch;
  done(targetTitle: string): string;
}

export const ARCHIVE: StateChange = {
  body: () => ({ archived: new Date().toISOString() }),
  done: (title) => l10n.t('“{0}” is archived.', title),
};
export const UNARCHIVE: StateChange = {
  body: () => ({ archived: null }),
  done: (title) => l10n.t('“{0}” is no longer archived.', title),
};
export const MAKE_PRIVATE: StateChange = {
  body: () => ({ private: true }),
  done: (title) => l10n.t('“{0}” is now private.', title),
};
export const MAKE_PUBLIC: StateChange = {
  body: () => ({ private: false }),
  done: (title) => l10n.t('“{0}” is now public.', title),
};

/** A command that sends one patch to its target, with progress, and says it is done. */
export function patchingCommand<T extends Target>(
  kind: TargetKind<T>,
  send: (ctx: CommandContext, id: string, patch: StatePatch) => Promise<unknown>,
  id: CommandId,
  name: string,
  title: () => string,
  change: StateChange,
): Command {
  return targetedCommand(kind, id, name, title, async (ctx, target, targetTitle) => {
    await withNotification(`${title()}…`, () => send(ctx, target.id, change.body()));
    void inform(change.done(targetTitle));
  });
}
