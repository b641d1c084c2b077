// The profile in the `datagouv` file system: `datagouv:/me/profile.json`. The API gives
// users no last_modified: the rendered text is the version, so a profile changed
// elsewhere still triggers VS Code's "the content of the file is newer" choice.
import * as vscode from 'vscode';
import type { Me } from '../api/models';
import type { AuthSession } from '../auth/session';
import type { RemoteDocumentKind } from './datagouvFileSystem';
import { projectProfile, renderProfileDocument, type ProfileDocument } from './profileDocument';
import { PROFILE_MASK, profileSaveSteps } from './profileSaver';
import { DOCUMENT_SCHEME } from './reuseUri';

export const PROFILE_PATH = '/me/profile.json';

export function profileUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: PROFILE_PATH });
}

export function profileDocuments(session: AuthSession): RemoteDocumentKind<ProfileDocument, Me> {
  return {
    keyOf: (uri) => (uri.scheme === DOCUMENT_SCHEME && uri.path === PROFILE_PATH ? 'me' : undefined),
    fetch: () => session.client.getMe({ fields: PROFILE_MASK }),
    versionOf: (_me, text) => text,
    project: projectProfile,
    render: renderProfileDocument,
    saveSteps: (_key, signal) => profileSaveSteps(session.client, signal),
    readonlyReason: () => undefined,
    savedMessage: (_me, l10n) => l10n.t('$(check) Profile saved on data.gouv.fr'),
  };
}
