// Organization Invitations against the stand-in (udata's /me/org_invitations/),
// through the command table: a pending invitation is listed, accepting it makes the
// user a member (the account is read again, the views reload), and it is gone.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandContext } from '../../../src/commands';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';
import { signedInWindow, type Window } from '../vscodeFake/extensionParts';
import { fake } from '../vscodeFake/vscode';

let standIn: StandIn;
let window: Window;
let refreshed = 0;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  refreshed = 0;
  ({ window } = await signedInWindow(standIn.apiUrl, SAMPLE_API_KEY, { sidebar: { refresh: () => refreshed++ } as unknown as CommandContext['sidebar'] }));
});
afterEach(() => window.dispose());

const run = () => fake.registered.get('datagouv.orgInvitations')?.();

test('accepting an invitation makes the user a member; it is no longer pending', async () => {
  const observatoire = standIn.data.organizations.find((org) => org.slug === 'observatoire-citoyen-de-l-air');
  assert.ok(observatoire);
  const camille = standIn.data.users[0].id;
  assert.equal(camille in observatoire.members, false);
  fake.answers.push('Observatoire', 'Accept');
  await run();
  assert.match(fake.messages.find((message) => message.modal)?.text ?? '', /Join “Observatoire citoyen de l’air” as editor\?/);
  assert.equal(observatoire.members[camille], 'editor');
  assert.equal(refreshed, 1, 'the views reload');
  assert.ok(
    (await window.session.me()).organizations?.some((org) => org.id === observatoire.id),
    'the account was read again',
  );
  await run();
  assert.match(fake.messages.at(-1)?.text ?? '', /no pending invitation/);
});

test('refusing one: no membership, and the stand-in answers 400 to a second answer', async () => {
  const [invitation] = standIn.data.invitations;
  fake.answers.push('Observatoire', 'Refuse');
  await run();
  assert.equal(invitation.status, 'refused');
  await assert.rejects(window.session.client.answerOrgInvitation(invitation.id, 'accept'), /400/);
});
