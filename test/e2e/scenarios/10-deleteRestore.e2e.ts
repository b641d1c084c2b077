// Delete Reuse from the tree's context menu: a modal confirmation naming the reuse, then
// DELETE; the reuse stays in the tree, marked deleted. Restore Reuse from the same menu:
// PUT {"deleted": null}; the marker goes.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { signedInScenario, standIn, step } from '../harness';

const ID = '00007e050000000000000003';
const TITLE = 'Qualité de l’air autour des écoles';
const writes = async () => (await standIn.requests()).filter((request) => request.method !== 'GET');

describe('Delete a reuse from the tree, then restore it', () => {
  const session = signedInScenario({ sidebar: true });

  step('Delete Reuse asks first, in a modal dialog that names the reuse', async () => {
    const { wb } = session;
    const row = await wb.revealTreeRow('Reuses', TITLE);
    assert.match(await row.innerText(), /Visualization$/, 'not marked deleted yet');

    await wb.contextMenu(row, /^Delete Reuse$/);
    const dialog = wb.dialog;
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), new RegExp(`Delete the reuse “${TITLE}”\\?`));
    assert.match(await dialog.innerText(), /restore it later/);
    assert.deepEqual(await writes(), [], 'nothing is deleted before the answer');
  });

  step('Delete sends DELETE; the tree marks the reuse deleted', async () => {
    const { wb } = session;
    await wb.dialog.getByRole('button', { name: 'Delete' }).click();
    await wb.dialog.waitFor({ state: 'hidden' });
    await wb.notification(`“${TITLE}” is deleted.`);
    const [deleted] = await standIn.waitForRequests((request) => request.method === 'DELETE');
    assert.deepEqual({ path: deleted.path, status: deleted.status }, { path: `/reuses/${ID}/`, status: 204 });

    await wb.treeRows('Reuses', new RegExp(`^${TITLE}\\s*Visualization · deleted$`)).waitFor({ state: 'visible' });
    assert.deepEqual(
      (await writes()).map(({ method }) => method),
      ['DELETE'],
      'one write',
    );
  });

  step('Restore Reuse from the context menu sends PUT {"deleted": null}; the marker goes', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    const row = await wb.revealTreeRow('Reuses', TITLE);
    await wb.contextMenu(row, /^Restore Reuse$/);
    await wb.notification(`“${TITLE}” is restored.`);
    const [put] = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.deepEqual({ path: put.path, body: put.body, status: put.status }, { path: `/reuses/${ID}/`, body: { deleted: null }, status: 200 });

    await wb.treeRows('Reuses', new RegExp(`^${TITLE}\\s*Visualization$`)).waitFor({ state: 'visible' });
    assert.equal(await wb.treeRows('Reuses', new RegExp(`^${TITLE}.*deleted`)).count(), 0, 'no deleted marker');
    assert.deepEqual(
      (await writes()).map(({ method, path }) => `${method} ${path}`),
      [`DELETE /reuses/${ID}/`, `PUT /reuses/${ID}/`],
      'DELETE, then PUT',
    );
  });
});
