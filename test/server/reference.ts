// The reference data of udata's dataset and spatial APIs: licenses, update frequencies,
// resource types, allowed upload extensions, spatial levels and zones; and the helpers
// udata applies to an uploaded file's name (normalize, extension, mime).
import { transliterate } from './slugify';

/** udata/core/dataset/api_fields.py (license_fields); the ids and titles of www.data.gouv.fr. */
export interface License {
  id: string;
  title: string;
  maintainer: string | null;
  url: string | null;
  flags: string[];
  alternate_urls: string[];
  alternate_titles: string[];
}

// udata/core/dataset/commands.py (FLAGS_MAP): flags are domain_content, domain_data,
// domain_software, generic, okd_compliant, osi_compliant.
export const LICENSES: License[] = [
  {
    id: 'lov2',
    title: 'Licence Ouverte / Open Licence version 2.0',
    maintainer: 'Etalab',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    flags: ['domain_content', 'domain_data', 'okd_compliant'],
    alternate_urls: ['https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf', 'https://spdx.org/licenses/etalab-2.0.html'],
    alternate_titles: ['Licence Ouverte 2.0', 'Open Licence 2.0', 'etalab-2.0'],
  },
  {
    id: 'odc-odbl',
    title: 'Open Data Commons Open Database License (ODbL)',
    maintainer: 'Open Data Commons',
    url: 'https://opendatacommons.org/licenses/odbl/summary/',
    flags: ['domain_data', 'okd_compliant'],
    alternate_urls: ['https://spdx.org/licenses/ODbL-1.0.html'],
    alternate_titles: ['ODbL', 'ODbL-1.0'],
  },
  {
    id: 'odc-by',
    title: 'Open Data Commons Attribution License',
    maintainer: 'Open Data Commons',
    url: 'https://opendatacommons.org/licenses/by/summary/',
    flags: ['domain_data', 'okd_compliant'],
    alternate_urls: [],
    alternate_titles: ['ODC-BY', 'ODC-By-1.0'],
  },
  {
    id: 'cc-by',
    title: 'Creative Commons Attribution',
    maintainer: 'Creative Commons',
    url: 'http://www.opendefinition.org/licenses/cc-by',
    flags: ['domain_content', 'domain_data', 'okd_compliant'],
    alternate_urls: ['https://creativecommons.org/licenses/by/4.0/'],
    alternate_titles: ['CC-BY', 'CC-BY-4.0'],
  },
  {
    id: 'cc-by-sa',
    title: 'Creative Commons Attribution Share-Alike',
    maintainer: 'Creative Commons',
    url: 'http://www.opendefinition.org/licenses/cc-by-sa',
    flags: ['domain_content', 'domain_data', 'okd_compliant'],
    alternate_urls: ['https://creativecommons.org/licenses/by-sa/4.0/'],
    alternate_titles: ['CC-BY-SA', 'CC-BY-SA-4.0'],
  },
  {
    id: 'cc-zero',
    title: 'Creative Commons CCZero',
    maintainer: 'Creative Commons',
    url: 'http://www.opendefinition.org/licenses/cc-zero',
    flags: ['domain_content', 'domain_data', 'okd_compliant'],
    alternate_urls: ['https://creativecommons.org/publicdomain/zero/1.0/'],
    alternate_titles: ['CC0', 'CC0-1.0'],
  },
  {
    id: 'fr-lo',
    title: 'Licence Ouverte / Open Licence',
    maintainer: 'Etalab',
    url: 'https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf',
    flags: ['domain_content', 'domain_data', 'okd_compliant'],
    alternate_urls: [],
    alternate_titles: ['Licence Ouverte 1.0', 'Open Licence 1.0'],
  },
  // udata/core/dataset/constants.py (DEFAULT_LICENSE)
  { id: 'notspecified', title: 'License Not Specified', maintainer: null, url: null, flags: ['generic'], alternate_urls: [], alternate_titles: [] },
  { id: 'other-at', title: 'Other (Attribution)', maintainer: null, url: null, flags: ['generic', 'okd_compliant'], alternate_urls: [], alternate_titles: [] },
  { id: 'other-open', title: 'Other (Open)', maintainer: null, url: null, flags: ['generic', 'okd_compliant'], alternate_urls: [], alternate_titles: [] },
  {
    id: 'other-pd',
    title: 'Other (Public Domain)',
    maintainer: null,
    url: null,
    flags: ['generic', 'okd_compliant'],
    alternate_urls: [],
    alternate_titles: [],
  },
];

