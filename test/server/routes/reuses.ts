// The /reuses/ family: the list (by dataset, paginated), suggestions by title, creation, one reuse by id or slug (old slugs
// redirect), its update, deletion, datasets, followers, featuring and badges; the
// choices of type, topic and badge; the checks of PUT and POST.
import { fail, mayEdit, needUser, orgsOf, type Result, type RouteRequest, type StandInContext } from '../context';
import { paginate } from '../pagination';
import { renderReuse, renderUser } from '../render';
import { objectId, type StoredReuse, type StoredUser } from '../sampleData';
import { slugify } from '../slugify';

export const REUSE_TYPES: Array<{ id: string; label: string }> = [
  { id: 'api', label: 'API' },
  { id: 'application', label: 'Application' },
  { id: 'idea', label: 'Idée' },
  { id: 'news_article', label: 'Article de presse' },
  { id: 'paper', label: 'Papier' },
  { id: 'post', label: 'Article de blog' },
  { id: 'visualization', label: 'Visualisation' },
  { id: 'hardware', label: 'Objet connecté' },
];

export const REUSE_TOPICS: Array<{ id: string; label: string }> = [
  { id: 'health', label: 'Santé' },
  { id: 'transport_and_mobility', label: 'Transports et mobilités' },
  { id: 'housing_and_development', label: 'Logement et urbanisme' },
  { id: 'food_and_agriculture', label: 'Alimentation et agriculture' },
  { id: 'culture_and_recreation', label: 'Culture et loisirs' },
  { id: 'economy_and_business', label: 'Économie et entreprises' },
  { id: 'environment_and_energy', label: 'Environnement et énergie' },
  { id: 'work_and_training', label: 'Travail et formation' },
  { id: 'politics_and_public_life', label: 'Politique et vie publique' },
  { id: 'safety_and_security', label: 'Sécurité' },
  { id: 'education_and_research', label: 'Éducation et recherche' },
  { id: 'society_and_demography', label: 'Société et démographie' },
  { id: 'law_and_justice', label: 'Droit et justice' },
  { id: 'open_data_tools', label: 'Outils de l’open data' },
  { id: 'others', label: 'Autres' },
];

/**
 * udata/core/reuse/models.py: core udata defines no reuse badge (`BADGES = {}`), so
 * `GET /reuses/badges/` answers `{}`; a platform may add some (the stand-in's
 * `reuseBadges` option does, for the administrators' badge commands).
 */
export const PLATFORM_REUSE_BADGES: Record<string, string> = { 'spd-reuse': 'Service public de la donnée' };

/** Keys of PUT /reuses/{id}/ that udata's form accepts; anything else is ignored. */
const WRITABLE_REUSE_KEYS = new Set([
  'title',
  'description',
  'url',
  'type',
  'topic',
  'tags',
  'datasets',
  'dataservices',
  'private',
  'archived',
  'extras',
  'deleted',
  'owner',
  'organization',
]);
const REQUIRED_REUSE_KEYS = ['title', 'description', 'url', 'type', 'topic'];

