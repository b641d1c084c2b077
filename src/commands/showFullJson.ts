// "data.gouv.fr: Show Full JSON": the reuse as the API returns it, read-only.
import * as vscode from 'vscode';
import { fullJsonUri } from '../documents/documentUris';
import { defineCommand } from './registry';
import { resolveReuseTarget } from './reuseTarget';

export const showFullJsonCommand = defineCommand({
  id: 'datagouv.showFullJson',
  name: 'Show Full JSON',
  async run(ctx, argument?: unknown) {
    const target = await resolveReuseTarget(argument, ctx, vscode.l10n.t('Show Full JSON'));
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(fullJsonUri(target.id, target.slug));
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  },
});
