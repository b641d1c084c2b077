// How the stand-in renders its stored objects as the API answers them: reuses, datasets
// (with the heavy extras www.data.gouv.fr sends), the signed-in user, organizations,
// users and discussions; `permissions` per caller.
import { mayEdit, orgsOf, type StandInContext } from './context';
import { DEFAULT_LICENSE_ID } from './reference';
import type { SampleData, StoredCommunityResource, StoredDataservice, StoredDataset, StoredResource, StoredReuse, StoredUser } from './sampleData';

export function renderOrg(ctx: StandInContext, id: string | null): unknown {
  const { data, origin, apiBase } = ctx;
  const org = data.organizations.find((candidate) => candidate.id === id);
  if (!org) return null;
  return {
    class: 'Organization',
    id: org.id,
    acronym: org.acronym,
    badges: [],
    logo: `${origin}/images/avatars/${org.slug}.png`,
    logo_thumbnail: `${origin}/images/avatars/${org.slug}-100.png`,
    name: org.name,
    page: `${origin}/organizations/${org.slug}/`,
    slug: org.slug,
    uri: `${apiBase}organizations/${org.id}/`,
  };
}

export function renderUser(ctx: StandInContext, id: string | null): unknown {
  const { data, origin, apiBase } = ctx;
  const user = data.users.find((candidate) => candidate.id === id);
  if (!user) return null;
  return {
    class: 'User',
    id: user.id,
    avatar: null,
    avatar_thumbnail: null,
    first_name: user.first_name,
    last_name: user.last_name,
    page: `${origin}/users/${user.slug}/`,
    slug: user.slug,
    uri: `${apiBase}users/${user.id}/`,
  };
}

export function renderDiscussion(ctx: StandInContext, discussion: SampleData['discussions'][number]): unknown {
  const { apiBase } = ctx;
  return {
    class: 'Discussion',
    id: discussion.id,
    title: discussion.title,
    subject: discussion.subject,
    created: discussion.created,
    closed: discussion.closed,
    organization: renderOrg(ctx, discussion.organization),
    user: renderUser(ctx, discussion.user),
    discussion: discussion.messages.map((message) => ({
      content: message.content,
      posted_on: message.posted_on,
      posted_by: renderUser(ctx, message.posted_by),
    })),
    url: `${apiBase}discussions/${discussion.id}/`,
    // udata/core/discussions/models.py: the subject's web page + /discussions?discussion_id=…
    self_web_url: `${ctx.origin}/${discussion.subject.class === 'Dataset' ? 'datasets' : 'reuses'}/${discussion.subject.id}/discussions?discussion_id=${discussion.id}`,
    permissions: { close: true, delete: false, edit: false },
  };
}

export function renderMe(ctx: StandInContext, me: StoredUser): unknown {
  const { origin, apiBase } = ctx;
  return {
    id: me.id,
    slug: me.slug,
    email: me.email,
    first_name: me.first_name,
    last_name: me.last_name,
    avatar: null,
    avatar_thumbnail: null,
    website: me.website,
    about: me.about,
    since: me.since,
    roles: me.roles,
    active: true,
    last_login_at: '2026-11-22T08:12:00.000Z',
    metrics: myMetrics(ctx, me),
    uri: `${apiBase}users/${me.id}/`,
    page: `${origin}/users/${me.slug}/`,
    organizations: orgsOf(ctx, me).map((org) => renderOrg(ctx, org.id)),
  };
}

export function myMetrics(ctx: StandInContext, me: StoredUser): Record<string, number> {
  const { data } = ctx;
  const own = data.datasets.filter((d) => d.owner === me.id);
  const orgIds = orgsOf(ctx, me).map((org) => org.id);
  const orgDatasets = data.datasets.filter((d) => d.organization && orgIds.includes(d.organization));
  return {
    datasets_count: own.length,
    datasets_org_count: orgDatasets.length,
    followers_count: 4,
    followers_org_count: 57,
    resources_availability: 0.97,
  };
}

