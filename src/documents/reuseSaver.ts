// What a save of a reuse document does, without VS Code: check the text, send only the
// changed fields (nothing when nothing changed), and turn every failure into a
// ReuseSaveError whose message says what happened and what to do. The caller throws
// it from writeFile, so VS Code keeps the document dirty.
import type { ApiClient } from '../api/client';
import { describeApiError, type Translator } from '../api/errorMessages';
import { ApiError } from '../api/errors';
import type { Reuse } from '../api/models';
import { checkReuseText, locateFieldErrors, projectReuse, renderReuseDocument, type Problem, type ReuseDocument } from './reuseDocument';

export class ReuseSaveError extends Error {
  constructor(
    message: string,
    /** Where the text is wrong (shown as diagnostics); empty when the text is not at fault. */
    readonly problems: Problem[] = [],
    readonly apiError?: ApiError,
  ) {
    super(message);
    this.name = 'ReuseSaveError';
  }
}

export interface SaveResult {
  /** False when the text had no change to send. */
  sent: boolean;
  reuse?: Reuse;
  document: ReuseDocument;
  /** The document as data.gouv.fr stored it (tags and URL normalised). */
  text: string;
}

export async function saveReuseText(
  client: ApiClient,
  id: string,
  base: ReuseDocument,
  text: string,
  l10n: Translator,
  signal?: AbortSignal,
): Promise<SaveResult> {
  const check = checkReuseText(text, base, l10n);
  if (!check.ok) {
    const [first] = check.problems;
    const message =
      check.problems.length === 1
        ? l10n.t('Not saved: {0}', first.message)
        : l10n.t('Not saved: {0} problems, first at line {1}: {2}', check.problems.length, first.line, first.message);
    throw new ReuseSaveError(message, check.problems);
  }
  if (!Object.keys(check.patch).length) {
    return { sent: false, document: base, text: renderReuseDocument(base) };
  }
  let reuse: Reuse;
  try {
    reuse = await client.updateReuse(id, check.patch, { signal });
  } catch (error) {
    throw toSaveError(error, text, l10n);
  }
  const document = projectReuse(reuse);
  return { sent: true, reuse, document, text: renderReuseDocument(document) };
}

function toSaveError(error: unknown, text: string, l10n: Translator): ReuseSaveError {
  if (!(error instanceof ApiError)) {
    return new ReuseSaveError(l10n.t('Not saved: {0} Your changes are still in the editor.', String(error)));
  }
  switch (error.kind) {
    case 'validation':
      return new ReuseSaveError(
        l10n.t('Not saved: {0}', describeApiError(error, l10n)),
        locateFieldErrors(text, error.fieldErrors),
        error,
      );
    case 'gone':
      return new ReuseSaveError(
        l10n.t('Not saved: this reuse was deleted on data.gouv.fr since you opened it. Your changes are still in the editor: restore the reuse ("data.gouv.fr: Restore Reuse") and save again, or copy your text.'),
        [],
        error,
      );
    case 'notFound':
      return new ReuseSaveError(
        l10n.t('Not saved: this reuse no longer exists on data.gouv.fr. Your changes are still in the editor: copy your text before closing it.'),
        [],
        error,
      );
    default:
      return new ReuseSaveError(
        l10n.t('Not saved: {0} Your changes are still in the editor; save again to retry.', describeApiError(error, l10n)),
        [],
        error,
      );
  }
}
