// The JSON schema of the profile document (`datagouv:/me/profile.json`), in English and
// French, for the editor and, compiled by scripts/generate-schema.ts, for the checks.
import { HTTP_URL_PATTERN, NOT_BLANK_PATTERN, type SchemaLanguage } from './reuseSchema';

const TEXT: Record<string, Record<SchemaLanguage, string>> = {
  root: {
    en: 'Your data.gouv.fr profile: the fields you may change. Save (Ctrl+S) to update it.',
    fr: 'Votre profil data.gouv.fr : les champs modifiables. Enregistrez (Ctrl+S) pour le mettre à jour.',
  },
  first_name: { en: 'First name (required).', fr: 'Prénom (obligatoire).' },
  last_name: { en: 'Last name (required).', fr: 'Nom (obligatoire).' },
  about: { en: 'A few words about you, in Markdown.', fr: 'Quelques mots sur vous, en Markdown.' },
  website: { en: 'Your website: an http:// or https:// URL, or empty.', fr: 'Votre site web : une URL http:// ou https://, ou vide.' },
};

export function buildProfileSchema(language: SchemaLanguage): Record<string, unknown> {
  const text = (key: string) => TEXT[key][language];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: language === 'fr' ? 'Profil data.gouv.fr' : 'data.gouv.fr profile',
    description: text('root'),
    type: 'object',
    additionalProperties: false,
    required: ['first_name', 'last_name'],
    properties: {
      first_name: { type: 'string', description: text('first_name'), pattern: NOT_BLANK_PATTERN, maxLength: 255 },
      last_name: { type: 'string', description: text('last_name'), pattern: NOT_BLANK_PATTERN, maxLength: 255 },
      about: { type: 'string', description: text('about'), maxLength: 10_000 },
      website: { type: 'string', description: text('website'), pattern: `^$|${HTTP_URL_PATTERN}`, maxLength: 2_000 },
    },
  };
}
