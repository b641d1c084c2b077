// Saving a reuse document: the generic save (documentSaver.ts) with the reuse's check,
// projection and PUT /reuses/{id}/.
import type { ApiClient } from '../api/client';
import type { Translator } from '../api/errorMessages';
import type { Reuse } from '../api/models';
import { saveDocumentText, type SaveResult, type SaveSteps } from './documentSaver';
import { checkReuseText, projectReuse, renderReuseDocument, type ReuseDocument } from './reuseDocument';

export { DocumentSaveError as ReuseSaveError } from './documentSaver';

export function reuseSaveSteps(client: ApiClient, id: string, signal?: AbortSignal): SaveSteps<ReuseDocument, Reuse> {
  return {
    check: checkReuseText,
    send: (patch) => client.updateReuse(id, patch, { signal }),
    project: projectReuse,
    render: renderReuseDocument,
    goneMessage: (l10n) =>
      l10n.t('Not saved: this reuse was deleted on data.gouv.fr since you opened it. Your changes are still in the editor: restore the reuse ("data.gouv.fr: Restore Reuse") and save again, or copy your text.'),
  };
}

export function saveReuseText(
  client: ApiClient,
  id: string,
  base: ReuseDocument,
  text: string,
  l10n: Translator,
  signal?: AbortSignal,
): Promise<SaveResult<ReuseDocument, Reuse>> {
  return saveDocumentText(reuseSaveSteps(client, id, signal), base, text, l10n);
}
