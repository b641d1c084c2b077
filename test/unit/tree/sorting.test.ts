// The orders of the Organization Datasets view: the API's by default, then last data
// update, title (French collation) and quality; all stable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/api/models';
import { DATASET_SORTS, datasetSortLabel, isDatasetSort, sortDatasets } from '../../../src/tree/sorting';
import { startStandIn, type StandIn } from '../../server/standIn';
import { french, standInClient } from './helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());

describe('dataset sorting', () => {
  test('the default keeps the API order (a copy, not the same array)', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const sorted = sortDatasets(datasets, 'lastModified', 'fr');
    assert.notEqual(sorted, datasets);
    assert.deepEqual(
      sorted.map((d) => d.id),
      datasets.map((d) => d.id),
    );
  });

  test('by title, the French way', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const titles = sortDatasets(datasets, 'title', 'fr').map((d) => d.title);
    assert.deepEqual(titles, [
      'Aménagements cyclables',
      'Bornes de recharge pour véhicules électriques',
      'Budget primitif 2026',
      'Horaires théoriques du réseau de bus (GTFS)',
      'Menus des cantines scolaires',
      'Mes relevés de températures au jardin',
      'Qualité de l’air mesurée près des écoles',
      'Relevés de trafic routier',
    ]);
    const lots = ['Lot 10', 'éclairage', 'Lot 2', 'Eau'].map((title, i) => ({ id: String(i), title }));
    assert.deepEqual(
      sortDatasets(lots, 'title', 'fr').map((d) => d.title),
      ['Eau', 'éclairage', 'Lot 2', 'Lot 10'],
    );
  });

  test('by quality, best first, datasets without a score last, ties in API order', () => {
    const datasets: Dataset[] = [
      { id: 'a', quality: { score: 0.5 } },
      { id: 'b' },
      { id: 'c', quality: { score: 0.9 } },
      { id: 'd', quality: { score: 0.5 } },
      { id: 'e', quality: { score: 0 } },
    ];
    assert.deepEqual(
      sortDatasets(datasets, 'quality', 'en').map((d) => d.id),
      ['c', 'a', 'd', 'e', 'b'],
    );
  });

  test('by last data update, newest first', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const updates = sortDatasets(datasets, 'lastUpdate', 'fr').map((d) => d.last_update ?? '');
    assert.deepEqual(updates, [...updates].sort().reverse());
  });

  test('every order has a label; stored values are checked', () => {
    for (const sort of DATASET_SORTS) assert.ok(datasetSortLabel(sort, french));
    assert.equal(datasetSortLabel('title', french), 'Titre');
    assert.ok(isDatasetSort('quality'));
    assert.ok(!isDatasetSort('size'));
    assert.ok(!isDatasetSort(undefined));
  });
});
