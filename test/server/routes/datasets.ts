// The /datasets/ family (udata/core/dataset/api.py): the public list, creation; one
// dataset by id or slug (old slugs redirect), its update, soft deletion and restoration;
// its resources (read, create a remote one, update, delete, reorder) and file uploads;
// the reference lists (licenses, frequencies, resource types, allowed extensions).
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fail, HttpFailure, invalid, mayEdit, needUser, NOT_FOUND, orgsOf, type Result, type RouteRequest, type StandInContext } from '../context';
import { populateResource, processDatasetForm, processResourceForm, type DatasetFormResult, type ResourceValues } from '../datasetForms';
import {
  ALLOWED_RESOURCES_EXTENSIONS,
  DEFAULT_MIME,
  fileExtension,
  FREQUENCIES,
  guessMime,
  LICENSES,
  normalizeFilename,
  RESOURCE_TYPES,
  uploadAllowed,
} from '../reference';
import { renderCommunityResource, renderDataset, renderResource } from '../render';
import { paginate } from '../pagination';
import { objectId, type StoredDataset, type StoredResource, type StoredUser } from '../sampleData';
import { slugify } from '../slugify';
import { concatenate, ConnectionGone, type ReceivedForm } from '../uploads';

const PERMISSION_DENIED = 'You do not have the permission to modify that object.';
const DELETED = 'Dataset has been deleted';
/** werkzeug's UUID converter (`<uuid:rid>`): anything else is no route at all. */
const ROUTE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;

export function datasetsRoute(ctx: StandInContext, request: RouteRequest): Result {
  const { method, parts, query, user } = request;
  const { data } = ctx;
  if (parts.length === 1) {
    if (method === 'GET') return listDatasets(ctx, query, user);
    if (method === 'POST') return createDataset(ctx, request);
  }
  // The reference lists come before `<dataset>/` (werkzeug tries static routes first);
  // they only answer GET, other methods go on to the dataset of that slug.
  if (parts.length === 2 && method === 'GET') {
    switch (parts[1]) {
      // LicensesAPI: every License object.
      case 'licenses':
        return { body: LICENSES };
      // FrequenciesAPI: UpdateFrequency in enum order.
      case 'frequencies':
        return { body: FREQUENCIES };
      // ResourceTypesAPI
      case 'resource_types':
        return { body: RESOURCE_TYPES };
      // AllowedExtensionsAPI: sorted(ALLOWED_RESOURCES_EXTENSIONS)
      case 'extensions':
        return { body: [...ALLOWED_RESOURCES_EXTENSIONS].sort() };
      // CommunityResourcesAPI.get: every community resource, filtered by `owner`,
      // `dataset` and `organization` (no visibility rule, no sign-in), sorted by
      // `sort` (default `-created_at_internal`) then id, in pages.
      case 'community_resources': {
        const filters = ['owner', 'dataset', 'organization'] as const;
        const found = data.communityResources
          .filter((c) => filters.every((name) => !query.get(name) || c[name] === query.get(name)))
          .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
        return paginate(ctx, 'datasets/community_resources/', query, found, (c) => renderCommunityResource(ctx, c, user));
      }
    }
  }
  // ResourceRedirectAPI: /datasets/r/<uuid:id> → the resource's current URL.
  if (parts.length === 3 && parts[1] === 'r' && method === 'GET' && ROUTE_UUID.test(parts[2])) {
    const id = parts[2].toLowerCase();
    const resource = data.datasets.flatMap((d) => d.resources).find((r) => r.id === id);
    if (!resource) fail(404, 'Resource not found');
    return { status: 302, body: undefined, headers: { Location: resource.url.trim() } };
  }

  const found = findDataset(ctx, parts);
  if ('redirect' in found) return found.redirect;
  const { dataset } = found;
  if (parts.length === 2) {
    if (method === 'GET') return { body: renderDataset(ctx, readable(ctx, dataset, user), user) };
    if (method === 'PUT') return updateDataset(ctx, dataset, request);
    if (method === 'DELETE') return deleteDataset(ctx, dataset, user);
  }
  if (parts[2] === 'resources') {
    if (parts.length === 3 && method === 'POST') return createRemoteResource(ctx, dataset, request);
    if (parts.length === 3 && method === 'PUT') return reorderResources(ctx, dataset, request);
    if (parts.length === 4) {
      if (!ROUTE_UUID.test(parts[3])) fail(404, NOT_FOUND);
      const rid = parts[3].toLowerCase();
      if (method === 'GET') {
        // ResourceAPI.get: the dataset's read permission, then the resource.
        readable(ctx, dataset, user);
        return { body: renderResource(ctx, resourceOr404(dataset, rid)) };
      }
      if (method === 'PUT') return updateResource(ctx, dataset, rid, request);
      if (method === 'DELETE') return deleteResource(ctx, dataset, rid, user);
    }
  }
  fail(405, 'The method is not allowed for the requested URL.');
}