export function reusesRoute(ctx: StandInContext, { method, parts, query, body, user }: RouteRequest): Result {
  const { data, apiBase } = ctx;
  if (parts.length === 1) {
    if (method === 'GET') return listReuses(ctx, query, user);
    if (method === 'POST') return { status: 201, body: renderReuse(ctx, createReuse(ctx, needUser(user), body), user) };
  }
  if (parts.length === 2 && method === 'GET') {
    if (parts[1] === 'suggest') return suggestReuses(ctx, query);
    if (parts[1] === 'types') return { body: REUSE_TYPES };
    if (parts[1] === 'topics') return { body: REUSE_TOPICS };
    if (parts[1] === 'badges') return { body: ctx.reuseBadges };
  }
  const reuse = data.reuses.find((r) => r.id === parts[1] || r.slug === parts[1]);
  if (!reuse) {
    const moved = data.reuses.find((r) => r.oldSlugs.includes(parts[1]));
    if (moved) {
      const location = `${apiBase}reuses/${moved.slug}/${parts
        .slice(2)
        .map((p) => `${p}/`)
        .join('')}`;
      return { status: 308, body: undefined, headers: { Location: location } };
    }
    fail(404, 'Reuse not found');
  }
  const canEdit = !!user && mayEdit(ctx, reuse, user);
  if (reuse.private && !canEdit) fail(404, 'Reuse not found');
  if (parts.length === 2) {
    if (method === 'GET') {
      if (reuse.deleted && !canEdit) fail(410, 'This reuse has been deleted');
      return { body: renderReuse(ctx, reuse, user) };
    }
    if (method === 'PUT') {
      const me = needUser(user);
      // udata/core/reuse/api.py (ReuseAPI.put): a deleted reuse answers 410 before the
      // permission is tested, unless the body restores it (`"deleted": null`).
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      if (reuse.deleted && record.deleted !== null) fail(410, 'This reuse has been deleted');
      if (!canEdit) fail(403, 'You do not have the permission to modify that object.');
      const requestTags = updateReuse(ctx, reuse, body, me);
      // udata/core/reuse/metrics.py: on_update recounts the datasets and saves the
      // reuse a second time, which moves last_modified again (udata/mongo/datetime_fields.py).
      reuse.last_modified = ctx.now();
      // The answer is the in-memory object: microseconds, where GETs read milliseconds
      // back from MongoDB.
      // udata/mongo/taglist_field.py: the tags are stored sorted and de-duplicated
      // (to_mongo), but the answer shows the in-memory list: slugified, in request order.
      const answer = { ...renderReuse(ctx, reuse, me), last_modified: withMicroseconds(reuse.last_modified) };
      return { body: requestTags ? { ...answer, tags: requestTags } : answer };
    }
    if (method === 'DELETE') {
      const me = needUser(user);
      if (!mayEdit(ctx, reuse, me)) fail(403, 'You do not have the permission to modify that object.');
      if (reuse.deleted) fail(410, 'This reuse has been deleted');
      reuse.deleted = ctx.now();
      reuse.last_modified = ctx.now();
      return { status: 204 };
    }
  }
  const sub = parts[2];
  if (sub === 'datasets' && method === 'POST') {
    const me = needUser(user);
    if (!canEdit) fail(403, 'You do not have the permission to modify that object.');
    if (reuse.deleted) fail(410, 'This reuse has been deleted');
    const id = body && typeof body === 'object' ? (body as Record<string, unknown>).id : undefined;
    if (typeof id !== 'string' || !id) fail(400, 'Expect a dataset identifier');
    if (!data.datasets.some((d) => d.id === id)) fail(404, 'Dataset not found');
    if (reuse.datasets.includes(id)) return { status: 200, body: renderReuse(ctx, reuse, me) };
    reuse.datasets.push(id);
    reuse.last_modified = ctx.now();
    return { status: 201, body: renderReuse(ctx, reuse, me) };
  }
  if (sub === 'followers') {
    if (method === 'GET') {
      const who = query.get('user');
      const followers = reuse.followers.filter((id) => !who || id === who);
      return { body: { data: followers.map((id) => ({ follower: renderUser(ctx, id) })), total: followers.length, page: 1, page_size: 20 } };
    }
    const me = needUser(user);
    // udata/core/followers/metrics.py: a follow or unfollow recounts the followers and
    // saves the reuse, so last_modified moves though no editable field did.
    // udata/core/followers/api.py: POST answers 201 for a new follow and 200 when
    // already following; DELETE answers 404 when the user does not follow it.
    if (method === 'POST') {
      const created = !reuse.followers.includes(me.id);
      if (created) reuse.followers.push(me.id);
      reuse.last_modified = ctx.now();
      return { status: created ? 201 : 200, body: { followers: reuse.followers.length } };
    }
    if (method === 'DELETE') {
      if (!reuse.followers.includes(me.id)) fail(404, 'Not found');
      reuse.followers = reuse.followers.filter((id) => id !== me.id);
      reuse.last_modified = ctx.now();
      return { body: { followers: reuse.followers.length } };
    }
  }
  if (sub === 'featured' && (method === 'POST' || method === 'DELETE')) {
    const me = needUser(user);
    if (!me.roles.includes('admin')) fail(403, 'You do not have the permission to modify that object.');
    reuse.featured = method === 'POST';
    reuse.last_modified = ctx.now();
    return { body: renderReuse(ctx, reuse, me) };
  }
  if (sub === 'badges') {
    const me = needUser(user);
    if (!me.roles.includes('admin')) fail(403, 'You do not have the permission to modify that object.');
    if (method === 'POST' && parts.length === 3) {
      const kind = body && typeof body === 'object' ? (body as Record<string, unknown>).kind : undefined;
      if (typeof kind !== 'string' || !(kind in ctx.reuseBadges)) fail(400, 'Validation error', { kind: 'Not a valid choice' });
      if (!reuse.badges.some((b) => b.kind === kind)) reuse.badges.push({ kind });
      return { status: 201, body: { kind } };
    }
    if (method === 'DELETE' && parts[3]) {
      if (!reuse.badges.some((b) => b.kind === parts[3])) fail(404, 'Badge does not exists');
      reuse.badges = reuse.badges.filter((b) => b.kind !== parts[3]);
      return { status: 204 };
    }
  }
  fail(405, 'The method is not allowed for the requested URL.');
}

