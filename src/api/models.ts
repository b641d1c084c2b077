// Typed models of the data.gouv.fr API objects this extension reads, after
// ../shared/api-reference (me.txt, reuses.txt). Every field is optional where a
// field mask (X-Fields) can leave it out; the views only read what they asked for.

export type Iso8601 = string;

export interface Permissions {
  edit: boolean;
  delete: boolean;
}

export interface Badge {
  kind: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
  acronym?: string | null;
  slug?: string;
  page?: string;
  uri?: string;
  logo?: string | null;
  logo_thumbnail?: string | null;
  badges?: Badge[];
}

/** An organization as listed in `GET /me/` (`organizations[]`). */
export type Organization = OrganizationRef;

export interface UserRef {
  id: string;
  first_name?: string;
  last_name?: string;
  slug?: string;
  page?: string;
  uri?: string;
  avatar?: string | null;
  avatar_thumbnail?: string | null;
}

export interface Me extends UserRef {
  email?: string | null;
  about?: string | null;
  website?: string | null;
  since?: Iso8601;
  last_login_at?: Iso8601 | null;
  active?: boolean;
  roles?: string[];
  metrics?: Record<string, number>;
  organizations?: Organization[];
}

/** A file of a dataset: uploaded to data.gouv.fr (`file`) or a link elsewhere (`remote`). */
export interface Resource {
  id: string;
  title?: string;
  description?: string | null;
  format?: string | null;
  filesize?: number | null;
  filetype?: 'file' | 'remote' | string;
  type?: string;
  url?: string;
  mime?: string | null;
  checksum?: { type: string; value: string } | null;
  schema?: ResourceSchemaRef | null;
  extras?: Record<string, unknown>;
  created_at?: Iso8601;
  last_modified?: Iso8601;
  /** `POST …/upload/` answers the resource with `success: true`. */
  success?: boolean;
}

/**
 * A file or link someone attached to a dataset they do not publish
 * (udata/core/dataset/api_fields.py, `community_resource_fields`): a resource, its
 * dataset and who published it. Its author's to edit, not the dataset's publisher's.
 */
export interface CommunityResource extends Resource {
  dataset?: { id: string; title?: string; page?: string } | null;
  organization?: OrganizationRef | null;
  owner?: UserRef | null;
}

/** A resource's schema (udata/core/dataset/models.py, `Schema`): a name from the catalog, or a URL. */
export interface ResourceSchemaRef {
  name?: string | null;
  version?: string | null;
  url?: string | null;
}

/** `PUT /datasets/{id}/resources/{rid}/`: the resource fields to change. */
export type ResourcePatch = Partial<Pick<Resource, 'title' | 'description' | 'type' | 'format' | 'url' | 'schema' | 'extras'>>;

/** `POST /datasets/{id}/resources/`: a link to a file hosted elsewhere. */
export interface NewRemoteResource {
  filetype: 'remote';
  title: string;
  url: string;
  type?: string;
  format?: string;
  description?: string;
}

/** A license of `GET /datasets/licenses/` (udata/core/dataset/api_fields.py, `license_fields`). */
export interface License {
  id: string;
  title: string;
  url?: string | null;
  maintainer?: string | null;
  flags?: string[];
  alternate_urls?: string[];
  alternate_titles?: string[];
}

/** A spatial granularity of `GET /spatial/granularities/`. */
export interface Granularity {
  id: string;
  name: string;
}

/** A zone of `GET /spatial/zones/suggest/`. */
export interface ZoneSuggestion {
  id: string;
  name: string;
  code?: string;
  level?: string;
}

export interface TemporalCoverage {
  start: string;
  end?: string | null;
}

export interface SpatialCoverage {
  zones?: string[];
  granularity?: string | null;
  geom?: unknown;
}

export interface DatasetQuality {
  score?: number;
  [check: string]: unknown;
}

export interface Dataset {
  id: string;
  title?: string;
  slug?: string;
  acronym?: string | null;
  description?: string;
  private?: boolean;
  archived?: Iso8601 | null;
  deleted?: Iso8601 | null;
  created_at?: Iso8601;
  last_modified?: Iso8601;
  last_update?: Iso8601;
  frequency?: string;
  page?: string;
  uri?: string;
  tags?: string[];
  resources?: Resource[];
  quality?: DatasetQuality;
  metrics?: Record<string, number>;
  organization?: OrganizationRef | null;
  owner?: UserRef | null;
  badges?: Badge[];
  permissions?: Permissions & { edit_resources?: boolean };
  description_short?: string | null;
  license?: string | null;
  frequency_date?: Iso8601 | null;
  temporal_coverage?: TemporalCoverage | null;
  spatial?: SpatialCoverage | null;
  contact_points?: Array<{ id: string; name?: string; email?: string | null; role?: string }>;
  extras?: Record<string, unknown>;
  /** Not in udata's default mask: asked by name (`community_resources{id}` counts them). */
  community_resources?: CommunityResource[];
}

/**
 * The body of `PUT /datasets/{id}/` (udata/core/dataset/forms.py, `DatasetForm`). Never
 * `resources`: sent, it replaces the dataset's whole list of resources.
 */
