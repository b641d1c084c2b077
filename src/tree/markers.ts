// The state markers shown with a reuse's or a dataset's title: private, archived,
// deleted. The API sends `private` as a boolean and `archived` / `deleted` as a date
// or null; any truthy value counts (a server may send `true` instead of a date).
// Reuse markers follow the type ("Idea · private") and are lower case; dataset
// markers open the description ("Private · 3 resources") and are capitalised; in
// French they also agree in gender (une réutilisation privée, un jeu de données privé).
import type { Translator } from '../api/errorMessages';

export type Marker = 'deleted' | 'archived' | 'private';
export type MarkedKind = 'reuse' | 'dataset';

export interface MarkedObject {
  private?: boolean | null;
  archived?: string | boolean | null;
  deleted?: string | boolean | null;
}

/** The markers of an object, most important first. */
export function markersOf(object: MarkedObject): Marker[] {
  const markers: Marker[] = [];
  if (object.deleted) markers.push('deleted');
  if (object.archived) markers.push('archived');
  if (object.private) markers.push('private');
  return markers;
}

export function markerLabel(marker: Marker, kind: MarkedKind, l10n: Translator): string {
  if (kind === 'reuse') {
    switch (marker) {
      case 'deleted':
        return l10n.t('deleted');
      case 'archived':
        return l10n.t('archived');
      case 'private':
        return l10n.t('private');
    }
  }
  switch (marker) {
    case 'deleted':
      return l10n.t('Deleted');
    case 'archived':
      return l10n.t('Archived');
    case 'private':
      return l10n.t('Private');
  }
}

export function markerLabels(object: MarkedObject, kind: MarkedKind, l10n: Translator): string[] {
  return markersOf(object).map((marker) => markerLabel(marker, kind, l10n));
}

/** The separator of the parts of a description line. */
export const SEPARATOR = ' · ';
