// Reuses as documents of the `datagouv` file system: `datagouv:/reuses/<id>/<slug>.json`,
// read with `GET /reuses/{id}/`, saved with `PUT /reuses/{id}/` (a patch). Pure code.
import type { Reuse } from '../../api/models';
import { REUSE_DOCUMENT_MASK, REUSE_EDITABLE_MASK } from '../../api/fieldMasks';
import { createdAtOf, restoreActionOf, savedMessageOf, type DocumentKind } from '../fs/documentKind';
import { objectIdOf } from './reuseReference';
import { DOCUMENT_KEYS, checkReuseText, projectReuse, renderReuseDocument, type ReuseDocument } from './reuseDocument';

export const reuseKind: DocumentKind<ReuseDocument, Reuse> = {
  keyOf: (path) => objectIdOf('reuses', path),
  keys: DOCUMENT_KEYS,
  mergeByKey: ['extras'],
  fetch: (client, id, call) => client.getReuse(id, { ...call, fields: REUSE_DOCUMENT_MASK }),
  fetchEditable: (client, id, call) => client.getReuse(id, { ...call, fields: REUSE_EDITABLE_MASK }),
  update: (client, id, patch, call) => client.updateReuse(id, patch, { ...call, fields: REUSE_DOCUMENT_MASK }),
  check: checkReuseText,
  project: projectReuse,
  render: renderReuseDocument,
  createdAt: createdAtOf,
  readonlyReason(reuse, l10n) {
    if (reuse.deleted) return l10n.t('This reuse is deleted on data.gouv.fr, so it opens read-only. Restore it to edit it again.');
    if (reuse.permissions && !reuse.permissions.edit) {
      return l10n.t('You may read this reuse but not edit it: only its owner, the editors of its organization and platform administrators can.');
    }
    return undefined;
  },
  restoreAction: (reuse, l10n) => restoreActionOf(reuse, 'datagouv.restoreReuse', () => l10n.t('Restore Reuse')),
  savedMessage: savedMessageOf,
  goneMessage: (l10n) =>
    l10n.t(
      'Not saved: this reuse was deleted on data.gouv.fr since you opened it. Your changes are still in the editor: restore the reuse ("data.gouv.fr: Restore Reuse") and save again, or copy your text.',
    ),
  describe: (reuse, l10n) => reuse?.title ?? l10n.t('this reuse'),
};