export interface DatasetPatch {
  title?: string;
  acronym?: string | null;
  description?: string;
  description_short?: string | null;
  tags?: string[];
  license?: string;
  frequency?: string;
  temporal_coverage?: TemporalCoverage | null;
  spatial?: { zones: string[]; granularity: string };
  private?: boolean;
  archived?: Iso8601 | null;
  deleted?: null;
  contact_points?: string[] | null;
  extras?: Record<string, unknown>;
}

/** `POST /datasets/`: what New Dataset… asks. */
export interface NewDataset {
  title: string;
  description: string;
  organization?: string;
  license?: string;
  frequency?: string;
  private?: boolean;
}

/** An API published on data.gouv.fr (udata's `Dataservice`); only what the extension reads. */
export interface Dataservice {
  id: string;
  title?: string;
  slug?: string;
  self_web_url?: string;
  private?: boolean;
  archived_at?: Iso8601 | null;
  deleted_at?: Iso8601 | null;
  organization?: OrganizationRef | null;
}

/** One page of a paginated udata list (udata/api/fields.py, `pager`). */
export interface Page<T> {
  data: T[];
  page?: number;
  page_size?: number;
  total?: number;
  next_page?: string | null;
  previous_page?: string | null;
}

export const REUSE_TYPES = ['api', 'application', 'idea', 'news_article', 'paper', 'post', 'visualization', 'hardware'] as const;
export type ReuseType = (typeof REUSE_TYPES)[number];

export const REUSE_TOPICS = [
  'health',
  'transport_and_mobility',
  'housing_and_development',
  'food_and_agriculture',
  'culture_and_recreation',
  'economy_and_business',
  'environment_and_energy',
  'work_and_training',
  'politics_and_public_life',
  'safety_and_security',
  'education_and_research',
  'society_and_demography',
  'law_and_justice',
  'open_data_tools',
  'others',
] as const;
export type ReuseTopic = (typeof REUSE_TOPICS)[number];

export interface Reuse {
  id: string;
  title?: string;
  slug?: string;
  description?: string;
  url?: string;
  type?: ReuseType | string;
  topic?: ReuseTopic | string;
  tags?: string[];
  /** Full dataset objects in API answers (trimmed by the mask); ids when sent. */
  datasets?: Dataset[];
  /** The APIs the reuse uses: references `{ id, title, … }` in answers, ids in writes. */
  dataservices?: Array<string | { id: string; title?: string }>;
  private?: boolean;
  archived?: Iso8601 | null;
  deleted?: Iso8601 | null;
  featured?: boolean;
  extras?: Record<string, unknown>;
  image?: string | null;
  image_thumbnail?: string | null;
  created_at?: Iso8601;
  last_modified?: Iso8601;
  metrics?: Record<string, number>;
  organization?: OrganizationRef | null;
  owner?: UserRef | null;
  badges?: Badge[];
  page?: string;
  uri?: string;
  permissions?: Permissions;
}

/** `GET /reuses/types/` and `/reuses/topics/` items. */
export interface Choice {
  id: string;
  label: string;
}

/** The body of `PUT /reuses/{id}/`: a patch, only the keys to change. */
export interface ReusePatch {
  title?: string;
  description?: string;
  url?: string;
  type?: string;
  topic?: string;
  tags?: string[];
  datasets?: string[];
  private?: boolean;
  archived?: Iso8601 | null;
  deleted?: Iso8601 | null;
  extras?: Record<string, unknown>;
}

export interface NewReuse {
  title: string;
  description: string;
  url: string;
  type: string;
  topic: string;
  tags?: string[];
  datasets?: string[];
  private?: boolean;
  organization?: string;
}

export interface MyMetrics {
  id?: string;
  datasets_count?: number;
  datasets_org_count?: number;
  followers_count?: number;
  followers_org_count?: number;
  resources_availability?: number;
  [metric: string]: unknown;
}

/** `PUT /me/`: the profile fields a user may change. */
export interface ProfilePatch {
  first_name?: string;
  last_name?: string;
  about?: string;
  website?: string;
}

export interface Discussion {
  id: string;
  title?: string;
  subject?: { class?: string; id?: string };
  created?: Iso8601;
  closed?: Iso8601 | null;
  /** The messages, oldest first. */
  discussion?: Array<{ content?: string; posted_on?: Iso8601; posted_by?: UserRef | null }>;
  url?: string;
  /** The discussion on its subject's web page. */
  self_web_url?: string;
  /**
   * In udata's answer, the organization a message was posted on behalf of (usually
   * null). The Discussions view replaces it with the owner of the subject (withSubjectOwners).
   */
  organization?: OrganizationRef | null;
  owner?: UserRef | null;
  user?: UserRef | null;
}

/** An API token of the user (udata 16+); the plaintext `token` only in the answer that created it. */
export interface ApiToken {
  id: string;
  name?: string | null;
  /** `udata_` and the first characters of the token: matches the start of the key in use. */
  token_prefix?: string;
  created_at?: Iso8601;
  last_used_at?: Iso8601 | null;
  expires_at?: Iso8601 | null;
  revoked_at?: Iso8601 | null;
  token?: string;
}

/** A pending invitation to join an organization (`GET /me/org_invitations/`). */
export interface OrgInvitation {
  id: string;
  organization?: OrganizationRef | null;
  role?: string;
  comment?: string | null;
  created?: Iso8601;
}

export interface FollowersPage {
  data: Array<{ id?: string; follower?: UserRef; since?: Iso8601 }>;
  total: number;
  page?: number;
  page_size?: number;
}
