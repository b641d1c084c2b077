// Cancel that cancels: a save that data.gouv.fr is slow to answer shows a notification
// with Cancel; clicking it aborts the PUT (the stand-in sees the connection close and
// stores nothing), the save fails saying so, the tab stays dirty with the text typed,
// and a later save goes through.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { SAMPLE_REUSES, e2e, openReuse, signedInScenario, standIn, step } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;
const TYPED = `${title} (annulé)`;
/** Longer than any step waits: only an abort ends this PUT before it. */
const PUT_DELAY_MS = 60_000;

async function storedTitle(): Promise<string> {
  const response = await fetch(`${e2e.standInOrigin}/api/1/reuses/${id}/`, { headers: { 'X-API-KEY': SAMPLE_API_KEY, 'X-Fields': 'title' } });
  return ((await response.json()) as { title: string }).title;
}

describe('Cancel a slow save', () => {
  const session = signedInScenario();

  step('Cancel on the slow-save notification aborts the PUT: nothing stored, the tab still dirty', async () => {
    const { wb } = session;
    await openReuse(wb, { title });
    await standIn.fault({ method: 'PUT', delayMs: PUT_DELAY_MS, times: 1 });
    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' (annulé)');
    await wb.waitForTabState('dirty');
    await wb.save();

    const toast = await wb.notification('data.gouv.fr is slow to answer; still saving…');
    const started = Date.now();
    await toast.getByRole('button', { name: 'Cancel' }).click();
    await wb.notification(/Failed to save|Not saved/);
    assert.ok(Date.now() - started < PUT_DELAY_MS / 2, 'the save ended at once, not when the stand-in would have answered');

    const [put] = (await standIn.requests()).filter((request) => request.method === 'PUT');
    assert.equal(put.status, 0, 'the stand-in never answered it: the connection closed first');
    assert.equal(await storedTitle(), title, 'nothing stored');
    assert.equal(await wb.activeTabIsDirty(), true, 'the tab is still dirty');
    await wb.waitForEditorText(`"title": "${TYPED}"`);
  });

  step('a later save goes through', async () => {
    const { wb } = session;
    await standIn.clearFaults();
    await wb.clearNotifications();
    await wb.save();
    await wb.waitForTabState('clean');
    const puts = (await standIn.requests()).filter((request) => request.method === 'PUT');
    assert.deepEqual(
      puts.map((request) => request.status),
      [0, 200],
    );
    assert.equal(await storedTitle(), TYPED);
  });
});