/** The dataset named by `parts[1]`: by id, then by slug; a former slug redirects (308). */
export function findDataset(ctx: StandInContext, parts: string[]): { dataset: StoredDataset } | { redirect: Result } {
  const { data, apiBase } = ctx;
  // udata/routing.py (ModelConverter): deleted datasets are found too.
  const dataset = data.datasets.find((d) => d.id === parts[1]) ?? data.datasets.find((d) => d.slug === parts[1]);
  if (dataset) return { dataset };
  const moved = data.datasets.find((d) => d.oldSlugs.includes(parts[1]));
  if (moved) {
    const location = `${apiBase}datasets/${moved.slug}/${parts
      .slice(2)
      .map((p) => `${p}/`)
      .join('')}`;
    return { redirect: { status: 308, body: undefined, headers: { Location: location } } };
  }
  fail(404, NOT_FOUND);
}

/**
 * DatasetAPI.get (OwnableReadPermission): a private or deleted dataset is for its
 * owners; to others a deleted public one answers 410, a private one 404.
 */
function readable(ctx: StandInContext, dataset: StoredDataset, user: StoredUser | undefined): StoredDataset {
  if ((dataset.private || dataset.deleted) && !(user && mayEdit(ctx, dataset, user))) {
    if (!dataset.private && dataset.deleted) fail(410, DELETED);
    fail(404, NOT_FOUND);
  }
  return dataset;
}

function resourceOr404(dataset: StoredDataset, rid: string): StoredResource {
  // ResourceMixin.get_resource_or_404
  return dataset.resources.find((r) => r.id === rid) ?? fail(404, 'Resource does not exist');
}

/** udata/api/__init__.py (UDataApi.validate): a JSON object, sent as JSON. */
function formBody(request: RouteRequest): Json {
  if (!(request.contentType ?? '').includes('application/json')) invalid({ 'Content-Type': 'expecting application/json' });
  const { body } = request;
  if (!body || typeof body !== 'object' || Array.isArray(body)) invalid({ request: 'expecting a JSON object' });
  return body as Json;
}

