// The models behind both views' TreeDataProviders, against the stand-in: what the
// first level shows, that children come from the same answer (no request per item),
// that every list request carries its mask, and every error state: a message node
// with Retry (and Set API Key for a 401), never an empty view hiding a failure.
import { resolvePage } from '../../../src/commands/openInBrowser';
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiUrlError } from '../../../src/api/apiUrl';
import type { ApiClient } from '../../../src/api/client';
import { DATASET_LIST_MASK, DATASET_RESOURCES_MASK, REUSE_LIST_MASK } from '../../../src/api/fieldMasks';
import { idOf, linkOf, pageOf, type TreeNode } from '../../../src/tree/nodes';
import { DatasetsModel, DiscussionsModel, ReusesModel, type LoadState, type SessionLike, type TreeModel } from '../../../src/tree/treeModel';
import { startStandIn, type StandIn } from '../../server/standIn';
import { ADMIN_API_KEY } from '../../server/sampleData';
import { FakeSession, nodeContext } from './helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

/** Every node of the tree, depth first, with its depth. */
async function walk<T>(model: TreeModel<T>, node?: TreeNode, depth = 0): Promise<Array<[number, TreeNode]>> {
  const result: Array<[number, TreeNode]> = [];
  for (const child of await model.getChildren(node)) {
    result.push([depth, child]);
    result.push(...(await walk(model, child, depth + 1)));
  }
  return result;
}

const labels = (nodes: TreeNode[]) => nodes.map((node) => node.label);