/** udata/core/dataset/constants.py (DEFAULT_LICENSE): what a dataset without a license reads. */
export const DEFAULT_LICENSE_ID = 'notspecified';

/** udata/core/dataset/constants.py (UpdateFrequency), in enum order, with the English labels. */
export const FREQUENCIES: Array<{ id: string; label: string }> = [
  { id: 'continuous', label: 'Real time' },
  { id: 'oneMinute', label: 'Every minute' },
  { id: 'fiveMinutes', label: 'Every five minutes' },
  { id: 'tenMinutes', label: 'Every ten minutes' },
  { id: 'fifteenMinutes', label: 'Every fifteen minutes' },
  { id: 'thirtyMinutes', label: 'Every thirty minute' },
  { id: 'hourly', label: 'Every hour' },
  { id: 'bihourly', label: 'Every two hours' },
  { id: 'trihourly', label: 'Every three hours' },
  { id: 'twelveHours', label: 'Every twelve hours' },
  { id: 'severalTimesADay', label: 'Several times a day' },
  { id: 'threeTimesADay', label: 'Three times a day' },
  { id: 'semidaily', label: 'Twice a day' },
  { id: 'daily', label: 'Daily' },
  { id: 'fiveTimesAWeek', label: 'Five times a week' },
  { id: 'threeTimesAWeek', label: 'Three times a week' },
  { id: 'semiweekly', label: 'Twice a week' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'biweekly', label: 'Every two weeks' },
  { id: 'threeTimesAMonth', label: 'Three times a month' },
  { id: 'semimonthly', label: 'Twice a month' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'bimonthly', label: 'Every two months' },
  { id: 'quarterly', label: 'Quarterly' },
  { id: 'threeTimesAYear', label: 'Three times a year' },
  { id: 'semiannual', label: 'Twice a year' },
  { id: 'annual', label: 'Annually' },
  { id: 'biennial', label: 'Every two years' },
  { id: 'triennial', label: 'Every three years' },
  { id: 'quadrennial', label: 'Every four years' },
  { id: 'quinquennial', label: 'Every five years' },
  { id: 'decennial', label: 'Every ten years' },
  { id: 'bidecennial', label: 'Every twenty years' },
  { id: 'tridecennial', label: 'Every thirty years' },
  { id: 'punctual', label: 'Punctual' },
  { id: 'irregular', label: 'Irregular' },
  { id: 'never', label: 'Never' },
  { id: 'notPlanned', label: 'Not planned' },
  { id: 'other', label: 'Other' },
  { id: 'unknown', label: 'Unknown' },
];

/** udata/core/dataset/constants.py (_LEGACY_FREQUENCIES): old ids accepted on write. */
export const LEGACY_FREQUENCIES: Record<string, string> = {
  realtime: 'continuous',
  fourTimesADay: 'severalTimesADay',
  fourTimesAWeek: 'other',
  fortnighly: 'biweekly',
  biannual: 'semiannual',
};

/** udata/core/dataset/constants.py (RESOURCE_TYPES) */
export const RESOURCE_TYPES: Array<{ id: string; label: string }> = [
  { id: 'main', label: 'Main file' },
  { id: 'documentation', label: 'Documentation' },
  { id: 'update', label: 'Update' },
  { id: 'api', label: 'API' },
  { id: 'code', label: 'Code repository' },
  { id: 'other', label: 'Other' },
];

/** udata/core/dataset/constants.py (RESOURCE_FILETYPES) */
export const RESOURCE_FILETYPES = ['file', 'remote'];

/** udata/core/dataset/constants.py (CHECKSUM_TYPES) */
export const CHECKSUM_TYPES = ['sha1', 'sha2', 'sha256', 'md5', 'crc'];

/** udata/settings.py (ALLOWED_ARCHIVE_EXTENSIONS) */
export const ALLOWED_ARCHIVE_EXTENSIONS = ['tar', 'gz', 'tgz', 'rar', 'zip', '7z', 'xz', 'bz2'];

/** udata/settings.py (ALLOWED_RESOURCES_EXTENSIONS), in the settings' order. */
export const ALLOWED_RESOURCES_EXTENSIONS = [
  ...ALLOWED_ARCHIVE_EXTENSIONS,
  ...['csv', 'txt', 'json', 'pdf', 'xml', 'rtf', 'xsd'],
  ...['ods', 'odt', 'odp', 'odg'],
  ...['xls', 'xlsx', 'doc', 'docx', 'pps', 'ppt'],
  ...['jpeg', 'jpg', 'jpe', 'gif', 'png', 'dwg', 'svg', 'tiff', 'ecw', 'svgz', 'jp2', 'webp'],
  ...['shp', 'kml', 'kmz', 'gpx', 'shx', 'ovr', 'geojson', 'gpkg'],
  'grib2',
  ...['rdf', 'ttl', 'n3'],
  ...['dbf', 'prj', 'sql', 'sqlite', 'db', 'epub', 'sbn', 'sbx', 'cpg', 'lyr', 'owl', 'dxf', 'ics', 'ssim', 'other'],
];

