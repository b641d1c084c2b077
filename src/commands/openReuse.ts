// "data.gouv.fr: Open Reuse…": from the tree it opens that reuse; from the palette it
// asks which one (a pick of the user's reuses, or a pasted id, slug or link).
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { reuseUri } from '../documents/documentUris';
import { reportError } from '../util/errorReporting';
import type { Log } from '../util/log';
import { pickReuse, reuseTargetOf, type ReuseTarget } from './reuseTarget';

const OBJECT_ID = /^[0-9a-f]{24}$/;

export function registerOpenReuseCommand(session: AuthSession, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('datagouv.openReuse', async (argument?: unknown) => {
    const target = reuseTargetOf(argument) ?? (await pickReuse(session, vscode.l10n.t('Open Reuse')));
    if (!target) return;
    try {
      const resolved = await resolveId(session, target);
      const document = await vscode.workspace.openTextDocument(reuseUri(resolved.id, resolved.slug));
      await vscode.window.showTextDocument(document, { preview: false });
    } catch (error) {
      await reportError(log, `Open reuse ${target.id}`, error);
    }
  });
}

/** A pasted slug becomes the reuse's id (documents are addressed by id: slugs change). */
async function resolveId(session: AuthSession, target: ReuseTarget): Promise<ReuseTarget> {
  if (OBJECT_ID.test(target.id) && target.slug) return target;
  const reuse = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up the reuse on data.gouv.fr…') },
    () => session.client.getReuse(target.id, { fields: 'id,slug,title' }),
  );
  return { id: reuse.id, slug: reuse.slug, title: reuse.title };
}
