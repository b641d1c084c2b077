// X-Fields masks: the lists under /me/ are unpaginated and each item carries whole
// nested objects (a reuse its full datasets, a dataset all its resources). A mask
// keeps only what the extension shows, which cuts the bytes by an order of magnitude.

const ORG = 'organization{id,name,acronym,slug,page,logo_thumbnail}';
const OWNER = 'owner{id,first_name,last_name,slug,page}';
/**
 * Lists repeat the owner on every item: only what the sidebar groups by. An
 * organization's page (Open in Browser on its group) comes from GET /me/ on demand.
 */
const ORG_REF = 'organization{id,name,acronym}';
const OWNER_REF = 'owner{id,page}';

/** What the Reuses view shows for a reuse and for each of its datasets. */
export const REUSE_LIST_MASK = [
  'id,title,slug,description,url,type,topic,tags,private,archived,deleted',
  'last_modified,page,metrics,permissions',
  ORG_REF,
  OWNER_REF,
  'datasets{id,title,page,private,archived,deleted}',
].join(',');

/**
 * What the Organization Datasets view shows for a dataset (title, markers, last
 * update, quality). With 10,000 datasets every field costs ~10,000 copies: no
 * metrics, no resources (they load when a dataset is expanded: DATASET_RESOURCES_MASK),
 * no page (asked when Open in Browser or Copy Link needs it).
 */
export const DATASET_LIST_MASK = ['id,title,private,archived,deleted,last_update,quality{score},permissions', ORG_REF, OWNER_REF].join(',');

/**
 * A dataset's resources, loaded when it is expanded in Organization Datasets, with what
 * its Reuses and Community Resources children count: udata's `metrics.reuses` (a Raw
 * dict: a sub-mask keeps one key) and the ids of its community resources. Asked here,
 * not in DATASET_LIST_MASK, they cost nothing until a dataset is expanded.
 */
export const DATASET_RESOURCES_MASK = 'id,metrics{reuses},community_resources{id},resources{id,title,format,filesize,filetype}';

/** The pagination of udata's lists (udata/api/fields.py, `pager`), around the items' mask. */
const paged = (items: string) => `data{${items}},page,page_size,total,next_page`;

/**
 * A page of the reuses of a dataset (`GET /reuses/?dataset=`): what a reuse node and its
 * tooltip show, who publishes it, and whether the user may edit it.
 */
export const DATASET_REUSES_PAGE_MASK = paged(
  'id,title,slug,url,type,topic,private,archived,deleted,last_modified,page,metrics{views,followers},permissions,organization{id,name,acronym},owner{id,first_name,last_name}',
);

/** A page of a dataset's community resources (`GET /datasets/community_resources/?dataset=`): title, file, author, date. */
export const COMMUNITY_RESOURCES_PAGE_MASK = paged(
  'id,title,format,filesize,url,created_at,last_modified,organization{id,name,acronym},owner{id,first_name,last_name}',
);

/** A reuse found by `GET /reuses/suggest/` (udata's `reuse_suggestion_fields`: id, title, slug, image_url, page). */
export const REUSE_SUGGESTION_MASK = 'id,title,slug';

/** Everything the reuse document needs, plus what decides how it opens. */
export const REUSE_DOCUMENT_MASK = [
  'id,title,slug,description,url,type,topic,tags,private,archived,deleted,extras',
  'last_modified,page,permissions',
  'datasets{id,title}',
  'dataservices{id,title}',
  ORG,
  OWNER,
].join(',');

/**
 * The read just before a save: the editable fields (compared field by field with the
 * document's base: `last_modified` moves on every follow or discussion, so it says
 * nothing about them), and what may forbid the save (deletion, permissions).
 */
export const REUSE_EDITABLE_MASK = 'id,title,description,url,type,topic,tags,datasets{id},dataservices{id},private,archived,extras,deleted,permissions';

/** What Manage API Tokens shows of a token (never the token: udata keeps only its hash). */
export const API_TOKEN_MASK = 'id,name,token_prefix,created_at,last_used_at,expires_at';

/** What the invitations pick shows. */
export const INVITATION_MASK = ['id,role,comment,created', ORG_REF].join(',');

export const ME_MASK = 'id,slug,first_name,last_name,email,avatar_thumbnail,page,roles,organizations{id,name,acronym,slug,page,logo_thumbnail}';

/** A dataset named in a reuse document (hover, completion). */
export const DATASET_SUMMARY_MASK = 'id,title,slug,page,private,archived,deleted,organization{id,name}';

/**
 * An API (udata dataservice) named in a reuse document. Its dates are `archived_at`
 * and `deleted_at`, its web page `self_web_url` (udata/core/dataservices/models.py).
 */
export const DATASERVICE_SUMMARY_MASK = 'id,title,slug,self_web_url,private,archived_at,deleted_at,organization{id,name}';

/** A page of APIs for completion: the summary of each, and whether more pages follow. */
export const DATASERVICE_PAGE_MASK = `data{${DATASERVICE_SUMMARY_MASK}},next_page,total`;

/**
 * What the Discussions view shows: title, subject, dates, the web page
 * (`self_web_url`), and of the messages only their dates (their number and the last one).
 */
export const DISCUSSION_LIST_MASK = 'id,title,subject{class,id},created,closed,url,self_web_url,discussion{posted_on}';

/**
 * Who owns each dataset and reuse of the user's lists: a discussion's own
 * `organization` is whom a message was posted on behalf of (usually none), so the
 * Discussions view groups by the owner of the discussion's subject, read here.
 */
export const SUBJECT_OWNER_MASK = ['id', ORG_REF, OWNER_REF].join(',');

/**
 * Everything the dataset document shows, and what decides how it opens. `spatial`,
 * `temporal_coverage` and `contact_points` are asked whole: a sub-mask on a field that
 * is not nested in udata's model answers 400 "Mask error".
 */
export const DATASET_DOCUMENT_MASK =
  'id,title,slug,acronym,description,description_short,tags,license,frequency,temporal_coverage,spatial,private,archived,deleted,contact_points,extras,created_at,last_modified,page,permissions,organization{id,name},owner{id}';

/** A dataset as a resource document needs it: to name it and to know who may edit it. */
export const DATASET_FOR_RESOURCE_MASK = 'id,title,slug,page,deleted,permissions';

/** Everything the resource document shows. */
export const RESOURCE_DOCUMENT_MASK = 'id,title,description,type,filetype,format,url,mime,filesize,schema,extras,created_at,last_modified';
