// udata's DatasetForm and ResourceForm (udata/core/dataset/forms.py) as the API runs
// them: wtforms-json turns the JSON body into form data (udata/api/__init__.py,
// UDataApi.validate), each field starts from the stored value, and a key that is sent
// overrides it. What an ABSENT key does depends on the field (the notes' table):
// title, description, license, frequency, private, archived, extras, spatial,
// resources, contact_points are kept; tags and temporal_coverage are CLEARED
// (opendatateam/udata#2468) — unless the body is exactly `{}`, which wtforms-json hands
// over as no form data at all, so that nothing is cleared.
import { HttpFailure, invalid, type StandInContext } from './context';
import {
  CHECKSUM_TYPES,
  FREQUENCIES,
  GeoIdError,
  LEGACY_FREQUENCIES,
  LICENSES,
  RESOURCE_FILETYPES,
  RESOURCE_TYPES,
  SPATIAL_GRANULARITIES,
  resolveGeoId,
  type GeoZone,
} from './reference';
import { slugify } from './slugify';
import type { StoredDataset, StoredResource, StoredUser } from './sampleData';

type Json = Record<string, unknown>;
type Errors = Record<string, unknown>;

const REQUIRED = 'This field is required.';
const NOT_A_CHOICE = 'Not a valid choice.';

/** wtforms' Length(max=…) message. */
function tooLong(max: number): string {
  return `Field cannot be longer than ${max} characters.`;
}

/** Python's len(): code points, not UTF-16 units. */
function pyLen(text: string): number {
  return [...text].length;
}

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether the form data has `key`: werkzeug's MultiDict (built by wtforms-json) drops a
 * key whose value is an empty list, so `[]` is the same as an absent key.
 */
function sent(body: Json | null, key: string): boolean {
  if (!body || !Object.prototype.hasOwnProperty.call(body, key)) return false;
  const value = body[key];
  return !(Array.isArray(value) && value.length === 0);
}

