// Who reuses a dataset, the search of every reuse, and community resources: the
// client's calls over real HTTP against the stand-in, which answers as udata 17.6
// (udata/core/reuse/api.py, udata/core/dataset/api.py, udata/core/user/api.py).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { COMMUNITY_RESOURCES_PAGE_MASK, DATASET_RESOURCES_MASK, DATASET_REUSES_PAGE_MASK, REUSE_SUGGESTION_MASK } from '../../../src/api/fieldMasks';
import { startStandIn, type StandIn } from '../../server/standIn';
import { SAMPLE_API_KEY } from '../../server/sampleData';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

const client = (key: string | null = SAMPLE_API_KEY) =>
  new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => key ?? undefined, timeoutMs: 2_000, retryLimit: 0 });
const datasetId = (title: string) => standIn.data.datasets.find((d) => d.title.startsWith(title))!.id;

describe('GET /reuses/?dataset=: the reuses of a dataset, in pages', () => {
  test('page 1 holds 20 of 22, masked; page 2 the rest; newest created first', async () => {
    const gtfs = datasetId('Horaires théoriques');
    const first = await client().listDatasetReuses(gtfs, 1, 20);
    assert.equal(first.data.length, 20);
    assert.equal(first.total, 22);
    assert.equal(first.page, 1);
    assert.equal(first.page_size, 20);
    assert.match(first.next_page ?? '', /\/api\/1\/reuses\/\?dataset=[0-9a-f]{24}&page=2&page_size=20$/);
    assert.equal('previous_page' in first, false, 'the mask keeps data, page, page_size, total and next_page');
    assert.deepEqual(Object.keys(first.data[0]).sort(), [
      'archived',
      'deleted',
      'id',
      'last_modified',
      'metrics',
      'organization',
      'owner',
      'page',
      'permissions',
      'private',
      'slug',
      'title',
      'topic',
      'type',
      'url',
    ]);
    assert.deepEqual(Object.keys(first.data[0].metrics ?? {}).sort(), ['followers', 'views'], 'metrics{views,followers}: a Raw dict trimmed');
    const request = standIn.requests[0];
    assert.equal(request.path, '/reuses/');
    assert.equal(request.query, `?dataset=${gtfs}&page=1&page_size=20`);
    assert.equal(request.fields, DATASET_REUSES_PAGE_MASK);
    assert.ok(
      first.data.every((reuse) => reuse.permissions?.edit === false),
      'the first page is other people’s',
    );

    const second = await client().listDatasetReuses(gtfs, 2, 20);
    assert.equal(second.next_page, null);
    assert.deepEqual(
      second.data.map((reuse) => [reuse.title, reuse.permissions?.edit, !!reuse.deleted]),
      [
        ['API des horaires de bus en temps réel', true, false],
        ['Billet : nos données de mobilité en 2025', true, true],
      ],
      'her own reuses, the deleted one too (visible_by_user: owned ones whatever their state)',
    );
    const all = [...first.data, ...second.data];
    assert.equal(new Set(all.map((reuse) => reuse.id)).size, 22);
  });

  test('signed out: only public, not deleted reuses (udata/core/owned.py, visible_by_user)', async () => {
    const page = await client(null).listDatasetReuses(datasetId('Horaires théoriques'), 2, 20);
    assert.deepEqual(
      page.data.map((reuse) => reuse.title),
      ['API des horaires de bus en temps réel'],
    );
    assert.equal(page.total, 21);
  });

  test('a dataset no reuse uses: an empty page; an id that is not one: 400', async () => {
    const empty = await client().listDatasetReuses(datasetId('Relevés de trafic'), 1, 20);
    assert.deepEqual([empty.data, empty.total, empty.next_page], [[], 0, null]);
    await assert.rejects(client().listDatasetReuses('not-an-id', 1, 20), (error) => error instanceof ApiError && error.kind === 'validation');
    await assert.rejects(client().listDatasetReuses(datasetId('Relevés de trafic'), 0, 20), (error) => error instanceof ApiError && error.status === 400);
  });

  test('a dataset’s metrics.reuses counts its visible reuses (udata: count_reuses), asked with its resources', async () => {
    const dataset = await client().getDataset(datasetId('Horaires théoriques'), { fields: DATASET_RESOURCES_MASK });
    assert.deepEqual(dataset.metrics, { reuses: 21 }, 'public and not deleted: not her deleted post');
    assert.deepEqual(
      dataset.community_resources?.map((c) => Object.keys(c)),
      [['id']],
    );
    assert.equal(dataset.resources?.length, 2);
  });
});