describe('Reuses view', () => {
  test('first level: Personal, then organizations; reuses then their datasets below', async () => {
    const model = new ReusesModel(new FakeSession(standIn), nodeContext('en'));
    const roots = await model.getChildren();
    assert.deepEqual(labels(roots), ['Personal', 'Agence régionale des mobilités', 'Mairie de Saint-Rémy-sur-Loire']);
    assert.deepEqual(
      roots.map((node) => node.description),
      ['2 reuses', '1 reuse', '3 reuses'],
    );
    assert.deepEqual(
      roots.map((node) => node.contextValue),
      ['personal', 'organization', 'organization'],
    );
    assert.equal(model.state, 'loaded');
    const mairie = await model.getChildren(roots[2]);
    assert.deepEqual(labels(mairie), [
      'Carte des bornes de recharge de Saint-Rémy',
      'Qualité de l’air autour des écoles',
      'Le budget 2026 expliqué aux habitants',
    ]);
    const air = await model.getChildren(mairie[1]);
    assert.deepEqual(labels(air), ['Qualité de l’air mesurée près des écoles', 'Capteurs de particules fines citoyens']);
    assert.ok(air.every((node) => node.kind === 'dataset' && node.contextValue === 'dataset'));
  });

  test('one request per list, each with the reuse mask; expanding everything asks nothing more', async () => {
    const model = new ReusesModel(new FakeSession(standIn), nodeContext('en'));
    const all = await walk(model);
    assert.ok(all.length > 10);
    assert.deepEqual(standIn.requests.map((request) => [request.method, request.path, request.fields]).sort(), [
      ['GET', '/me/org_reuses/', REUSE_LIST_MASK],
      ['GET', '/me/reuses/', REUSE_LIST_MASK],
    ]);
    await walk(model);
    assert.equal(standIn.requests.length, 2, 'answers come from memory until a refresh');
    const ids = all.map(([, node]) => node.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique in the view (a dataset can sit under two reuses)');
  });

  test('a click on a reuse opens it with datagouv.openReuse { id, slug, title }', async () => {
    const model = new ReusesModel(new FakeSession(standIn), nodeContext('en'));
    const reuse = (await walk(model)).map(([, node]) => node).find((node) => node.kind === 'reuse');
    assert.ok(reuse?.kind === 'reuse');
    assert.deepEqual(reuse.command, {
      command: 'datagouv.openReuse',
      title: 'Open Reuse',
      arguments: [{ id: reuse.reuse.id, slug: reuse.reuse.slug, title: reuse.reuse.title }],
    });
    assert.equal(idOf(reuse), reuse.reuse.id);
    assert.match(pageOf(reuse) ?? '', /^http:\/\/127\.0\.0\.1:\d+\/reuses\/[a-z0-9-]+\/$/);
    assert.equal(linkOf(reuse), pageOf(reuse));
  });

  test('concurrent getChildren share one load', async () => {
    const model = new ReusesModel(new FakeSession(standIn), nodeContext('en'));
    const [a, b] = await Promise.all([model.getChildren(), model.getChildren()]);
    assert.equal(a, b);
    assert.equal(standIn.requests.length, 2);
  });

  test('signed out: an empty tree (the welcome shows), and no request, in every view', async () => {
    const session = new FakeSession(standIn);
    session.signedIn = false;
    const ctx = nodeContext('en');
    for (const model of [new ReusesModel(session, ctx), new DatasetsModel(session, ctx), new DiscussionsModel(session, ctx)]) {
      assert.deepEqual(await model.getChildren(), [], model.view);
      assert.equal(model.state, 'signedOut');
    }
    assert.equal(standIn.requests.length, 0);
  });

  test('signing out after a load forgets the data', async () => {
    const session = new FakeSession(standIn);
    const model = new ReusesModel(session, nodeContext('en'));
    assert.equal((await model.getChildren()).length, 3);
    session.signedIn = false;
    assert.deepEqual(await model.getChildren(), []);
    assert.equal(model.loaded, undefined);
  });

  test('a user with no reuse: an empty tree in the "empty" state (its own welcome)', async () => {
    const session = new FakeSession(standIn);
    session.key = ADMIN_API_KEY;
    const states: LoadState[] = [];
    const model = new ReusesModel(session, nodeContext('en'));
    model.onStateChange = (state) => states.push(state);
    assert.deepEqual(await model.getChildren(), []);
    assert.equal(model.state, 'empty');
    assert.deepEqual(states, ['loading', 'empty']);
  });
});

describe('Organization Datasets view', () => {
  test('first level by organization; datasets; the resources of a dataset with one small request when it is expanded', async () => {
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('en'));
    const roots = await model.getChildren();
    assert.deepEqual(labels(roots), ['Personal', 'Agence régionale des mobilités', 'Mairie de Saint-Rémy-sur-Loire']);
    assert.deepEqual(
      roots.map((node) => node.description),
      ['1 dataset', '3 datasets', '4 datasets'],
    );
    const agence = await model.getChildren(roots[1]);
    assert.deepEqual(labels(agence), ['Horaires théoriques du réseau de bus (GTFS)', 'Aménagements cyclables', 'Relevés de trafic routier']);
    assert.deepEqual(
      standIn.requests.map((request) => [request.path, request.fields]),
      [['/me/org_datasets/', DATASET_LIST_MASK]],
      'the list only',
    );
    const children = await model.getChildren(agence[0]);
    // Who reuses it and the files others attached come first, counted by the same answer.
    assert.deepEqual(labels(children), ['Reuses (21)', 'Community Resources (1)', 'Horaires GTFS', 'Arrêts']);
    const resources = children.slice(2);
    assert.ok(resources.every((node) => node.contextValue === 'resource:file'));
    assert.deepEqual(standIn.requests[1] && [standIn.requests[1].path, standIn.requests[1].fields], [
      `/datasets/${agence[0].kind === 'dataset' && agence[0].dataset.id}/`,
      DATASET_RESOURCES_MASK,
    ]);
    // Expanding again asks nothing.
    await model.getChildren(agence[0]);
    assert.equal(standIn.requests.length, 2);
    // A dataset without resources says so, and how to add one.
    assert.deepEqual(labels(await model.getChildren(agence[2])), ['Reuses (0)', 'No resource yet: drop files here, or use Upload Resource…']);
    const all = await walk(model);
    const expanded = all.filter(([, node]) => node.kind === 'dataset' || node.kind === 'list').length;
    assert.equal(standIn.requests.length, 1 + expanded, 'one request per dataset and per list expanded, once');
  });

  test('resources that fail to load: the reason in their place, and a retry at the next expansion', async () => {
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('en'));
    const [, agence] = await model.getChildren();
    const [gtfs] = await model.getChildren(agence);
    standIn.faults.push({ path: '/datasets/', status: 503, times: 3 });
    const failed = await model.getChildren(gtfs);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].kind, 'message');
    assert.match(failed[0].label, /data\.gouv\.fr|unavailable|503/i);
    standIn.faults.length = 0;
    assert.deepEqual(labels(await model.getChildren(gtfs)), ['Reuses (21)', 'Community Resources (1)', 'Horaires GTFS', 'Arrêts']);
  });

  test('Open in Browser, Copy ID and Copy Link of a dataset and a resource: the page asked once, when needed', async () => {
    const session = new FakeSession(standIn);
    const model = new DatasetsModel(session, nodeContext('en'));
    const nodes = (await walk(model)).map(([, node]) => node);
    const resource = nodes.find((node) => node.kind === 'resource');
    assert.ok(resource?.kind === 'resource');
    assert.equal(idOf(resource), resource.resource.id);
    assert.equal(resource.resource.url, undefined, 'the mask leaves file URLs out');
    assert.equal(resource.command?.command, 'datagouv.openResource', 'a click opens the resource document');
    assert.equal(pageOf(resource), undefined, 'the list has no pages');
    standIn.requests.length = 0;
    const page = await resolvePage(resource, { client: session.client, me: () => Promise.reject(new Error('not asked')) });
    assert.equal(
      page,
      `${standIn.apiUrl.replace('/api/1', '')}/datasets/${standIn.data.datasets.find((d) => d.id === resource.dataset.id)?.slug}/?resource_id=${resource.resource.id}`,
    );
    assert.deepEqual(
      standIn.requests.map((r) => [r.path, r.fields]),
      [[`/datasets/${resource.dataset.id}/`, 'id,page']],
    );
    // The dataset node shares it: no second request.
    const dataset = nodes.find((node) => node.kind === 'dataset' && node.dataset.id === resource.dataset.id)!;
    assert.equal(pageOf(dataset), resource.dataset.page);
    const withUrl = { ...resource, resource: { ...resource.resource, url: 'https://static.data.gouv.fr/x.csv' } };
    assert.equal(linkOf(withUrl), 'https://static.data.gouv.fr/x.csv', 'Copy Link gives the file itself when known');
  });

  test('another order applies without a request and is kept across refreshes', async () => {
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('fr'));
    const roots = await model.getChildren();
    const before = labels(await model.getChildren(roots[2]));
    model.sort = 'title';
    const sortedRoots = await model.getChildren();
    assert.notEqual(sortedRoots, roots, 'new nodes after a sort change');
    const after = labels(await model.getChildren(sortedRoots[2]));
    assert.deepEqual(
      after,
      [...before].sort((a, b) => a.localeCompare(b, 'fr')),
    );
    assert.equal(standIn.requests.length, 1);
    model.invalidate();
    const reloaded = await model.getChildren();
    assert.deepEqual(labels(await model.getChildren(reloaded[2])), after);
    assert.equal(standIn.requests.length, 2);
  });
});

