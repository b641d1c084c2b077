// The profile document, `datagouv:/me/profile.json`: the fields of `PUT /me/` a user may
// change, under the same save rules as reuses. Pure code.
import type { Translator } from '../../util/translator';
import type { Me, ProfilePatch } from '../../api/models';
import validateProfileDocument from '../generated/validateProfileDocument';
import { documentKeys } from '../schemaCheck';
import { checkJsonDocument, renderJsonDocument, type DocumentCheck, type DocumentSpec } from '../jsonDocumentCheck';

export interface ProfileDocument {
  first_name: string;
  last_name: string;
  about: string;
  website: string;
}

/** The editable keys, in the order of the document (first_name, last_name, about, website). */
export const PROFILE_KEYS = documentKeys<ProfileDocument>(validateProfileDocument);

export function projectProfile(me: Me): ProfileDocument {
  return { first_name: me.first_name ?? '', last_name: me.last_name ?? '', about: me.about ?? '', website: me.website ?? '' };
}

export function renderProfileDocument(profile: ProfileDocument): string {
  return renderJsonDocument(PROFILE_KEYS, profile);
}

const PROFILE_SPEC: DocumentSpec = {
  keys: PROFILE_KEYS,
  validate: validateProfileDocument,
  readOnlyKeys: new Set([
    'id',
    'slug',
    'email',
    'avatar',
    'avatar_thumbnail',
    'roles',
    'since',
    'active',
    'last_login_at',
    'metrics',
    'organizations',
    'uri',
    'page',
    'apikey',
  ]),
  // udata/core/user/models.py: names go through check_no_urls (udata/core/checks.py),
  // and website is a URLField validated by udata/uris.py (public hosts only).
  rules(value, l10n) {
    const problems: Array<{ field: string; message: string }> = [];
    for (const field of ['first_name', 'last_name'] as const) {
      if (typeof value[field] === 'string' && containsUrl(value[field])) {
        problems.push({ field, message: l10n.t('"{0}" must not contain a web address: data.gouv.fr refuses URLs in names.', field) });
      }
    }
    if (typeof value.website === 'string' && value.website && !isPublicWebAddress(value.website)) {
      problems.push({ field: 'website', message: l10n.t('"website" must be a public web address (not this computer or a private network).') });
    }
    return problems;
  },
  describe(error, path, _value, l10n) {
    if (path[0] === 'website' && error.keyword === 'pattern') {
      return l10n.t('"website" must be empty or a web address starting with http:// or https://.');
    }
    return undefined;
  },
};

/** Roughly what udata's URL extractor finds: a scheme, `www.`, or a host with a common top-level domain. */
export function containsUrl(text: string): boolean {
  return /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:fr|com|org|net|eu|io|info|gouv|dev|app)\b/i.test(text);
}

/** A web address whose host is public: not localhost, not a loopback or private IP, a dotted name. */
export function isPublicWebAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || (!host.includes('.') && !host.includes(':'))) return false;
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return false;
  }
  if (host.includes(':') && (host === '::1' || /^f[cd]/i.test(host) || /^fe80/i.test(host))) return false;
  return true;
}

export function checkProfileText(
  text: string,
  base: ProfileDocument,
  l10n: Translator,
): DocumentCheck<ProfileDocument> & ({ ok: false } | { patch: ProfilePatch }) {
  return checkJsonDocument(text, base, PROFILE_SPEC, l10n);
}
