// "data.gouv.fr: Open Reuse…": from the tree it opens that reuse; from the palette it
// asks which one (a pick of the user's reuses, or a pasted id, slug or link; a text that
// matches none of them searches every reuse of data.gouv.fr). One that is not the
// user's opens read-only (the reuse document's permissions).
import * as vscode from 'vscode';
import { isObjectId } from '../api/ids';
import { reuseUri } from '../documents/documentUris';
import { defineCommand, type CommandContext } from './registry';
import { pickReuse, reuseTargetOf, type ReuseTarget } from './reuseTarget';
import { openDocument, withNotification } from './dialogs';
import { referenceTo } from '../tree/nodes';

export const openReuseCommand = defineCommand({
  id: 'datagouv.openReuse',
  name: 'Open Reuse',
  async run(ctx, argument?: unknown) {
    const target = reuseTargetOf(argument) ?? (await pickReuse(ctx, vscode.l10n.t('Open Reuse'), true));
    if (!target) return;
    const resolved = await resolveId(ctx, target);
    await openDocument(reuseUri(resolved.id, resolved.slug));
  },
});

/** A pasted slug becomes the reuse's id (documents are addressed by id: slugs change). */
async function resolveId(ctx: CommandContext, target: ReuseTarget): Promise<ReuseTarget> {
  if (isObjectId(target.id) && target.slug) return target;
  const reuse = await withNotification(vscode.l10n.t('Looking up the reuse on data.gouv.fr…'), () => ctx.reuses.reference(target.id));
  return referenceTo(reuse);
}
