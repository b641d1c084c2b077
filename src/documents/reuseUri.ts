// Addresses of the documents of the `datagouv` scheme: a reuse is
// `datagouv:/reuses/<id>/<slug>.json` (the slug makes the tab title readable; the id is
// what counts), and its full API answer is `datagouv-full:/reuses/<id>/<slug>.full.json`.
import * as vscode from 'vscode';

export const DOCUMENT_SCHEME = 'datagouv';
export const FULL_JSON_SCHEME = 'datagouv-full';

export function reuseUri(id: string, slug: string | undefined): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: `/reuses/${id}/${safeName(slug || id)}.json` });
}

export function fullJsonUri(id: string, slug: string | undefined): vscode.Uri {
  return vscode.Uri.from({ scheme: FULL_JSON_SCHEME, path: `/reuses/${id}/${safeName(slug || id)}.full.json` });
}

/** The reuse id of a document address, or undefined when it is not a reuse document. */
export function reuseIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== DOCUMENT_SCHEME && uri.scheme !== FULL_JSON_SCHEME) return undefined;
  const match = /^\/reuses\/([^/]+)\/[^/]+\.json$/.exec(uri.path);
  return match?.[1];
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'reuse';
}
