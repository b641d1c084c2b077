// udata's paginated lists: `page` and `page_size` are strictly positive integers, 20
// items by default (udata/api/__init__.py, add_pagination_arguments), and the answer is
// `{data, page, page_size, total, next_page, previous_page}` with the neighbouring pages
// as absolute URLs of the same query, or null (udata/api/fields.py, pager).
import { fail, type Result, type StandInContext } from './context';

/** udata's `positive` argument type: a strictly positive integer, else 400. */
export function positiveArgument(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(400, 'Input payload validation failed', { [name]: 'Invalid argument: must be a positive integer' });
  return value;
}

/** One page of `items` (already filtered and sorted), each rendered; `path` is under the API base. */
export function paginate<T>(ctx: StandInContext, path: string, query: URLSearchParams, items: readonly T[], render: (item: T) => unknown): Result {
  const page = positiveArgument(query, 'page', 1);
  const pageSize = positiveArgument(query, 'page_size', 20);
  const at = (n: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(n));
    return `${ctx.apiBase}${path}?${next.toString()}`;
  };
  return {
    body: {
      data: items.slice((page - 1) * pageSize, page * pageSize).map(render),
      page,
      page_size: pageSize,
      total: items.length,
      next_page: page * pageSize < items.length ? at(page + 1) : null,
      previous_page: page > 1 ? at(page - 1) : null,
    },
  };
}
