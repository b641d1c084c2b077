// Manage API Tokens against the stand-in (udata 17.6's /me/api_tokens/), through the
// command table as VS Code runs it: create a named token and sign in with it (its
// plaintext never shown), list tokens marking the one in use, revoke one.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';
import { signedInWindow, type MemorySecrets, type Window } from '../vscodeFake/extensionParts';
import { fake } from '../vscodeFake/vscode';

let standIn: StandIn;
let secrets: MemorySecrets;
let window: Window;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  ({ secrets, window } = await signedInWindow(standIn.apiUrl, SAMPLE_API_KEY));
});
afterEach(() => window.dispose());

const run = () => fake.registered.get('datagouv.manageApiTokens')?.();

test('the client lists, creates (plaintext once) and revokes tokens; a revoked token fails every request', async () => {
  const client = window.session.client;
  const [first] = await client.listApiTokens();
  assert.ok(SAMPLE_API_KEY.startsWith(first.token_prefix ?? '?'));
  assert.equal((first as { token?: string }).token, undefined, 'a listed token never carries its plaintext');
  const created = await client.createApiToken('Script de test');
  assert.match(created.token ?? '', /^udata_/);
  assert.equal((await client.listApiTokens()).length, 2);
  await client.revokeApiToken(created.id);
  await assert.rejects(client.revokeApiToken(created.id), /410/);
  const revoked = await fetch(`${standIn.apiUrl}/me/`, { headers: { 'X-API-KEY': created.token ?? '' } });
  assert.equal(revoked.status, 401);
  assert.equal(((await revoked.json()) as { message: string }).message, 'Revoked API token');
});

test('Create a Token and Sign In With It: the new token is stored, never shown, and marked in use', async () => {
  fake.answers.push('Create a Token', 'VS Code sur mon portable');
  await run();
  const stored = secrets.all();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0], SAMPLE_API_KEY, 'the editor now uses the new token');
  assert.ok(!fake.messages.some((message) => message.text.includes(stored[0])), 'the plaintext is never shown');
  assert.ok(!fake.log.some((line) => line.includes(stored[0])), 'nor logged');
  assert.match(fake.messages.at(-1)?.text ?? '', /Signed in with the new token “VS Code sur mon portable”/);
  fake.answers.push(undefined);
  await run();
  const labels = fake.picks.at(-1)?.labels ?? [];
  assert.ok(
    labels.some((label) => label.includes('VS Code sur mon portable')),
    labels.join(' | '),
  );
});

test('revoking the token in use asks first, then signs out', async () => {
  fake.answers.push('Clé principale', 'Revoke');
  await run();
  assert.match(fake.messages.find((message) => message.modal)?.text ?? '', /Revoke the token “Clé principale”/);
  assert.equal(window.session.isSignedIn, false);
  assert.deepEqual(secrets.all(), []);
  assert.match(fake.messages.at(-1)?.text ?? '', /revoked, and you are signed out/);
});
