// A dataset's Reuses and Community Resources in Organization Datasets, against the
// stand-in: counted by the request that loads its resources, loaded when expanded (one
// masked page), "Load more" while pages remain, failures shown in place and retried.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNITY_RESOURCES_PAGE_MASK, DATASET_REUSES_PAGE_MASK } from '../../../src/api/fieldMasks';
import { idOf, linkOf, pageOf, tooltipOf, type ListNode, type TreeNode } from '../../../src/tree/nodes';
import { DatasetsModel, PAGE_SIZE } from '../../../src/tree/treeModel';
import { startStandIn, type StandIn } from '../../server/standIn';
import { FakeSession, nodeContext } from './helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

/** The model, the children of the dataset titled `title` (expanded), and its list nodes. */
async function expandDataset(title: string, model = new DatasetsModel(new FakeSession(standIn), nodeContext('en'))) {
  for (const group of await model.getChildren()) {
    const dataset = (await model.getChildren(group)).find((node) => node.label === title);
    if (!dataset) continue;
    const children = await model.getChildren(dataset);
    const list = (kind: ListNode['list']) => children.find((node): node is ListNode => node.kind === 'list' && node.list === kind);
    standIn.requests.length = 0;
    return { model, dataset, children, reuses: list('reuses'), community: list('communityResources') };
  }
  throw new Error(`no dataset ${title}`);
}

const GTFS = 'Horaires théoriques du réseau de bus (GTFS)';

describe('Reuses (n) under a dataset', () => {
  test('counted by udata’s metrics, then by the list itself; a page of 20, masked, and Load more', async () => {
    const { model, reuses } = await expandDataset(GTFS);
    assert.ok(reuses);
    assert.equal(reuses.label, 'Reuses (21)', 'metrics.reuses: public reuses only');
    assert.equal(reuses.contextValue, 'list:reuses');
    assert.equal(reuses.collapsible, 'collapsed');
    const changed: TreeNode[] = [];
    model.onNodeChange = (node) => changed.push(node);

    const page = await model.getChildren(reuses);
    assert.equal(page.length, PAGE_SIZE + 1);
    assert.deepEqual(
      standIn.requests.map((r) => [r.path, r.query, r.fields]),
      [['/reuses/', `?dataset=${reuses.dataset.id}&page=1&page_size=20`, DATASET_REUSES_PAGE_MASK]],
    );
    assert.equal(reuses.label, 'Reuses (22)', 'the list’s total: her deleted post counts for her');
    assert.deepEqual(changed, [reuses], 'the provider redraws the node');
    const [first] = page;
    assert.ok(first.kind === 'reuse');
    assert.equal(first.label, 'Prochain bus');
    assert.equal(first.description, 'Application · Jean Dupont', 'its type and who publishes it');
    assert.equal(first.contextValue, 'reuse:readonly');
    assert.equal(first.collapsible, 'none');
    assert.deepEqual(first.command?.arguments, [{ id: first.reuse.id, slug: 'prochain-bus', title: 'Prochain bus' }]);
    assert.match(pageOf(first) ?? '', /\/reuses\/prochain-bus\/$/);
    assert.equal(page[1].description, 'Visualization · Observatoire citoyen de l’air');
    const more = page.at(-1)!;
    assert.deepEqual([more.kind, more.label, more.description, more.command?.command], ['action', 'Load more…', '20 of 22', 'datagouv.loadMore']);
    assert.deepEqual(more.command?.arguments, [reuses]);

    assert.equal(await model.getChildren(reuses), page, 'expanding again asks nothing');
    assert.equal(standIn.requests.length, 1);

    await model.loadMore(reuses);
    assert.equal(standIn.requests.length, 2);
    assert.equal(standIn.requests[1].query, `?dataset=${reuses.dataset.id}&page=2&page_size=20`);
    const all = await model.getChildren(reuses);
    assert.equal(all.length, 22, 'every reuse, no Load more');
    assert.deepEqual(
      all.slice(-2).map((node) => [node.label, node.contextValue]),
      [
        ['API des horaires de bus en temps réel', 'reuse:editable'],
        ['Billet : nos données de mobilité en 2025', 'reuse:deleted'],
      ],
    );
    assert.equal(new Set(all.map((node) => node.id)).size, 22);
    await model.loadMore(reuses);
    assert.equal(standIn.requests.length, 2, 'nothing more to load: no request');
  });

  test('two clicks on Load more: one request; a failure throws and keeps what is shown, then works', async () => {
    const { model, reuses } = await expandDataset(GTFS);
    assert.ok(reuses);
    const page = await model.getChildren(reuses);
    standIn.faults.push({ path: '/reuses/', status: 503, times: 3 });
    await assert.rejects(model.loadMore(reuses), /unavailable|503/i);
    assert.equal(await model.getChildren(reuses), page);
    standIn.faults.length = 0;
    standIn.requests.length = 0;
    await Promise.all([model.loadMore(reuses), model.loadMore(reuses)]);
    assert.equal(standIn.requests.length, 1);
    assert.equal((await model.getChildren(reuses)).length, 22);
  });

  test('a dataset nobody reuses: Reuses (0), and says so when expanded', async () => {
    const { model, reuses, community } = await expandDataset('Relevés de trafic routier');
    assert.equal(reuses?.label, 'Reuses (0)');
    assert.equal(community, undefined, 'no Community Resources when there is none');
    const [message] = await model.getChildren(reuses!);
    assert.deepEqual([message.kind, message.label], ['message', 'No reuse uses this dataset yet.']);
  });

  test('a list that fails: the reason in its place, and a retry at the next expansion', async () => {
    const { model, reuses } = await expandDataset(GTFS);
    standIn.faults.push({ path: '/reuses/', status: 500, times: 1 });
    const [failed] = await model.getChildren(reuses!);
    assert.equal(failed.kind, 'message');
    assert.equal(failed.contextValue, 'message:error');
    assert.equal((await model.getChildren(reuses!)).length, PAGE_SIZE + 1);
  });

  test('a new order keeps what was loaded; a refresh forgets it', async () => {
    const { model, reuses } = await expandDataset(GTFS);
    await model.getChildren(reuses!);
    await model.loadMore(reuses!);
    standIn.requests.length = 0;
    model.sort = 'title';
    const again = await expandDataset(GTFS, model);
    assert.equal((await model.getChildren(again.reuses!)).length, 22);
    assert.equal(standIn.requests.length, 0);
    model.invalidate();
    const fresh = await expandDataset(GTFS, model);
    assert.equal((await model.getChildren(fresh.reuses!)).length, PAGE_SIZE + 1);
    assert.equal(standIn.requests.length, 1);
  });
});