describe('error states', () => {
  test('a refused key: the reason, Set API Key and Retry', async () => {
    const session = new FakeSession(standIn);
    session.key = 'udata_revoked';
    const model = new ReusesModel(session, nodeContext('en'));
    const errors: unknown[] = [];
    model.onError = (error) => errors.push(error);
    const nodes = await model.getChildren();
    assert.equal(model.state, 'error');
    assert.equal(errors.length, 1);
    assert.deepEqual(
      nodes.map((node) => node.kind),
      ['message', 'action', 'action'],
    );
    assert.equal(nodes[0].contextValue, 'message:error');
    assert.match(nodes[0].label, /Your API key was refused \(Invalid API token\)/);
    assert.deepEqual(nodes[1].command, { command: 'datagouv.setApiKey', title: 'Set API Key' });
    assert.deepEqual(nodes[2].command, { command: 'datagouv.refresh', title: 'Retry', arguments: ['datagouv.reuses'] });
    assert.ok(standIn.requests.every((request) => request.apiKey === 'invalid'));

    // The user sets a good key (the session fires, the provider invalidates): the view loads.
    session.key = new FakeSession(standIn).key;
    model.invalidate();
    assert.equal((await model.getChildren()).length, 3);
    assert.equal(model.state, 'loaded');
  });

  test('a server error: the sentence, Retry and Show Log; Retry reloads', async () => {
    standIn.faults.push({ path: '/me/org_datasets/', status: 500, times: 1 });
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('fr'));
    const nodes = await model.getChildren();
    assert.equal(nodes[0].kind, 'message');
    assert.match(nodes[0].label, /problème interne \(erreur 500\)/);
    assert.deepEqual(labels(nodes.slice(1)), ['Réessayer', 'Afficher le journal']);
    assert.deepEqual(nodes[1].command?.arguments, ['datagouv.datasets']);
    model.invalidate();
    assert.equal((await model.getChildren()).length, 3);
  });

  test('no network: says so, with Retry', async () => {
    standIn.faults.push({ path: '/me/org_reuses/', reset: true });
    const model = new ReusesModel(new FakeSession(standIn), nodeContext('en'));
    const nodes = await model.getChildren();
    assert.match(nodes[0].label, /could not be reached/);
    assert.ok(nodes.some((node) => node.command?.command === 'datagouv.refresh'));
  });

  test('a slow server: a timeout message, not an endless spinner', async () => {
    standIn.faults.push({ path: '/me/org_datasets/', delayMs: 1_000 });
    const model = new DatasetsModel(new FakeSession(standIn, { timeoutMs: 200 }), nodeContext('en'));
    const nodes = await model.getChildren();
    assert.match(nodes[0].label, /did not answer in time/);
  });

  test('a list that is not a list: the unreadable-answer message', async () => {
    standIn.faults.push({ path: '/me/org_datasets/', status: 200, body: '{"data": []}' });
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('en'));
    const nodes = await model.getChildren();
    assert.match(nodes[0].label, /could not be read/);
  });

  test('an unusable datagouv.apiUrl: the reason and Open Settings', async () => {
    const session: SessionLike = {
      isSignedIn: true,
      get client(): ApiClient {
        throw new ApiUrlError('http-not-loopback', 'http://example.org/api/1');
      },
    };
    const nodes = await new ReusesModel(session, nodeContext('en')).getChildren();
    assert.equal(nodes[0].kind, 'message');
    assert.deepEqual(
      nodes.slice(1).map((node) => node.command?.command),
      ['workbench.action.openSettings', 'datagouv.refresh', 'datagouv.showLog'],
    );
    assert.deepEqual(nodes[1].command?.arguments, ['datagouv.apiUrl']);
  });

  test('a refresh during a load cancels it; the old caller gets the new answer, no error', async () => {
    standIn.faults.push({ path: '/me/org_datasets/', delayMs: 300, times: 1 });
    const model = new DatasetsModel(new FakeSession(standIn), nodeContext('en'));
    const first = model.getChildren();
    await new Promise((resolve) => setTimeout(resolve, 50));
    model.invalidate();
    const [old, fresh] = await Promise.all([first, model.getChildren()]);
    assert.equal(old, fresh);
    assert.deepEqual(labels(fresh), ['Personal', 'Agence régionale des mobilités', 'Mairie de Saint-Rémy-sur-Loire']);
    assert.equal(model.state, 'loaded');
  });
});