// ---- lists ---------------------------------------------------------------------------

/**
 * ReuseListAPI.get (udata/core/reuse/api.py): `visible_by_user` (udata/core/owned.py) —
 * public and not deleted, or owned by the caller or one of their organizations (deleted
 * and private ones included), everything for a sysadmin; the model's filters
 * (udata/api_fields.py, apply_sort_filters): `dataset` must be an ObjectId (400
 * otherwise); no `sort`: the model's ordering, newest created first; then a page.
 */
function listReuses(ctx: StandInContext, query: URLSearchParams, user: StoredUser | undefined): Result {
  const dataset = query.get('dataset');
  if (dataset !== null && !/^[0-9a-f]{24}$/i.test(dataset)) fail(400, '`dataset` must be an identifier');
  const orgIds = user ? orgsOf(ctx, user).map((org) => org.id) : [];
  const visible = ctx.data.reuses
    .filter((r) => {
      if (dataset !== null && !r.datasets.includes(dataset)) return false;
      if (!r.private && !r.deleted) return true;
      if (!user) return false;
      return user.roles.includes('admin') || r.owner === user.id || (!!r.organization && orgIds.includes(r.organization));
    })
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  return paginate(ctx, 'reuses/', query, visible, (r) => renderReuse(ctx, r, user));
}

/**
 * ReusesSuggestAPI.get (udata/core/reuse/api.py): `q` required (reqparse's 400), `size`
 * 10 by default; reuses neither archived, deleted nor private whose title contains `q`
 * (mongo's icontains: case-insensitive, accents as typed), most followed first, as
 * `reuse_suggestion_fields` (id, title, slug, image_url, page): a plain list, the same
 * for every caller.
 */
function suggestReuses(ctx: StandInContext, query: URLSearchParams): Result {
  const q = query.get('q');
  if (!q) fail(400, 'Input payload validation failed', { q: 'The string to autocomplete/suggest Missing required parameter in the query string' });
  const size = Number(query.get('size') ?? '10');
  if (!Number.isInteger(size))
    fail(400, 'Input payload validation failed', { size: 'The amount of suggestion to fetch invalid literal for int() with base 10' });
  const followers = (r: StoredReuse) => r.followers.length + (r.metrics.followers ?? 0);
  const found = ctx.data.reuses
    .filter((r) => !r.archived && !r.deleted && !r.private && r.title.toLowerCase().includes(q.toLowerCase()))
    .sort((a, b) => followers(b) - followers(a))
    .slice(0, size);
  return { body: found.map((r) => ({ id: r.id, title: r.title, slug: r.slug, image_url: null, page: `${ctx.origin}/reuses/${r.slug}/` })) };
}

