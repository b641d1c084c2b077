// Addresses of the documents of the `datagouv` scheme: a reuse is
// `datagouv:/reuses/<id>/<slug>.json` (the slug makes the tab title readable; the id is
// what counts), the profile `datagouv:/me/profile.json`, and a reuse's full API answer
// `datagouv-full:/reuses/<id>/<slug>.full.json`.
import * as vscode from 'vscode';
import { PROFILE_PATH } from './profile/profileKind';
import { reuseKind } from './reuse/reuseKind';

export const DOCUMENT_SCHEME = 'datagouv';
export const FULL_JSON_SCHEME = 'datagouv-full';

export function reuseUri(id: string, slug: string | undefined): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: `/reuses/${id}/${safeName(slug || id)}.json` });
}

export function profileUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: PROFILE_PATH });
}

export function fullJsonUri(id: string, slug: string | undefined): vscode.Uri {
  return vscode.Uri.from({ scheme: FULL_JSON_SCHEME, path: `/reuses/${id}/${safeName(slug || id)}.full.json` });
}

/** The reuse id of a document address, or undefined when it is not a reuse document. */
export function reuseIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== DOCUMENT_SCHEME && uri.scheme !== FULL_JSON_SCHEME) return undefined;
  return reuseKind.keyOf(uri.path);
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'reuse';
}
