// Add Dataset to Reuse… from a reuse's context menu in the tree: a quick pick of the
// organizations' datasets, filtered by typing part of a title. One POST
// /reuses/{id}/datasets/ with the dataset's id; the open document of the reuse lists
// the id (hovering it shows the title, as hovering the id of an API it uses does), and
// the reuse's children in the tree show it.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_REUSES, signedInScenario, standIn, step } from '../harness';

const { id: REUSE_ID, title: REUSE_TITLE } = SAMPLE_REUSES.editable;
/** Already used by the reuse. */
const IRVE = { id: '0000da7a0000000000000002', title: 'Bornes de recharge pour véhicules électriques' };
/** The one added. */
const VELO = { id: '0000da7a0000000000000004', title: 'Aménagements cyclables' };
/** The API (udata dataservice) the reuse uses. */
const AIR_API = { id: '0000d5e70000000000000002', title: 'API Qualité de l’air' };

describe('Add a dataset to a reuse from the tree', () => {
  const session = signedInScenario({ sidebar: true });

  step('the reuse is open; its context menu offers a pick of datasets filtered by typing', async () => {
    const { wb } = session;
    const row = await wb.revealTreeRow('Reuses', REUSE_TITLE);
    await row.click();
    const text = await wb.waitForEditorText(`"title": "${REUSE_TITLE}"`);
    assert.ok(text.includes(IRVE.id) && !text.includes(VELO.id), 'the document lists only the first dataset');
    // The API it uses reads as its title on hover, like a dataset.
    await wb.editor.locator('.view-line span', { hasText: AIR_API.id }).last().hover();
    await wb.page.locator('.monaco-hover', { hasText: AIR_API.title }).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');

    await wb.contextMenu(await wb.revealTreeRow('Reuses', REUSE_TITLE), /^Add Dataset to Reuse…$/);
    await wb.quickInputBox.waitFor({ state: 'visible' });
    assert.match(await wb.quickInput.innerText(), new RegExp(`Dataset to add to “${REUSE_TITLE}”`));
    await wb.quickInputBox.fill('cyclables');
    await wb.quickPickRows(VELO.title).first().waitFor({ state: 'visible' });
    // Typing filters the list down to that dataset (besides the row that offers to use
    // the typed text as a pasted slug), and it is the one Enter picks.
    const datasetRows = (await wb.quickPickRows().allInnerTexts()).filter((row) => /[0-9a-f]{24}/.test(row));
    assert.equal(datasetRows.length, 1, `one dataset listed: ${datasetRows.join(' | ')}`);
    assert.match(await wb.page.locator('.quick-input-widget .monaco-list-row.focused').innerText(), new RegExp(`^${VELO.title}`));
    assert.deepEqual(
      (await standIn.requests()).filter((request) => request.method === 'POST'),
      [],
      'nothing added yet',
    );
  });

  step('Enter sends one POST with the dataset id; the document and the tree show it', async () => {
    const { wb } = session;
    await wb.page.keyboard.press('Enter');
    await wb.quickInput.waitFor({ state: 'hidden' });
    await wb.notification(`“${REUSE_TITLE}” now uses “${VELO.title}”.`);
    const posts = await standIn.waitForRequests((request) => request.method === 'POST');
    assert.deepEqual(
      posts.map(({ path, body, status }) => ({ path, body, status })),
      [{ path: `/reuses/${REUSE_ID}/datasets/`, body: { id: VELO.id }, status: 201 }],
    );

    // The open document reloads: both ids, and it stays clean.
    const text = await wb.waitForEditorText(VELO.id);
    assert.ok(text.includes(IRVE.id), 'the first dataset is still listed');
    assert.equal(await wb.activeTabIsDirty(), false, 'the document is not dirty');
    // Hovering the new id shows the dataset's title.
    await wb.editor.locator('.view-line span', { hasText: VELO.id }).last().hover();
    await wb.page.locator('.monaco-hover', { hasText: VELO.title }).first().waitFor({ state: 'visible' });

    // The tree: the reuse's children are both datasets.
    const reuse = await wb.revealTreeRow('Reuses', REUSE_TITLE);
    if ((await reuse.getAttribute('aria-expanded')) !== 'true') await reuse.locator('.monaco-tl-twistie').click();
    await wb.revealTreeRow('Reuses', VELO.title);
    await wb.revealTreeRow('Reuses', IRVE.title);
    assert.equal((await standIn.requests()).filter((request) => request.method !== 'GET').length, 1, 'one write in all');
  });
});