/**
 * flask-storage (Storage.extension_allowed, read from etalab/flask-storage): besides the
 * storage's own list, its DEFAULTS are allowed too.
 */
const FLASK_STORAGE_DEFAULTS = 'txt rtf odf ods gnumeric abw doc docx xls xlsx jpg jpe jpeg png gif svg bmp csv ini json plist xml yaml yml'.split(' ');

/** Whether udata stores an upload with this (normalized) name: its last extension, lower-cased. */
export function uploadAllowed(filename: string): boolean {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = filename.slice(dot + 1).toLowerCase();
  return ALLOWED_RESOURCES_EXTENSIONS.includes(extension) || FLASK_STORAGE_DEFAULTS.includes(extension);
}

/**
 * udata/core/storages/utils.py (normalize): awesome-slugify with `.` kept — accents
 * transliterated, lower case, any run of other characters a single dash, no dash at
 * either end. `test_update.txt` gives `test-update.txt`.
 */
export function normalizeFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  return transliterate(base)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * udata/core/storages/utils.py (extension): the last extension, extended leftwards
 * through archive extensions while the one before is an allowed extension:
 * `a.2022.zip` → `zip`, `a.2022.csv.tar.gz` → `csv.tar.gz`, `a.geojson.csv` → `csv`.
 */
export function fileExtension(filename: string): string | null {
  let name = filename.split('/').pop() ?? '';
  let extension: string | null = null;
  while (name.includes('.')) {
    const dot = name.lastIndexOf('.');
    // os.path.splitext: leading dots of the base name are not an extension.
    if (/^\.*$/.test(name.slice(0, dot))) break;
    const ext = name.slice(dot + 1);
    name = name.slice(0, dot);
    if (extension && !ALLOWED_RESOURCES_EXTENSIONS.includes(ext)) break;
    extension = extension ? `${ext}.${extension}` : ext;
    if (!ALLOWED_ARCHIVE_EXTENSIONS.includes(ext)) break;
  }
  return extension;
}

/** udata/core/storages/utils.py (DEFAULT_MIME) */
export const DEFAULT_MIME = 'application/octet-stream';

// Python's mimetypes (with Debian's /etc/mime.types, as in udata's image) for the
// extensions udata accepts.
const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  xml: 'text/xml',
  xsd: 'application/xml',
  rtf: 'application/rtf',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  odg: 'application/vnd.oasis.opendocument.graphics',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pps: 'application/vnd.ms-powerpoint',
  ppt: 'application/vnd.ms-powerpoint',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  jpe: 'image/jpeg',
  gif: 'image/gif',
  png: 'image/png',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
  webp: 'image/webp',
  jp2: 'image/jp2',
  dwg: 'image/vnd.dwg',
  dxf: 'image/vnd.dxf',
  kml: 'application/vnd.google-earth.kml+xml',
  kmz: 'application/vnd.google-earth.kmz',
  gpx: 'application/gpx+xml',
  geojson: 'application/geo+json',
  gpkg: 'application/geopackage+sqlite3',
  rdf: 'application/rdf+xml',
  ttl: 'text/turtle',
  n3: 'text/n3',
  sql: 'application/sql',
  sqlite: 'application/vnd.sqlite3',
  epub: 'application/epub+zip',
  ics: 'text/calendar',
  zip: 'application/zip',
  tar: 'application/x-tar',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  html: 'text/html',
  htm: 'text/html',
};
// mimetypes.suffix_map and encodings_map: `x.csv.gz` is text/csv (gzip-encoded), `x.gz` unknown.
const SUFFIXES: Record<string, string> = { svgz: 'svg.gz', tgz: 'tar.gz', taz: 'tar.gz', tz: 'tar.gz', tbz2: 'tar.bz2', txz: 'tar.xz' };
const ENCODINGS = ['gz', 'Z', 'bz2', 'xz', 'br'];

