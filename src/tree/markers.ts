// The state markers shown with a reuse's, a dataset's or a discussion's title: private,
// archived, deleted, closed. The API sends `private` as a boolean and `archived` /
// `deleted` / `closed` as a date or null; any truthy value counts (a server may send
// `true` instead of a date).
// Reuse and discussion markers follow the kind ("Idea · private", "Dataset · 2 Nov
// 2026 · closed") and are lower case; dataset markers open the description ("Private ·
// 3 resources") and are capitalised; in French they also agree in gender (une
// réutilisation privée, une discussion fermée, un jeu de données privé).
import type { Translator } from '../util/translator';

export type Marker = 'deleted' | 'archived' | 'private' | 'closed';
export type MarkedKind = 'reuse' | 'dataset' | 'discussion';

export interface MarkedObject {
  private?: boolean | null;
  archived?: string | boolean | null;
  deleted?: string | boolean | null;
  closed?: string | boolean | null;
}

/** The markers of an object, most important first. */
export function markersOf(object: MarkedObject): Marker[] {
  const markers: Marker[] = [];
  if (object.deleted) markers.push('deleted');
  if (object.archived) markers.push('archived');
  if (object.private) markers.push('private');
  if (object.closed) markers.push('closed');
  return markers;
}

export function markerLabel(marker: Marker, kind: MarkedKind, l10n: Translator): string {
  // Both feminine in French: une réutilisation, une discussion.
  if (kind === 'reuse' || kind === 'discussion') {
    switch (marker) {
      case 'deleted':
        return l10n.t('deleted');
      case 'archived':
        return l10n.t('archived');
      case 'private':
        return l10n.t('private');
      case 'closed':
        return l10n.t('closed');
    }
  }
  switch (marker) {
    case 'deleted':
      return l10n.t('Deleted');
    case 'archived':
      return l10n.t('Archived');
    case 'private':
      return l10n.t('Private');
    case 'closed':
      return l10n.t('Closed');
  }
}

export function markerLabels(object: MarkedObject, kind: MarkedKind, l10n: Translator): string[] {
  return markersOf(object).map((marker) => markerLabel(marker, kind, l10n));
}

/** The separator of the parts of a description line. */
export const SEPARATOR = ' · ';

/** The parts of a description line that are there (not empty), joined by SEPARATOR. */
export function joinParts(parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(SEPARATOR);
}
