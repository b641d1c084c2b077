// Grouping of the sidebar's objects by who publishes them: the user's own first
// ("Personal"), then one group per organization, by name. Items keep the order they
// came in (the API's: most recently modified first) unless a sort is applied after.
import type { OrganizationRef, Reuse, UserRef } from '../api/models';
import { cached } from './format';

export interface OwnedObject {
  id: string;
  organization?: OrganizationRef | null;
  owner?: UserRef | null;
}

export interface Group<T extends OwnedObject> {
  /** `personal`, or `org:<organization id>`: stable across refreshes. */
  key: string;
  /** Undefined for the personal group. */
  organization?: OrganizationRef;
  /** The user, when the personal group's items name their owner. */
  owner?: UserRef;
  items: T[];
}

const collators = new Map<string, Intl.Collator>();

export function collator(locale: string): Intl.Collator {
  return cached(collators, locale, (l) => new Intl.Collator(l, { sensitivity: 'base', numeric: true }));
}

/** One pass over the items; groups in order: personal, then organizations by name. */
export function groupByOwner<T extends OwnedObject>(items: readonly T[], locale: string): Array<Group<T>> {
  const personal: Group<T> = { key: 'personal', items: [] };
  const byOrg = new Map<string, Group<T>>();
  for (const item of items) {
    const org = item.organization;
    if (!org || !org.id) {
      if (!personal.owner && item.owner) personal.owner = item.owner;
      personal.items.push(item);
      continue;
    }
    let group = byOrg.get(org.id);
    if (!group) {
      group = { key: `org:${org.id}`, organization: org, items: [] };
      byOrg.set(org.id, group);
    }
    group.items.push(item);
  }
  const compare = collator(locale).compare;
  const orgs = [...byOrg.values()].sort((a, b) => compare(orgName(a.organization), orgName(b.organization)));
  return personal.items.length ? [personal, ...orgs] : orgs;
}

function orgName(org: OrganizationRef | undefined): string {
  return org?.name ?? '';
}

/**
 * The reuses of `/me/reuses/` (the user's own, deleted and private ones included) and
 * of `/me/org_reuses/` (the user's own plus their organizations'), as one list without
 * duplicates, most recently modified first. udata's org list already holds the user's
 * own reuses; merging both covers a server whose org list would not.
 */
export function mergeReuses(own: readonly Reuse[], org: readonly Reuse[]): Reuse[] {
  const byId = new Map<string, Reuse>();
  for (const reuse of org) byId.set(reuse.id, reuse);
  for (const reuse of own) if (!byId.has(reuse.id)) byId.set(reuse.id, reuse);
  return sortByDateDesc([...byId.values()], (reuse) => reuse.last_modified);
}

/** A stable sort, newest first; objects without a (valid) date go last. */
export function sortByDateDesc<T>(items: readonly T[], dateOf: (item: T) => string | null | undefined): T[] {
  // Two missing dates compare as NaN (-Infinity minus -Infinity): their order is kept.
  return stableSort(
    items,
    (item) => parseTime(dateOf(item)),
    (a, b) => b - a,
  );
}

/** A stable sort on a key computed once per item (items of equal keys keep their order). */
export function stableSort<T, K>(items: readonly T[], keyOf: (item: T) => K, compare: (a: K, b: K) => number): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: keyOf(item) }));
  keyed.sort((a, b) => compare(a.key, b.key) || a.index - b.index);
  return keyed.map((entry) => entry.item);
}

export function parseTime(iso: string | null | undefined): number {
  if (!iso) return Number.NEGATIVE_INFINITY;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
