// retryingFetch over real HTTP against the stand-in's faults: which answers are retried,
// how long it waits (Retry-After, capped; the policy's delay otherwise), what is never
// retried (writes, timeouts, a cancelled call).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestTimeoutError, exponentialBackoff, retryingFetch, type RetryingFetchOptions } from '../../../src/api/retryingFetch';
import { startStandIn, type StandIn } from '../../server/standIn';
import { SAMPLE_API_KEY } from '../../server/sampleData';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

/** Each delay the policy was asked for, by retry number. */
let policyDelays: number[];
function options(overrides: Partial<RetryingFetchOptions['retry']> = {}, timeoutMs = 2_000): RetryingFetchOptions {
  policyDelays = [];
  return {
    fetch,
    timeoutMs,
    retry: {
      limit: 2,
      methods: ['GET'],
      statusCodes: [429, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfterMs: 10_000,
      delayMs: (retry) => {
        policyDelays.push(retry);
        return 5;
      },
      ...overrides,
    },
  };
}

const me = () => new URL(`${standIn.apiUrl}/me/`);
const get = (signal?: AbortSignal): RequestInit => ({ method: 'GET', headers: { 'X-API-KEY': SAMPLE_API_KEY }, signal });

describe('retryingFetch', () => {
  test('a 503 then a 502 are retried for a GET, with the policy delays 1 and 2', async () => {
    standIn.faults.push({ method: 'GET', status: 503, times: 1 }, { method: 'GET', status: 502, times: 1 });
    const response = await retryingFetch(me(), get(), options());
    assert.equal(response.status, 200);
    assert.equal(standIn.requests.length, 3);
    assert.deepEqual(policyDelays, [1, 2]);
  });

  test('after the limit, the last answer is returned as it is', async () => {
    standIn.faults.push({ method: 'GET', status: 429 });
    const response = await retryingFetch(me(), get(), options({ limit: 2 }));
    assert.equal(response.status, 429);
    assert.equal(standIn.requests.length, 3);
  });

  test('a write is never sent twice', async () => {
    standIn.faults.push({ method: 'PUT', status: 503 });
    const init: RequestInit = { method: 'PUT', headers: { 'X-API-KEY': SAMPLE_API_KEY, 'Content-Type': 'application/json' }, body: '{}' };
    const response = await retryingFetch(me(), init, options());
    assert.equal(response.status, 503);
    assert.equal(standIn.requests.length, 1);
  });

  test('a 500 or a 404 is an answer, not retried', async () => {
    standIn.faults.push({ method: 'GET', status: 500, times: 1 });
    assert.equal((await retryingFetch(me(), get(), options())).status, 500);
    assert.equal((await retryingFetch(new URL(`${standIn.apiUrl}/reuses/nope/`), get(), options())).status, 404);
    assert.equal(standIn.requests.length, 2);
  });

  test('Retry-After in seconds is waited for, instead of the policy delay', async () => {
    standIn.faults.push({ method: 'GET', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    const started = Date.now();
    const response = await retryingFetch(me(), get(), options());
    assert.equal(response.status, 200);
    // setTimeout may fire a millisecond or two early.
    assert.ok(Date.now() - started >= 990, `waited ${Date.now() - started} ms`);
    assert.deepEqual(policyDelays, []);
  });

  test('a Retry-After longer than the longest wait accepted waits that long only', async () => {
    standIn.faults.push({ method: 'GET', status: 503, headers: { 'Retry-After': '3600' }, times: 1 });
    const started = Date.now();
    const response = await retryingFetch(me(), get(), options({ maxRetryAfterMs: 100 }));
    assert.equal(response.status, 200);
    const waited = Date.now() - started;
    assert.ok(waited >= 95 && waited < 3_000, `waited ${waited} ms`);
  });

  test('Retry-After as an HTTP date in the past retries at once; on a 502 it is not read', async () => {
    standIn.faults.push({ method: 'GET', status: 503, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }, times: 1 });
    assert.equal((await retryingFetch(me(), get(), options())).status, 200);
    assert.deepEqual(policyDelays, []);
    standIn.faults.push({ method: 'GET', status: 502, headers: { 'Retry-After': '3600' }, times: 1 });
    assert.equal((await retryingFetch(me(), get(), options())).status, 200);
    assert.deepEqual(policyDelays, [1]);
  });

  test('no answer at all (a reset connection) is retried for a GET', async () => {
    standIn.faults.push({ method: 'GET', reset: true, times: 1 });
    assert.equal((await retryingFetch(me(), get(), options())).status, 200);
    standIn.faults.push({ method: 'GET', reset: true });
    await assert.rejects(retryingFetch(me(), get(), options({ limit: 1 })), TypeError);
  });

  test('a slow answer is a RequestTimeoutError, and is not retried', async () => {
    standIn.faults.push({ method: 'GET', delayMs: 1_000 });
    await assert.rejects(retryingFetch(me(), get(), options({}, 100)), RequestTimeoutError);
    assert.equal(standIn.requests.length, 1);
  });

  test('the time limit stops at the headers: a body read later is not cut', async () => {
    const response = await retryingFetch(me(), get(), options({}, 300));
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(JSON.parse(await response.text()).first_name, 'Camille');
  });

  test('cancelling during the wait before a retry ends at once with an AbortError, with no new request', async () => {
    standIn.faults.push({ method: 'GET', status: 503, headers: { 'Retry-After': '5' } });
    const controller = new AbortController();
    const pending = retryingFetch(me(), get(controller.signal), options());
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
    assert.ok(Date.now() - started < 2_000);
    assert.equal(standIn.requests.length, 1);
  });

  test('a signal already aborted sends nothing', async () => {
    await assert.rejects(retryingFetch(me(), get(AbortSignal.abort()), options()), (error: Error) => error.name === 'AbortError');
    assert.equal(standIn.requests.length, 0);
  });

  test('the default backoff doubles from 0.3 s and stops at 5 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(exponentialBackoff), [300, 600, 1_200, 2_400, 4_800, 5_000]);
  });
});
