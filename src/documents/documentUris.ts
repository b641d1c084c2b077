// Addresses of the documents of the `datagouv` scheme: a reuse is
// `datagouv:/reuses/<id>/<slug>.json` (the slug makes the tab title readable; the id is
// what counts), a dataset `datagouv:/datasets/<id>/<slug>.json`, one of its resources
// `datagouv:/datasets/<id>/resources/<rid>.json`, the profile `datagouv:/me/profile.json`,
// and a reuse's full API answer `datagouv-full:/reuses/<id>/<slug>.full.json`.
import * as vscode from 'vscode';
import { PROFILE_PATH } from './profile/profileKind';
import { reuseKind } from './reuse/reuseKind';
import { datasetKeyOf } from './dataset/datasetKind';
import { resourceKeyOf } from './resource/resourceKind';

export const DOCUMENT_SCHEME = 'datagouv';
export const FULL_JSON_SCHEME = 'datagouv-full';

function documentUri(path: string, scheme = DOCUMENT_SCHEME): vscode.Uri {
  return vscode.Uri.from({ scheme, path });
}

export function reuseUri(id: string, slug: string | undefined): vscode.Uri {
  return documentUri(`/reuses/${id}/${safeName(slug || id)}.json`);
}

export function datasetUri(id: string, slug: string | undefined): vscode.Uri {
  return documentUri(`/datasets/${id}/${safeName(slug || id)}.json`);
}

export function resourceUri(datasetId: string, resourceId: string): vscode.Uri {
  return documentUri(`/datasets/${datasetId}/resources/${resourceId}.json`);
}

/** The dataset id of a dataset document (or of a resource document: its dataset's). */
export function datasetIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== DOCUMENT_SCHEME) return undefined;
  return datasetKeyOf(uri.path) ?? resourceKeyOf(uri.path)?.split('/')[0];
}

/** `{ datasetId, resourceId }` of a resource document. */
export function resourceRefOf(uri: vscode.Uri): { datasetId: string; resourceId: string } | undefined {
  if (uri.scheme !== DOCUMENT_SCHEME) return undefined;
  const key = resourceKeyOf(uri.path);
  if (!key) return undefined;
  const [datasetId, resourceId] = key.split('/');
  return { datasetId, resourceId };
}

export function profileUri(): vscode.Uri {
  return documentUri(PROFILE_PATH);
}

export function fullJsonUri(id: string, slug: string | undefined): vscode.Uri {
  return documentUri(`/reuses/${id}/${safeName(slug || id)}.full.json`, FULL_JSON_SCHEME);
}

/** The reuse id of a document address, or undefined when it is not a reuse document. */
export function reuseIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== DOCUMENT_SCHEME && uri.scheme !== FULL_JSON_SCHEME) return undefined;
  return reuseKind.keyOf(uri.path);
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'reuse';
}

/** A readable file name from a title when no slug is known (lists do not ask for slugs). */
export function nameFromTitle(title: string | undefined): string | undefined {
  const name = title
    ?.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || undefined;
}