/** A list sent for a one-value field: wtforms takes its first item. */
function one(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A StringField's data: text as sent, numbers as text, null for null; EmptyNone makes "" null. */
function stringData(value: unknown, emptyNone = true): string | null {
  const item = one(value);
  if (item === null || item === undefined) return null;
  const text = typeof item === 'string' ? item : pythonStr(item);
  return emptyNone && text === '' ? null : text;
}

/** str() of a JSON value as Python prints it (True, None, …). */
export function pythonStr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** wtforms DataRequired then Length(max): the first error of a required text. */
function requiredText(value: string | null, max: number): string | undefined {
  if (!value || !value.trim()) return REQUIRED;
  if (pyLen(value) > max) return tooLong(max);
  return undefined;
}

// ---- dates ---------------------------------------------------------------------------

class DateError extends Error {}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * dateutil.parser.parse, for what clients send (ISO 8601 and what Date.parse reads): a
 * ParserError's args[0] (with its literal `%s`) otherwise. A date without a time zone is
 * naive, which udata stores as UTC. Returns the instant and the date as written.
 */
function parseDate(text: string): { iso: string; date: string } {
  const trimmed = text.trim();
  if (!trimmed) throw new DateError('String does not contain a date: %s');
  const match = ISO.exec(trimmed);
  if (match) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = match;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12) throw new DateError('month must be in 1..12: %s');
    const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
    if (day < 1 || day > days) throw new DateError('day is out of range for month: %s');
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw new DateError('Unknown string format: %s');
    let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
    }
    return { iso: new Date(ms).toISOString(), date: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` };
  }
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i.test(trimmed) ? trimmed : `${trimmed} UTC`);
  if (Number.isNaN(ms)) throw new DateError('Unknown string format: %s');
  const iso = new Date(ms).toISOString();
  return { iso, date: iso.slice(0, 10) };
}

/**
 * udata/forms/fields.py (DateTimeField): a text goes through dateutil; null is null;
 * anything else is kept as is and fails at save (see modelErrors).
 */
function dateTimeData(value: unknown): { value: string | null } | { error: string } | { invalid: unknown } {
  const item = one(value);
  if (item === null || item === undefined) return { value: null };
  if (typeof item !== 'string') return { invalid: item };
  try {
    return { value: parseDate(item).iso };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * udata/forms/fields.py (DateRangeField) and udata/mongo/datetime_fields.py (DateRange):
 * `{start, end?}` or `"start - end"`, dates only; start after end are swapped at save.
 */
function temporalCoverage(value: unknown): StoredDataset['temporal_coverage'] {
  const item = one(value);
  if (!item || (isObject(item) && !Object.keys(item).length)) return null;
  let start: string;
  let end: string | null;
  if (typeof item === 'string') {
    const parts = item.split(' - ');
    if (parts.length !== 2)
      throw new DateError(`${parts.length > 2 ? 'too many values to unpack (expected 2)' : 'not enough values to unpack (expected 2, got 1)'}`);
    start = parseDate(parts[0]).date;
    end = parseDate(parts[1]).date;
  } else if (isObject(item) && 'start' in item) {
    if (typeof item.start !== 'string') throw new DateError('Date must be a string');
    if (item.end) {
      if (typeof item.end !== 'string') throw new DateError('Date must be a string');
      end = parseDate(item.end).date;
    } else {
      end = null;
    }
    start = parseDate(item.start).date;
  } else {
    throw new DateError('Unable to parse date range');
  }
  if (end !== null && start > end) [start, end] = [end, start];
  return { start, end };
}

// ---- extras, tags, URLs ----------------------------------------------------------------

/**
 * udata/forms/fields.py (ExtrasField) and udata/mongo/extras_fields.py: an object whose
 * values are str, int, float, bool, datetime, date, list or dict — not null.
 */
function extrasErrors(value: unknown, registered: Record<string, 'int'> = {}): unknown {
  if (!isObject(value)) return ['Unsupported data type'];
  const errors: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (registered[key] === 'int' && !(typeof item === 'number' && Number.isInteger(item)) && !(typeof item === 'string' && /^\s*[-+]?\d+\s*$/.test(item))) {
      errors[key] = 'Not a valid integer value.';
    }
  }
  if (Object.keys(errors).length) return errors;
  // mongoengine DictField: key names.
  if (Object.keys(value).some((key) => key.includes('.') || key.startsWith('$'))) {
    return ['Invalid dictionary key name - keys may not contain "." or startswith "$" characters'];
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === null) errors[key] = 'Value should be an instance of: str, int, float, bool, datetime, date, list, dict';
  }
  return Object.keys(errors).length ? errors : undefined;
}

/**
 * udata/forms/fields.py (TagField) and udata/tags.py: a list of two or more items is
 * slugified item by item; one item, or a text, is split on commas (and de-duplicated).
 * Returns the form's data, in the order udata holds it in memory.
 */
function tagData(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value) && value.length > 1) return value.map((item) => slugify(pythonStr(item)));
  const item = one(value);
  if (typeof item !== 'string') return [];
  return [
    ...new Set(
      item
        .split(',')
        .filter((tag) => tag.trim())
        .map((tag) => slugify(tag)),
    ),
  ].sort();
}

/** udata/mongo/taglist_field.py (clean): what is stored — de-duplicated and sorted. */
export function storedTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => slugify(tag)))].sort();
}

const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/**
 * udata/uris.py (validate) with the production settings: http(s)/ftp(s) only, a known
 * top-level domain, no localhost, no loopback or private address.
 */
export function urlError(url: string): string | undefined {
  const match = /^(?:([a-z0-9.-]*):)?\/\/(\S+(?::\S*)?@)?([^/?#:\s]+|\[[0-9a-f:]+\])(?::(\d{2,5}))?([/?#]\S*)?$/i.exec(url);
  if (!match) return `Invalid URL "${url}"`;
  const scheme = (match[1] ?? '').toLowerCase();
  const schemes = ['http', 'https', 'ftp', 'ftps'];
  if (scheme && !schemes.includes(scheme)) return `Invalid URL "${url}": Invalid scheme ${scheme}, allowed schemes: ${schemes.join(', ')}`;
  const host = match[3].toLowerCase();
  if (host === 'localhost' || host === 'localhost.localdomain') return `Invalid URL "${url}": is a local URL`;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (ipv4.slice(1).some((part) => Number(part) > 255)) return `Invalid URL "${url}"`;
    if (a === 127 || a === 0) return `Invalid URL "${url}": is a local URL`;
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return `Invalid URL "${url}": is a private URL`;
    return undefined;
  }
  if (host.startsWith('[')) return host === '[::1]' ? `Invalid URL "${url}": is a local URL` : undefined;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => !label)) return `Invalid URL "${url}"`;
  const tld = labels[labels.length - 1];
  if (!TLD.test(tld)) return `Invalid URL "${url}": Invalid TLD ${tld}`;
  return undefined;
}

/** A mongoengine ValidationError raised at save (udata/api/__init__.py, handle_validation_error). */
function modelError(id: string | null, field: string, message: string): never {
  throw new HttpFailure(400, { errors: { [field]: message }, message: `ValidationError (Dataset:${id ?? 'None'}) (${message}: ['${field}'])` });
}

// ---- resources -------------------------------------------------------------------------

/** A resource's editable values, as the form holds them before it populates the resource. */
export type ResourceValues = Pick<
  StoredResource,
  'title' | 'description' | 'filetype' | 'type' | 'format' | 'url' | 'mime' | 'filesize' | 'checksum' | 'schema' | 'extras'
>;

const UUID = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** Python's uuid.UUID(text) as the canonical form, or undefined. */
export function canonicalUuid(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = UUID.exec(text.trim());
  return match ? match.slice(1).join('-').toLowerCase() : undefined;
}

/** A FormField (checksum, schema, spatial) has data when one of its keys is sent. */
function subform(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  return Object.keys(value).some((key) => sent(value, key)) ? value : undefined;
}

/**
 * BaseResourceForm (udata/core/dataset/forms.py) over `body`, starting from `stored` (a
 * partial update) or from the form's defaults (a new resource: `file`, `other`).
 * `body` null is the `{}` body: everything stays. Returns the values, or the errors.
 */
export function processResourceForm(body: Json | null, stored: StoredResource | undefined): { values: ResourceValues; errors: Errors } {
  const errors: Errors = {};
  const values: ResourceValues = stored
    ? {
        title: stored.title,
        description: stored.description,
        filetype: stored.filetype,
        type: stored.type,
        format: stored.format,
        url: stored.url,
        mime: stored.mime,
        filesize: stored.filesize,
        checksum: stored.checksum,
        schema: stored.schema,
        extras: stored.extras,
      }
    : {
        title: '',
        description: null,
        filetype: 'file',
        type: 'other',
        format: null,
        url: '',
        mime: null,
        filesize: null,
        checksum: null,
        schema: null,
        extras: {},
      };
  let title: string | null = stored ? stored.title : null;
  let url: string | null = stored ? stored.url : null;
  if (sent(body, 'title')) title = stringData(body!.title);
  const titleError = requiredText(title, 350);
  if (titleError) errors.title = [titleError];
  else values.title = title!;

  if (sent(body, 'description')) {
    const description = stringData(body!.description, false);
    if (description && pyLen(description) > 100_000) errors.description = [tooLong(100_000)];
    else values.description = description;
  }
  for (const [key, choices] of [
    ['filetype', RESOURCE_FILETYPES],
    ['type', RESOURCE_TYPES.map((choice) => choice.id)],
  ] as const) {
    if (!sent(body, key)) continue;
    const choice = stringData(body![key]);
    // wtforms RadioField: the choice first, then DataRequired.
    if (choice === null) errors[key] = [REQUIRED];
    else if (!(choices as readonly string[]).includes(choice)) errors[key] = [NOT_A_CHOICE];
    else (values as Record<string, unknown>)[key] = choice;
  }
  // udata/forms/fields.py (URLField): stripped, checked by udata/uris.py, required.
  if (sent(body, 'url')) url = stringData(body!.url)?.trim() || null;
  if (!url) errors.url = [REQUIRED];
  else {
    const error = urlError(url);
    if (error) errors.url = [error];
    else values.url = url;
  }
  // udata/core/dataset/forms.py (normalize_format): stripped and lower-cased.
  if (sent(body, 'format')) values.format = stringData(body!.format)?.trim().toLowerCase() || null;
  if (sent(body, 'mime')) values.mime = stringData(body!.mime);
  if (sent(body, 'filesize')) {
    const size = one(body!.filesize);
    if (size === null || size === '') values.filesize = null;
    else if (typeof size === 'number' && Number.isFinite(size)) values.filesize = Math.trunc(size);
    else if (typeof size === 'string' && /^\s*[-+]?\d+\s*$/.test(size)) values.filesize = Number(size);
    else errors.filesize = ['Not a valid integer value.'];
  }
  const checksum = body ? subform(body.checksum) : undefined;
  if (checksum) {
    // ChecksumForm: type among CHECKSUM_TYPES (sha1 by default), value required.
    const type = sent(checksum, 'type') ? stringData(checksum.type) : (values.checksum?.type ?? 'sha1');
    const value = sent(checksum, 'value') ? stringData(checksum.value) : (values.checksum?.value ?? null);
    const sub: Errors = {};
    if (!type || !CHECKSUM_TYPES.includes(type)) sub.type = [NOT_A_CHOICE];
    if (!value || !value.trim()) sub.value = [REQUIRED];
    if (Object.keys(sub).length) errors.checksum = sub;
    else values.checksum = { type: type!, value: value! };
  }
  if (sent(body, 'extras')) {
    const problem = extrasErrors(one(body!.extras), { 'check:status': 'int' });
    if (problem) errors.extras = problem;
    else values.extras = { ...(one(body!.extras) as Json) };
  }
  const schema = body ? subform(body.schema) : undefined;
  if (schema) {
    const current = values.schema ?? { name: null, version: null, url: null };
    const next = {
      name: sent(schema, 'name') ? stringData(schema.name) : current.name,
      version: sent(schema, 'version') ? stringData(schema.version) : current.version,
      url: sent(schema, 'url') ? (stringData(schema.url)?.trim() ?? null) : current.url,
    };
    const sub: Errors = {};
    const error = next.url ? urlError(next.url) : undefined;
    if (error) sub.url = [error];
    // udata/core/dataset/models.py (Schema.clean); there is no schema catalog here.
    else if (!next.url && !next.name && next.version) sub.version = ['A schema must contains a name or an URL when a version is provided.'];
    if (Object.keys(sub).length) errors.schema = sub;
    else values.schema = next.name || next.url || next.version ? next : null;
  }
  return { values, errors };
}

/**
 * BaseResourceForm.populate_obj: on a hosted file (filetype `file` with a URL), the
 * server-computed fields keep their values (HOSTED_RESOURCE_PROTECTED_FIELDS).
 */
export function populateResource(resource: StoredResource, values: ResourceValues): void {
  const hosted = resource.filetype === 'file' && !!resource.url;
  const protectedFields = new Set(hosted ? ['filetype', 'url', 'checksum', 'filesize', 'mime', 'format'] : []);
  for (const [key, value] of Object.entries(values)) {
    if (!protectedFields.has(key)) (resource as unknown as Record<string, unknown>)[key] = value;
  }
}

// ---- datasets --------------------------------------------------------------------------

/** What a valid DatasetForm writes on the dataset. */
export interface DatasetFormResult {
  changes: Partial<StoredDataset>;
  /** The tags as udata holds them in memory after the form (what a PUT answers). */
  answerTags?: string[];
  /** The new list of resources, when `resources` was sent. */
  resources?: Array<{ existing?: StoredResource; values: ResourceValues }>;
}

/**
 * Runs DatasetForm over `body` for `dataset` (a PUT) or for a new dataset (a POST,
 * `dataset` undefined). Throws the 400 udata answers: `{"errors": …}` for the form,
 * `{"message": …}` for a frequency that is not one, `{"errors", "message"}` at save.
 */
export function processDatasetForm(ctx: StandInContext, input: Json, dataset: StoredDataset | undefined, user: StoredUser): DatasetFormResult {
  const { data } = ctx;
  const isAdmin = user.roles.includes('admin');
  // wtforms-json: `{}` is no form data at all; any other object is, even of unknown keys.
  const body = Object.keys(input).length ? input : null;
  const errors: Errors = {};
  const changes: Partial<StoredDataset> = {};
  const result: DatasetFormResult = { changes };
  // Values of datetime fields that are neither text nor null: kept, refused at save.
  const unparsable: Array<[string, unknown]> = [];

  // title, description: DataRequired and Length (TITLE_SIZE_LIMIT, DESCRIPTION_SIZE_LIMIT).
  const title = sent(body, 'title') ? stringData(body!.title) : (dataset?.title ?? null);
  const titleError = requiredText(title, 350);
  if (titleError) errors.title = [titleError];
  else if (sent(body, 'title')) changes.title = title!;
  if (sent(body, 'acronym')) changes.acronym = stringData(body!.acronym);
  const description = sent(body, 'description') ? stringData(body!.description, false) : (dataset?.description ?? null);
  const descriptionError = requiredText(description, 100_000);
  if (descriptionError) errors.description = [descriptionError];
  else if (sent(body, 'description')) changes.description = description!;
  if (sent(body, 'description_short')) {
    const short = stringData(body!.description_short);
    if (short && pyLen(short) > 200) errors.description_short = [tooLong(200)];
    else changes.description_short = short;
  }

  // license: ModelSelectField(allow_blank=True) — an unknown id is no license, silently.
  if (sent(body, 'license')) {
    const id = one(body!.license);
    changes.license = typeof id === 'string' && LICENSES.some((license) => license.id === id) ? id : null;
  }

  // frequency: unmarshal_frequency calls UpdateFrequency(value), whose ValueError is not a
  // form error: it stops the validation and answers 400 {"message"} (handle_value_error).
  let frequencyError: string | undefined;
  if (sent(body, 'frequency')) {
    const raw = one(body!.frequency);
    if (raw === null) {
      // Optional() clears the choice error of a null: the value is none, read as unknown.
      changes.frequency = 'unknown';
    } else {
      const text = pythonStr(raw);
      const id = FREQUENCIES.some((frequency) => frequency.id === text) ? text : LEGACY_FREQUENCIES[text];
      if (id) changes.frequency = id;
      else frequencyError = `'${text}' is not a valid UpdateFrequency`;
    }
  }

  for (const key of ['frequency_date', 'deleted', 'archived'] as const) {
    if (!sent(body, key)) continue;
    const parsed = dateTimeData(body![key]);
    if ('error' in parsed) errors[key] = [parsed.error];
    else if ('invalid' in parsed) unparsable.push([key, parsed.invalid]);
    else changes[key] = parsed.value;
  }

  // temporal_coverage: DateRangeField.process_formdata([]) sets None — cleared when absent.
  if (body) {
    try {
      changes.temporal_coverage = sent(body, 'temporal_coverage') ? temporalCoverage(body.temporal_coverage) : null;
    } catch (error) {
      errors.temporal_coverage = [(error as Error).message];
    }
  }

  // spatial: a FormField, populated only when one of its keys is sent (null is nothing);
  // the keys not sent keep their stored values.
  const spatial = body ? subform(body.spatial) : undefined;
  if (spatial) {
    const current = dataset?.spatial ?? { zones: [], granularity: 'other', geom: null };
    const next = { zones: [...current.zones], granularity: current.granularity, geom: current.geom };
    const sub: Errors = {};
    if (sent(spatial, 'zones')) {
      // udata/core/spatial/forms.py (ZonesField) and udata/forms/fields.py (ModelList).
      const raw = spatial.zones;
      const ids = Array.isArray(raw) && raw.length > 1 ? raw : typeof one(raw) === 'string' ? String(one(raw)).split(',').filter(Boolean) : [one(raw)];
      try {
        const zones: GeoZone[] = [];
        const unknown: string[] = [];
        for (const id of ids) {
          const text = isObject(id) && 'id' in id ? pythonStr(id.id) : pythonStr(id);
          const zone = resolveGeoId(text);
          if (zone) zones.push(zone);
          else unknown.push(text);
        }
        if (unknown.length) sub.zones = [`Unknown geoid(s): ${unknown.join(', ')}`];
        else next.zones = zones.map((zone) => zone.id);
      } catch (error) {
        if (!(error instanceof GeoIdError)) throw error;
        sub.zones = [error.message];
      }
    }
    if (sent(spatial, 'granularity')) {
      const granularity = one(spatial.granularity);
      if (granularity !== null && !SPATIAL_GRANULARITIES.some((choice) => choice.id === granularity)) sub.granularity = [NOT_A_CHOICE];
      else if (granularity !== null) next.granularity = granularity as string;
    }
    if (sent(spatial, 'geom')) {
      const geom = one(spatial.geom);
      if (geom === null) next.geom = null;
      else if (!isObject(geom) || typeof geom.type !== 'string' || !Array.isArray(geom.coordinates)) sub.geom = ['Not a valid GeoJSON'];
      else next.geom = geom;
    }
    if (Object.keys(sub).length) errors.spatial = sub;
    else changes.spatial = next;
  }

  // tags: TagField.process_formdata([]) sets [] — cleared when absent.
  if (body) {
    const tags = sent(body, 'tags') ? tagData(body.tags) : [];
    const bad = tags.find((tag) => pyLen(tag) < 3 || pyLen(tag) > 96);
    if (bad !== undefined) errors.tags = [`Tag "${bad}" must be between 3 and 96 characters long.`];
    else {
      changes.tags = storedTags(tags);
      result.answerTags = tags;
    }
  }

  // private: udata's BooleanField keeps the value when absent; null is false.
  if (sent(body, 'private')) {
    const value = one(body!.private);
    changes.private = !(value === null || value === false || value === 'false' || value === '' || value === 0);
  }

  // owner (CurrentUserField) and organization (PublishAsField).
  let owner = dataset ? dataset.owner : user.id;
  let organization = dataset ? dataset.organization : null;
  if (sent(body, 'owner') && one(body!.owner) !== null) {
    const raw = one(body!.owner);
    const id = isObject(raw) ? raw.id : raw;
    if (typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id)) errors.owner = [`Unsupported identifier: ${pythonStr(id)}`];
    else if (!data.users.some((candidate) => candidate.id === id)) errors.owner = ['User does not exists'];
    else if (dataset?.owner && dataset.owner !== id && !isAdmin) errors.owner = ['Cannot change owner after creation. Please use transfer feature.'];
    else if (!isAdmin && id !== user.id) errors.owner = ['You can only set yourself as owner'];
    else owner = id;
  }
  if (sent(body, 'organization')) {
    const raw = one(body!.organization);
    const id = isObject(raw) ? raw.id : raw;
    if (id === null || id === undefined || id === '') {
      if (dataset?.organization && !isAdmin) errors.organization = ['Cannot change owner after creation. Please use transfer feature.'];
    } else if (typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id)) {
      errors.organization = [`Unsupported identifier: ${pythonStr(id)}`];
    } else {
      const org = data.organizations.find((candidate) => candidate.id === id);
      if (!org) errors.organization = ['Organization does not exists'];
      else if (dataset?.organization && dataset.organization !== org.id && !isAdmin) {
        errors.organization = ['Cannot change owner after creation. Please use transfer feature.'];
      } else if (!(user.id in org.members) && !isAdmin) errors.organization = ['Permission denied for this organization'];
      else {
        organization = org.id;
        owner = null;
      }
    }
  }
  if (!dataset || organization !== dataset.organization) changes.organization = organization;
  if (!dataset || owner !== dataset.owner) changes.owner = owner;

  // extras: kept when absent (ExtrasField re-parses the stored value); null is none.
  if (sent(body, 'extras')) {
    const value = one(body!.extras);
    if (value === null) changes.extras = {};
    else {
      const problem = extrasErrors(value);
      if (problem) errors.extras = problem;
      else changes.extras = { ...(value as Json) };
    }
  }

  // resources: NestedModelList(ResourceForm) — when sent, the list replaces the stored
  // one; an entry with a known id is that resource, pre-filled (a partial update); an
  // unknown but well-formed id, or none, is a new resource with a server id.
  if (sent(body, 'resources') && one(body!.resources) !== null) {
    const raw = body!.resources;
    if (!Array.isArray(raw)) {
      // (guess) The message is not in the notes; udata answers 400 (test_dataset_api_create_with_resources_dict).
      errors.resources = ['Not a valid list'];
    } else {
      const entryErrors: Errors[] = [];
      const entries: NonNullable<DatasetFormResult['resources']> = [];
      for (const item of raw) {
        const entry: Json = typeof item === 'string' ? { id: item } : isObject(item) ? { ...item } : {};
        let existing: StoredResource | undefined;
        const entryError: Errors = {};
        if (entry.id !== undefined && entry.id !== null) {
          const id = canonicalUuid(entry.id);
          if (!id) entryError.id = ['Not a valid UUID'];
          else existing = dataset?.resources.find((candidate) => candidate.id === id);
        }
        delete entry.id;
        const { values, errors: formErrors } = processResourceForm(Object.keys(entry).length ? entry : null, existing);
        Object.assign(entryError, formErrors);
        entryErrors.push(entryError);
        entries.push({ existing, values });
      }
      if (entryErrors.some((entry) => Object.keys(entry).length)) errors.resources = entryErrors;
      else result.resources = entries;
    }
  }

  // contact_points: ModelList — [] is kept (as absent), null clears; each must belong to
  // the dataset's organization, or to its owner (validate_contact_point).
  if (sent(body, 'contact_points')) {
    const raw = body!.contact_points;
    if (one(raw) === null && !(Array.isArray(raw) && raw.length > 1)) changes.contact_points = [];
    else {
      const ids = (
        Array.isArray(raw) ? (raw.length === 1 && typeof raw[0] === 'string' ? raw[0].split(',') : raw) : typeof raw === 'string' ? raw.split(',') : [raw]
      )
        .filter((id) => id !== '')
        .map((id) => (isObject(id) && 'id' in id ? id.id : id));
      const malformed = ids.find((id) => typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id));
      if (malformed !== undefined) errors.contact_points = [`Unsupported identifier: ${pythonStr(malformed)}`];
      else {
        const unknown = (ids as string[]).filter((id) => !data.contactPoints.some((point) => point.id === id));
        if (unknown.length) errors.contact_points = [`Unknown identifiers: ${[...new Set(unknown)].join(', ')}`];
        else {
          const points = (ids as string[]).map((id) => data.contactPoints.find((point) => point.id === id)!);
          const mismatch = points.some((point) => (organization ? point.organization !== organization : owner ? point.owner !== owner : false));
          if (mismatch) errors.contact_points = ['Wrong contact point id or contact point ownership mismatch'];
          else changes.contact_points = points.map((point) => point.id);
        }
      }
    }
  }

  if (frequencyError) throw new HttpFailure(400, { message: frequencyError });
  if (Object.keys(errors).length) invalid(errors);

  // At save (mongoengine validation, Dataset.clean): 400 with errors and message.
  const id = dataset?.id ?? null;
  if (changes.acronym && pyLen(changes.acronym) > 128) modelError(id, 'acronym', 'String value is too long');
  for (const [key, value] of unparsable) modelError(id, key, `cannot parse date "${pythonStr(value)}"`);
  const nextSpatial = changes.spatial ?? dataset?.spatial;
  if (nextSpatial && nextSpatial.zones.length && nextSpatial.geom) {
    modelError(id, 'spatial', 'The spatial coverage cannot contains a Geozone and a Geometry');
  }
  if (result.resources) {
    const seen = new Set<StoredResource>();
    for (const { existing } of result.resources) {
      if (existing && seen.has(existing)) modelError(id, '__all__', `Duplicate resource ID in dataset #${id}.`);
      if (existing) seen.add(existing);
    }
  }
  const extras = changes.extras ?? dataset?.extras ?? {};
  for (const key of Object.keys(extras)) {
    if (!key.startsWith('custom:')) continue;
    if (!(changes.organization ?? dataset?.organization)) {
      modelError(id, '__all__', 'Custom metadatas are only accessible to dataset owned by on organization.');
    }
    // No sample organization defines custom metadata.
    modelError(id, '__all__', "Dataset's organization did not define the requested custom metadata.");
  }
  return result;
}
