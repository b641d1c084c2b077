// Reuses in the `datagouv` file system: `datagouv:/reuses/<id>/<slug>.json`.
import * as vscode from 'vscode';
import type { Reuse } from '../api/models';
import type { AuthSession } from '../auth/session';
import type { RemoteDocumentKind } from './datagouvFileSystem';
import { projectReuse, renderReuseDocument, type ReuseDocument } from './reuseDocument';
import { reuseSaveSteps } from './reuseSaver';
import { DOCUMENT_SCHEME, reuseIdOf } from './reuseUri';

export function reuseDocuments(session: AuthSession): RemoteDocumentKind<ReuseDocument, Reuse> {
  return {
    keyOf: (uri) => (uri.scheme === DOCUMENT_SCHEME ? reuseIdOf(uri) : undefined),
    fetch: (id) => session.client.getReuse(id),
    fetchVersion: async (id) => (await session.client.getReuseVersion(id)).last_modified,
    versionOf: (reuse, text) => reuse.last_modified ?? text,
    createdAt: (reuse) => Date.parse(reuse.created_at ?? '') || undefined,
    project: projectReuse,
    render: renderReuseDocument,
    saveSteps: (id, signal) => reuseSaveSteps(session.client, id, signal),
    readonlyReason(reuse, l10n) {
      if (reuse.deleted) return l10n.t('This reuse is deleted on data.gouv.fr, so it opens read-only. Restore it to edit it again.');
      if (reuse.permissions && !reuse.permissions.edit) {
        return l10n.t('You may read this reuse but not edit it: only its owner, the editors of its organization and platform administrators can.');
      }
      return undefined;
    },
    explainReadonly(reuse, reason) {
      if (!reuse.deleted || reuse.permissions?.edit === false) {
        void vscode.window.showInformationMessage(reason);
        return;
      }
      const restore = vscode.l10n.t('Restore Reuse');
      void vscode.window.showWarningMessage(reason, restore).then((choice) => {
        if (choice === restore) void vscode.commands.executeCommand('datagouv.restoreReuse', { id: reuse.id });
      });
    },
    savedMessage: (reuse, l10n) => l10n.t('$(check) Saved “{0}” on data.gouv.fr', reuse.title ?? reuse.id),
  };
}
