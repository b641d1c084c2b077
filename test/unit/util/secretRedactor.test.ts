import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretRedactor } from '../../../src/util/secretRedactor';

test('masks every registered key, and nothing else', () => {
  const redactor = new SecretRedactor();
  redactor.add('udata_secret_key_123');
  redactor.add('short');
  assert.equal(redactor.redact('GET /me/ key=udata_secret_key_123 and udata_secret_key_123'), 'GET /me/ key=•••••• and ••••••');
  assert.equal(redactor.redact('a short word'), 'a short word');
});
