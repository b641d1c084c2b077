// "data.gouv.fr: Restore Reuse": undoes a deletion (`PUT {"deleted": null}`); open
// editors of the reuse reload and become editable again (the service announces it).
import * as vscode from 'vscode';
import { defineCommand } from './registry';
import { resolveReuseTarget } from './reuseTarget';
import { inform, withNotification } from './dialogs';

export const restoreReuseCommand = defineCommand({
  id: 'datagouv.restoreReuse',
  name: 'Restore Reuse',
  needsSignIn: true,
  async run(ctx, argument?: unknown) {
    const target = await resolveReuseTarget(argument, ctx, vscode.l10n.t('Restore Reuse'));
    if (!target) return;
    const reuse = await withNotification(vscode.l10n.t('Restoring the reuse…'), () => ctx.reuses.restore(target.id));
    void inform(vscode.l10n.t('“{0}” is restored.', reuse.title ?? reuse.id));
  },
});
