// Saves that must fail: broken JSON, a value the API refuses (an unknown type), and the
// server answering 500. Each time the error is visible, the tab stays dirty (nothing
// typed is lost), and nothing wrong reaches the stand-in.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_REUSES, openReuse, signedInScenario, standIn, step } from '../harness';

const { title } = SAMPLE_REUSES.editable;
const puts = async () => (await standIn.requests()).filter((request) => request.method === 'PUT');

describe('Saves that fail keep the changes', () => {
  const session = signedInScenario();

  step('broken JSON: an error, the tab stays dirty, nothing is sent', async () => {
    const { wb } = session;
    await openReuse(wb, { title });
    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('Backspace'); // the comma after the title
    await wb.waitForTabState('dirty');
    await wb.save();
    const toast = await wb.notification(/Failed to save|Not saved/);
    assert.match(await toast.innerText(), /JSON|comma|expected/i);
    assert.equal(await wb.activeTabIsDirty(), true, 'the tab stays dirty');
    assert.deepEqual(await puts(), [], 'no PUT');
    await wb.page.keyboard.type(','); // as loaded again
    await wb.clearNotifications();
  });

  step('a refused type: an error naming the field, the tab stays dirty, nothing is sent', async () => {
    const { wb } = session;
    await wb.goToEndOfLineWith('"type": "application"');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type('-mobile');
    await wb.waitForTabState('dirty');
    await wb.save();
    const toast = await wb.notification(/Failed to save|Not saved/);
    assert.match(await toast.innerText(), /type/);
    assert.equal(await wb.activeTabIsDirty(), true, 'the tab stays dirty');
    assert.deepEqual(await puts(), [], 'no PUT');
    for (let i = 0; i < '-mobile'.length; i++) await wb.page.keyboard.press('Backspace');
    await wb.clearNotifications();
  });

  step('the server answers 500: an error, the tab stays dirty; saving again once it is back works', async () => {
    const { wb } = session;
    await standIn.fault({ method: 'PUT', path: '/reuses/', status: 500, times: 1 });
    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' !');
    await wb.waitForTabState('dirty');
    await wb.save();
    await wb.notification(/Failed to save|Not saved/);
    assert.equal(await wb.activeTabIsDirty(), true, 'the tab stays dirty');
    const refused = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.deepEqual(
      refused.map((request) => request.status),
      [500],
    );
    await wb.waitForEditorText(`"title": "${title} !"`);
    await wb.clearNotifications();

    // The server is back (the fault applied once): the same Ctrl+S now saves, and what
    // is sent is the one intended change.
    await wb.editor.locator('.view-lines').click();
    await wb.save();
    await wb.waitForTabState('clean');
    const sent = await standIn.waitForRequests((request) => request.method === 'PUT', 2);
    assert.deepEqual(sent[1].body, { title: `${title} !` });
    assert.equal(sent[1].status, 200);
  });
});
