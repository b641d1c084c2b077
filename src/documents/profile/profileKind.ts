// The profile as a document of the `datagouv` file system: `datagouv:/me/profile.json`,
// read with `GET /me/`, saved with `PUT /me/` (the changed fields only). Pure code.
import type { Me } from '../../api/models';
import type { DocumentKind } from '../fs/documentKind';
import { PROFILE_KEYS, checkProfileText, projectProfile, renderProfileDocument, type ProfileDocument } from './profileDocument';

export const PROFILE_PATH = '/me/profile.json';
/** What the profile document needs: the editable fields and who it is. */
export const PROFILE_MASK = 'id,slug,first_name,last_name,about,website';

const getProfile: DocumentKind<ProfileDocument, Me>['fetch'] = (client, _key, call) => client.getMe({ ...call, fields: PROFILE_MASK });

export const profileKind: DocumentKind<ProfileDocument, Me> = {
  keyOf: (path) => (path === PROFILE_PATH ? 'me' : undefined),
  keys: PROFILE_KEYS,
  fetch: getProfile,
  fetchEditable: getProfile,
  update: (client, _key, patch, call) => client.updateMe(patch, { ...call, fields: PROFILE_MASK }),
  check: checkProfileText,
  project: projectProfile,
  render: renderProfileDocument,
  readonlyReason: () => undefined,
  savedMessage: (_me, l10n) => l10n.t('$(check) Profile saved on data.gouv.fr'),
  goneMessage: (l10n) => l10n.t('Not saved: this account no longer exists on data.gouv.fr.'),
  describe: (_me, l10n) => l10n.t('your profile'),
};
