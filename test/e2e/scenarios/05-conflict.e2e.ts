// The reuse changed on data.gouv.fr after it was opened: saving shows VS Code's conflict
// choice (Compare / Overwrite) and sends nothing until the user picks Overwrite.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { SAMPLE_REUSES, openReuse, signIn, standIn, step, useWorkbench } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;

describe('A reuse changed on the server since it was opened', () => {
  const session = useWorkbench();

  step('saving offers Compare and Overwrite, and sends nothing', async () => {
    const { wb } = session;
    await signIn(wb, SAMPLE_API_KEY);
    await wb.clearNotifications();
    await openReuse(wb, { title });
    await standIn.touch(id, { description: 'Changée par une collègue pendant que vous écriviez.' });

    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' (mine)');
    await wb.waitForTabState('dirty');
    await wb.save();
    const toast = await wb.notification(/newer/);
    await toast.getByRole('button', { name: 'Overwrite' }).waitFor({ state: 'visible' });
    await toast.getByRole('button', { name: 'Compare' }).waitFor({ state: 'visible' });
    assert.equal(await wb.activeTabIsDirty(), true);
    assert.deepEqual((await standIn.requests()).filter((request) => request.method === 'PUT'), [], 'no PUT before the choice');
  });

  step('Overwrite sends the change', async () => {
    const { wb } = session;
    const toast = await wb.notification(/newer/);
    await toast.getByRole('button', { name: 'Overwrite' }).click();
    await wb.waitForTabState('clean');
    const puts = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.equal(puts.length, 1);
    assert.deepEqual(puts[0].body, { title: `${title} (mine)` });
    assert.equal(puts[0].status, 200);
  });
});
