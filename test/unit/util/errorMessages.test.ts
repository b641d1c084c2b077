// Each kind of failure gets its own plain sentence, in English and in French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeApiError } from '../../../src/util/errorMessages';
import type { Translator } from '../../../src/util/translator';
import { ApiError, type ApiErrorKind, kindForStatus, parseErrorBody } from '../../../src/api/errors';

const format = (message: string, args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
const english: Translator = { t: (message, ...args) => format(message, args) };
const frBundle = JSON.parse(readFileSync(new URL('../../../l10n/bundle.l10n.fr.json', import.meta.url), 'utf8')) as Record<string, string>;
const french: Translator = { t: (message, ...args) => format(frBundle[message] ?? `MISSING ${message}`, args) };

const kinds: ApiErrorKind[] = [
  'offline',
  'timeout',
  'cancelled',
  'unauthorized',
  'forbidden',
  'notFound',
  'methodNotAllowed',
  'gone',
  'validation',
  'rateLimited',
  'server',
  'redirect',
  'invalidResponse',
  'http',
];

test('every kind has a distinct sentence in both languages', () => {
  const seen = new Set<string>();
  for (const kind of kinds) {
    const error = new ApiError(kind, { status: 418 });
    const en = describeApiError(error, english);
    const fr = describeApiError(error, french);
    assert.ok(en.length > 15 && !seen.has(en), `${kind}: ${en}`);
    assert.ok(!fr.startsWith('MISSING'), `${kind} has no French sentence`);
    assert.notEqual(en, fr);
    seen.add(en);
  }
});

test('a kind outside ApiErrorKind (an untyped value at run time) reads as a plain HTTP error, never throws', () => {
  for (const kind of ['somethingNew', 'constructor', 'toString']) {
    const error = new ApiError(kind as ApiErrorKind, { status: 418 });
    assert.equal(describeApiError(error, english), 'data.gouv.fr answered with error 418.');
  }
});

test('401 repeats the server reason; 400 names the fields', () => {
  assert.match(describeApiError(new ApiError('unauthorized', { status: 401, serverMessage: 'Expired API token' }), english), /Expired API token/);
  const validation = new ApiError('validation', {
    status: 400,
    ...parseErrorBody('{"errors":{"datasets":"Unknown reference \'abc\'"},"message":"Validation error"}'),
  });
  assert.equal(describeApiError(validation, english), "data.gouv.fr refused the change: datasets: Unknown reference 'abc'");
  assert.match(describeApiError(new ApiError('server', { status: 502 }), french), /erreur 502/);
});

test('error bodies of every shape parse without throwing', () => {
  assert.deepEqual(parseErrorBody('<html>502</html>'), {});
  assert.deepEqual(parseErrorBody('{"message": "x", "errors": {"title": ["a", "b"], "url": "c"}}'), {
    serverMessage: 'x',
    fieldErrors: { title: ['a', 'b'], url: ['c'] },
  });
  assert.deepEqual(parseErrorBody('[1,2]'), {});
  assert.deepEqual(parseErrorBody('{"errors": []}'), {});
});

test('423 (udata read-only mode) says so in plain words', () => {
  assert.equal(kindForStatus(423), 'locked');
  assert.match(describeApiError(new ApiError('locked', { status: 423 }), english), /read-only mode for maintenance/);
});
