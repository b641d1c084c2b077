// The account and reuse-action endpoints of the client against the stand-in.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { ADMIN_API_KEY, OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../server/sampleData';
import { PLATFORM_REUSE_BADGES } from '../../server/routes/reuses';
import { startStandIn, type StandIn } from '../../server/standIn';

let standIn: StandIn;
before(async () => {
  // A platform with a reuse badge (core udata has none), and an older server's
  // /me/apikey (udata 17.6 has tokens instead): the commands that still support them.
  standIn = await startStandIn({ reuseBadges: PLATFORM_REUSE_BADGES, legacyApiKeyEndpoints: true });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

const as = (key: string) => new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => key, timeoutMs: 2_000, retryDelayMs: () => 5 });

describe('account endpoints', () => {
  test('metrics come as one object whatever the shape', async () => {
    const metrics = await as(SAMPLE_API_KEY).getMyMetrics();
    assert.equal(metrics.datasets_count, 1);
    assert.equal(typeof metrics.resources_availability, 'number');
  });

  test('profile update is a patch', async () => {
    const me = await as(SAMPLE_API_KEY).updateMe({ about: 'Nouvelle bio' });
    assert.equal(me.first_name, 'Camille');
    assert.equal(standIn.data.users[0].about, 'Nouvelle bio');
    await assert.rejects(
      as(SAMPLE_API_KEY).updateMe({ first_name: ' ' }),
      (e: unknown) => e instanceof ApiError && e.kind === 'validation' && !!e.fieldErrors.first_name,
    );
  });

  test('regenerating the key: the old one stops working', async () => {
    const { apikey } = await as(SAMPLE_API_KEY).regenerateApiKey();
    assert.notEqual(apikey, SAMPLE_API_KEY);
    await assert.rejects(as(SAMPLE_API_KEY).getMe(), (e: unknown) => e instanceof ApiError && e.kind === 'unauthorized');
    assert.equal((await as(apikey).getMe()).slug, 'camille-martin');
  });

  test('a newer server has no /me/apikey: 404', async () => {
    standIn.legacyApiKeyEndpoints = false;
    await assert.rejects(as(SAMPLE_API_KEY).regenerateApiKey(), (e: unknown) => e instanceof ApiError && e.kind === 'notFound');
    await assert.rejects(as(SAMPLE_API_KEY).clearApiKey(), (e: unknown) => e instanceof ApiError && e.kind === 'notFound');
  });

  test('organization discussions: the open ones on the subjects of the user and their organizations', async () => {
    const discussions = await as(SAMPLE_API_KEY).listOrgDiscussions();
    assert.equal(discussions.length, 2);
    assert.ok(discussions.every((d) => d.title && d.subject?.id && d.created && d.self_web_url));
    assert.ok(!discussions.some((d) => d.closed));
    assert.ok(standIn.requests[0].fields?.includes('title'));
  });

  test('deleting the account', async () => {
    await as(OTHER_USER_API_KEY).deleteMe();
    await assert.rejects(as(OTHER_USER_API_KEY).getMe(), (e: unknown) => e instanceof ApiError && e.kind === 'unauthorized');
  });
});

describe('reuse actions', () => {
  test('follow and unfollow, with the follower count', async () => {
    const reuse = standIn.data.reuses.find((r) => r.title.startsWith('Capteurs'));
    assert.ok(reuse);
    const camille = as(SAMPLE_API_KEY);
    const me = await camille.getMe();
    assert.equal((await camille.getReuseFollowers(reuse.id, { user: me.id })).total, 0);
    await camille.followReuse(reuse.id);
    assert.equal((await camille.getReuseFollowers(reuse.id, { user: me.id })).total, 1);
    await camille.unfollowReuse(reuse.id);
    assert.equal((await camille.getReuseFollowers(reuse.id, { user: me.id })).total, 0);
  });

  test('feature and badges: administrators only', async () => {
    const reuse = standIn.data.reuses[0];
    await assert.rejects(as(SAMPLE_API_KEY).setReuseFeatured(reuse.id, true), (e: unknown) => e instanceof ApiError && e.kind === 'forbidden');
    const admin = as(ADMIN_API_KEY);
    await admin.setReuseFeatured(reuse.id, true);
    assert.equal(reuse.featured, true);
    const kinds = await admin.getReuseBadgeKinds();
    const [kind] = Object.keys(kinds);
    await admin.addReuseBadge(reuse.id, kind);
    assert.deepEqual(reuse.badges, [{ kind }]);
    await admin.removeReuseBadge(reuse.id, kind);
    assert.deepEqual(reuse.badges, []);
  });

  test('create, delete and restore a reuse', async () => {
    const client = as(SAMPLE_API_KEY);
    const created = await client.createReuse({
      title: 'Nouvelle réutilisation',
      description: 'Une description.',
      url: 'https://example.org/nouvelle',
      type: 'idea',
      topic: 'others',
      private: true,
    });
    assert.equal(created.title, 'Nouvelle réutilisation');
    await assert.rejects(
      client.createReuse({ title: 'Double', description: 'x', url: 'https://example.org/nouvelle', type: 'idea', topic: 'others' }),
      (e: unknown) => e instanceof ApiError && e.fieldErrors.url?.[0] === 'This URL is already registered',
    );
    await client.deleteReuse(created.id);
    assert.ok((await client.getReuse(created.id)).deleted);
    const restored = await client.updateReuse(created.id, { deleted: null });
    assert.equal(restored.deleted, null);
  });

  test('a dataset summary', async () => {
    const dataset = await as(SAMPLE_API_KEY).getDataset(standIn.data.datasets[0].id);
    assert.equal(dataset.title, standIn.data.datasets[0].title);
    assert.equal(dataset.organization?.name, 'Agence régionale des mobilités');
    assert.ok(!('resources' in dataset));
  });
});
