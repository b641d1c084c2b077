// What saving a document does, without VS Code: check the text; when it differs from
// the base, read the editable fields once more (theirs), merge three ways, and PUT only
// the fields the user changed. Every failure becomes a DocumentSaveError whose message
// says what happened and what to do; the file system throws it from writeFile, so VS
// Code keeps the document dirty.
import type { ApiClient, CallOptions } from '../../api/client';
import { describeApiError } from '../../util/errorMessages';
import type { Translator } from '../../util/translator';
import { ApiError } from '../../api/errors';
import { locateFieldErrors, sameJson, type Problem } from '../jsonDocumentCheck';
import type { DocumentKind } from './documentKind';
import { threeWayMerge } from './threeWayMerge';

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

export type SaveOutcome<D, T> =
  /** The text says what the base says: nothing to send, no request made. */
  | { status: 'unchanged' }
  /** Both sides changed these fields differently: nothing was sent. */
  | { status: 'conflict'; yours: D; conflicts: string[]; theirs: D; theirsValue: T }
  /** data.gouv.fr already holds every change of the text: nothing was sent. */
  | { status: 'upToDate'; yours: D; document: D; value: T; fromServer: string[] }
  /** The PUT went through; `document` is what data.gouv.fr stored. */
  | { status: 'saved'; yours: D; patch: Partial<D>; value: T; document: D; fromServer: string[] };

export interface SaveRequest<D extends object, T> {
  kind: DocumentKind<D, T>;
  client: ApiClient;
  key: string;
  /** What the editor was given; undefined when that is unknown (every difference is then a conflict). */
  base: D | undefined;
  text: string;
  l10n: Translator;
  call?: CallOptions;
}

export async function saveDocument<D extends object, T>(request: SaveRequest<D, T>): Promise<SaveOutcome<D, T>> {
  const { kind, client, key, base, text, l10n, call = {} } = request;
  const yours = checkedDocument(kind, text, base, l10n);
  if (base && kind.keys.every((field) => sameJson((yours as Record<string, unknown>)[field], (base as Record<string, unknown>)[field]))) {
    return { status: 'unchanged' };
  }

  let theirsValue: T;
  try {
    theirsValue = await kind.fetchEditable(client, key, call);
  } catch (error) {
    throw toSaveError(error, text, l10n, kind);
  }
  const reason = kind.readonlyReason(theirsValue, l10n);
  if (reason) throw new DocumentSaveError(notSavedMessage(reason, l10n));
  const theirs = kind.project(theirsValue);
  const merge = threeWayMerge(kind.keys, base, yours, theirs, kind.mergeByKey);
  if (merge.conflicts.length) return { status: 'conflict', yours, conflicts: merge.conflicts, theirs, theirsValue };
  if (!Object.keys(merge.patch).length) return { status: 'upToDate', yours, document: theirs, value: theirsValue, fromServer: merge.fromServer };

  const patch = { ...merge.patch } as Record<string, unknown>;
  for (const field of kind.sentAlways ?? []) {
    if (!(field in patch)) patch[field] = (theirs as Record<string, unknown>)[field];
  }

  let value: T;
  try {
    value = await kind.update(client, key, patch as Partial<D>, call);
  } catch (error) {
    throw toSaveError(error, text, l10n, kind);
  }
  return { status: 'saved', yours, patch: merge.patch, value, document: kind.project(value), fromServer: merge.fromServer };
}

/** The saved text as a document, or a DocumentSaveError that places each problem. */
export function checkedDocument<D extends object, T>(kind: DocumentKind<D, T>, text: string, base: D | undefined, l10n: Translator): D {
  const check = kind.check(text, base ?? ({} as D), l10n);
  if (check.ok) return check.document;
  const [first] = check.problems;
  const message =
    check.problems.length === 1
      ? l10n.t('Not saved: {0}', first.message)
      : l10n.t('Not saved: {0} problems, first at line {1}: {2}', check.problems.length, first.line, first.message);
  throw new DocumentSaveError(message, check.problems);
}

/** “Not saved: <reason> Your changes are still in the editor.” */
export function notSavedMessage(reason: string, l10n: Translator): string {
  return l10n.t('Not saved: {0} Your changes are still in the editor.', reason);
}

function toSaveError<D extends object, T>(error: unknown, text: string, l10n: Translator, kind: DocumentKind<D, T>): DocumentSaveError {
  if (!(error instanceof ApiError)) return new DocumentSaveError(notSavedMessage(String(error), l10n));
  // Only a 400 is about the text: its field errors are placed on it.
  const problems = error.kind === 'validation' ? locateFieldErrors(text, error.fieldErrors) : [];
  return new DocumentSaveError(apiFailureMessage(error, l10n, kind), problems, error);
}

function apiFailureMessage<D extends object, T>(error: ApiError, l10n: Translator, kind: DocumentKind<D, T>): string {
  switch (error.kind) {
    case 'validation':
      return l10n.t('Not saved: {0}', describeApiError(error, l10n));
    case 'gone':
      return kind.goneMessage(l10n);
    case 'notFound':
      return l10n.t('Not saved: this object no longer exists on data.gouv.fr. Your changes are still in the editor: copy your text before closing it.');
    default:
      return l10n.t('Not saved: {0} Your changes are still in the editor; save again to retry.', describeApiError(error, l10n));
  }
}