export function renderDataset(ctx: StandInContext, dataset: StoredDataset, user?: StoredUser): Record<string, unknown> {
  const { origin, apiBase } = ctx;
  const editable = !!user && mayEdit(ctx, dataset, user);
  return {
    id: dataset.id,
    title: dataset.title,
    slug: dataset.slug,
    acronym: dataset.acronym,
    description: dataset.description,
    description_short: dataset.description_short,
    archived: dataset.archived,
    deleted: dataset.deleted,
    private: dataset.private,
    featured: false,
    created_at: dataset.created_at,
    last_modified: dataset.last_modified,
    last_update: dataset.last_update,
    frequency: dataset.frequency,
    frequency_date: dataset.frequency_date,
    // udata/core/dataset/api_fields.py: `license.id`, default "notspecified".
    license: dataset.license ?? DEFAULT_LICENSE_ID,
    tags: dataset.tags,
    badges: [],
    extras: dataset.extras,
    // What www.data.gouv.fr sends for harvested datasets (the sample ones) besides:
    // harvest metadata, contact points, spatial and temporal coverage, per-resource
    // crawler results (check:*, analysis:*). They make the unmasked answers as heavy as
    // the real ones, which the masks are for.
    harvest: dataset.harvest
      ? {
          ...dataset.harvest,
          created_at: dataset.created_at,
          modified_at: dataset.last_modified,
          last_update: dataset.last_update,
          dct_identifier: dataset.id,
          archived: null,
          archived_at: null,
          ckan_name: null,
          ckan_source: null,
        }
      : null,
    internal: { created_at_internal: dataset.created_at, last_modified_internal: dataset.last_modified },
    contact_points: dataset.contact_points.map((id) => renderContactPoint(ctx, id)).filter((point) => point !== null),
    schema: null,
    spatial: dataset.spatial ? { granularity: dataset.spatial.granularity, zones: dataset.spatial.zones, geom: dataset.spatial.geom } : null,
    // udata/core/dataset/api_fields.py (temporal_coverage_fields): ISODateTime of a date
    // renders `YYYY-MM-DD`.
    temporal_coverage: dataset.temporal_coverage ? { start: dataset.temporal_coverage.start, end: dataset.temporal_coverage.end } : null,
    // udata/core/dataset/models.py (compute_quality); the score is the sample's.
    quality: {
      score: dataset.quality_score,
      dataset_description_quality: dataset.description.length > 100,
      has_resources: dataset.resources.length > 0,
      has_open_format: true,
      license: !!dataset.license,
      resources_documentation: dataset.quality_score > 0.5 || dataset.resources.some((r) => r.type === 'documentation' || !!r.description),
      spatial: !!dataset.spatial,
      temporal_coverage: !!dataset.temporal_coverage,
      update_frequency: dataset.frequency !== 'unknown',
      update_fulfilled_in_time: dataset.quality_score > 0.3,
    },
    // udata/core/dataset/models.py (count_reuses): the reuses that are visible() —
    // not private, not deleted, with datasets — counted when a reuse changes.
    metrics: { ...dataset.metrics, reuses: ctx.data.reuses.filter((r) => r.datasets.includes(dataset.id) && !r.private && !r.deleted).length },
    organization: renderOrg(ctx, dataset.organization),
    owner: renderUser(ctx, dataset.owner),
    page: `${origin}/datasets/${dataset.slug}/`,
    uri: `${apiBase}datasets/${dataset.id}/`,
    permissions: { edit: editable, delete: editable, edit_resources: editable },
    resources: dataset.resources.map((resource) => renderResource(ctx, resource)),
    // Not in udata's DEFAULT_MASK (udata/core/dataset/api_fields.py): every community
    // resource of the dataset when a mask names it.
    community_resources: ctx.data.communityResources.filter((c) => c.dataset === dataset.id).map((c) => renderCommunityResource(ctx, c, user)),
  };
}

/**
 * udata/core/dataset/api_fields.py (community_resource_fields): a resource, its dataset
 * (a reference), its author (organization or owner) and the caller's permissions
 * (ResourceEditPermission: the author's, not the dataset publisher's).
 */
export function renderCommunityResource(ctx: StandInContext, resource: StoredCommunityResource, user?: StoredUser): Record<string, unknown> {
  const dataset = ctx.data.datasets.find((d) => d.id === resource.dataset);
  const editable = !!user && mayEdit(ctx, resource, user);
  return {
    ...renderResource(ctx, resource),
    dataset: dataset
      ? {
          class: 'Dataset',
          id: dataset.id,
          title: dataset.title,
          acronym: dataset.acronym,
          uri: `${ctx.apiBase}datasets/${dataset.id}/`,
          page: `${ctx.origin}/datasets/${dataset.slug}/`,
        }
      : null,
    organization: renderOrg(ctx, resource.organization),
    owner: renderUser(ctx, resource.owner),
    permissions: { delete: editable, edit: editable },
  };
}

