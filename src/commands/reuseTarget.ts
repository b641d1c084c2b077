// Every command that acts on "a reuse" accepts it from a tree item, from the open
// document (editor title/context menu), or asks for it in the palette.
import * as vscode from 'vscode';
import { parseReuseReference } from '../documents/reuse/reuseReference';
import { reuseIdOf } from '../documents/documentUris';
import { reuseTypeLabel } from '../util/enumLabels';
import { pastedTarget, pickOrPaste } from './pickOrPaste';
import type { CommandContext } from './registry';
import { referenceTo } from '../tree/nodes';

const l10n = vscode.l10n;

export interface ReuseTarget {
  /** An id, or a slug when the user pasted one. */
  id: string;
  slug?: string;
  title?: string;
}

/** Reads a command argument: an id, `{ id, slug, title }`, a tree node holding a reuse, or a document URI. */
export function reuseTargetOf(argument: unknown): ReuseTarget | undefined {
  if (typeof argument === 'string') return argument ? { id: argument } : undefined;
  if (argument instanceof vscode.Uri) {
    const id = reuseIdOf(argument);
    return id ? { id } : undefined;
  }
  if (argument && typeof argument === 'object') {
    const record = argument as Record<string, unknown>;
    const inner = (record.reuse && typeof record.reuse === 'object' ? record.reuse : record) as Record<string, unknown>;
    if (typeof inner.id === 'string') {
      return {
        id: inner.id,
        slug: typeof inner.slug === 'string' ? inner.slug : undefined,
        title: typeof inner.title === 'string' ? inner.title : undefined,
      };
    }
  }
  return undefined;
}

/** The reuse of the active editor, when it shows one. */
export function activeReuseTarget(): ReuseTarget | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? reuseTargetOf(uri) : undefined;
}

/**
 * A quick pick of the user's reuses (type to filter) that also accepts a pasted id,
 * slug or data.gouv.fr URL. With `searchOthers`, a text that matches none of them is
 * also looked for among every reuse of data.gouv.fr (`GET /reuses/suggest/`), marked as
 * not the user's. Resolves undefined when the user cancels.
 */
export function pickReuse(ctx: CommandContext, title: string, searchOthers = false): Promise<ReuseTarget | undefined> {
  return pickOrPaste<ReuseTarget>({
    title,
    placeholder: l10n.t('Type to filter your reuses, or paste a reuse id, slug or data.gouv.fr link'),
    placeholderWhenNotListed: l10n.t('Paste a reuse id, slug or data.gouv.fr link (set your API key to list your reuses)'),
    load: ctx.session.isSignedIn
      ? async () =>
          (await ctx.reuses.listMine()).map((reuse) => ({
            label: reuse.title ?? reuse.id,
            description: [reuseTypeLabel(reuse.type, l10n), reuse.organization?.name, reuse.deleted ? l10n.t('deleted') : undefined]
              .filter(Boolean)
              .join(' · '),
            target: referenceTo(reuse),
          }))
      : undefined,
    parse: pastedTarget(parseReuseReference),
    pastedLabel: (target) => l10n.t('Open reuse “{0}”', target.id),
    search:
      searchOthers && ctx.session.isSignedIn
        ? async (query, signal) =>
            (await ctx.reuses.suggest(query, signal)).map((reuse) => ({
              label: `$(globe) ${reuse.title ?? reuse.id}`,
              description: l10n.t('not yours · found on data.gouv.fr'),
              target: referenceTo(reuse),
            }))
        : undefined,
  });
}

/**
 * The reuse a command acts on: its argument, else the active document, else a pick
 * (which, with `searchOthers`, also searches every reuse of data.gouv.fr).
 */
export async function resolveReuseTarget(argument: unknown, ctx: CommandContext, title: string, searchOthers = false): Promise<ReuseTarget | undefined> {
  return reuseTargetOf(argument) ?? activeReuseTarget() ?? (await pickReuse(ctx, title, searchOthers));
}
