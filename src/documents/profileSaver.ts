// Saving the profile document: the generic save with the profile's check and PUT /me/.
import type { ApiClient } from '../api/client';
import type { Me } from '../api/models';
import type { SaveSteps } from './documentSaver';
import { checkProfileText, projectProfile, renderProfileDocument, type ProfileDocument } from './profileDocument';

export function profileSaveSteps(client: ApiClient, signal?: AbortSignal): SaveSteps<ProfileDocument, Me> {
  return {
    check: checkProfileText,
    send: (patch) => client.updateMe(patch, { signal, fields: PROFILE_MASK }),
    project: projectProfile,
    render: renderProfileDocument,
    goneMessage: (l10n) => l10n.t('Not saved: this account no longer exists on data.gouv.fr.'),
  };
}

export const PROFILE_MASK = 'id,slug,first_name,last_name,about,website';