/** udata/core/dataset/api_fields.py (resource_fields). */
export function renderResource(ctx: StandInContext, resource: StoredResource): Record<string, unknown> {
  return {
    id: resource.id,
    title: resource.title,
    description: resource.description,
    filetype: resource.filetype,
    type: resource.type,
    format: resource.format,
    url: resource.url,
    // udata/core/dataset/models.py (latest): the permanent link, api.resource_redirect.
    latest: `${ctx.apiBase}datasets/r/${resource.id}`,
    checksum: resource.checksum ? { type: resource.checksum.type, value: resource.checksum.value } : null,
    filesize: resource.filesize,
    mime: resource.mime,
    created_at: resource.created_at,
    last_modified: resource.last_modified,
    metrics: { views: 12 },
    harvest: resource.harvest ? { created_at: resource.created_at, modified_at: resource.last_modified, uri: resource.harvest.uri } : null,
    extras: resource.extras,
    preview_url: null,
    schema: resource.schema ? { name: resource.schema.name, version: resource.schema.version, url: resource.schema.url } : null,
    internal: { created_at_internal: resource.created_at, last_modified_internal: resource.last_modified },
  };
}

/** udata/core/contact_point/models.py (its generated read fields). */
export function renderContactPoint(ctx: StandInContext, id: string): Record<string, unknown> | null {
  const point = ctx.data.contactPoints.find((candidate) => candidate.id === id);
  if (!point) return null;
  return {
    id: point.id,
    name: point.name,
    email: point.email,
    contact_form: point.contact_form,
    role: point.role,
    organization: renderOrg(ctx, point.organization),
    owner: renderUser(ctx, point.owner),
  };
}

export function renderReuse(ctx: StandInContext, reuse: StoredReuse, user?: StoredUser): Record<string, unknown> {
  const { data, origin, apiBase } = ctx;
  const editable = !!user && mayEdit(ctx, reuse, user);
  return {
    id: reuse.id,
    title: reuse.title,
    slug: reuse.slug,
    description: reuse.description,
    url: reuse.url,
    type: reuse.type,
    topic: reuse.topic,
    tags: reuse.tags,
    datasets: reuse.datasets
      .map((id) => data.datasets.find((d) => d.id === id))
      .filter((d): d is StoredDataset => !!d)
      .map((d) => renderDataset(ctx, d, user)),
    dataservices: reuse.dataservices
      .map((id) => data.dataservices.find((d) => d.id === id))
      .filter((d) => d !== undefined)
      .map((d) => ({
        class: 'Dataservice',
        id: d.id,
        title: d.title,
        slug: d.slug,
        page: `${origin}/dataservices/${d.slug}/`,
        uri: `${apiBase}dataservices/${d.id}/`,
      })),
    private: reuse.private,
    archived: reuse.archived,
    deleted: reuse.deleted,
    featured: reuse.featured,
    extras: reuse.extras,
    image: null,
    image_thumbnail: null,
    created_at: reuse.created_at,
    last_modified: reuse.last_modified,
    metrics: { ...reuse.metrics, datasets: reuse.datasets.length, followers: reuse.followers.length + (reuse.metrics.followers ?? 0) },
    organization: renderOrg(ctx, reuse.organization),
    owner: renderUser(ctx, reuse.owner),
    badges: reuse.badges,
    page: `${origin}/reuses/${reuse.slug}/`,
    uri: `${apiBase}reuses/${reuse.id}/`,
    permissions: { edit: editable, delete: editable },
  };
}

/**
 * A dataservice (an API) as udata/core/dataservices/models.py renders its read fields:
 * dates are `archived_at`/`deleted_at` (not `archived`/`deleted` as for datasets), and
 * the web link is `self_web_url` (there is no `page`).
 */
export function renderDataservice(ctx: StandInContext, dataservice: StoredDataservice, user?: StoredUser): Record<string, unknown> {
  const { origin, apiBase } = ctx;
  const editable = !!user && mayEdit(ctx, dataservice, user);
  return {
    id: dataservice.id,
    title: dataservice.title,
    acronym: null,
    slug: dataservice.slug,
    description: '',
    base_api_url: `https://api.example.fr/${dataservice.slug}/`,
    format: 'REST',
    license: null,
    tags: [],
    private: dataservice.private,
    archived_at: dataservice.archived,
    deleted_at: dataservice.deleted,
    featured: false,
    contact_points: [],
    datasets: [],
    extras: {},
    organization: renderOrg(ctx, dataservice.organization),
    owner: renderUser(ctx, dataservice.owner),
    self_api_url: `${apiBase}dataservices/${dataservice.id}/`,
    self_web_url: `${origin}/dataservices/${dataservice.slug}/`,
    permissions: { delete: editable, edit: editable, read: true },
  };
}
