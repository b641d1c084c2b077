// The /datasets/ family: one dataset by id or slug.
import { fail, mayEdit, type Result, type RouteRequest, type StandInContext } from '../context';
import { renderDataset } from '../render';

export function datasetsRoute(ctx: StandInContext, { method, parts, user }: RouteRequest): Result {
  if (parts.length === 2 && method === 'GET') {
    const dataset = ctx.data.datasets.find((d) => d.id === parts[1] || d.slug === parts[1]);
    if (!dataset) fail(404, 'Dataset not found');
    // udata/core/dataset/api.py (DatasetAPI.get): a deleted dataset answers 410 to those
    // who may not edit it.
    if (dataset.deleted && !(user && mayEdit(ctx, dataset, user))) fail(410, 'Dataset has been deleted');
    return { body: renderDataset(ctx, dataset, user) };
  }
  fail(404, 'The requested URL was not found on the server.');
}