// ---- writes ------------------------------------------------------------------------

function validateReuseFields(ctx: StandInContext, body: Record<string, unknown>, reuse: StoredReuse | undefined, user: StoredUser): Partial<StoredReuse> {
  const { data } = ctx;
  const errors: Record<string, string> = {};
  const changes: Partial<StoredReuse> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!WRITABLE_REUSE_KEYS.has(key)) continue; // read-only or unknown: silently ignored
    switch (key) {
      case 'title':
      case 'description':
        if (typeof value !== 'string' || !value.trim()) errors[key] = 'This field is required.';
        else changes[key] = value.trim();
        break;
      case 'url': {
        if (typeof value !== 'string' || !value.trim()) {
          errors.url = 'This field is required.';
          break;
        }
        let parsed: URL | undefined;
        try {
          parsed = new URL(value.trim());
        } catch {
          parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
          errors.url = 'Invalid URL';
          break;
        }
        // udata/mongo/url_field.py: the URL is only stripped; udata/core/reuse/models.py
        // (check_url_does_not_exists) compares that exact text with the other reuses'.
        const trimmed = value.trim();
        if (data.reuses.some((other) => other !== reuse && other.url === trimmed)) {
          errors.url = 'This URL is already registered';
          break;
        }
        changes.url = trimmed;
        break;
      }
      case 'type':
        if (!REUSE_TYPES.some((choice) => choice.id === value)) errors.type = `'${String(value)}' is not a valid choice`;
        else changes.type = value as string;
        break;
      case 'topic':
        if (!REUSE_TOPICS.some((choice) => choice.id === value)) errors.topic = `'${String(value)}' is not a valid choice`;
        else changes.topic = value as string;
        break;
      case 'tags': {
        // udata/mongo/taglist_field.py (from_input): a text is split on commas; anything
        // else that is not a list is silently stored as no tag at all.
        if (typeof value === 'string') {
          changes.tags = [
            ...new Set(
              value
                .split(',')
                .map((tag) => slugify(tag.trim()))
                .filter(Boolean),
            ),
          ].sort();
          break;
        }
        if (!Array.isArray(value)) {
          changes.tags = [];
          break;
        }
        if (value.some((tag) => typeof tag !== 'string')) {
          errors.tags = 'Tags must be a list of strings';
          break;
        }
        // udata/mongo/taglist_field.py: stored sorted and de-duplicated.
        const tags = [...new Set(value.map((tag: string) => slugify(tag)))].sort();
        const bad = tags.find((tag) => tag.length < 3 || tag.length > 96);
        if (bad !== undefined) errors.tags = `Tag "${bad}" must be between 3 and 96 characters long`;
        else changes.tags = tags;
        break;
      }
      case 'datasets': {
        if (!Array.isArray(value)) {
          errors.datasets = 'Expect a list of dataset references';
          break;
        }
        const ids = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>).id : item));
        const unknown = ids.find((id) => typeof id !== 'string' || !data.datasets.some((d) => d.id === id));
        if (unknown !== undefined) errors.datasets = `Unknown reference '${String(unknown)}'`;
        else changes.datasets = [...new Set(ids as string[])];
        break;
      }
      // udata/core/reuse/models.py: `dataservices` is a list of references, written like
      // `datasets` (ids, or objects with an id); an unknown one is refused by name.
      case 'dataservices': {
        if (!Array.isArray(value)) {
          errors.dataservices = 'Expect a list of dataservice references';
          break;
        }
        const ids = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>).id : item));
        const unknown = ids.find((id) => typeof id !== 'string' || !data.dataservices.some((d) => d.id === id));
        if (unknown !== undefined) errors.dataservices = `Unknown reference '${String(unknown)}'`;
        else changes.dataservices = [...new Set(ids as string[])];
        break;
      }
      case 'private':
        if (typeof value !== 'boolean') errors.private = 'Not a valid boolean';
        else changes.private = value;
        break;
      case 'archived':
      case 'deleted':
        if (value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) errors[key] = 'Not a valid datetime';
        else changes[key] = value as string | null;
        break;
      case 'extras':
        if (!value || typeof value !== 'object' || Array.isArray(value)) errors.extras = 'Extras must be an object';
        else changes.extras = value as Record<string, unknown>;
        break;
      case 'owner':
      case 'organization': {
        const id = value && typeof value === 'object' ? (value as Record<string, unknown>).id : value;
        if (reuse && id !== reuse[key] && !user.roles.includes('admin')) {
          errors[key] = `Cannot modify ${key} after creation`;
        } else if (!reuse) {
          if (key === 'organization' && id) {
            const org = data.organizations.find((candidate) => candidate.id === id);
            if (!org || !(user.id in org.members)) errors.organization = 'Permission denied for this organization';
            else changes.organization = org.id;
          }
        } else {
          changes[key] = (id as string | null) ?? null;
        }
        break;
      }
      default:
        break;
    }
  }
  if (!reuse) {
    for (const key of REQUIRED_REUSE_KEYS) {
      if (!(key in body) && !errors[key]) errors[key] = 'This field is required.';
    }
  }
  if (Object.keys(errors).length) fail(400, 'Validation error', errors);
  return changes;
}

