// The JSON schema of the reuse document, in English and French. One source for three
// uses: the editor's completion and squiggles while typing (media/reuse.schema*.json,
// contributed through `jsonValidation`), and the validation before a save (compiled by
// Ajv into src/documents/generated/ by `npm run generate:schema`).
import { REUSE_TOPICS, REUSE_TYPES, type ReuseTopic, type ReuseType } from '../api/models';

export type SchemaLanguage = 'en' | 'fr';

export const REUSE_TYPE_LABELS: Record<ReuseType, Record<SchemaLanguage, string>> = {
  api: { en: 'API', fr: 'API' },
  application: { en: 'Application', fr: 'Application' },
  idea: { en: 'Idea', fr: 'Idée' },
  news_article: { en: 'News article', fr: 'Article de presse' },
  paper: { en: 'Paper', fr: 'Papier' },
  post: { en: 'Blog post', fr: 'Article de blog' },
  visualization: { en: 'Visualization', fr: 'Visualisation' },
  hardware: { en: 'Connected device', fr: 'Objet connecté' },
};

export const REUSE_TOPIC_LABELS: Record<ReuseTopic, Record<SchemaLanguage, string>> = {
  health: { en: 'Health', fr: 'Santé' },
  transport_and_mobility: { en: 'Transport and mobility', fr: 'Transports et mobilités' },
  housing_and_development: { en: 'Housing and development', fr: 'Logement et urbanisme' },
  food_and_agriculture: { en: 'Food and agriculture', fr: 'Alimentation et agriculture' },
  culture_and_recreation: { en: 'Culture and recreation', fr: 'Culture et loisirs' },
  economy_and_business: { en: 'Economy and business', fr: 'Économie et entreprises' },
  environment_and_energy: { en: 'Environment and energy', fr: 'Environnement et énergie' },
  work_and_training: { en: 'Work and training', fr: 'Travail et formation' },
  politics_and_public_life: { en: 'Politics and public life', fr: 'Politique et vie publique' },
  safety_and_security: { en: 'Safety and security', fr: 'Sécurité' },
  education_and_research: { en: 'Education and research', fr: 'Éducation et recherche' },
  society_and_demography: { en: 'Society and demography', fr: 'Société et démographie' },
  law_and_justice: { en: 'Law and justice', fr: 'Droit et justice' },
  open_data_tools: { en: 'Open data tools', fr: 'Outils de l’open data' },
  others: { en: 'Others', fr: 'Autres' },
};

/** Limits shared by the schema and the messages that explain them. */
export const LIMITS = {
  titleMaxLength: 350,
  descriptionMaxLength: 100_000,
  urlMaxLength: 2_000,
  tagMinLength: 3,
  tagMaxLength: 96,
};

export const DATASET_ID_PATTERN = '^[0-9a-f]{24}$';
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$';
export const HTTP_URL_PATTERN = '^https?://[^\\s/?#]+([/?#]\\S*)?$';
export const NOT_BLANK_PATTERN = '\\S';

const TEXT: Record<string, Record<SchemaLanguage, string>> = {
  root: {
    en: 'A data.gouv.fr reuse: only the fields you may change. Save (Ctrl+S) to update it on data.gouv.fr.',
    fr: 'Une réutilisation data.gouv.fr : seulement les champs modifiables. Enregistrez (Ctrl+S) pour la mettre à jour sur data.gouv.fr.',
  },
  title: { en: 'Title of the reuse (required).', fr: 'Titre de la réutilisation (obligatoire).' },
  description: {
    en: 'Description of the reuse, in Markdown (required).',
    fr: 'Description de la réutilisation, en Markdown (obligatoire).',
  },
  url: {
    en: 'Address of the reuse: an http:// or https:// URL, not used by another reuse (required).',
    fr: 'Adresse de la réutilisation : une URL http:// ou https://, qui n’est pas déjà celle d’une autre réutilisation (obligatoire).',
  },
  type: { en: 'Type of reuse (required).', fr: 'Type de réutilisation (obligatoire).' },
  topic: { en: 'Topic of the reuse (required).', fr: 'Thématique de la réutilisation (obligatoire).' },
  tags: {
    en: 'Keywords. data.gouv.fr turns them into lower-case slugs, removes duplicates and sorts them.',
    fr: 'Mots-clés. data.gouv.fr les met en minuscules sans accents, retire les doublons et les trie.',
  },
  tag: { en: 'A keyword, 3 to 96 characters.', fr: 'Un mot-clé, de 3 à 96 caractères.' },
  datasets: {
    en: 'Ids of the datasets this reuse uses.',
    fr: 'Identifiants des jeux de données utilisés par cette réutilisation.',
  },
  dataset: { en: 'A dataset id (24 hexadecimal characters).', fr: 'Un identifiant de jeu de données (24 caractères hexadécimaux).' },
  private: {
    en: 'true: only you and your organization see the reuse.',
    fr: 'true : seuls vous et votre organisation voyez la réutilisation.',
  },
  archived: {
    en: 'Date of archiving (ISO 8601), or null when the reuse is not archived.',
    fr: 'Date d’archivage (ISO 8601), ou null si la réutilisation n’est pas archivée.',
  },
  extras: { en: 'Extra metadata (an object).', fr: 'Métadonnées supplémentaires (un objet).' },
};

export function buildReuseSchema(language: SchemaLanguage): Record<string, unknown> {
  const text = (key: string) => TEXT[key][language];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: language === 'fr' ? 'Réutilisation data.gouv.fr' : 'data.gouv.fr reuse',
    description: text('root'),
    type: 'object',
    additionalProperties: false,
    required: ['title', 'description', 'url', 'type', 'topic'],
    properties: {
      title: { type: 'string', description: text('title'), pattern: NOT_BLANK_PATTERN, maxLength: LIMITS.titleMaxLength },
      description: {
        type: 'string',
        description: text('description'),
        pattern: NOT_BLANK_PATTERN,
        maxLength: LIMITS.descriptionMaxLength,
      },
      url: { type: 'string', description: text('url'), pattern: HTTP_URL_PATTERN, maxLength: LIMITS.urlMaxLength },
      type: {
        description: text('type'),
        enum: [...REUSE_TYPES],
        enumDescriptions: REUSE_TYPES.map((id) => REUSE_TYPE_LABELS[id][language]),
      },
      topic: {
        description: text('topic'),
        enum: [...REUSE_TOPICS],
        enumDescriptions: REUSE_TOPICS.map((id) => REUSE_TOPIC_LABELS[id][language]),
      },
      tags: {
        type: 'array',
        description: text('tags'),
        items: { type: 'string', description: text('tag'), minLength: LIMITS.tagMinLength, maxLength: LIMITS.tagMaxLength },
      },
      datasets: {
        type: 'array',
        description: text('datasets'),
        items: { type: 'string', description: text('dataset'), pattern: DATASET_ID_PATTERN },
      },
      private: { type: 'boolean', description: text('private') },
      archived: { type: ['string', 'null'], description: text('archived'), pattern: DATE_TIME_PATTERN },
      extras: { type: 'object', description: text('extras') },
    },
  };
}
