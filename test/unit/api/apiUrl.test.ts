import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiUrlError, parseApiUrl, profilePageUrl } from '../../../src/api/apiUrl';

test('https URLs are accepted and end with a slash', () => {
  assert.equal(parseApiUrl('https://demo.data.gouv.fr/api/1').href, 'https://demo.data.gouv.fr/api/1/');
  assert.equal(parseApiUrl(undefined).href, 'https://www.data.gouv.fr/api/1/');
  assert.equal(parseApiUrl('  ').href, 'https://www.data.gouv.fr/api/1/');
  assert.equal(parseApiUrl('https://www.data.gouv.fr/api/1/?x=1#y').href, 'https://www.data.gouv.fr/api/1/');
});

test('http only for loopback hosts', () => {
  for (const ok of ['http://127.0.0.1:8080/api/1', 'http://localhost/api/1', 'http://[::1]:3000/api/1', 'http://127.1.2.3/api/1']) {
    assert.doesNotThrow(() => parseApiUrl(ok), ok);
  }
  for (const [bad, reason] of [
    ['http://www.data.gouv.fr/api/1', 'http-not-loopback'],
    ['http://192.168.1.10/api/1', 'http-not-loopback'],
    ['http://localhost.evil.com/api/1', 'http-not-loopback'],
    ['ftp://www.data.gouv.fr/api/1', 'bad-scheme'],
    ['javascript:alert(1)', 'bad-scheme'],
    ['www.data.gouv.fr/api/1', 'not-a-url'],
    ['https://user:pw@www.data.gouv.fr/api/1', 'credentials'],
  ]) {
    assert.throws(
      () => parseApiUrl(bad),
      (error: unknown) => error instanceof ApiUrlError && error.message === reason,
      bad,
    );
  }
});

test('the profile page is on the same host', () => {
  assert.equal(profilePageUrl(parseApiUrl('https://demo.data.gouv.fr/api/1')), 'https://demo.data.gouv.fr/admin/me/profile');
});
