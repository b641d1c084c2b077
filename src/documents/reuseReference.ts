// What a user may paste to name a reuse: its id, its slug, or a data.gouv.fr address
// (web page or API URL). Pure code.

export interface ReuseReference {
  /** An id or a slug: the API accepts both at /reuses/{id_or_slug}/. */
  idOrSlug: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseReuseReference(input: string): ReuseReference | undefined {
  const value = input.trim();
  if (!value) return undefined;
  if (OBJECT_ID.test(value)) return { idOrSlug: value.toLowerCase() };
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    // …/reuses/<slug-or-id>/ on the site (with or without /fr/) or under /api/1/.
    const parts = url.pathname.split('/').filter(Boolean);
    const index = parts.lastIndexOf('reuses');
    const candidate = index >= 0 ? parts[index + 1] : undefined;
    if (candidate && (OBJECT_ID.test(candidate) || SLUG.test(candidate))) return { idOrSlug: decodeURIComponent(candidate) };
    return undefined;
  }
  if (SLUG.test(value) && value.length >= 3) return { idOrSlug: value };
  return undefined;
}
