// Realistic French sample data for the stand-in: a user in two organizations,
// reuses of several types and states, datasets with resources, plus a second user
// whose reuse the first may only read, and a platform administrator.
import { createHash } from 'node:crypto';
import { slugify } from './slugify';

export interface StoredUser {
  id: string;
  slug: string;
  first_name: string;
  last_name: string;
  email: string;
  about: string;
  website: string;
  apiKey: string;
  roles: string[];
  since: string;
}

export interface StoredOrganization {
  id: string;
  name: string;
  acronym: string | null;
  slug: string;
  /** user id → role in the organization */
  members: Record<string, 'admin' | 'editor'>;
}

/** A resource of a dataset (udata/core/dataset/models.py, Resource). */
export interface StoredResource {
  /** A UUID (udata resources are identified by UUIDs, datasets by ObjectIds). */
  id: string;
  title: string;
  description: string | null;
  /** `file`: hosted by data.gouv.fr (uploaded); `remote`: a link. */
  filetype: 'file' | 'remote';
  /** udata/core/dataset/constants.py (RESOURCE_TYPES) */
  type: 'main' | 'documentation' | 'update' | 'api' | 'code' | 'other';
  format: string | null;
  url: string;
  mime: string | null;
  filesize: number | null;
  checksum: { type: string; value: string } | null;
  schema: { name: string | null; version: string | null; url: string | null } | null;
  extras: Record<string, unknown>;
  /** Harvest metadata, for resources that came from a harvester (the sample ones). */
  harvest: { uri: string } | null;
  /** Where an uploaded file is stored (udata's fs_filename), relative to the stand-in's storage. */
  fs_filename: string | null;
  created_at: string;
  last_modified: string;
}

/**
 * A community resource (udata/core/dataset/models.py, CommunityResource): a resource
 * someone attached to a dataset, owned by its author (a user or an organization), not
 * by the dataset's publisher.
 */
export interface StoredCommunityResource extends StoredResource {
  dataset: string;
  owner: string | null;
  organization: string | null;
}

/** A contact point (udata/core/contact_point/models.py), owned by an organization or a user. */
export interface StoredContactPoint {
  id: string;
  name: string;
  email: string | null;
  contact_form: string | null;
  role: string;
  organization: string | null;
  owner: string | null;
}

export interface StoredDataset {
  id: string;
  title: string;
  slug: string;
  /** Former slugs, which redirect (udata's SlugField with follow=True). */
  oldSlugs: string[];
  acronym: string | null;
  description: string;
  description_short: string | null;
  owner: string | null;
  organization: string | null;
  private: boolean;
  archived: string | null;
  deleted: string | null;
  created_at: string;
  last_modified: string;
  last_update: string;
  frequency: string;
  frequency_date: string | null;
  /** A license id; none reads as `notspecified`. */
  license: string | null;
  tags: string[];
  /** Dates as `YYYY-MM-DD` (udata stores dates, not datetimes). */
  temporal_coverage: { start: string; end: string | null } | null;
  /** GeoIDs of udata's zones, and a granularity (a level id, `poi` or `other`). */
  spatial: { zones: string[]; granularity: string; geom: Record<string, unknown> | null } | null;
  extras: Record<string, unknown>;
  /** Ids of contact points (SampleData.contactPoints). */
  contact_points: string[];
  /** Harvest metadata, for datasets that came from a harvester (the sample ones). */
  harvest: { backend: string; domain: string; remote_id: string; remote_url: string; source_id: string; uri: string } | null;
  quality_score: number;
  metrics: Record<string, number>;
  /** Newest first, as udata prepends new ones. */
  resources: StoredResource[];
}

