// What a user may paste to name a reuse or a dataset: its id, its slug, or a
// data.gouv.fr address (web page, with or without /fr/, or API URL). Pure code.
import { isObjectId } from '../../api/ids';

export interface ObjectReference {
  /** An id or a slug: the API accepts both at /reuses/{id_or_slug}/ and /datasets/{id_or_slug}/. */
  idOrSlug: string;
}
export type ReuseReference = ObjectReference;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parseReference(input: string, collection: 'reuses' | 'datasets'): ObjectReference | undefined {
  const value = input.trim();
  if (!value) return undefined;
  if (isObjectId(value)) return { idOrSlug: value.toLowerCase() };
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const index = parts.lastIndexOf(collection);
    const candidate = index >= 0 ? decodeSegment(parts[index + 1] ?? '') : undefined;
    if (candidate && (isObjectId(candidate) || SLUG.test(candidate))) return { idOrSlug: candidate };
    return undefined;
  }
  // A bare word is what someone types to filter a list, not a pasted slug: slugs of
  // real titles have dashes.
  if (SLUG.test(value) && value.includes('-')) return { idOrSlug: value };
  return undefined;
}

/** A path segment decoded; a broken `%` escape names nothing (it never throws). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Whether a value may name an object in a URL path: an id or a slug, never `.` or `..`. */
export function isIdOrSlug(value: string): boolean {
  return isObjectId(value) || /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value);
}

/**
 * The id of a document path `/<collection>/<id>/<slug>.json`, or undefined. Only an id- or
 * slug-shaped segment names an object: `.`, `..` or `%2E%2E` would address another path of the API.
 */
export function objectIdOf(collection: 'reuses' | 'datasets', path: string): string | undefined {
  const [, found, id] = /^\/(\w+)\/([^/]+)\/[^/]+\.json$/.exec(path) ?? [];
  return found === collection && isIdOrSlug(id) ? id : undefined;
}

export function parseReuseReference(input: string): ReuseReference | undefined {
  return parseReference(input, 'reuses');
}

export function parseDatasetReference(input: string): ObjectReference | undefined {
  return parseReference(input, 'datasets');
}