/** udata/core/storages/utils.py (mime): `mimetypes.guess_type(name)[0]`, or none. */
export function guessMime(filename: string): string | null {
  let name = filename;
  let ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (SUFFIXES[ext.toLowerCase()]) {
    name = `${name.slice(0, name.lastIndexOf('.'))}.${SUFFIXES[ext.toLowerCase()]}`;
    ext = name.slice(name.lastIndexOf('.') + 1);
  }
  if (ENCODINGS.includes(ext)) {
    name = name.slice(0, name.lastIndexOf('.'));
    ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  }
  return MIME_TYPES[ext.toLowerCase()] ?? null;
}

// ---- spatial ------------------------------------------------------------------------

/** udata/core/spatial/models.py (GeoLevel): the levels of www.data.gouv.fr, English names. */
export const GEO_LEVELS: Array<{ id: string; name: string; admin_level: number }> = [
  { id: 'country-group', name: 'Country group', admin_level: 10 },
  { id: 'country', name: 'Country', admin_level: 20 },
  { id: 'country-subset', name: 'Country subset', admin_level: 30 },
  { id: 'fr:region', name: 'French region', admin_level: 40 },
  { id: 'fr:departement', name: 'French county', admin_level: 60 },
  { id: 'fr:arrondissement', name: 'French arrondissement', admin_level: 70 },
  { id: 'fr:epci', name: 'French intermunicipal (EPCI)', admin_level: 68 },
  { id: 'fr:canton', name: 'French canton', admin_level: 98 },
  { id: 'fr:commune', name: 'French town', admin_level: 100 },
  { id: 'fr:iris', name: 'Iris (Insee districts)', admin_level: 110 },
];

/** udata/core/spatial/constants.py (BASE_GRANULARITIES): after the levels. */
export const SPATIAL_GRANULARITIES: Array<{ id: string; name: string }> = [
  ...GEO_LEVELS.map(({ id, name }) => ({ id, name })),
  { id: 'poi', name: 'POI' },
  { id: 'other', name: 'Other' },
];

export interface GeoZone {
  id: string;
  name: string;
  code: string;
  level: string;
  uri: string;
}

function zone(level: string, code: string, name: string, uri: string): GeoZone {
  return { id: `${level}:${code}`, name, code, level, uri };
}

/** A few GeoZones (udata/core/spatial/models.py); 45200 is the sample town. */
export const GEO_ZONES: GeoZone[] = [
  zone('country-group', 'world', 'Monde', 'http://publications.europa.eu/resource/authority/continent/WORLD'),
  zone('country-group', 'ue', 'Union européenne', 'http://publications.europa.eu/resource/authority/corporate-body/EU'),
  zone('country', 'fr', 'France', 'http://publications.europa.eu/resource/authority/country/FRA'),
  zone('fr:region', '24', 'Centre-Val de Loire', 'http://id.insee.fr/geo/region/24'),
  zone('fr:region', '11', 'Île-de-France', 'http://id.insee.fr/geo/region/11'),
  zone('fr:region', '84', 'Auvergne-Rhône-Alpes', 'http://id.insee.fr/geo/region/84'),
  zone('fr:departement', '45', 'Loiret', 'http://id.insee.fr/geo/departement/45'),
  zone('fr:departement', '75', 'Paris', 'http://id.insee.fr/geo/departement/75'),
  zone('fr:departement', '69', 'Rhône', 'http://id.insee.fr/geo/departement/69'),
  zone('fr:epci', '244500468', 'Orléans Métropole', 'http://id.insee.fr/geo/intercommunalite/244500468'),
  zone('fr:commune', '45200', 'Saint-Rémy-sur-Loire', 'http://id.insee.fr/geo/commune/45200'),
  zone('fr:commune', '45234', 'Orléans', 'http://id.insee.fr/geo/commune/45234'),
  zone('fr:commune', '75056', 'Paris', 'http://id.insee.fr/geo/commune/75056'),
  zone('fr:commune', '69123', 'Lyon', 'http://id.insee.fr/geo/commune/69123'),
];

export class GeoIdError extends Error {}

/**
 * udata/core/spatial/geoids.py (parse) and models.py (GeoZoneQuerySet.resolve): lower
 * case, `/` read as `:`, split at the last `:` (`country-subset:` at the first).
 */
export function resolveGeoId(text: string): GeoZone | undefined {
  const spatial = text.split('@')[0].toLowerCase().replace(/\//g, ':');
  if (!spatial.includes(':')) throw new GeoIdError(`Bad GeoID format: ${text}`);
  const cut = spatial.startsWith('country-subset:') ? spatial.indexOf(':') : spatial.lastIndexOf(':');
  const level = spatial.slice(0, cut);
  const code = spatial.slice(cut + 1);
  return GEO_ZONES.find((candidate) => candidate.level === level && candidate.code === code);
}
