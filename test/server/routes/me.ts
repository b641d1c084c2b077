// The /me/ family: the signed-in user, their profile update, the legacy API key
// endpoints, and the unpaginated lists of their (and their organizations') reuses,
// datasets, community resources and discussions, most recently modified first.
import { fail, needUser, orgsOf, type Result, type RouteRequest, type StandInContext } from '../context';
import { myMetrics, renderCommunityResource, renderDataset, renderDiscussion, renderMe, renderOrg, renderReuse } from '../render';
import { createToken, renderToken, tokensOf } from '../apiTokens';
import type { StoredUser } from '../sampleData';

export function meRoute(ctx: StandInContext, { method, parts, query, body, user }: RouteRequest): Result {
  const { data } = ctx;
  const me = needUser(user);
  const sub = parts[1];
  if (!sub) {
    if (method === 'GET') return { body: renderMe(ctx, me) };
    if (method === 'PUT') return { body: updateMe(ctx, me, body) };
    if (method === 'DELETE') {
      data.users = data.users.filter((candidate) => candidate !== me);
      return { status: 204 };
    }
  }
  // udata/core/user/api.py (ApiTokenListAPI, ApiTokenAPI): list the active tokens,
  // create one (its plaintext answered once), revoke one (404 not yours, 410 revoked).
  if (sub === 'api_tokens') {
    const mine = tokensOf(me);
    if (parts.length === 2 && method === 'GET') return { body: mine.filter((token) => !token.revoked_at).map(renderToken) };
    if (parts.length === 2 && method === 'POST') {
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const expiresAt = typeof record.expires_at === 'string' ? record.expires_at : null;
      if (expiresAt && !(Date.parse(expiresAt) > Date.now())) fail(400, 'expires_at must be in the future');
      const token = createToken(me, typeof record.name === 'string' ? record.name : null, expiresAt, ctx.now());
      return { status: 201, body: { ...renderToken(token), token: token.token } };
    }
    if (parts.length === 3 && method === 'DELETE') {
      const token = mine.find((candidate) => candidate.id === parts[2]);
      if (!token) fail(404, 'Token not found');
      if (token.revoked_at) fail(410, 'Token already revoked');
      token.revoked_at = ctx.now();
      return { status: 204 };
    }
  }
  // udata/core/user/api.py (MyOrgInvitationsAPI, Accept/RefuseOrgInvitationAPI): the
  // pending invitations; accepting one makes the user a member with its role; an
  // invitation already answered gives 400, another's or an unknown one 404.
  if (sub === 'org_invitations') {
    if (parts.length === 2 && method === 'GET') {
      return {
        body: data.invitations
          .filter((invitation) => invitation.user === me.id && invitation.status === 'pending')
          .map((invitation) => ({
            id: invitation.id,
            organization: renderOrg(ctx, invitation.organization),
            role: invitation.role,
            comment: invitation.comment,
            created: invitation.created,
            assignments: [],
          })),
      };
    }
    if (parts.length === 4 && method === 'POST' && (parts[3] === 'accept' || parts[3] === 'refuse')) {
      const invitation = data.invitations.find((candidate) => candidate.id === parts[2] && candidate.user === me.id);
      if (!invitation) fail(404, 'Invitation not found');
      if (invitation.status !== 'pending') fail(400, 'Invitation is not pending');
      invitation.status = parts[3] === 'accept' ? 'accepted' : 'refused';
      const org = data.organizations.find((candidate) => candidate.id === invitation.organization);
      if (org && invitation.status === 'accepted') org.members[me.id] = invitation.role;
      return { body: { id: invitation.id, status: invitation.status } };
    }
  }
  if (sub === 'apikey' && ctx.legacyApiKeyEndpoints) {
    // Older servers: one key per user, replaced or cleared.
    const revokeAll = () => tokensOf(me).forEach((token) => (token.revoked_at ??= ctx.now()));
    if (method === 'POST') {
      revokeAll();
      me.apiKey = createToken(me, null, null, ctx.now()).token;
      return { status: 201, body: { apikey: me.apiKey } };
    }
    if (method === 'DELETE') {
      revokeAll();
      return { status: 204 };
    }
  }
  if (method === 'GET') {
    const orgIds = orgsOf(ctx, me).map((org) => org.id);
    switch (sub) {
      case 'reuses':
        return { body: byLastModified(data.reuses.filter((reuse) => reuse.owner === me.id)).map((r) => renderReuse(ctx, r, me)) };
      case 'org_reuses':
        return {
          body: byLastModified(
            data.reuses.filter((reuse) => (reuse.owner === me.id || (reuse.organization && orgIds.includes(reuse.organization))) && titleMatches(reuse, query)),
          ).map((r) => renderReuse(ctx, r, me)),
        };
      case 'datasets':
        return { body: byLastModified(data.datasets.filter((d) => d.owner === me.id)).map((d) => renderDataset(ctx, d, me)) };
      case 'org_datasets':
        return {
          body: byLastModified(
            data.datasets.filter((d) => (d.owner === me.id || (d.organization && orgIds.includes(d.organization))) && titleMatches(d, query)),
          ).map((d) => renderDataset(ctx, d, me)),
        };
      // MyOrgCommunityResourcesAPI: the community resources the user or one of their
      // organizations published (`owned_by`, on anyone's datasets), not those others
      // attached to their datasets (that is /datasets/community_resources/?dataset=);
      // `q` filters titles; most recently modified first.
      case 'org_community_resources':
        return {
          body: byLastModified(
            data.communityResources.filter((c) => (c.owner === me.id || (c.organization && orgIds.includes(c.organization))) && titleMatches(c, query)),
          ).map((c) => renderCommunityResource(ctx, c, me)),
        };
      case 'metrics':
        // udata/core/user/api.py (MyMetricsAPI) marshals one object (the reference page documents a
        // one-item list; the client accepts both).
        return { body: { id: me.id, ...myMetrics(ctx, me) } };
      case 'org_discussions': {
        // udata/core/discussions/actions.py (discussions_for): open discussions whose
        // subject (a dataset or a reuse) belongs to the user or one of their organizations.
        const owned = new Set(
          [...data.datasets, ...data.reuses].filter((o) => o.owner === me.id || (o.organization && orgIds.includes(o.organization))).map((o) => o.id),
        );
        return {
          body: data.discussions
            .filter((d) => owned.has(d.subject.id) && !d.closed)
            .sort((a, b) => b.created.localeCompare(a.created))
            .map((d) => renderDiscussion(ctx, d)),
        };
      }
    }
  }
  fail(404, 'The requested URL was not found on the server.');
}

function updateMe(ctx: StandInContext, me: StoredUser, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Validation error', { '': 'Expected an object' });
  const record = body as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const key of ['first_name', 'last_name', 'about', 'website'] as const) {
    if (!(key in record)) continue;
    const value = record[key];
    if (typeof value !== 'string') errors[key] = 'Not a valid string';
    else if ((key === 'first_name' || key === 'last_name') && !value.trim()) errors[key] = 'This field is required.';
    else me[key] = value;
  }
  if (Object.keys(errors).length) fail(400, 'Validation error', errors);
  return renderMe(ctx, me);
}

function byLastModified<T extends { last_modified: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.last_modified.localeCompare(a.last_modified));
}

function titleMatches(object: { title: string }, query: URLSearchParams): boolean {
  const q = query.get('q');
  return !q || object.title.toLowerCase().includes(q.toLowerCase());
}
