// What each user action costs in requests, seen from the stand-in: activation asks
// nothing; opening the sidebar asks each list once (and who is signed in, for the
// status bar); opening a reuse is one GET; saving a title is the three-way check (a GET
// masked to the editable fields) plus one PUT; saving a text that changes no field
// asks nothing. The table goes to the test output. In VS Code for the Web (E2E_HOST=web)
// the same counts hold, and the CORS preflights the browser adds are counted beside them
// (udata sends no Access-Control-Max-Age: at most one per request, never more).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { REUSE_EDITABLE_MASK } from '../../../src/api/fieldMasks';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import type { RecordedRequest } from '../../server/standIn';
import { SAMPLE_REUSES, e2e, signIn, standIn, step, useWorkbench } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;
const rows: string[] = [];

/** The requests that arrived since `from`, once the count stops changing. */
async function settled(from: number): Promise<RecordedRequest[]> {
  let last = -1;
  for (;;) {
    const all = await standIn.requests();
    if (all.length === last) return all.slice(from);
    last = all.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

let preflightsSeen = 0;

/** A row of the table; in the web host, with the preflights since the previous row. */
async function record(action: string, requests: RecordedRequest[]): Promise<void> {
  const bytes = requests.reduce((sum, request) => sum + Math.max(request.bytes, 0), 0);
  let preflights = '';
  if (e2e.host === 'web') {
    const all = (await standIn.preflights()).length;
    const count = all - preflightsSeen;
    preflightsSeen = all;
    preflights = ` ${count} |`;
  }
  rows.push(
    `| ${action} | ${requests.length} | ${requests.map((r) => `${r.method} ${r.path}`).join(', ') || '—'} | ${(bytes / 1024).toFixed(1)} kB |${preflights}`,
  );
}

describe('Requests per user action', () => {
  const session = useWorkbench();

  step('activating the extension asks nothing', async () => {
    const { wb } = session;
    await wb.showLog();
    const requests = await settled(0);
    await record('activate (Show Log, signed out)', requests);
    assert.deepEqual(requests, []);
  });

  step('signing in and opening the sidebar: each list once', async () => {
    const { wb } = session;
    const from = (await standIn.requests()).length;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', title).first().waitFor({ state: 'visible' });
    const requests = await settled(from);
    await record('sign in + open the sidebar', requests);
    // The log (opened once the extension runs) says how long activation took.
    await wb.showLog();
    // (The output view wraps long lines.)
    const activation = /Activated \(\w+ extension host\) in (\d+) ms: ([\d.]+) ms of its own work, (\d+) ms waiting for the secret storage/.exec(
      (await wb.outputText()).replace(/\s+/g, ' '),
    );
    assert.ok(activation, 'the log says how long activation took');
    rows.unshift(`| activation time | — | ${activation[2]} ms of its own work, ${activation[3]} ms waiting for the secret storage | — |`);
    // Target: what activate() itself computes stays under 20 ms (the wait for VS Code's
    // secret storage is VS Code's, and varies with the machine). A speed target, so
    // checked by the benchmark (`npm run bench:cost` sets E2E_SPEED_TARGETS), not by
    // every test run on a machine that may be busy.
    if (process.env.E2E_SPEED_TARGETS) assert.ok(Number(activation[2]) < 20, `activation's own work: ${activation[2]} ms (target < 20 ms)`);
    const paths = requests.map((r) => r.path);
    for (const list of ['/me/reuses/', '/me/org_reuses/', '/me/org_datasets/']) {
      assert.equal(paths.filter((path) => path === list).length, 1, `${list} asked once`);
    }
    assert.ok(
      requests.filter((r) => r.path.startsWith('/me/org_') || r.path === '/me/reuses/').every((r) => r.fields),
      'every list is masked',
    );
  });

  step('opening a reuse: one GET', async () => {
    const { wb } = session;
    const from = (await standIn.requests()).length;
    await wb.treeRows('Reuses', title).first().click();
    await wb.waitForEditorText(`"title": "${title}"`);
    const requests = await settled(from);
    await record('open a reuse', requests);
    // Target: 1 request.
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.path}`),
      [`GET /reuses/${id}/`],
    );
  });

  step('saving a title: the conflict check and one PUT', async () => {
    const { wb } = session;
    const from = (await standIn.requests()).length;
    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' !');
    await wb.waitForTabState('dirty');
    await wb.save();
    await wb.waitForTabState('clean');
    const requests = (await settled(from)).filter((r) => r.path === `/reuses/${id}/`);
    await record('save a title', requests);
    assert.equal(requests.filter((r) => r.method === 'PUT').length, 1, 'one PUT');
    const checks = requests.filter((r) => r.method === 'GET');
    assert.equal(checks.length, 1, 'one conflict check');
    assert.equal(checks[0].fields, REUSE_EDITABLE_MASK, 'the check is masked to the editable fields');
    // Target: 2 requests for the save itself (the Reuses view then reloads its lists).
    assert.equal(requests.length, 2, 'two requests');
  });

  step('saving a text that changes no field: no request at all', async () => {
    const { wb } = session;
    const from = (await standIn.requests()).length;
    await wb.goToEndOfLineWith(`"title": "${title} !"`);
    await wb.page.keyboard.type(' '); // a space after the comma: the same document
    await wb.waitForTabState('dirty');
    await wb.save();
    await wb.waitForTabState('clean');
    const requests = await settled(from);
    await record('save an unchanged document', requests);
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.path}`),
      [],
    );
    const web = e2e.host === 'web';
    if (web) {
      const [all, preflights] = [await standIn.requests(), await standIn.preflights()];
      assert.ok(preflights.length > 0 && preflights.length <= all.length, `${preflights.length} preflights for ${all.length} requests: at most one each`);
    }
    const header = web ? '| action | requests | which | bytes received | CORS preflights |' : '| action | requests | which | bytes received |';
    console.log(['', header, web ? '|---|---|---|---|---|' : '|---|---|---|---|', ...rows, ''].join('\n'));
  });
});
