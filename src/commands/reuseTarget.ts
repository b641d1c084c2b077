// Every command that acts on "a reuse" accepts it from a tree item, from the open
// document (editor title/context menu), or asks for it in the palette.
import * as vscode from 'vscode';
import type { Reuse } from '../api/models';
import type { AuthSession } from '../auth/session';
import { parseReuseReference } from '../documents/reuseReference';
import { reuseIdOf } from '../documents/reuseUri';
import { reuseTypeLabel } from '../tree/labels';
import { describeError } from '../util/errorReporting';

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

interface ReusePick extends vscode.QuickPickItem {
  target: ReuseTarget;
}

/**
 * A quick pick of the user's reuses (type to filter) that also accepts a pasted id,
 * slug or data.gouv.fr URL. Resolves undefined when the user cancels.
 */
export function pickReuse(session: AuthSession, title: string): Promise<ReuseTarget | undefined> {
  const picker = vscode.window.createQuickPick<ReusePick>();
  picker.title = title;
  picker.placeholder = vscode.l10n.t('Type to filter your reuses, or paste a reuse id, slug or data.gouv.fr link');
  picker.matchOnDescription = true;
  picker.busy = true;
  let listed: ReusePick[] = [];

  const render = () => {
    const reference = parseReuseReference(picker.value);
    const pasted: ReusePick[] =
      reference && !listed.some((item) => item.target.id === reference.idOrSlug || item.target.slug === reference.idOrSlug)
        ? [
            {
              label: `$(link) ${vscode.l10n.t('Open reuse “{0}”', reference.idOrSlug)}`,
              alwaysShow: true,
              target: { id: reference.idOrSlug },
            },
          ]
        : [];
    picker.items = [...pasted, ...listed];
  };

  if (session.isSignedIn) {
    session.client
      .listOrgReuses()
      .then((reuses: Reuse[]) => {
        listed = reuses.map((reuse) => ({
          label: reuse.title ?? reuse.id,
          description: [
            reuseTypeLabel(reuse.type, vscode.l10n),
            reuse.organization?.name,
            reuse.deleted ? vscode.l10n.t('deleted') : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
          target: { id: reuse.id, slug: reuse.slug, title: reuse.title },
        }));
        render();
      })
      .catch((error: unknown) => {
        picker.placeholder = describeError(error);
      })
      .finally(() => (picker.busy = false));
  } else {
    picker.busy = false;
    picker.placeholder = vscode.l10n.t('Paste a reuse id, slug or data.gouv.fr link (set your API key to list your reuses)');
  }

  return new Promise((resolve) => {
    let done = false;
    picker.onDidChangeValue(render);
    picker.onDidAccept(() => {
      const [item] = picker.selectedItems;
      const reference = parseReuseReference(picker.value);
      const target = item?.target ?? (reference ? { id: reference.idOrSlug } : undefined);
      if (!target) return;
      done = true;
      resolve(target);
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!done) resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** The reuse a command acts on: its argument, else the active document, else a pick. */
export async function resolveReuseTarget(argument: unknown, session: AuthSession, title: string): Promise<ReuseTarget | undefined> {
  return reuseTargetOf(argument) ?? activeReuseTarget() ?? (await pickReuse(session, title));
}