describe('Community Resources (n) under a dataset', () => {
  test('the files others attached: author, date, format; a click opens the file; nothing to edit', async () => {
    const { model, community } = await expandDataset('Bornes de recharge pour véhicules électriques');
    assert.ok(community);
    assert.equal(community.label, 'Community Resources (1)');
    assert.equal(community.contextValue, 'list:communityResources');
    const [resource] = await model.getChildren(community);
    assert.deepEqual(
      standIn.requests.map((r) => [r.path, r.query, r.fields]),
      [['/datasets/community_resources/', `?dataset=${community.dataset.id}&page=1&page_size=20`, COMMUNITY_RESOURCES_PAGE_MASK]],
    );
    assert.ok(resource.kind === 'communityResource');
    assert.equal(resource.label, 'Bornes IRVE aux coordonnées vérifiées');
    assert.equal(resource.description, 'Jean Dupont · Nov 15, 2026 · CSV');
    assert.equal(resource.contextValue, 'communityResource');
    assert.equal(resource.icon, 'table');
    const url = 'https://jean-dupont.example.org/irve-verifie.csv';
    assert.deepEqual(resource.command, { command: 'datagouv.openInBrowser', title: 'Open in Browser', arguments: [url] });
    assert.equal(pageOf(resource), url);
    assert.equal(linkOf(resource), url);
    assert.equal(idOf(resource), resource.resource.id);
    const tooltip = tooltipOf(resource, nodeContext('en')) ?? '';
    assert.match(tooltip, /Published by: Jean Dupont/);
    assert.match(tooltip, /its author’s to edit/);
  });

  test('in French', async () => {
    const { model, community, reuses } = await expandDataset(GTFS, new DatasetsModel(new FakeSession(standIn), nodeContext('fr')));
    assert.equal(reuses?.label, 'Réutilisations (21)');
    assert.equal(community?.label, 'Ressources communautaires (1)');
    const [resource] = await model.getChildren(community!);
    assert.match(resource.description ?? '', /^Observatoire citoyen de l’air · 8 nov\. 2026 · GEOJSON$/);
    const more = (await model.getChildren(reuses!)).at(-1);
    assert.deepEqual([more?.label, more?.description], ['Afficher la suite…', '20 sur 22']);
  });
});
