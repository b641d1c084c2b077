// What saving an editable document does, without VS Code: check the text, send only
// the changed fields (nothing when nothing changed), and turn every failure into a
// DocumentSaveError whose message says what happened and what to do. The file system
// throws it from writeFile, so VS Code keeps the document dirty.
import { describeApiError, type Translator } from '../api/errorMessages';
import { ApiError } from '../api/errors';
import { locateFieldErrors, type DocumentCheck, type Problem } from './jsonDocumentCheck';

export class DocumentSaveError extends Error {
  constructor(
    message: string,
    /** Where the text is wrong (shown as diagnostics); empty when the text is not at fault. */
    readonly problems: Problem[] = [],
    readonly apiError?: ApiError,
  ) {
    super(message);
    this.name = 'DocumentSaveError';
  }
}

export interface SaveResult<D, T> {
  /** False when the text had no change to send. */
  sent: boolean;
  /** The server's answer to the update. */
  value?: T;
  document: D;
  /** The document as data.gouv.fr stored it (tags and URLs normalised). */
  text: string;
}

export interface SaveSteps<D, T> {
  check(text: string, base: D, l10n: Translator): DocumentCheck<D>;
  send(patch: Partial<D>): Promise<T>;
  project(value: T): D;
  render(document: D): string;
  /** The sentence for a 410: the object was deleted since it was opened. */
  goneMessage(l10n: Translator): string;
}

export async function saveDocumentText<D, T>(steps: SaveSteps<D, T>, base: D, text: string, l10n: Translator): Promise<SaveResult<D, T>> {
  const check = steps.check(text, base, l10n);
  if (!check.ok) {
    const [first] = check.problems;
    const message =
      check.problems.length === 1
        ? l10n.t('Not saved: {0}', first.message)
        : l10n.t('Not saved: {0} problems, first at line {1}: {2}', check.problems.length, first.line, first.message);
    throw new DocumentSaveError(message, check.problems);
  }
  if (!Object.keys(check.patch).length) {
    return { sent: false, document: base, text: steps.render(base) };
  }
  let value: T;
  try {
    value = await steps.send(check.patch);
  } catch (error) {
    throw toSaveError(error, text, l10n, steps.goneMessage);
  }
  const document = steps.project(value);
  return { sent: true, value, document, text: steps.render(document) };
}

function toSaveError(error: unknown, text: string, l10n: Translator, goneMessage: (l10n: Translator) => string): DocumentSaveError {
  if (!(error instanceof ApiError)) {
    return new DocumentSaveError(l10n.t('Not saved: {0} Your changes are still in the editor.', String(error)));
  }
  switch (error.kind) {
    case 'validation':
      return new DocumentSaveError(l10n.t('Not saved: {0}', describeApiError(error, l10n)), locateFieldErrors(text, error.fieldErrors), error);
    case 'gone':
      return new DocumentSaveError(goneMessage(l10n), [], error);
    case 'notFound':
      return new DocumentSaveError(
        l10n.t('Not saved: this object no longer exists on data.gouv.fr. Your changes are still in the editor: copy your text before closing it.'),
        [],
        error,
      );
    default:
      return new DocumentSaveError(
        l10n.t('Not saved: {0} Your changes are still in the editor; save again to retry.', describeApiError(error, l10n)),
        [],
        error,
      );
  }
}
