// "data.gouv.fr: New Reuse…" with the keyboard: title, URL, type, topic, description,
// owner (an organization), visibility, and the dataset it uses (required: udata hides a
// reuse without one). The stand-in first refuses the URL (another
// reuse has it): the flow comes back to the URL step with the server's words, every
// other answer kept. With another URL, one POST /reuses/ creates the reuse, which opens
// in an editor and shows in the Reuses tree.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { signIn, standIn, step, useWorkbench, type Workbench } from '../harness';

const TITLE = 'Plan des pistes cyclables de la région';
/** Already the URL of "Carte des bornes de recharge de Saint-Rémy". */
const TAKEN_URL = 'https://carto.saint-remy-sur-loire.fr/bornes';
const URL = 'https://mobilites-region.fr/cartes/pistes-cyclables';
const DESCRIPTION = 'Une carte des pistes cyclables de la région, mise à jour chaque mois.';
const AGENCE = { id: '00000a9a0000000000000002', name: 'Agence régionale des mobilités' };
const CYCLABLE = { id: '0000da7a0000000000000004', title: 'Aménagements cyclables' };
const ANSWERS = {
  title: TITLE,
  type: 'visualization',
  topic: 'transport_and_mobility',
  description: DESCRIPTION,
  private: false,
  datasets: [CYCLABLE.id],
  organization: AGENCE.id,
};

const posts = async () => (await standIn.requests()).filter((request) => request.method === 'POST' && request.path === '/reuses/');

/** Waits for step `n` of 8 of the New Reuse input. */
async function atStep(wb: Workbench, n: number): Promise<void> {
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: `New Reuse (${n}/8)` }).waitFor({ state: 'visible' });
}

/** The row of the open quick pick that has the keyboard focus (what Enter picks). */
function focusedRow(wb: Workbench) {
  return wb.page.locator('.quick-input-widget .monaco-list-row.focused');
}

/** Types a filter into a choice step and picks the row `label` with Enter. */
async function choose(wb: Workbench, filter: string, label: string | RegExp): Promise<void> {
  await wb.page.keyboard.type(filter);
  await focusedRow(wb).filter({ hasText: label }).waitFor({ state: 'visible' });
  await wb.page.keyboard.press('Enter');
}

describe('New Reuse from the command palette', () => {
  const session = useWorkbench();

  step('eight steps with the keyboard; the stand-in refuses the URL', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', /^Agence régionale des mobilités\s*1 reuse$/).waitFor({ state: 'visible' });
    await wb.clearNotifications();

    await wb.runCommand('data.gouv.fr: New Reuse…');
    await atStep(wb, 1);
    await wb.page.keyboard.type(TITLE);
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 2);
    await wb.page.keyboard.type(TAKEN_URL);
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 3);
    await choose(wb, 'visualis', /^Visualisation/);
    await atStep(wb, 4);
    await choose(wb, 'transports', /^Transports et mobilités/);
    await atStep(wb, 5);
    await wb.page.keyboard.type(DESCRIPTION);
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 6);
    await choose(wb, 'agence', AGENCE.name);
    await atStep(wb, 7);
    await choose(wb, 'public', /^\s*Public reuse/);
    await atStep(wb, 8);
    await choose(wb, 'cyclables', CYCLABLE.title);

    const [refused] = await standIn.waitForRequests((request) => request.method === 'POST' && request.path === '/reuses/');
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { ...ANSWERS, url: TAKEN_URL }, 'the answers were sent');
  });

  step("back at the URL step: the server's message, the URL kept", async () => {
    const { wb } = session;
    await atStep(wb, 2);
    await wb.quickInputMessage.filter({ hasText: 'This URL is already registered' }).waitFor({ state: 'visible' });
    assert.equal(await wb.quickInputBox.inputValue(), TAKEN_URL, 'the refused URL is still in the box');

    // Back (Ctrl+Alt+-): the title is kept; Enter comes back to the URL.
    await wb.page.keyboard.press('Control+Alt+Minus');
    await atStep(wb, 1);
    assert.equal(await wb.quickInputBox.inputValue(), TITLE, 'the title is kept');
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 2);
    assert.equal(await wb.quickInputBox.inputValue(), TAKEN_URL);
  });

  step('a new URL; every other answer is kept; one POST creates the reuse', async () => {
    const { wb } = session;
    await wb.page.keyboard.press('Control+a');
    await wb.page.keyboard.type(URL);
    await wb.page.keyboard.press('Enter');
    // The choices made before are the ones Enter picks; the description is kept.
    await atStep(wb, 3);
    await focusedRow(wb)
      .filter({ hasText: /^Visualisation/ })
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 4);
    await focusedRow(wb)
      .filter({ hasText: /^Transports et mobilités/ })
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 5);
    assert.equal(await wb.quickInputBox.inputValue(), DESCRIPTION, 'the description is kept');
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 6);
    await focusedRow(wb).filter({ hasText: AGENCE.name }).waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 7);
    await focusedRow(wb)
      .filter({ hasText: /^\s*Public reuse/ })
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await atStep(wb, 8);
    await focusedRow(wb).filter({ hasText: CYCLABLE.title }).waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await wb.quickInput.waitFor({ state: 'hidden' });

    const created = await standIn.waitForRequests((request) => request.method === 'POST' && request.path === '/reuses/' && request.status === 201);
    assert.equal(created.length, 1, 'one successful POST');
    assert.deepEqual(created[0].body, { ...ANSWERS, url: URL });
    assert.deepEqual(
      (await posts()).map((request) => request.status),
      [400, 201],
      'the refused POST, then the one that created it',
    );
  });

  step('the new reuse opens in an editor and shows in the tree', async () => {
    const { wb } = session;
    await wb.notification(`“${TITLE}” is created on data.gouv.fr.`);
    const text = await wb.waitForEditorText(`"title": "${TITLE}"`);
    assert.match(text, new RegExp(`"url": "${URL}"`));
    assert.match(text, /"type": "visualization"/);
    assert.match(text, /"topic": "transport_and_mobility"/);
    assert.equal((await wb.activeTab.innerText()).replace(/\s+/g, ''), 'plan-des-pistes-cyclables-de-la-region.json');
    assert.equal(await wb.activeTabIsDirty(), false);

    await wb.revealTreeRow('Reuses', /^Agence régionale des mobilités\s*2 reuses$/);
    await wb.revealTreeRow('Reuses', new RegExp(`^${TITLE}\\s*Visualization$`));
    assert.equal((await posts()).length, 2, 'no other POST');
  });
});
