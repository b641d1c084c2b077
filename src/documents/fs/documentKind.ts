// What a kind of document (a reuse, the profile; next a dataset, a resource) tells the
// `datagouv` file system: where its documents live, how to read and write the object,
// and how it looks as a document. The file system owns everything else (bases,
// bindings, the three-way save, feedback), so a new kind is one object like this.
import type { ApiClient, CallOptions } from '../../api/client';
import type { Translator } from '../../util/translator';
import type { DocumentCheck } from '../jsonDocumentCheck';

export interface DocumentKind<D extends object, T> {
  /** The key of the object a document path shows (a reuse id, 'me'), or undefined. */
  keyOf(path: string): string | undefined;
  /** The editable keys, in the order of the document. */
  readonly keys: readonly string[];
  /** Object fields merged key by key in a three-way save (a reuse's `extras`). */
  readonly mergeByKey?: readonly string[];
  /**
   * Fields the PUT clears when they are absent (a dataset's `tags`): every PUT carries
   * them, with your value when you changed them, data.gouv.fr's current one otherwise.
   */
  readonly sentAlways?: readonly string[];
  /** The GET that opens a document: everything it shows and what decides how it opens. */
  fetch(client: ApiClient, key: string, call: CallOptions): Promise<T>;
  /** The masked GET just before a save: the editable fields, deletion and permissions. */
  fetchEditable(client: ApiClient, key: string, call: CallOptions): Promise<T>;
  /** The PUT of the changed fields. */
  update(client: ApiClient, key: string, patch: Partial<D>, call: CallOptions): Promise<T>;
  /** Parses and validates a saved text (the patch it computes is not used here). */
  check(text: string, base: D, l10n: Translator): DocumentCheck<D>;
  project(value: T): D;
  render(document: D): string;
  createdAt?(value: T): number | undefined;
  /** Why the object is read-only for the caller (deleted, no edit permission), or undefined. */
  readonlyReason(value: T, l10n: Translator): string | undefined;
  /** The command that makes a read-only object editable again (Restore), offered with the reason. */
  restoreAction?(value: T, l10n: Translator): { title: string; command: string; argument: unknown } | undefined;
  /** Status bar text after a save. */
  savedMessage(value: T, l10n: Translator): string;
  /** The sentence for a 410: the object was deleted since it was opened. */
  goneMessage(l10n: Translator): string;
  /** A short name for messages: “Carte des bornes”, “your profile”. */
  describe(value: T | undefined, l10n: Translator): string;
}

/** A kind with its types erased, as the file system keeps them side by side. */
export type AnyDocumentKind = DocumentKind<object, unknown>;

export function documentKind<D extends object, T>(kind: DocumentKind<D, T>): AnyDocumentKind {
  // Each kind only ever receives the values it produced itself (states remember their kind).
  return kind as unknown as AnyDocumentKind;
}

// ---- parts that several kinds share ---------------------------------------------

/** What a reuse, a dataset and a resource have alike for the parts below. */
interface PublishedObject {
  id: string;
  title?: string;
  created_at?: string;
  deleted?: string | null;
  permissions?: { edit?: boolean };
}

/** `createdAt` of an object that has a `created_at` date (none when it is missing or unreadable). */
export function createdAtOf(object: Pick<PublishedObject, 'created_at'>): number | undefined {
  return Date.parse(object.created_at ?? '') || undefined;
}

/** `savedMessage` naming the object by its title (its id when it has none). */
export function savedMessageOf(object: Pick<PublishedObject, 'id' | 'title'>, l10n: Translator): string {
  return l10n.t('$(check) Saved “{0}” on data.gouv.fr', object.title ?? object.id);
}

/**
 * `restoreAction` of a deleted object that the user may edit: `command` with its id.
 * `title` is asked only then.
 */
export function restoreActionOf(
  object: Pick<PublishedObject, 'id' | 'deleted' | 'permissions'>,
  command: string,
  title: () => string,
): { title: string; command: string; argument: { id: string } } | undefined {
  return object.deleted && object.permissions?.edit !== false ? { title: title(), command, argument: { id: object.id } } : undefined;
}