/** Applies a PUT; returns the tags as the answer shows them (request order), when sent. */
function updateReuse(ctx: StandInContext, reuse: StoredReuse, body: unknown, user: StoredUser): string[] | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
  const record = body as Record<string, unknown>;
  const changes = validateReuseFields(ctx, record, reuse, user);
  for (const [key, value] of Object.entries(changes) as Array<[keyof StoredReuse, unknown]>) {
    (reuse as unknown as Record<string, unknown>)[key] = value;
  }
  if (changes.title !== undefined) {
    const slug = slugify(reuse.title);
    if (slug !== reuse.slug) {
      reuse.oldSlugs.push(reuse.slug);
      reuse.slug = slug;
    }
  }
  // udata/mongo/datetime_fields.py (set_modified_datetime, pre_save): every save moves
  // last_modified, whether or not a field changed.
  reuse.last_modified = ctx.now();
  return Array.isArray(record.tags) && changes.tags ? record.tags.map((tag) => slugify(String(tag))) : undefined;
}

function createReuse(ctx: StandInContext, user: StoredUser, body: unknown): StoredReuse {
  const { data } = ctx;
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
  const changes = validateReuseFields(ctx, body as Record<string, unknown>, undefined, user);
  const timestamp = ctx.now();
  const reuse: StoredReuse = {
    id: objectId(0x7e06, data.reuses.length + 1 + Math.floor(Math.random() * 1e6)),
    title: changes.title ?? '',
    slug: slugify(changes.title ?? ''),
    oldSlugs: [],
    description: changes.description ?? '',
    url: changes.url ?? '',
    type: changes.type ?? 'application',
    topic: changes.topic ?? 'others',
    tags: changes.tags ?? [],
    datasets: changes.datasets ?? [],
    dataservices: changes.dataservices ?? [],
    private: changes.private ?? false,
    archived: null,
    deleted: null,
    featured: false,
    extras: changes.extras ?? {},
    owner: changes.organization ? null : user.id,
    organization: changes.organization ?? null,
    created_at: timestamp,
    last_modified: timestamp,
    metrics: { views: 0, followers: 0 },
    badges: [],
    followers: [],
  };
  data.reuses.push(reuse);
  return reuse;
}

/** A date as udata's PUT answer gives it: Python's isoformat with microseconds. */
function withMicroseconds(iso: string): string {
  return `${iso.slice(0, 23)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}+00:00`;
}