export interface StoredReuse {
  id: string;
  title: string;
  slug: string;
  oldSlugs: string[];
  description: string;
  url: string;
  type: string;
  topic: string;
  tags: string[];
  datasets: string[];
  /** Ids of the APIs (udata dataservices) the reuse uses. */
  dataservices: string[];
  private: boolean;
  archived: string | null;
  deleted: string | null;
  featured: boolean;
  extras: Record<string, unknown>;
  owner: string | null;
  organization: string | null;
  created_at: string;
  last_modified: string;
  metrics: Record<string, number>;
  badges: Array<{ kind: string }>;
  followers: string[];
}

export interface StoredDiscussion {
  id: string;
  title: string;
  subject: { class: 'Dataset' | 'Reuse'; id: string };
  /** The organization a message was posted on behalf of (udata: posted_by_organization), usually none. */
  organization: string | null;
  user: string;
  created: string;
  closed: string | null;
  messages: Array<{ content: string; posted_on: string; posted_by: string }>;
}

/** An invitation to join an organization (udata: a MembershipRequest of kind "invitation"). */
export interface StoredInvitation {
  id: string;
  organization: string;
  user: string;
  role: 'admin' | 'editor';
  comment: string;
  created: string;
  status: 'pending' | 'accepted' | 'refused';
}

/** An API published on data.gouv.fr (udata/core/dataservices/models.py). */
export interface StoredDataservice {
  id: string;
  title: string;
  slug: string;
  organization: string | null;
  owner: string | null;
  private: boolean;
  archived: string | null;
  deleted: string | null;
}

export interface SampleData {
  users: StoredUser[];
  organizations: StoredOrganization[];
  contactPoints: StoredContactPoint[];
  dataservices: StoredDataservice[];
  datasets: StoredDataset[];
  reuses: StoredReuse[];
  discussions: StoredDiscussion[];
  invitations: StoredInvitation[];
  communityResources: StoredCommunityResource[];
}

/** The key of the sample user, Camille Martin (printed by the demo). */
export const SAMPLE_API_KEY = 'udata_demo_camille_7f3a9c2e41b84d06a5e1';
/** The key of Jean Dupont, who owns a reuse Camille may only read. */
export const OTHER_USER_API_KEY = 'udata_demo_jean_0c5d8e2b97a14f3e6b28';
/** The key of a platform administrator. */
export const ADMIN_API_KEY = 'udata_demo_admin_91e4b7c03d5a2f68e1c9';

export function objectId(prefix: number, n: number): string {
  return (prefix.toString(16).padStart(8, '0') + n.toString(16).padStart(16, '0')).slice(0, 24);
}

function daysAgo(days: number, base = Date.parse('2026-11-20T09:30:00.000Z')): string {
  return new Date(base - days * 86_400_000).toISOString();
}