describe('GET /reuses/suggest/: every public reuse by title', () => {
  test('a reuse of another organization, found by a word of its title, as id, title and slug', async () => {
    const found = await client().suggestReuses('tableau', 10);
    assert.deepEqual(found, [
      {
        id: standIn.data.reuses.find((r) => r.title.startsWith('Capteurs'))!.id,
        title: 'Capteurs citoyens : tableau de bord',
        slug: 'capteurs-citoyens-tableau-de-bord',
      },
    ]);
    assert.equal(standIn.requests[0].query, '?q=tableau&size=10');
    assert.equal(standIn.requests[0].fields, REUSE_SUGGESTION_MASK);
  });

  test('case-insensitive; private, archived and deleted ones left out; most followed first; at most `size`', async () => {
    assert.deepEqual(
      (await client().suggestReuses('BUDGET', 10)).map((r) => r.title),
      [],
      'the budget article is archived',
    );
    assert.deepEqual(await client().suggestReuses('Itinéraires', 10), [], 'private');
    assert.deepEqual(await client().suggestReuses('Billet', 10), [], 'deleted');
    const bus = await client().suggestReuses('bus', 3);
    assert.equal(bus.length, 3);
    assert.equal(bus[0].title, 'API des horaires de bus en temps réel', '8 followers, the most');
    const unmasked = (await client().suggestReuses('bus', 1, { fields: null }))[0] as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(unmasked).sort(), ['id', 'image_url', 'page', 'slug', 'title'], 'reuse_suggestion_fields');
  });

  test('`q` is required (400)', async () => {
    const response = await fetch(`${standIn.apiUrl}/reuses/suggest/`);
    assert.equal(response.status, 400);
    assert.ok(((await response.json()) as { errors: Record<string, string> }).errors.q);
  });
});

describe('community resources', () => {
  test('GET /datasets/community_resources/?dataset=: those others attached to a dataset, with their author', async () => {
    const page = await client().listCommunityResources(datasetId('Bornes de recharge'), 1, 20);
    assert.equal(page.total, 1);
    const [resource] = page.data;
    assert.equal(resource.title, 'Bornes IRVE aux coordonnées vérifiées');
    assert.deepEqual(resource.owner, { id: standIn.data.users[1].id, first_name: 'Jean', last_name: 'Dupont' });
    assert.equal(resource.organization, null);
    assert.equal(resource.url, 'https://jean-dupont.example.org/irve-verifie.csv');
    assert.ok(resource.created_at);
    assert.equal(standIn.requests[0].path, '/datasets/community_resources/');
    assert.equal(standIn.requests[0].fields, COMMUNITY_RESOURCES_PAGE_MASK);
    const gtfs = await client().listCommunityResources(datasetId('Horaires théoriques'), 1, 20);
    assert.equal(gtfs.data[0].organization?.name, 'Observatoire citoyen de l’air');
  });

  test('GET /me/org_community_resources/ lists those the user’s organizations published, not those on their datasets', async () => {
    const response = await fetch(`${standIn.apiUrl}/me/org_community_resources/`, {
      headers: { 'X-API-KEY': SAMPLE_API_KEY, 'X-Fields': 'title,dataset{title}' },
    });
    assert.deepEqual(await response.json(), [
      { title: 'Mesures PM2.5 de la station de la mairie', dataset: { title: 'Capteurs de particules fines citoyens' } },
    ]);
    assert.equal((await fetch(`${standIn.apiUrl}/me/org_community_resources/`)).status, 401);
  });
});
