// Editing a reuse: open it from the tree, change its title with the keyboard, Ctrl+S.
// The stand-in gets one PUT with the new title; the tab is clean; the editor shows what
// was stored; the tree shows the new title.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_REUSES, signedInScenario, standIn, step } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;
const NEW_TITLE = `${title} (2026)`;

describe('Edit a reuse and save it', () => {
  const session = signedInScenario({ sidebar: true });

  step('a click on a reuse in the tree shows it as JSON', async () => {
    const { wb } = session;
    await wb.treeRows('Reuses', title).first().click();
    const text = await wb.waitForEditorText(`"title": "${title}"`);
    assert.match(text, /"type": "application"/);
    assert.doesNotMatch(text, /"slug"|"metrics"|"owner"/, 'read-only fields are not in the document');
    assert.equal((await wb.activeTab.innerText()).replace(/\s+/g, ''), 'carte-des-bornes-de-recharge-de-saint-remy.json');
    await standIn.waitForRequests((request) => request.method === 'GET' && request.path === `/reuses/${id}/`);
  });

  step('a new title typed with the keyboard and Ctrl+S sends one PUT with it', async () => {
    const { wb } = session;
    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft'); // before the comma
    await wb.page.keyboard.press('ArrowLeft'); // before the closing quote
    await wb.page.keyboard.type(' (2026)');
    await wb.waitForTabState('dirty');
    await wb.save();
    await wb.waitForTabState('clean');

    const puts = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.equal(puts.length, 1, 'one PUT');
    assert.equal(puts[0].path, `/reuses/${id}/`);
    assert.equal(puts[0].status, 200);
    assert.deepEqual(puts[0].body, { title: NEW_TITLE }, 'only the changed field is sent');
    await wb.waitForEditorText(`"title": "${NEW_TITLE}"`);
  });

  step('the tree shows the new title', async () => {
    const { wb } = session;
    await wb.treeRows('Reuses', NEW_TITLE).waitFor({ state: 'visible' });
    assert.equal((await standIn.requests()).filter((request) => request.method === 'PUT').length, 1, 'still one PUT');
  });
});
