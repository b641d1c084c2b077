// Markers (private / archived / deleted), descriptions and contextValues of reuses and
// datasets, in English and French, on the stand-in's data.
import { DATASET_RESOURCES_MASK } from '../../../src/api/fieldMasks';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REUSE_LIST_MASK } from '../../../src/api/fieldMasks';
import type { Reuse } from '../../../src/api/models';
import { markerLabels, markersOf } from '../../../src/tree/markers';
import { CONTEXT, datasetContextValue, datasetNode, reuseContextValue, reuseNode, resourceNode } from '../../../src/tree/nodes';
import { startStandIn, type StandIn } from '../../server/standIn';
import { english, french, nodeContext, standInClient } from './helpers';

let standIn: StandIn;
let reuses: Reuse[];
before(async () => {
  standIn = await startStandIn();
  reuses = await standInClient(standIn).listOrgReuses();
});
after(() => standIn.close());

const byTitle = (title: string) => {
  const reuse = reuses.find((candidate) => candidate.title?.startsWith(title));
  assert.ok(reuse, title);
  return reuse;
};

describe('markers', () => {
  test('most important first; any truthy value counts', () => {
    assert.deepEqual(markersOf({}), []);
    assert.deepEqual(markersOf({ private: true, archived: '2026-01-01T00:00:00Z', deleted: '2026-02-01T00:00:00Z' }), ['deleted', 'archived', 'private']);
    assert.deepEqual(markersOf({ private: false, archived: null, deleted: null }), []);
    assert.deepEqual(markersOf({ archived: true }), ['archived']);
  });

  test('labels agree with what they qualify (reuse: lower case after the type; dataset: first)', () => {
    const all = { private: true, archived: 'x', deleted: 'y' };
    assert.deepEqual(markerLabels(all, 'reuse', english), ['deleted', 'archived', 'private']);
    assert.deepEqual(markerLabels(all, 'dataset', english), ['Deleted', 'Archived', 'Private']);
    assert.deepEqual(markerLabels(all, 'reuse', french), ['supprimée', 'archivée', 'privée']);
    assert.deepEqual(markerLabels(all, 'dataset', french), ['Supprimé', 'Archivé', 'Privé']);
  });

  test('reuse descriptions: type label then markers', () => {
    const ctx = nodeContext('en');
    const describe = (title: string) => reuseNode(byTitle(title), 'p', ctx).description;
    assert.equal(describe('Itinéraires cyclables'), 'Idea · private');
    assert.equal(describe('Billet'), 'Blog post · deleted');
    assert.equal(describe('Le budget 2026'), 'News article · archived');
    assert.equal(describe('Carte des bornes'), 'Application');
    assert.equal(reuseNode(byTitle('Itinéraires cyclables'), 'p', nodeContext('fr')).description, 'Idée · privée');
  });

  test('reuse icons per type, greyed when deleted or archived', () => {
    const ctx = nodeContext('en');
    assert.equal(reuseNode(byTitle('API des horaires'), 'p', ctx).icon, 'plug');
    assert.equal(reuseNode(byTitle('Qualité de l’air'), 'p', ctx).icon, 'graph');
    assert.equal(reuseNode(byTitle('Carte des bornes'), 'p', ctx).iconColor, undefined);
    assert.equal(reuseNode(byTitle('Billet'), 'p', ctx).iconColor, 'disabledForeground');
  });

  test('reuse contextValues: editable, read-only, deleted; archived and private suffixes', async () => {
    assert.equal(reuseContextValue(byTitle('Carte des bornes')), CONTEXT.reuseEditable);
    assert.equal(reuseContextValue(byTitle('Billet')), CONTEXT.reuseDeleted);
    assert.equal(reuseContextValue(byTitle('Le budget 2026')), 'reuse:editable:archived');
    assert.equal(reuseContextValue(byTitle('Itinéraires cyclables')), 'reuse:editable:private');
    assert.equal(reuseContextValue({ id: 'r', archived: 'x', private: true }), 'reuse:editable:archived:private');
    assert.equal(reuseContextValue({ id: 'r', private: true, permissions: { edit: false, delete: false } }), 'reuse:readonly:private');
    // A reuse of another user's organization, read with the list's mask: not editable.
    const other = standIn.data.reuses.find((reuse) => reuse.title.startsWith('Capteurs'));
    assert.ok(other);
    const readonly = await standInClient(standIn).getReuse(other.id, { fields: REUSE_LIST_MASK });
    assert.equal(readonly.permissions?.edit, false);
    assert.equal(reuseContextValue(readonly), CONTEXT.reuseReadonly);
    assert.deepEqual(
      Object.values(CONTEXT).filter((value) => value.startsWith('reuse')),
      ['reuse:editable', 'reuse:readonly', 'reuse:deleted'],
    );
  });

  test('dataset descriptions: markers, quality, last update (the resources count once they are loaded)', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const find = (title: string) => datasets.find((dataset) => dataset.title === title)!;
    const en = nodeContext('en');
    assert.equal(datasetNode(find('Relevés de trafic routier'), 'p', en, true).description, 'Private · quality 49% · updated Sep 20, 2026');
    assert.equal(datasetNode(find('Bornes de recharge pour véhicules électriques'), 'p', en, true).description, 'quality 47% · updated Nov 14, 2026');
    assert.equal(
      // Intl puts (narrow) no-break spaces in French numbers: compare with plain spaces.
      datasetNode(find('Menus des cantines scolaires'), 'p', nodeContext('fr'), true).description?.replace(/\s/g, ' '),
      'Archivé · qualité 36 % · mis à jour le 5 oct. 2026',
    );
    const loaded = { ...find('Bornes de recharge pour véhicules électriques'), resources: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
    assert.equal(datasetNode(loaded, 'p', en, true).description, '3 resources · quality 47% · updated Nov 14, 2026');
    // Under a reuse (its mask has no resources): the markers only, nothing to expand.
    const nested = byTitle('Billet').datasets![0];
    const node = datasetNode(nested, 'p', en, false);
    assert.equal(node.description, '');
    assert.equal(node.collapsible, 'none');
    assert.equal(datasetContextValue(find('Budget primitif 2026')), CONTEXT.dataset);
    assert.equal(datasetContextValue({ id: 'x', deleted: '2026-01-01T00:00:00Z' }), CONTEXT.datasetDeleted);
    assert.equal(datasetContextValue({ id: 'x', permissions: { edit: false, delete: false } }), CONTEXT.datasetReadonly);
  });

  test('resource descriptions: format and size when known', async () => {
    const datasets = await standInClient(standIn).listOrgDatasets();
    const listed = datasets.find((dataset) => dataset.title === 'Budget primitif 2026')!;
    const budget = { ...listed, ...(await standInClient(standIn).getDataset(listed.id, { fields: DATASET_RESOURCES_MASK })) };
    const [pdf, zip] = budget.resources!;
    const en = nodeContext('en');
    assert.equal(resourceNode(pdf, budget, 'p', en).description, 'PDF', 'no size for a PDF without filesize');
    assert.match(resourceNode(zip, budget, 'p', en).description ?? '', /^ZIP · \d+(\.\d)? kB$/);
    assert.match(resourceNode(zip, budget, 'p', nodeContext('fr')).description ?? '', /^ZIP · \d+(,\d)? ko$/);
    assert.equal(resourceNode(zip, budget, 'p', en).icon, 'file-zip');
  });
});
