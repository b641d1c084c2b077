// Every X-Fields mask the extension sends, against the stand-in's models (which follow
// udata's api_fields): the request is accepted, and every field the mask names comes
// back on some item. udata leaves out names its model lacks, so a misspelt or removed
// field would otherwise vanish without an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as masks from '../../../src/api/fieldMasks';
import { PROFILE_MASK } from '../../../src/documents/profile/profileKind';
import { parseMask, type Mask } from '../../server/fieldMask';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());

async function get(path: string, fields: string): Promise<unknown> {
  const response = await fetch(`${standIn.apiUrl}${path}`, { headers: { 'X-API-KEY': SAMPLE_API_KEY, 'X-Fields': fields } });
  assert.equal(response.status, 200, `${path} with ${fields}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

/** The names of `mask` that no item carries (nested ones as `parent.child`). */
function missing(items: unknown[], mask: Mask, prefix = ''): string[] {
  const objects = items.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object');
  const absent: string[] = [];
  for (const [name, sub] of mask) {
    if (name === '*') continue;
    const present = objects.filter((object) => Object.prototype.hasOwnProperty.call(object, name));
    if (!present.length) {
      absent.push(prefix + name);
      continue;
    }
    if (sub !== true) {
      const nested = present.flatMap((object) => object[name]).filter((value) => value && typeof value === 'object');
      if (nested.length) absent.push(...missing(nested, sub, `${prefix}${name}.`));
    }
  }
  return absent;
}

describe('the masks of src/api/fieldMasks.ts against the stand-in', () => {
  const reuse = () => standIn.data.reuses[0].id;
  const dataset = () => standIn.data.datasets[0].id;
  const cases: Array<[string, string, () => string]> = [
    ['REUSE_LIST_MASK', masks.REUSE_LIST_MASK, () => '/me/org_reuses/'],
    ['DATASET_LIST_MASK', masks.DATASET_LIST_MASK, () => '/me/org_datasets/'],
    ['REUSE_DOCUMENT_MASK', masks.REUSE_DOCUMENT_MASK, () => `/reuses/${reuse()}/`],
    ['REUSE_EDITABLE_MASK', masks.REUSE_EDITABLE_MASK, () => `/reuses/${reuse()}/`],
    ['ME_MASK', masks.ME_MASK, () => '/me/'],
    ['PROFILE_MASK', PROFILE_MASK, () => '/me/'],
    ['DATASET_SUMMARY_MASK', masks.DATASET_SUMMARY_MASK, () => `/datasets/${dataset()}/`],
    ['DISCUSSION_LIST_MASK', masks.DISCUSSION_LIST_MASK, () => '/me/org_discussions/'],
    ['SUBJECT_OWNER_MASK (datasets)', masks.SUBJECT_OWNER_MASK, () => '/me/org_datasets/'],
    ['SUBJECT_OWNER_MASK (reuses)', masks.SUBJECT_OWNER_MASK, () => '/me/org_reuses/'],
    ['API_TOKEN_MASK', masks.API_TOKEN_MASK, () => '/me/api_tokens/'],
    ['INVITATION_MASK', masks.INVITATION_MASK, () => '/me/org_invitations/'],
    ['DATASET_RESOURCES_MASK', masks.DATASET_RESOURCES_MASK, () => `/datasets/${standIn.data.datasets[1].id}/`],
    ['DATASET_REUSES_PAGE_MASK', masks.DATASET_REUSES_PAGE_MASK, () => `/reuses/?dataset=${dataset()}`],
    ['COMMUNITY_RESOURCES_PAGE_MASK', masks.COMMUNITY_RESOURCES_PAGE_MASK, () => '/datasets/community_resources/'],
    ['REUSE_SUGGESTION_MASK', masks.REUSE_SUGGESTION_MASK, () => '/reuses/suggest/?q=a'],
  ];
  for (const [name, mask, path] of cases) {
    test(`${name}: accepted, and every field it names comes back`, async () => {
      const answer = await get(path(), mask);
      const items = Array.isArray(answer) ? answer : [answer];
      assert.ok(items.length > 0, 'the sample data has items here');
      assert.deepEqual(missing(items, parseMask(mask)), []);
    });
  }

  test('the stand-in, like udata, leaves out an unknown name and refuses braces on a plain field', async () => {
    const answer = (await get(`/reuses/${reuse()}/`, 'id,no_such_field')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(answer), ['id']);
    const refused = await fetch(`${standIn.apiUrl}/reuses/${reuse()}/`, { headers: { 'X-Fields': 'title{x}' } });
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { message: string }).message, /^Mask error/);
  });

  test('CORS as udata/cors.py: * for any origin, preflights echo what they ask, nothing exposed', async () => {
    const preflight = await fetch(`${standIn.apiUrl}/me/`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://vscode.dev', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-api-key,x-fields,content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'PUT');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-api-key,x-fields,content-type');
    assert.equal(preflight.headers.get('access-control-max-age'), null);
    assert.equal(preflight.status, 204, 'udata answers a preflight with 204, without running the API');
    assert.equal(preflight.headers.get('vary'), 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    assert.deepEqual(standIn.preflights.at(-1), { method: 'PUT', path: '/me/' });
    assert.equal(
      standIn.requests.some((request) => request.method === 'OPTIONS'),
      false,
      'a preflight is not an API request',
    );
    const actual = await fetch(`${standIn.apiUrl}/reuses/types/`, { headers: { Origin: 'https://vscode.dev' } });
    assert.equal(actual.headers.get('access-control-allow-origin'), '*');
    assert.equal(actual.headers.get('access-control-expose-headers'), null);
    assert.equal(actual.headers.get('vary'), 'Origin');
    // Without an Origin (not a browser's cross-origin request), no CORS header.
    const direct = await fetch(`${standIn.apiUrl}/reuses/types/`);
    assert.equal(direct.headers.get('access-control-allow-origin'), null);
    // A fault can stand for a proxy that sends none: a browser then refuses the answer.
    standIn.faults.push({ path: '/reuses/types/', noCors: true, times: 1 });
    const closed = await fetch(`${standIn.apiUrl}/reuses/types/`, { headers: { Origin: 'https://vscode.dev' } });
    assert.equal(closed.headers.get('access-control-allow-origin'), null);
  });
});
