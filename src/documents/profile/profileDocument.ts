// The profile document, `datagouv:/me/profile.json`: the fields of `PUT /me/` a user may
// change, under the same save rules as reuses. Pure code.
import type { Translator } from '../../util/translator';
import type { Me, ProfilePatch } from '../../api/models';
import validateProfileDocument from '../generated/validateProfileDocument';
import { checkJsonDocument, renderJsonDocument, type DocumentCheck, type DocumentSpec } from '../jsonDocumentCheck';

export const PROFILE_KEYS = ['first_name', 'last_name', 'about', 'website'] as const;

export interface ProfileDocument {
  first_name: string;
  last_name: string;
  about: string;
  website: string;
}

export function projectProfile(me: Me): ProfileDocument {
  return { first_name: me.first_name ?? '', last_name: me.last_name ?? '', about: me.about ?? '', website: me.website ?? '' };
}

export function renderProfileDocument(profile: ProfileDocument): string {
  return renderJsonDocument(PROFILE_KEYS, profile);
}

const PROFILE_SPEC: DocumentSpec = {
  keys: PROFILE_KEYS,
  validate: validateProfileDocument,
  readOnlyKeys: new Set(['id', 'slug', 'email', 'avatar', 'avatar_thumbnail', 'roles', 'since', 'active', 'last_login_at', 'metrics', 'organizations', 'uri', 'page', 'apikey']),
  describe(error, path, _value, l10n) {
    if (path[0] === 'website' && error.keyword === 'pattern') {
      return l10n.t('"website" must be empty or a web address starting with http:// or https://.');
    }
    return undefined;
  },
};

export function checkProfileText(text: string, base: ProfileDocument, l10n: Translator): DocumentCheck<ProfileDocument> & ({ ok: false } | { patch: ProfilePatch }) {
  return checkJsonDocument(text, base, PROFILE_SPEC, l10n);
}
