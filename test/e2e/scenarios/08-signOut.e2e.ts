// "data.gouv.fr: Sign Out" from the command palette forgets the key: the welcome views
// come back, and the old key is not used any more.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { signIn, standIn, step, useWorkbench } from '../harness';

describe('Sign Out from the command palette', () => {
  const session = useWorkbench();

  step('Sign Out brings the welcome views back', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', 'Carte des bornes de recharge de Saint-Rémy').waitFor({ state: 'visible' });
    await wb.clearNotifications();
    const before = (await standIn.requests()).length;

    await wb.runCommand('data.gouv.fr: Sign Out');
    await wb.notification('Signed out of data.gouv.fr');
    for (const view of ['Reuses', 'Organization Datasets'] as const) {
      await wb.welcome(view).getByRole('button', { name: 'Set API Key' }).waitFor({ state: 'visible' });
      assert.equal(await wb.treeRows(view).count(), 0, `${view}: the tree is gone`);
    }
    assert.equal(await wb.commandIsListed('data.gouv.fr: Sign Out'), false, 'Sign Out is no longer offered');
    const after = (await standIn.requests()).slice(before);
    assert.deepEqual(
      after.filter((request) => request.apiKey === 'valid'),
      [],
      'the old key is not used any more',
    );
  });
});
