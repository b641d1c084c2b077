// Signed out, the sidebar offers to set a key. "data.gouv.fr: Set API Key" from the
// command palette: a wrong key is refused with the server's reason and is not stored;
// the right key signs in and the views fill.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { apiKeyBox, standIn, step, useWorkbench } from '../harness';

const WRONG_KEY = 'udata_not_a_real_key_0000000000000000';

describe('Set API Key from the command palette', () => {
  const session = useWorkbench();

  step('signed out, both views offer to set a key', async () => {
    const { wb } = session;
    await wb.showSidebar();
    for (const view of ['Reuses', 'Organization Datasets'] as const) {
      await wb.welcome(view).getByRole('button', { name: 'Set API Key' }).waitFor({ state: 'visible' });
      assert.equal(await wb.treeRows(view).count(), 0, `${view}: no tree`);
    }
    assert.deepEqual(await standIn.requests(), [], 'signed out, nothing is asked of the server');
  });

  step("a wrong key keeps the box open with the server's reason", async () => {
    const { wb } = session;
    await wb.runCommand('data.gouv.fr: Set API Key');
    const box = apiKeyBox(wb);
    await box.waitFor({ state: 'visible' });
    await box.fill(WRONG_KEY);
    await box.press('Enter');
    const message = wb.quickInputMessage.filter({ hasText: 'Invalid API token' });
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /refused this key: Invalid API token/);
    assert.equal(await box.isVisible(), true, 'the box stays open');

    const seen = await standIn.waitForRequests((request) => request.path === '/me/');
    assert.deepEqual(
      seen.map(({ method, path, apiKey, status }) => ({ method, path, apiKey, status })),
      [{ method: 'GET', path: '/me/', apiKey: 'invalid', status: 401 }],
    );
  });

  step('closing the box after a refused key stores nothing', async () => {
    const { wb } = session;
    await wb.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden' });
    assert.deepEqual(await wb.notificationTexts(), [], 'no notification');
    // "Sign Out" is only offered when a key is stored; the views still offer to set one.
    assert.equal(await wb.commandIsListed('data.gouv.fr: Sign Out'), false, 'Sign Out is not offered');
    await wb.welcome('Reuses').getByRole('button', { name: 'Set API Key' }).waitFor({ state: 'visible' });
    assert.equal((await standIn.requests()).length, 1, 'no other request reached the stand-in');
  });

  step('the right key signs in as Camille Martin and the views fill', async () => {
    const { wb } = session;
    await wb.runCommand('data.gouv.fr: Set API Key');
    const box = apiKeyBox(wb);
    await box.waitFor({ state: 'visible' });
    await box.fill(SAMPLE_API_KEY);
    await box.press('Enter');
    await wb.notification('Signed in as Camille Martin');
    await wb.quickInput.waitFor({ state: 'hidden' });

    const me = await standIn.waitForRequests((request) => request.path === '/me/' && request.apiKey === 'valid');
    assert.equal(me[0].status, 200);
    await wb.treeRows('Reuses', 'Carte des bornes de recharge de Saint-Rémy').waitFor({ state: 'visible' });
    assert.equal(await wb.welcome('Reuses').count(), 0, 'no welcome view once signed in');
    assert.equal(await wb.commandIsListed('data.gouv.fr: Sign Out'), true, 'Sign Out is offered once signed in');
  });
});
