// Two saves of one reuse, the second while the first PUT is still in flight (the
// stand-in is slow for it): the second PUT starts only after the first was answered,
// it carries the second title, the stand-in ends with the second title and the tab
// ends clean. A save slower than two seconds shows a notification with Cancel.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import type { RecordedRequest } from '../../server/standIn';
import { SAMPLE_REUSES, e2e, openReuse, signedInScenario, standIn, step } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;
const FIRST = `${title} (v1)`;
const SECOND = `${title} (v1) (v2)`;
const PUT_DELAY_MS = 3000;

const puts = (requests: RecordedRequest[]) => requests.filter((request) => request.method === 'PUT');

/**
 * Watches the PUTs the stand-in receives (every 50 ms) until two were answered: each
 * snapshot says, in order of arrival, whether each PUT was answered yet.
 */
function watchPuts(timeout = 30_000): Promise<Array<Array<'in flight' | 'answered'>>> {
  return (async () => {
    const snapshots: Array<Array<'in flight' | 'answered'>> = [];
    const deadline = Date.now() + timeout;
    for (;;) {
      const snapshot = puts(await standIn.requests()).map((request) => (request.status === 0 ? 'in flight' : 'answered'));
      if (snapshot.length) snapshots.push(snapshot);
      if (snapshot.length >= 2 && snapshot.every((state) => state === 'answered')) return snapshots;
      if (Date.now() > deadline) return snapshots;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
}

async function storedTitle(): Promise<string> {
  const response = await fetch(`${e2e.standInOrigin}/api/1/reuses/${id}/`, { headers: { 'X-API-KEY': SAMPLE_API_KEY, 'X-Fields': 'title' } });
  return ((await response.json()) as { title: string }).title;
}

describe('A second save while the first is in flight', () => {
  const session = signedInScenario();
  let watching: ReturnType<typeof watchPuts> | undefined;

  step('the first save is slow: a notification says so, with Cancel', async () => {
    const { wb } = session;
    await openReuse(wb, { title });
    await standIn.fault({ method: 'PUT', delayMs: PUT_DELAY_MS, times: 1 });

    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft'); // before the comma
    await wb.page.keyboard.press('ArrowLeft'); // before the closing quote
    await wb.page.keyboard.type(' (v1)');
    await wb.waitForTabState('dirty');
    watching = watchPuts();
    await wb.save();
    // The first PUT reached the stand-in, which holds its answer.
    for (const deadline = Date.now() + 10_000; puts(await standIn.requests()).length === 0;) {
      if (Date.now() > deadline) throw new Error('no PUT reached the stand-in');
      await wb.page.waitForTimeout(50);
    }

    // While it is in flight, the title changes again, and Ctrl+S.
    await wb.page.keyboard.type(' (v2)');
    await wb.waitForEditorText(`"title": "${SECOND}"`);
    await wb.save();
    assert.deepEqual(
      puts(await standIn.requests()).map((request) => request.status),
      [0],
      'the second Ctrl+S came while the first PUT was in flight, and sent nothing yet',
    );

    const toast = await wb.notification('data.gouv.fr is slow to answer; still saving…');
    await toast.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'visible' });
  });

  step('two PUTs, the second after the first was answered, with the second title', async () => {
    const { wb } = session;
    const snapshots = await watching!;
    const last = snapshots.at(-1) ?? [];
    assert.deepEqual(last, ['answered', 'answered'], `two PUTs answered; seen: ${JSON.stringify(snapshots)}`);
    const interleaved = snapshots.filter((snapshot) => snapshot.length >= 2 && snapshot[0] === 'in flight');
    assert.deepEqual(interleaved, [], 'the second PUT never arrived while the first was in flight');
    assert.ok(
      snapshots.some((snapshot) => snapshot.length === 1 && snapshot[0] === 'in flight'),
      'the first PUT was seen in flight on its own',
    );

    const sent = puts(await standIn.requests());
    assert.deepEqual(
      sent.map(({ path, body, status }) => ({ path, body, status })),
      [
        { path: `/reuses/${id}/`, body: { title: FIRST }, status: 200 },
        { path: `/reuses/${id}/`, body: { title: SECOND }, status: 200 },
      ],
    );

    await wb.waitForTabState('clean');
    await wb.waitForEditorText(`"title": "${SECOND}"`);
    // The slow-save notification goes once the save is done.
    await wb.page.locator('.notification-toast', { hasText: 'data.gouv.fr is slow to answer' }).waitFor({ state: 'hidden' });
    assert.equal(await storedTitle(), SECOND, 'the stand-in keeps the second title');
    assert.equal(puts(await standIn.requests()).length, 2, 'no other PUT');
  });
});