const FORMATS: Array<[string, string | null]> = [
  ['csv', 'text/csv'],
  ['json', 'application/json'],
  ['geojson', 'application/geo+json'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['pdf', 'application/pdf'],
  ['zip', 'application/zip'],
];

/** A UUID (version 4 layout) made from a seed, so the sample ids stay the same. */
export function uuidFrom(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function resource(datasetId: string, n: number, title: string, formatIndex: number, days: number): StoredResource {
  const [format, mime] = FORMATS[formatIndex % FORMATS.length];
  const id = uuidFrom(`${datasetId}:resource:${n}`);
  const filesize = format === 'pdf' ? null : 12_000 + ((n * 7919 + formatIndex * 104_729) % 9_000_000);
  const lastModified = daysAgo(days);
  return {
    id,
    title,
    description: `Fichier ${format.toUpperCase()} mis à jour automatiquement.`,
    filetype: 'file',
    type: 'main',
    format,
    url: `https://static.data.gouv.fr/resources/${datasetId}/${slugify(title)}.${format}`,
    mime,
    filesize,
    checksum: { type: 'sha1', value: createHash('sha1').update(id).digest('hex') },
    schema: null,
    // What www.data.gouv.fr's crawler (hydra) adds to every resource: availability
    // checks and the analysis of the file. They make the unmasked answers as heavy as
    // the real ones, which the masks are for.
    extras: {
      'check:available': true,
      'check:date': lastModified,
      'check:headers:content-type': mime ?? 'application/octet-stream',
      'check:headers:content-length': filesize ?? 0,
      'check:status': 200,
      'check:timeout': false,
      'analysis:checksum': createHash('sha1').update(`${id}:content`).digest('hex'),
      'analysis:content-length': filesize ?? 0,
      'analysis:last-modified-at': lastModified,
      'analysis:last-modified-detection': 'last-modified-header',
      'analysis:mime-type': mime ?? 'application/octet-stream',
      'analysis:parsing:started_at': lastModified,
      'analysis:parsing:finished_at': lastModified,
      'analysis:parsing:parquet_url': `https://object.files.data.gouv.fr/hydra-parquet/hydra-parquet/${id}.parquet`,
      'analysis:parsing:parquet_size': Math.round((filesize ?? 0) / 3),
    },
    harvest: { uri: `https://data.saint-remy-sur-loire.fr/api/resources/${id}` },
    fs_filename: null,
    created_at: daysAgo(days + 200),
    last_modified: lastModified,
  };
}

/** The metadata every sample dataset carries, as harvested from the town's portal. */
function harvested(origin: string, id: string, slug: string, lastUpdate: string): Pick<StoredDataset, 'temporal_coverage' | 'spatial' | 'extras' | 'harvest'> {
  return {
    temporal_coverage: { start: '2020-01-01', end: lastUpdate.slice(0, 10) },
    spatial: { zones: ['fr:commune:45200', 'fr:departement:45', 'fr:region:24'], granularity: 'fr:commune', geom: null },
    extras: { 'recommendations:sources': ['https://recommendations.data.gouv.fr'], 'dcat:landingPage': `${origin}/datasets/${slug}/` },
    harvest: {
      backend: 'DCAT',
      domain: 'data.saint-remy-sur-loire.fr',
      remote_id: `urn:saint-remy:${id}`,
      remote_url: `https://data.saint-remy-sur-loire.fr/explore/dataset/${slug}/`,
      source_id: '6a1b2c3d4e5f60718293a4b5',
      uri: `https://data.saint-remy-sur-loire.fr/api/datasets/${slug}`,
    },
  };
}

/** The organization's contact point, as its datasets name it. */
function contactPointsOf(data: Pick<SampleData, 'contactPoints'>, org: string | null): string[] {
  return data.contactPoints.filter((point) => org && point.organization === org).map((point) => point.id);
}

const LONG_DESCRIPTION =
  'Ce jeu de données est produit par le service et mis à jour régulièrement. ' +
  'Il respecte le schéma national publié sur schema.data.gouv.fr. ' +
  'Les coordonnées sont exprimées en WGS84 (EPSG:4326). ' +
  'Pour toute question, utilisez l’onglet discussions de la page du jeu de données.';

/** `origin`: the stand-in's address, which the sample datasets' landing pages use. */
export function createSampleData(origin = 'http://127.0.0.1'): SampleData {
  const camille: StoredUser = {
    id: objectId(0x5a1e, 1),
    slug: 'camille-martin',
    first_name: 'Camille',
    last_name: 'Martin',
    email: 'camille.martin@saint-remy-sur-loire.fr',
    about: 'Cheffe de projet données à la mairie de Saint-Rémy-sur-Loire.',
    website: 'https://www.saint-remy-sur-loire.fr',
    apiKey: SAMPLE_API_KEY,
    roles: [],
    since: '2021-03-15T10:00:00.000Z',
  };
  const jean: StoredUser = {
    id: objectId(0x5a1e, 2),
    slug: 'jean-dupont',
    first_name: 'Jean',
    last_name: 'Dupont',
    email: 'jean.dupont@example.org',
    about: '',
    website: '',
    apiKey: OTHER_USER_API_KEY,
    roles: [],
    since: '2019-06-01T08:00:00.000Z',
  };
  const admin: StoredUser = {
    id: objectId(0x5a1e, 3),
    slug: 'administration-plateforme',
    first_name: 'Administration',
    last_name: 'Plateforme',
    email: 'admin@example.org',
    about: '',
    website: '',
    apiKey: ADMIN_API_KEY,
    roles: ['admin'],
    since: '2014-01-01T00:00:00.000Z',
  };

  const mairie: StoredOrganization = {
    id: objectId(0x0a9a, 1),
    name: 'Mairie de Saint-Rémy-sur-Loire',
    acronym: null,
    slug: 'mairie-de-saint-remy-sur-loire',
    members: { [camille.id]: 'admin' },
  };
  const agence: StoredOrganization = {
    id: objectId(0x0a9a, 2),
    name: 'Agence régionale des mobilités',
    acronym: 'ARM',
    slug: 'agence-regionale-des-mobilites',
    members: { [camille.id]: 'editor' },
  };
  const observatoire: StoredOrganization = {
    id: objectId(0x0a9a, 3),
    name: 'Observatoire citoyen de l’air',
    acronym: 'OCA',
    slug: 'observatoire-citoyen-de-l-air',
    members: { [jean.id]: 'admin' },
  };

  // udata/core/contact_point/models.py: contact points belong to an organization (or a
  // user); a dataset may only name those of its owner.
  const contactPoints: StoredContactPoint[] = [
    {
      id: '5c9d8e7f6a5b4c3d2e1f0a9b',
      name: 'Service données et cartographie',
      email: 'donnees@saint-remy-sur-loire.fr',
      contact_form: `${origin}/contact/donnees/`,
      role: 'contact',
      organization: mairie.id,
      owner: null,
    },
    {
      id: '5c9d8e7f6a5b4c3d2e1f0a9c',
      name: 'Pôle données des mobilités',
      email: 'opendata@mobilites-region.fr',
      contact_form: null,
      role: 'publisher',
      organization: agence.id,
      owner: null,
    },
  ];

  const datasetSpecs: Array<[string, StoredOrganization | null, number, string[], string]> = [
    [
      'Horaires théoriques du réseau de bus (GTFS)',
      agence,
      2,
      ['Horaires GTFS', 'Arrêts'],
      'Les horaires prévus de toutes les lignes de bus du réseau régional.',
    ],
    [
      'Bornes de recharge pour véhicules électriques',
      mairie,
      5,
      ['Bornes IRVE', 'Bornes IRVE (GeoJSON)', 'Documentation'],
      'Les bornes de recharge de la commune, au schéma national IRVE.',
    ],
    ['Qualité de l’air mesurée près des écoles', mairie, 9, ['Mesures horaires'], 'Mesures horaires du dioxyde d’azote et des particules près des écoles.'],
    ['Aménagements cyclables', agence, 14, ['Pistes cyclables', 'Stationnements vélo'], 'Pistes, bandes et stationnements cyclables de la région.'],
    ['Budget primitif 2026', mairie, 30, ['Budget primitif', 'Annexes'], 'Le budget primitif voté par le conseil municipal.'],
    ['Menus des cantines scolaires', mairie, 45, ['Menus de la semaine'], 'Les menus servis dans les écoles de la commune.'],
    ['Relevés de trafic routier', agence, 60, [], 'Comptages de véhicules sur les routes régionales.'],
    ['Mes relevés de températures au jardin', null, 90, ['Relevés 2025'], 'Températures relevées chaque matin dans un jardin de la commune.'],
    ['Capteurs de particules fines citoyens', observatoire, 3, ['Mesures PM2.5'], 'Les mesures de PM2.5 des capteurs installés par des bénévoles.'],
  ];
  const datasets: StoredDataset[] = datasetSpecs.map(([title, org, days, resourceTitles, short], index) => {
    const id = objectId(0xda7a, index + 1);
    const slug = slugify(title);
    const lastUpdate = daysAgo(days + 1);
    return {
      id,
      title,
      slug,
      oldSlugs: [],
      acronym: null,
      description: LONG_DESCRIPTION,
      description_short: short,
      owner: org ? null : camille.id,
      organization: org ? org.id : null,
      private: index === 6,
      archived: index === 5 ? daysAgo(20) : null,
      deleted: null,
      created_at: daysAgo(days + 400),
      last_modified: daysAgo(days),
      last_update: lastUpdate,
      frequency: index % 2 ? 'monthly' : 'daily',
      frequency_date: null,
      license: 'lov2',
      tags: ['mobilite', 'open-data'].slice(0, (index % 2) + 1),
      ...harvested(origin, id, slug, lastUpdate),
      contact_points: contactPointsOf({ contactPoints }, org?.id ?? null),
      quality_score: Math.round((0.33 + ((index * 0.137) % 0.66)) * 100) / 100,
      metrics: { views: 1200 - index * 97, followers: 12 - index, reuses: 2, discussions: index % 3, resources_downloads: 5400 - index * 411 },
      resources: resourceTitles.map((resourceTitle, n) => resource(id, n, resourceTitle, index + n, days + n)),
    };
  });
  const [gtfs, irve, air, velo, budget, , , , capteurs] = datasets;

  const reuseSpecs: Array<Partial<StoredReuse> & { title: string; days: number }> = [
    {
      title: 'Carte des bornes de recharge de Saint-Rémy',
      description:
        'Une carte interactive des bornes de recharge pour véhicules électriques de la commune, ' +
        'avec leur puissance et leur disponibilité.\n\nRéalisée avec les données IRVE de la mairie.',
      url: 'https://carto.saint-remy-sur-loire.fr/bornes',
      type: 'application',
      topic: 'transport_and_mobility',
      tags: ['irve', 'mobilite', 'vehicule-electrique'],
      datasets: [irve.id],
      // The mairie's air quality API (the dataservices below).
      dataservices: [objectId(0xd5e7, 2)],
      organization: mairie.id,
      days: 2,
      metrics: { views: 3412, followers: 27, datasets: 1 },
    },
    {
      title: 'API des horaires de bus en temps réel',
      description: 'Une API REST qui expose les prochains passages aux arrêts du réseau régional.',
      url: 'https://api.mobilites-region.fr/horaires',
      type: 'api',
      topic: 'transport_and_mobility',
      tags: ['bus', 'gtfs', 'temps-reel'],
      datasets: [gtfs.id],
      organization: agence.id,
      days: 4,
      metrics: { views: 980, followers: 8, datasets: 1 },
    },
    {
      title: 'Qualité de l’air autour des écoles',
      description: 'Visualisation des mesures de qualité de l’air près des écoles, heure par heure.',
      url: 'https://dataviz.saint-remy-sur-loire.fr/air-ecoles',
      type: 'visualization',
      topic: 'environment_and_energy',
      tags: ['air', 'ecoles', 'sante'],
      datasets: [air.id, capteurs.id],
      organization: mairie.id,
      days: 7,
      metrics: { views: 1544, followers: 11, datasets: 2 },
    },
    {
      title: 'Itinéraires cyclables du dimanche',
      description: 'Une idée de balades à vélo construite à partir des aménagements cyclables.',
      url: 'https://camille-martin.fr/velo-dimanche',
      type: 'idea',
      topic: 'culture_and_recreation',
      tags: ['velo', 'loisirs'],
      datasets: [velo.id],
      owner: camille.id,
      private: true,
      days: 12,
      metrics: { views: 0, followers: 0, datasets: 1 },
    },
    {
      title: 'Le budget 2026 expliqué aux habitants',
      description: 'Un article qui explique le budget primitif de la commune en cinq graphiques.',
      url: 'https://www.saint-remy-sur-loire.fr/actualites/budget-2026',
      type: 'news_article',
      topic: 'politics_and_public_life',
      tags: ['budget', 'finances-publiques'],
      datasets: [budget.id],
      organization: mairie.id,
      archived: daysAgo(10),
      days: 25,
      metrics: { views: 431, followers: 2, datasets: 1 },
    },
    {
      title: 'Billet : nos données de mobilité en 2025',
      description: 'Retour sur une année d’ouverture des données de mobilité.',
      url: 'https://camille-martin.fr/billets/mobilite-2025',
      type: 'post',
      topic: 'transport_and_mobility',
      tags: ['bilan', 'mobilite'],
      datasets: [gtfs.id, velo.id],
      owner: camille.id,
      deleted: daysAgo(3),
      days: 40,
      metrics: { views: 77, followers: 0, datasets: 2 },
    },
    {
      title: 'Capteurs citoyens : tableau de bord',
      description: 'Tableau de bord des mesures de particules fines relevées par des bénévoles.',
      url: 'https://observatoire-air.example.org/tableau-de-bord',
      type: 'visualization',
      topic: 'health',
      tags: ['capteurs', 'particules-fines'],
      datasets: [capteurs.id],
      organization: observatoire.id,
      days: 6,
      metrics: { views: 2210, followers: 19, datasets: 1 },
    },
  ];
  const reuses: StoredReuse[] = reuseSpecs.map((spec, index) => ({
    id: objectId(0x7e05, index + 1),
    title: spec.title,
    slug: slugify(spec.title),
    oldSlugs: [],
    description: spec.description ?? '',
    url: spec.url ?? '',
    type: spec.type ?? 'application',
    topic: spec.topic ?? 'others',
    tags: [...(spec.tags ?? [])].sort(),
    datasets: spec.datasets ?? [],
    dataservices: spec.dataservices ?? [],
    private: spec.private ?? false,
    archived: spec.archived ?? null,
    deleted: spec.deleted ?? null,
    featured: false,
    extras: {},
    owner: spec.owner ?? null,
    organization: spec.organization ?? null,
    created_at: daysAgo(spec.days + 300),
    last_modified: daysAgo(spec.days),
    metrics: spec.metrics ?? {},
    badges: [],
    followers: [],
  }));

  // The bus timetables are reused by more people than a page of the dataset's reuses
  // holds (udata's page size is 20): Jean and his organization publish 20 more.
  const transitApps = [
    'Prochain bus',
    'BusMap Loire',
    'Horaires hors ligne',
    'Trajets accessibles',
    'Arrêts à pied',
    'Bus et vélo',
    'Carte isochrone',
    'Quel bus ?',
    'Correspondances',
    'Le réseau en 3D',
  ];
  const transitTypes = ['application', 'visualization', 'api', 'paper'];
  for (let n = 0; n < 20; n++) {
    const title = n < 10 ? transitApps[n] : `${transitApps[n - 10]} (mobile)`;
    reuses.push({
      id: objectId(0x7e08, n + 1),
      title,
      slug: slugify(title),
      oldSlugs: [],
      description: `Une réutilisation des horaires du réseau régional : ${title}.`,
      url: `https://apps.example.org/transport/${slugify(title)}`,
      type: transitTypes[n % transitTypes.length],
      topic: 'transport_and_mobility',
      tags: ['bus', 'gtfs'],
      datasets: [gtfs.id],
      dataservices: [],
      private: false,
      archived: null,
      deleted: null,
      featured: false,
      extras: {},
      owner: n % 2 ? null : jean.id,
      organization: n % 2 ? observatoire.id : null,
      created_at: daysAgo(20 + n * 9),
      last_modified: daysAgo(10 + n * 9),
      metrics: { views: 40 + n * 13, followers: n % 5, datasets: 1 },
      badges: [],
      followers: [],
    });
  }

  const community = (
    n: number,
    dataset: StoredDataset,
    author: { owner?: StoredUser; organization?: StoredOrganization },
    title: string,
    format: string,
    url: string,
    days: number,
  ): StoredCommunityResource => ({
    ...resource(
      dataset.id,
      100 + n,
      title,
      FORMATS.findIndex(([f]) => f === format),
      days,
    ),
    id: uuidFrom(`community:${n}`),
    description: null,
    filetype: 'remote',
    type: 'other',
    url,
    checksum: null,
    extras: {},
    harvest: null,
    created_at: daysAgo(days),
    dataset: dataset.id,
    owner: author.owner?.id ?? null,
    organization: author.organization?.id ?? null,
  });
  const communityResources: StoredCommunityResource[] = [
    community(1, irve, { owner: jean }, 'Bornes IRVE aux coordonnées vérifiées', 'csv', 'https://jean-dupont.example.org/irve-verifie.csv', 5),
    community(
      2,
      gtfs,
      { organization: observatoire },
      'Arrêts de bus accessibles (relevé citoyen)',
      'geojson',
      'https://observatoire-air.example.org/arrets-accessibles.geojson',
      12,
    ),
    // Published by Camille's town on another organization's dataset: hers to edit, and
    // what udata's /me/org_community_resources/ lists (udata/core/user/api.py).
    community(
      3,
      capteurs,
      { organization: mairie },
      'Mesures PM2.5 de la station de la mairie',
      'csv',
      'https://data.saint-remy-sur-loire.fr/pm25-mairie.csv',
      8,
    ),
  ];

  const discussions: StoredDiscussion[] = [
    {
      id: objectId(0xd15c, 1),
      title: 'Coordonnées erronées pour deux bornes',
      subject: { class: 'Dataset', id: irve.id },
      organization: null,
      user: jean.id,
      created: daysAgo(6),
      closed: null,
      messages: [
        { content: 'Les bornes 12 et 14 sont placées dans la Loire.', posted_on: daysAgo(6), posted_by: jean.id },
        { content: 'Merci, nous corrigeons.', posted_on: daysAgo(2), posted_by: camille.id },
      ],
    },
    {
      id: objectId(0xd15c, 2),
      title: 'Fréquence de mise à jour du GTFS',
      subject: { class: 'Dataset', id: gtfs.id },
      organization: null,
      user: jean.id,
      created: daysAgo(30),
      closed: daysAgo(20),
      messages: [{ content: 'Le fichier est-il mis à jour chaque semaine ?', posted_on: daysAgo(30), posted_by: jean.id }],
    },
    {
      id: objectId(0xd15c, 3),
      title: 'Lien cassé vers la carte',
      subject: { class: 'Reuse', id: reuses[0].id },
      organization: null,
      user: jean.id,
      created: daysAgo(1),
      closed: null,
      messages: [{ content: 'La carte ne s’affiche plus.', posted_on: daysAgo(1), posted_by: jean.id }],
    },
  ];

  const invitations: StoredInvitation[] = [
    {
      id: '6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
      organization: observatoire.id,
      user: camille.id,
      role: 'editor',
      comment: 'Rejoignez-nous pour publier les mesures de la mairie.',
      created: daysAgo(3),
      status: 'pending',
    },
  ];
  const dataservices: StoredDataservice[] = [
    {
      id: objectId(0xd5e7, 1),
      title: 'API Horaires de bus en temps réel',
      slug: 'api-horaires-de-bus-en-temps-reel',
      organization: agence.id,
      owner: null,
      private: false,
      archived: null,
      deleted: null,
    },
    {
      id: objectId(0xd5e7, 2),
      title: 'API Qualité de l’air',
      slug: 'api-qualite-de-l-air',
      organization: mairie.id,
      owner: null,
      private: false,
      archived: null,
      deleted: null,
    },
    {
      id: objectId(0xd5e7, 3),
      title: 'API Capteurs de crue (brouillon)',
      slug: 'api-capteurs-de-crue',
      organization: mairie.id,
      owner: null,
      private: true,
      archived: null,
      deleted: null,
    },
    {
      id: objectId(0xd5e7, 4),
      title: 'API Ancien annuaire',
      slug: 'api-ancien-annuaire',
      organization: mairie.id,
      owner: null,
      private: false,
      archived: null,
      deleted: daysAgo(20),
    },
    {
      id: objectId(0xd5e7, 5),
      title: 'API Météo des sentiers',
      slug: 'api-meteo-des-sentiers',
      organization: observatoire.id,
      owner: null,
      private: false,
      archived: null,
      deleted: null,
    },
  ];
  return {
    users: [camille, jean, admin],
    organizations: [mairie, agence, observatoire],
    contactPoints,
    dataservices,
    datasets,
    reuses,
    discussions,
    invitations,
    communityResources,
  };
}

/**
 * Adds `count` generated datasets to the first organization of the sample user, with a
 * realistic full payload (long description, several resources), for load and benchmarks.
 */
export function addGeneratedDatasets(data: SampleData, count: number, origin = 'http://127.0.0.1'): void {
  const orgs = data.organizations.filter((org) => data.users[0].id in org.members);
  const themes = ['Stationnement', 'Éclairage public', 'Arbres d’alignement', 'Collecte des déchets', 'Équipements sportifs', 'Délibérations'];
  for (let n = 0; n < count; n++) {
    const id = objectId(0xda7b, n + 1);
    const title = `${themes[n % themes.length]} — lot ${n + 1}`;
    const days = 100 + (n % 700);
    const slug = `${slugify(title)}-${n + 1}`;
    const lastUpdate = daysAgo(days + 2);
    const org = orgs[n % orgs.length].id;
    data.datasets.push({
      id,
      title,
      slug,
      oldSlugs: [],
      acronym: null,
      description: LONG_DESCRIPTION.repeat(3),
      description_short: `${themes[n % themes.length]} de la commune, lot ${n + 1}.`,
      owner: null,
      organization: org,
      private: n % 50 === 0,
      archived: n % 97 === 0 ? daysAgo(days - 10) : null,
      deleted: null,
      created_at: daysAgo(days + 300),
      last_modified: daysAgo(days),
      last_update: lastUpdate,
      frequency: 'annual',
      frequency_date: null,
      license: 'lov2',
      tags: ['generated', 'open-data', slugify(themes[n % themes.length])],
      ...harvested(origin, id, slug, lastUpdate),
      contact_points: contactPointsOf(data, org),
      quality_score: ((n * 37) % 100) / 100,
      metrics: { views: n * 3, followers: n % 7, reuses: 0, discussions: 0, resources_downloads: n * 11 },
      resources: [0, 1, 2].map((r) => resource(id, r, `${title} (${r + 1})`, n + r, days + r)),
    });
  }
}

/** Adds `count` generated reuses to the sample user's organizations, each using a few datasets. */
export function addGeneratedReuses(data: SampleData, count: number): void {
  const orgs = data.organizations.filter((org) => data.users[0].id in org.members);
  const types = ['application', 'visualization', 'api', 'idea', 'news_article', 'paper', 'post', 'hardware'];
  for (let n = 0; n < count; n++) {
    const title = `Réutilisation générée n° ${n + 1}`;
    const days = 1 + (n % 900);
    data.reuses.push({
      id: objectId(0x7e07, n + 1),
      title,
      slug: `${slugify(title)}-${n + 1}`,
      oldSlugs: [],
      description: LONG_DESCRIPTION,
      url: `https://exemple.saint-remy-sur-loire.fr/reutilisations/${n + 1}`,
      type: types[n % types.length],
      topic: 'others',
      tags: ['generated', 'open-data'],
      datasets: data.datasets.slice(n % Math.max(1, data.datasets.length - 3), (n % Math.max(1, data.datasets.length - 3)) + 3).map((d) => d.id),
      dataservices: [],
      private: n % 40 === 0,
      archived: null,
      deleted: null,
      featured: false,
      extras: {},
      owner: null,
      organization: orgs[n % orgs.length].id,
      created_at: daysAgo(days + 100),
      last_modified: daysAgo(days),
      metrics: { views: n * 7, followers: n % 11 },
      badges: [],
      followers: [],
    });
  }
}
