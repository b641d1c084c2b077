// What the stand-in's route families and renderers share: the context object (the
// data, the clock, the addresses), the request and answer of a route, the failure a
// route throws, and who may see or edit what.
import type { SampleData, StoredOrganization, StoredUser } from './sampleData';
import type { UploadStore } from './uploads';

/** The stand-in's state as routes and renderers see it; built by `startStandIn`. */
export interface StandInContext {
  /** The current data; a reset replaces it. */
  readonly data: SampleData;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/api/1/` */
  readonly apiBase: string;
  /** Whether `POST/DELETE /me/apikey` exist (older servers); newer ones answer 404. */
  readonly legacyApiKeyEndpoints: boolean;
  /** The reuse badge kinds of the platform (`{}` in core udata). */
  readonly reuseBadges: Record<string, string>;
  /** The time of a change (ISO 8601), later than every one before. */
  now(): string;
  /** The uploaded files (a temporary folder of this stand-in's own) and their records. */
  readonly uploads: UploadStore;
}

/** A request under /api/1, as a route family sees it. */
export interface RouteRequest {
  method: string;
  /** The path under /api/1 in segments: `/reuses/<id>/datasets/` is `['reuses', '<id>', 'datasets']`. */
  parts: string[];
  query: URLSearchParams;
  body: unknown;
  /** The request's Content-Type header, when it has one. */
  contentType?: string;
  /** The caller, when a known key came. */
  user?: StoredUser;
}

export type Result = { status?: number; body?: unknown; headers?: Record<string, string> };

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? status));
  }
}

export function fail(status: number, message: string, errors?: Record<string, unknown>): never {
  throw new HttpFailure(status, errors ? { errors, message } : { message });
}

/**
 * udata/api/__init__.py (UDataApi.validate): a form that does not validate answers 400
 * with the form's errors only — no `message` key.
 */
export function invalid(errors: Record<string, unknown>): never {
  throw new HttpFailure(400, { errors });
}

/** werkzeug's NotFound description, which udata answers for an unknown URL or object. */
export const NOT_FOUND = 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

export function needUser(user: StoredUser | undefined): StoredUser {
  return user ?? fail(401, 'Unauthorized');
}

export function orgsOf(ctx: StandInContext, user: StoredUser): StoredOrganization[] {
  return ctx.data.organizations.filter((org) => user.id in org.members);
}

export function mayEdit(ctx: StandInContext, object: { owner: string | null; organization: string | null }, user: StoredUser): boolean {
  if (user.roles.includes('admin')) return true;
  if (object.owner === user.id) return true;
  const org = ctx.data.organizations.find((candidate) => candidate.id === object.organization);
  return !!org && user.id in org.members;
}
