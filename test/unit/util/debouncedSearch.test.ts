// The search behind Open Reuse… and Add to Reuse…, on node's fake timers: a fast typist
// sends one request, not ten; the request of a superseded question is aborted, and its
// answer never replaces a newer one.
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { debouncedSearch } from '../../../src/util/debouncedSearch';

interface Call {
  query: string;
  signal: AbortSignal;
  resolve(answer: string[]): void;
  reject(error: unknown): void;
}

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

/** A search whose requests stay pending until the test settles them. */
function harness(delayMs?: number) {
  const calls: Call[] = [];
  const answers: Array<[string[], string]> = [];
  const errors: unknown[] = [];
  const busy: boolean[] = [];
  const search = debouncedSearch<string[]>({
    run: (query, signal) => new Promise((resolve, reject) => calls.push({ query, signal, resolve, reject })),
    onAnswer: (answer, query) => answers.push([answer, query]),
    onError: (error) => errors.push(error),
    onBusy: (value) => busy.push(value),
    delayMs,
  });
  return { search, calls, answers, errors, busy };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('ten keystrokes 50 ms apart: one request, for the whole text, 300 ms after the last', async () => {
  const { search, calls, answers, busy } = harness();
  const text = 'tableau de';
  for (let i = 1; i <= text.length; i++) {
    search.search(text.slice(0, i));
    mock.timers.tick(50);
  }
  assert.equal(calls.length, 0, 'nothing while typing');
  mock.timers.tick(249);
  assert.equal(calls.length, 0);
  mock.timers.tick(1);
  assert.deepEqual(
    calls.map((call) => call.query),
    ['tableau de'],
  );
  assert.equal(busy.at(-1), true, 'busy while it runs');
  calls[0].resolve(['Capteurs citoyens : tableau de bord']);
  await settle();
  assert.deepEqual(answers, [[['Capteurs citoyens : tableau de bord'], 'tableau de']]);
  assert.equal(busy.at(-1), false);
});

test('a newer question aborts the request under way; the late answer is never shown', async () => {
  const { search, calls, answers } = harness();
  search.search('bus');
  mock.timers.tick(300);
  search.search('bus de nuit');
  assert.equal(calls[0].signal.aborted, true, 'the first request is aborted');
  mock.timers.tick(300);
  assert.equal(calls.length, 2);
  // The servers answer out of order: the newer first, then the stale one.
  calls[1].resolve(['Noctambus']);
  await settle();
  calls[0].resolve(['Prochain bus', 'BusMap Loire']);
  await settle();
  assert.deepEqual(answers, [[['Noctambus'], 'bus de nuit']]);
});

test('a stale answer that arrives before the newer one is dropped too', async () => {
  const { search, calls, answers } = harness();
  search.search('bus');
  mock.timers.tick(300);
  search.search('bus de nuit');
  mock.timers.tick(300);
  calls[0].resolve(['Prochain bus']);
  await settle();
  assert.deepEqual(answers, []);
  calls[1].resolve(['Noctambus']);
  await settle();
  assert.deepEqual(answers, [[['Noctambus'], 'bus de nuit']]);
});

test('search(undefined) cancels the pending question and the request under way; nothing is reported', async () => {
  const { search, calls, answers, errors, busy } = harness(100);
  search.search('tab');
  search.search(undefined);
  mock.timers.tick(1_000);
  assert.equal(calls.length, 0);
  search.search('tableau');
  mock.timers.tick(100);
  search.search(undefined);
  assert.equal(calls[0].signal.aborted, true);
  calls[0].reject(new DOMException('aborted', 'AbortError'));
  await settle();
  assert.deepEqual([answers, errors], [[], []]);
  assert.equal(busy.at(-1), false);
});

test('the failure of the latest question is reported, once', async () => {
  const { search, calls, errors, answers } = harness();
  search.search('tableau');
  mock.timers.tick(300);
  const failure = new Error('503');
  calls[0].reject(failure);
  await settle();
  assert.deepEqual(errors, [failure]);
  assert.deepEqual(answers, []);
});

test('dispose: no request after it', () => {
  const { search, calls } = harness();
  search.search('tableau');
  search.dispose();
  mock.timers.tick(1_000);
  assert.equal(calls.length, 0);
});