/** `request.json` in a view (Flask): 415 if it is not JSON, 400 if there is none. */
function requestJson(request: RouteRequest): unknown {
  if (!(request.contentType ?? '').includes('application/json')) {
    fail(415, "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
  }
  if (request.body === undefined) fail(400, 'Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)');
  return request.body;
}

/**
 * Dataset.compute_last_update (udata/core/dataset/models.py): the newest resource's
 * last_modified, or the dataset's own when it has none.
 */
function touch(ctx: StandInContext, dataset: StoredDataset): void {
  dataset.last_modified = ctx.now();
  dataset.last_update = dataset.resources.length ? dataset.resources.map((r) => r.last_modified).reduce((a, b) => (b > a ? b : a)) : dataset.last_modified;
}

/** udata/mongo/slug_fields.py (populate_slug): the title's slug, `-1`, `-2`… when taken. */
function uniqueSlug(ctx: StandInContext, title: string, self?: StoredDataset): string {
  const base = slugify(title) || 'dataset';
  const taken = (slug: string) => ctx.data.datasets.some((d) => d !== self && (d.slug === slug || d.oldSlugs.includes(slug)));
  let slug = base;
  for (let n = 1; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function newResource(ctx: StandInContext, values: ResourceValues): StoredResource {
  const now = ctx.now();
  return { id: randomUUID(), ...values, harvest: null, fs_filename: null, created_at: now, last_modified: now };
}

function applyResources(ctx: StandInContext, dataset: StoredDataset, entries: NonNullable<DatasetFormResult['resources']>): void {
  // NestedModelList.populate_obj: the list sent, in its order; the stored files of the
  // resources left out are not deleted by this path.
  dataset.resources = entries.map(({ existing, values }) => {
    if (!existing) return newResource(ctx, values);
    populateResource(existing, values);
    return existing;
  });
}

// ---- datasets ----------------------------------------------------------------------------

/**
 * DatasetListAPI.get (visible_by_user): anonymous callers see the public datasets that
 * are neither archived nor deleted; others also their own and their organizations'.
 * Pages as every udata list (pagination.ts).
 */
function listDatasets(ctx: StandInContext, query: URLSearchParams, user: StoredUser | undefined): Result {
  const orgIds = user ? orgsOf(ctx, user).map((org) => org.id) : [];
  const visible = ctx.data.datasets.filter((d) => {
    if (!d.private && !d.archived && !d.deleted) return true;
    if (!user) return false;
    return user.roles.includes('admin') || d.owner === user.id || (!!d.organization && orgIds.includes(d.organization));
  });
  return paginate(ctx, 'datasets/', query, visible, (d) => renderDataset(ctx, d, user));
}

/** DatasetListAPI.post: DatasetForm without an instance, then `Dataset(**form.data)`; 201. */
function createDataset(ctx: StandInContext, request: RouteRequest): Result {
  const me = needUser(request.user);
  const body = formBody(request);
  const { changes, resources } = processDatasetForm(ctx, body, undefined, me);
  const now = ctx.now();
  const title = changes.title ?? '';
  const dataset: StoredDataset = {
    id: objectId(0xda7c, ctx.data.datasets.length + 1 + Math.floor(Math.random() * 1e6)),
    title,
    slug: uniqueSlug(ctx, title),
    oldSlugs: [],
    acronym: changes.acronym ?? null,
    description: changes.description ?? '',
    description_short: changes.description_short ?? null,
    owner: changes.owner !== undefined ? changes.owner : me.id,
    organization: changes.organization ?? null,
    private: changes.private ?? false,
    archived: changes.archived ?? null,
    deleted: changes.deleted ?? null,
    created_at: now,
    last_modified: now,
    last_update: now,
    frequency: changes.frequency ?? 'unknown',
    frequency_date: changes.frequency_date ?? null,
    license: changes.license ?? null,
    tags: changes.tags ?? [],
    temporal_coverage: changes.temporal_coverage ?? null,
    spatial: changes.spatial ?? null,
    extras: changes.extras ?? {},
    contact_points: changes.contact_points ?? [],
    harvest: null,
    quality_score: 0,
    metrics: { views: 0, followers: 0, reuses: 0, discussions: 0, resources_downloads: 0 },
    resources: [],
  };
  // Inline resources: server ids always; a new file resource keeps what was sent.
  if (resources) applyResources(ctx, dataset, resources);
  dataset.last_update = dataset.resources.length ? dataset.resources.map((r) => r.last_modified).reduce((a, b) => (b > a ? b : a)) : now;
  ctx.data.datasets.push(dataset);
  // The answer is the new document, whose fields went through to_python: tags sorted.
  return { status: 201, body: renderDataset(ctx, dataset, me) };
}

/**
 * DatasetAPI.put: secure (401, 423), then 410 for a deleted dataset unless the body
 * restores it (`"deleted": null`) — before the permission (403) —, then DatasetForm.
 */
function updateDataset(ctx: StandInContext, dataset: StoredDataset, request: RouteRequest): Result {
  const me = needUser(request.user);
  const json = requestJson(request);
  // `request.json.get("deleted", True)` on a list or a scalar fails: a 500.
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    fail(
      500,
      'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
    );
  }
  const requestDeleted = 'deleted' in json ? (json as Json).deleted : true;
  if (dataset.deleted && requestDeleted !== null) fail(410, DELETED);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const body = formBody(request);
  const { changes, answerTags, resources } = processDatasetForm(ctx, body, dataset, me);
  const previousTitle = dataset.title;
  Object.assign(dataset, changes);
  if (resources) applyResources(ctx, dataset, resources);
  // udata/mongo/slug_fields.py: the slug follows the title; the old one redirects.
  if (dataset.title !== previousTitle) {
    const slug = uniqueSlug(ctx, dataset.title, dataset);
    if (slug !== dataset.slug) {
      dataset.oldSlugs.push(dataset.slug);
      dataset.slug = slug;
    }
  }
  // last_modified_internal = now, whatever changed (even for `{}`); Dataset.clean
  // recomputes last_update.
  touch(ctx, dataset);
  const answer = renderDataset(ctx, dataset, me);
  // The answer is the in-memory document, not reloaded: the tags as the form left them
  // (slugified, in the order sent); they are stored sorted and de-duplicated
  // (udata/mongo/taglist_field.py), as the next GET shows.
  if (answerTags) answer.tags = answerTags;
  return { body: answer };
}

/** DatasetAPI.delete: 410 if already deleted, then the permission (403); a soft delete, 204. */
function deleteDataset(ctx: StandInContext, dataset: StoredDataset, user: StoredUser | undefined): Result {
  const me = needUser(user);
  if (dataset.deleted) fail(410, DELETED);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  dataset.deleted = ctx.now();
  dataset.last_modified = ctx.now();
  return { status: 204 };
}

// ---- resources ---------------------------------------------------------------------------

/**
 * ResourcesAPI.post: the permission (403), ResourceFormWithoutId (400 errors), then 400
 * unless `filetype` is `remote` (the form's default is `file`); prepended; 201.
 */
function createRemoteResource(ctx: StandInContext, dataset: StoredDataset, request: RouteRequest): Result {
  const me = needUser(request.user);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const body = formBody(request);
  const { values, errors } = processResourceForm(Object.keys(body).length ? body : null, undefined);
  if (Object.keys(errors).length) invalid(errors);
  if (values.filetype !== 'remote') fail(400, 'This endpoint only supports remote resources');
  // A body `id` is ignored: the server picks the UUID.
  const resource = newResource(ctx, values);
  // Dataset.add_resource: prepends, bumps last_modified, recomputes last_update.
  dataset.resources.unshift(resource);
  touch(ctx, dataset);
  return { status: 201, body: renderResource(ctx, resource) };
}

/**
 * ResourceAPI.put: the permission (403), the resource (404), ResourceFormWithoutId over
 * the stored resource (absent keys kept), then 400 if the filetype changes. A hosted
 * file keeps its url, checksum, filesize, mime and format; `schema: null` removes the
 * schema, `checksum: null` a remote resource's checksum.
 */
function updateResource(ctx: StandInContext, dataset: StoredDataset, rid: string, request: RouteRequest): Result {
  const me = needUser(request.user);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const resource = resourceOr404(dataset, rid);
  const body = formBody(request);
  const { values, errors } = processResourceForm(Object.keys(body).length ? body : null, resource);
  if (Object.keys(errors).length) invalid(errors);
  if (values.filetype !== resource.filetype) fail(400, 'Cannot modify filetype after creation');
  const hasData = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
  populateResource(resource, values);
  if ('schema' in body && !hasData(body.schema)) resource.schema = null;
  if (resource.filetype !== 'file' && 'checksum' in body && !hasData(body.checksum)) resource.checksum = null;
  resource.last_modified = ctx.now();
  // Dataset.update_resource: bumps last_modified, recomputes last_update.
  touch(ctx, dataset);
  return { body: renderResource(ctx, resource) };
}

/** ResourceAPI.delete: the permission (403), the resource (404); its stored file goes too; 204. */
function deleteResource(ctx: StandInContext, dataset: StoredDataset, rid: string, user: StoredUser | undefined): Result {
  const me = needUser(user);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const resource = resourceOr404(dataset, rid);
  dataset.resources = dataset.resources.filter((r) => r !== resource);
  ctx.uploads.remove(resource.fs_filename);
  touch(ctx, dataset);
  return { status: 204 };
}

/** ResourcesAPI.put: a new order of all the resources (ids or `{id}`); last_modified stays. */
function reorderResources(ctx: StandInContext, dataset: StoredDataset, request: RouteRequest): Result {
  const me = needUser(request.user);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const list = requestJson(request);
  const items = Array.isArray(list) ? list : list && typeof list === 'object' ? Object.keys(list) : [];
  if (items.length !== dataset.resources.length) {
    fail(400, `All resources must be reordered, you provided ${items.length} out of ${dataset.resources.length}`);
  }
  if (items.some((item) => item && typeof item === 'object' && !('id' in item))) fail(400, "Each resource must have an 'id' field");
  const ids = items.map((item) => (item && typeof item === 'object' ? (item as Json).id : item));
  const known = new Set(dataset.resources.map((r) => r.id));
  if (ids.length !== new Set(ids).size || ids.some((id) => !known.has(String(id)))) {
    fail(400, `Resource ids must match existing ones in dataset, ie: {${[...known].map((id) => `'${id}'`).join(', ')}}`);
  }
  dataset.resources = ids.map((id) => dataset.resources.find((r) => r.id === id)!);
  return { body: dataset.resources.map((r) => renderResource(ctx, r)) };
}

// ---- uploads -----------------------------------------------------------------------------

/** The paths of the two upload endpoints (their bodies are streamed, not read up front). */
export function isUploadPath(method: string, path: string): boolean {
  return method === 'POST' && /^\/datasets\/[^/]+\/(?:resources\/[^/]+\/)?upload\/?$/.test(path);
}

/**
 * UploadNewDatasetResource.post (201, a new `file` resource, prepended) and
 * UploadDatasetResource.post (200, the resource's file replaced — and its title), with
 * udata/core/storages/api.py (handle_upload): a single file, or the chunks of one.
 * `receive` streams the body to a temporary file; it is only called once the dataset,
 * the caller's permission and the resource are checked, as udata reads the form then.
 */
export async function datasetUploadRoute(ctx: StandInContext, request: RouteRequest, receive: () => Promise<ReceivedForm>): Promise<Result> {
  const { parts, user } = request;
  const found = findDataset(ctx, parts);
  if ('redirect' in found) return found.redirect;
  const { dataset } = found;
  const replacing = parts.length === 5;
  if (replacing && !ROUTE_UUID.test(parts[3])) fail(404, NOT_FOUND);
  const me = needUser(user);
  if (!mayEdit(ctx, dataset, me)) fail(403, PERMISSION_DENIED);
  const target = replacing ? resourceOr404(dataset, parts[3].toLowerCase()) : undefined;

  let form: ReceivedForm;
  try {
    form = await receive();
  } catch (error) {
    // Cut off mid-body: nothing is stored, the dataset is unchanged.
    if (error instanceof ConnectionGone && error.partial) {
      ctx.uploads.records.push({
        datasetId: dataset.id,
        resourceId: null,
        filename: error.partial.filename,
        size: error.partial.size,
        sha1: null,
        complete: false,
      });
    }
    throw error;
  }
  const temporary = new Set<string>(form.file ? [form.file.path] : []);
  try {
    const fields = form.fields;
    const totalparts = Number.parseInt(fields.totalparts ?? '', 10);
    let file: { path: string; size: number; sha1: string };
    let filename: string;
    let chunks: string | undefined;
    if (totalparts > 1) {
      const uuid = fields.uuid ?? 'None';
      if (form.file) {
        // save_chunk: the part must be as long as announced; answers 200 {success}.
        if (form.file.size !== Number.parseInt(fields.chunksize ?? '', 10)) return { status: 400, body: { success: false, error: 'Chunk size mismatch' } };
        const part = Number.parseInt(fields.partindex ?? '', 10);
        renameSync(form.file.path, ctx.uploads.chunkPath(uuid, Number.isNaN(part) ? 0 : part));
        return { status: 200, body: { success: true, error: null } };
      }
      // The last request, without a file: the parts are put together, in order.
      filename = normalizeFilename(fields.filename ?? '');
      if (!uploadAllowed(filename)) fileTypeNotAllowed(ctx);
      const sources = Array.from({ length: totalparts }, (_, n) => ctx.uploads.chunkPath(uuid, n));
      // A missing part is an unhandled FileNotFoundError in udata (ChunksReader).
      if (sources.some((source) => !existsSync(source))) fail(500, 'The server encountered an internal error and was unable to complete your request.');
      const path = ctx.uploads.incomingPath();
      temporary.add(path);
      file = { path, ...(await concatenate(sources, path)) };
      chunks = uuid;
    } else if (!form.file) {
      return { status: 400, body: { success: false, error: 'Missing file parameter' } };
    } else {
      file = form.file;
      filename = normalizeFilename(form.file.filename);
    }
    // flask-storage (Storage.save): the extension is checked before anything is stored.
    if (!uploadAllowed(filename)) fileTypeNotAllowed(ctx);
    const mime = guessMime(filename) ?? DEFAULT_MIME;
    // UploadMixin.handle_upload
    if (mime.includes('html')) fail(415, 'Incorrect file content type: HTML');
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const fsFilename = ctx.uploads.keep(file.path, `${dataset.slug}/${stamp}`, filename);
    temporary.delete(file.path);
    // Chunks are dropped once the whole file is stored.
    if (chunks) ctx.uploads.discardChunks(chunks);
    const infos = {
      url: `${ctx.origin}/s/resources/${fsFilename}`,
      fs_filename: fsFilename,
      title: fsFilename.slice(fsFilename.lastIndexOf('/') + 1),
      filesize: file.size,
      checksum: { type: 'sha1', value: file.sha1 },
      mime,
      format: fileExtension(fsFilename),
      last_modified: ctx.now(),
    };
    let resource: StoredResource;
    if (target) {
      const previous = target.fs_filename;
      Object.assign(target, infos);
      resource = target;
      if (previous) ctx.uploads.remove(previous);
    } else {
      resource = {
        id: randomUUID(),
        description: null,
        filetype: 'file',
        type: 'main',
        schema: null,
        extras: {},
        harvest: null,
        created_at: infos.last_modified,
        ...infos,
      };
      dataset.resources.unshift(resource);
    }
    touch(ctx, dataset);
    ctx.uploads.records.push({ datasetId: dataset.id, resourceId: resource.id, filename: resource.title, size: file.size, sha1: file.sha1, complete: true });
    // upload_fields: resource_fields plus `success`.
    return { status: target ? 200 : 201, body: { ...renderResource(ctx, resource), success: true } };
  } finally {
    for (const path of temporary) rmSync(path, { force: true });
  }
}

/** udata/api/__init__.py (handle_unauthorized_file_type) — with no space after the first dot. */
function fileTypeNotAllowed(ctx: StandInContext): never {
  throw new HttpFailure(400, {
    message: `This file type is not allowed.The allowed file type list is available at ${ctx.apiBase}datasets/extensions/`,
  });
}
