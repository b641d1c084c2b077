// Grouping of the sidebar: the user's own objects first, then one group per
// organization by name, items in the API's order; reuses of /me/reuses/ and
// /me/org_reuses/ merged without duplicates. Data from the stand-in, through the client.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reuse } from '../../../src/api/models';
import { groupByOwner, mergeReuses, sortByDateDesc } from '../../../src/tree/grouping';
import { startStandIn, type StandIn } from '../../server/standIn';
import { standInClient } from './helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

describe('reuse grouping', () => {
  test('own and organization reuses merge without duplicates, newest first', async () => {
    const client = standInClient(standIn);
    const [own, org] = await Promise.all([client.listMyReuses(), client.listOrgReuses()]);
    const merged = mergeReuses(own, org);
    const ids = merged.map((reuse) => reuse.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.equal(merged.length, 6, "Camille's 2 own reuses and 4 of her organizations");
    const titles = merged.map((reuse) => reuse.title);
    assert.ok(titles.includes('Billet : nos données de mobilité en 2025'), 'deleted own reuse kept');
    assert.ok(titles.includes('Itinéraires cyclables du dimanche'), 'private own reuse kept');
    assert.ok(!titles.includes('Capteurs citoyens : tableau de bord'), 'not a reuse of hers');
    const dates = merged.map((reuse) => reuse.last_modified ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('a server whose org list lacks the own reuses still shows them', async () => {
    const client = standInClient(standIn);
    const [own, org] = await Promise.all([client.listMyReuses(), client.listOrgReuses()]);
    const orgOnly = org.filter((reuse) => reuse.organization);
    const merged = mergeReuses(own, orgOnly);
    assert.equal(merged.length, 6);
  });

  test('groups: personal first, then organizations by name, API order inside', async () => {
    const client = standInClient(standIn);
    const [own, org] = await Promise.all([client.listMyReuses(), client.listOrgReuses()]);
    const groups = groupByOwner(mergeReuses(own, org), 'fr');
    assert.deepEqual(
      groups.map((group) => group.organization?.name ?? '(personal)'),
      ['(personal)', 'Agence régionale des mobilités', 'Mairie de Saint-Rémy-sur-Loire'],
    );
    assert.equal(groups[0].key, 'personal');
    assert.equal(groups[0].owner?.id, own[0].owner?.id, 'the personal group knows its owner');
    assert.deepEqual(
      groups[0].items.map((reuse) => reuse.title),
      ['Itinéraires cyclables du dimanche', 'Billet : nos données de mobilité en 2025'],
    );
    assert.deepEqual(
      groups[2].items.map((reuse) => reuse.title),
      ['Carte des bornes de recharge de Saint-Rémy', 'Qualité de l’air autour des écoles', 'Le budget 2026 expliqué aux habitants'],
    );
    assert.match(groups[2].key, /^org:/);
  });
});

describe('dataset grouping', () => {
  test('org datasets: Personal, then each organization, in the API order', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const groups = groupByOwner(datasets, 'fr');
    assert.deepEqual(
      groups.map((group) => [group.organization?.name ?? 'Personal', group.items.length]),
      [
        ['Personal', 1],
        ['Agence régionale des mobilités', 3],
        ['Mairie de Saint-Rémy-sur-Loire', 4],
      ],
    );
    assert.equal(groups[0].items[0].title, 'Mes relevés de températures au jardin');
    // The list mask carries no dates: the order is checked against the stand-in's data,
    // most recently modified first as /me/org_datasets/ answers.
    const newestFirst = [...standIn.data.datasets].sort((a, b) => b.last_modified.localeCompare(a.last_modified)).map((dataset) => dataset.id);
    for (const group of groups) {
      const ids = group.items.map((dataset) => dataset.id);
      assert.deepEqual(
        ids,
        newestFirst.filter((id) => ids.includes(id)),
        `API order kept in ${group.key}`,
      );
    }
  });

  test('no personal group when the user owns nothing directly', () => {
    const org = { id: 'o1', name: 'Org' };
    const groups = groupByOwner([{ id: 'a', organization: org }], 'en');
    assert.deepEqual(
      groups.map((group) => group.key),
      ['org:o1'],
    );
  });

  test('organization names sort the French way (accents, case, numbers)', () => {
    const items = ['Zoo de Paris', 'éducation nationale', 'Eau de Paris', 'Région 10', 'Région 2'].map((name, index) => ({
      id: String(index),
      organization: { id: `o${index}`, name },
    }));
    assert.deepEqual(
      groupByOwner(items, 'fr').map((group) => group.organization?.name),
      ['Eau de Paris', 'éducation nationale', 'Région 2', 'Région 10', 'Zoo de Paris'],
    );
  });

  test('sortByDateDesc is stable and puts missing or bad dates last', () => {
    const items: Reuse[] = [
      { id: 'a', last_modified: '2026-01-01T00:00:00Z' },
      { id: 'b' },
      { id: 'c', last_modified: '2026-03-01T00:00:00Z' },
      { id: 'd', last_modified: 'not a date' },
      { id: 'e', last_modified: '2026-01-01T00:00:00Z' },
    ];
    assert.deepEqual(
      sortByDateDesc(items, (r) => r.last_modified).map((r) => r.id),
      ['c', 'a', 'e', 'b', 'd'],
    );
  });
});
