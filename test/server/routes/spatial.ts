// The /spatial/ family (udata/core/spatial/api.py): the granularities and levels a
// dataset's spatial coverage may take, and the zone suggestions.
import { fail, HttpFailure, NOT_FOUND, type Result, type RouteRequest, type StandInContext } from '../context';
import { GEO_LEVELS, GEO_ZONES, SPATIAL_GRANULARITIES } from '../reference';

export function spatialRoute(_ctx: StandInContext, { method, parts, query }: RouteRequest): Result {
  if (method !== 'GET') fail(405, 'The method is not allowed for the requested URL.');
  const path = parts.slice(1).join('/');
  // SpatialGranularitiesAPI: every GeoLevel, then `poi` and `other`.
  if (path === 'granularities') return { body: SPATIAL_GRANULARITIES };
  if (path === 'levels') return { body: GEO_LEVELS.map(({ id, name }) => ({ id, name })) };
  if (path === 'zones/suggest') {
    // suggest_parser: `q` required, `size` an int (10).
    const q = query.get('q');
    if (q === null) argumentError('q', 'The string to autocomplete/suggest Missing required parameter in the query string');
    const rawSize = query.get('size');
    const size = rawSize === null ? 10 : Number(rawSize);
    if (!Number.isInteger(size)) argumentError('size', `The amount of suggestion to fetch invalid literal for int() with base 10: '${rawSize}'`);
    // SuggestZonesAPI: a case-insensitive "contains" on name, code or id, sorted by the
    // level's admin_level, the first `size`.
    const needle = q.toLowerCase();
    const adminLevel = (level: string) => GEO_LEVELS.find((candidate) => candidate.id === level)?.admin_level ?? 100;
    const zones = GEO_ZONES.filter((zone) => [zone.name, zone.code, zone.id].some((value) => value.toLowerCase().includes(needle)))
      .map((zone, index) => ({ zone, index }))
      .sort((a, b) => adminLevel(a.zone.level) - adminLevel(b.zone.level) || a.index - b.index)
      .slice(0, Math.max(0, size))
      .map(({ zone }) => ({ id: zone.id, name: zone.name, code: zone.code, level: zone.level, uri: zone.uri }));
    return { body: zones };
  }
  fail(404, NOT_FOUND);
}

/** flask-restx reqparse: 400 with the argument's help and the error. */
function argumentError(name: string, message: string): never {
  throw new HttpFailure(400, { errors: { [name]: message }, message: 'Input payload validation failed' });
}
