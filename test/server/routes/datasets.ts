// The /datasets/ family: one dataset by id or slug (deleted ones are not found).
import { fail, type Result, type RouteRequest, type StandInContext } from '../context';
import { renderDataset } from '../render';

export function datasetsRoute(ctx: StandInContext, { method, parts, user }: RouteRequest): Result {
  if (parts.length === 2 && method === 'GET') {
    const dataset = ctx.data.datasets.find((d) => d.id === parts[1] || d.slug === parts[1]);
    if (!dataset || dataset.deleted) fail(404, 'Dataset not found');
    return { body: renderDataset(ctx, dataset, user) };
  }
  fail(404, 'The requested URL was not found on the server.');
}
