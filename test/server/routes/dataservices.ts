// The /dataservices/ family (udata/core/dataservices/api.py): the paginated list and
// one dataservice by id or slug. Reuses point at dataservices by id; the extension
// reads them for the reuse document's hover and completion.
import { fail, mayEdit, orgsOf, type Result, type RouteRequest, type StandInContext } from '../context';
import { paginate } from '../pagination';
import { renderDataservice } from '../render';
import type { StoredDataservice, StoredUser } from '../sampleData';

export function dataservicesRoute(ctx: StandInContext, { method, parts, query, user }: RouteRequest): Result {
  if (parts.length === 1 && method === 'GET') {
    // DataservicesAPI.get: visible_by_user (udata/core/owned.py) — public, not archived,
    // not deleted, or owned by the caller (their organizations or themselves); all of
    // them for a sysadmin. Filters `organization` and `owner` come from the model's
    // filterable fields (udata/core/owned.py), pages from add_pagination_arguments
    // (udata/api/__init__.py): page and page_size (default 20) strictly positive.
    const organization = query.get('organization');
    const owner = query.get('owner');
    const visible = ctx.data.dataservices.filter(
      (d) => isVisibleTo(ctx, d, user) && (organization === null || d.organization === organization) && (owner === null || d.owner === owner),
    );
    return paginate(ctx, 'dataservices/', query, visible, (d) => renderDataservice(ctx, d, user));
  }
  if (parts.length === 2 && method === 'GET') {
    const dataservice = ctx.data.dataservices.find((d) => d.id === parts[1] || d.slug === parts[1]);
    if (!dataservice) fail(404, 'Dataservice not found');
    // DataserviceAPI.get with OwnableReadPermission (udata/core/dataset/permissions.py):
    // a private or deleted dataservice is for its owners; to others a deleted public
    // one answers 410, a private one 404.
    if ((dataservice.private || dataservice.deleted) && !(user && mayEdit(ctx, dataservice, user))) {
      if (!dataservice.private && dataservice.deleted) fail(410, 'Dataservice has been deleted');
      fail(404, 'Not Found');
    }
    return { body: renderDataservice(ctx, dataservice, user) };
  }
  fail(404, 'The requested URL was not found on the server.');
}

function isVisibleTo(ctx: StandInContext, dataservice: StoredDataservice, user: StoredUser | undefined): boolean {
  if (!dataservice.private && !dataservice.archived && !dataservice.deleted) return true;
  if (!user) return false;
  if (user.roles.includes('admin')) return true;
  return dataservice.owner === user.id || orgsOf(ctx, user).some((org) => org.id === dataservice.organization);
}
