// The decision at the heart of a save, as pure code: given what the editor was given
// (base), what the user saved (yours) and what data.gouv.fr holds now (theirs), field by
// field — and key by key inside objects such as `extras` — which fields to send, which
// changes of data.gouv.fr to keep, and which fields both sides changed differently.
// The API has no ETag and `last_modified` moves on every follow, discussion or internal
// save, so comparing the editable values themselves is the only sound guard.
import { sameJson } from '../jsonDocumentCheck';

export interface MergeResult<D> {
  /** What to PUT: only fields the user changed (an object field whole, merged per key). */
  patch: Partial<D>;
  /** The document once the patch is applied on top of theirs. */
  merged: D;
  /** Fields changed on data.gouv.fr that the merge keeps (`extras.<key>` inside objects). */
  fromServer: string[];
  /** Fields changed on both sides to different values: nothing may be sent without a choice. */
  conflicts: string[];
}

type Fields = Record<string, unknown>;

/** Whether the object has the key itself (an absent key differs from one set to undefined). */
const has: (object: Fields, key: string) => boolean = Object.hasOwn;

/**
 * `base` undefined means the editor's starting point is unknown (a document restored
 * after a restart whose base was lost): every field that differs from data.gouv.fr is
 * then a conflict, since nobody can tell who changed it.
 */
export function threeWayMerge<D extends object>(
  keys: readonly string[],
  base: D | undefined,
  yours: D,
  theirs: D,
  mergeByKey: readonly string[] = [],
): MergeResult<D> {
  const b = base as Fields | undefined;
  const y = yours as Fields;
  const t = theirs as Fields;
  const patch: Fields = {};
  const merged: Fields = { ...t };
  const fromServer: string[] = [];
  const conflicts: string[] = [];

  for (const key of keys) {
    if (!has(y, key)) continue;
    if (!b) {
      if (!sameJson(y[key], t[key])) conflicts.push(key);
      continue;
    }
    const yoursChanged = !sameJson(y[key], b[key]);
    const theirsChanged = !sameJson(t[key], b[key]);
    if (!yoursChanged) {
      if (theirsChanged) fromServer.push(key);
      continue;
    }
    if (!theirsChanged) {
      patch[key] = merged[key] = y[key];
      continue;
    }
    if (sameJson(y[key], t[key])) continue; // the same change on both sides
    if (mergeByKey.includes(key) && isPlainObject(b[key]) && isPlainObject(y[key]) && isPlainObject(t[key])) {
      const inner = mergeObject(b[key], y[key], t[key]);
      if (inner.conflicts.length) {
        conflicts.push(...inner.conflicts.map((k) => `${key}.${k}`));
        continue;
      }
      patch[key] = merged[key] = inner.value;
      fromServer.push(...inner.fromServer.map((k) => `${key}.${k}`));
      continue;
    }
    conflicts.push(key);
  }
  return { patch: patch as Partial<D>, merged: merged as D, fromServer, conflicts };
}

/**
 * The base the user accepts by choosing Overwrite: for each conflicting field (or
 * `extras.<key>`), data.gouv.fr's current value, so that the next save sees the field
 * as changed by the user only — and sees any newer change on data.gouv.fr again.
 */
export function acceptTheirs<D extends object>(base: D | undefined, theirs: D, conflicts: readonly string[]): D {
  if (!base) return { ...theirs };
  const next: Fields = { ...(base as Fields) };
  for (const path of conflicts) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      next[path] = (theirs as Fields)[path];
      continue;
    }
    const field = path.slice(0, dot);
    const key = path.slice(dot + 1);
    const inner: Fields = { ...((next[field] as Fields | undefined) ?? {}) };
    const theirsInner = (theirs as Fields)[field] as Fields | undefined;
    if (theirsInner && key in theirsInner) inner[key] = theirsInner[key];
    else delete inner[key];
    next[field] = inner;
  }
  return next as D;
}

function isPlainObject(value: unknown): value is Fields {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** One level of per-key merge; an absent key is a value too (added or removed). */
function mergeObject(b: Fields, y: Fields, t: Fields): { value: Fields; fromServer: string[]; conflicts: string[] } {
  const value: Fields = { ...t };
  const fromServer: string[] = [];
  const conflicts: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(y), ...Object.keys(t)])) {
    const yoursChanged = !sameJson(y[k], b[k]) || has(y, k) !== has(b, k);
    const theirsChanged = !sameJson(t[k], b[k]) || has(t, k) !== has(b, k);
    if (!yoursChanged) {
      if (theirsChanged) fromServer.push(k);
      continue;
    }
    if (theirsChanged && !(sameJson(y[k], t[k]) && has(y, k) === has(t, k))) {
      conflicts.push(k);
      continue;
    }
    if (has(y, k)) value[k] = y[k];
    else delete value[k];
  }
  return { value, fromServer, conflicts };
}
