// The profile document: projection, checks, and saving it against the stand-in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../../src/api/client';
import type { Translator } from '../../../../src/util/translator';
import { DocumentSaveError, saveDocument } from '../../../../src/documents/fs/documentSave';
import { checkProfileText, projectProfile, renderProfileDocument, type ProfileDocument } from '../../../../src/documents/profile/profileDocument';
import { PROFILE_MASK, profileKind } from '../../../../src/documents/profile/profileKind';
import { SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());

test('the profile document holds the four editable fields, in order', () => {
  const text = renderProfileDocument(projectProfile({ id: 'x', first_name: 'Camille', last_name: 'Martin', roles: ['admin'] }));
  assert.equal(text, '{\n  "first_name": "Camille",\n  "last_name": "Martin",\n  "about": "",\n  "website": ""\n}\n');
});

test('bad profile texts are refused by name', () => {
  const base = projectProfile({ id: 'x', first_name: 'Camille', last_name: 'Martin' });
  const check = (text: string) => {
    const result = checkProfileText(text, base, english);
    assert.ok(!result.ok);
    return result.problems.map((p) => p.message).join(' | ');
  };
  assert.match(check('{"first_name": "", "last_name": "Martin"}'), /"first_name" must not be blank/);
  assert.match(check('{"first_name": "C", "last_name": "M", "website": "ftp://x"}'), /"website" must be empty or a web address/);
  assert.match(check('{"first_name": "C", "last_name": "M", "email": "x@y.fr"}'), /"email" cannot be changed here/);
});

test('saving the profile sends only the changed field and shows what was stored', async () => {
  const client = new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => SAMPLE_API_KEY });
  const base = projectProfile(await client.getMe({ fields: PROFILE_MASK }));
  const edited = renderProfileDocument({ ...base, about: 'Données et cartes.' });
  standIn.requests.length = 0;
  const save = (from: ProfileDocument, text: string) => saveDocument({ kind: profileKind, client, key: 'me', base: from, text, l10n: english });
  const result = await save(base, edited);
  assert.ok(result.status === 'saved');
  assert.deepEqual(
    standIn.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['GET', '/me/', undefined],
      ['PUT', '/me/', { about: 'Données et cartes.' }],
    ],
  );
  assert.equal(result.document.about, 'Données et cartes.');
  standIn.faults.push({ method: 'PUT', status: 400, body: JSON.stringify({ errors: { website: ['Invalid URL'] }, message: 'Validation error' }), times: 1 });
  await assert.rejects(
    save(result.document, renderProfileDocument({ ...result.document, website: 'https://ok.example' })),
    (error: unknown) => error instanceof DocumentSaveError && error.problems[0].path[0] === 'website',
  );
});

test('udata refuses URLs in names and non-public websites: refused before sending, by name', () => {
  const base = projectProfile({ id: 'x', first_name: 'Camille', last_name: 'Martin' });
  const problems = (change: Partial<ProfileDocument>) => {
    const result = checkProfileText(renderProfileDocument({ ...base, ...change }), base, english);
    return result.ok ? [] : result.problems.map((p) => p.message);
  };
  assert.match(problems({ first_name: 'Camille https://spam.example' })[0], /"first_name" must not contain a web address/);
  assert.match(problems({ last_name: 'Martin www.promo.fr' })[0], /"last_name" must not contain a web address/);
  assert.match(problems({ website: 'http://localhost:8080/' })[0], /public web address/);
  assert.match(problems({ website: 'https://192.168.1.10/' })[0], /public web address/);
  assert.deepEqual(problems({ first_name: 'Jean-Marie', last_name: "D'Artagnan", website: 'https://camille.example.org/' }), []);
});
