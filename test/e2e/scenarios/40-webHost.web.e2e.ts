// VS Code for the Web: the extension runs in the browser's web worker extension host
// (the .vsix without `main`), and its requests are cross-origin ones to the stand-in,
// which answers CORS as udata/cors.py does. What only a browser does is checked here:
// preflights, a redirect the page cannot read (never followed, the key never travels),
// and an answer the browser refuses (no CORS header), each said in plain words.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SAMPLE_REUSES, e2e, openReuse, signedInScenario, standIn, step } from '../harness';

const { title, id } = SAMPLE_REUSES.editable;

describe('VS Code for the Web: the web worker host and the rules of a browser', () => {
  const session = signedInScenario({ sidebar: true });

  step('the extension runs in the web worker extension host, and its requests are cross-origin', async () => {
    const { wb } = session;
    assert.equal(e2e.host, 'web');
    await wb.showLog();
    assert.match((await wb.outputText()).replace(/\s+/g, ' '), /Activated \(web extension host\)/);
    // The browser asked before sending the key (a preflight per request: udata sends no
    // Access-Control-Max-Age, so Chromium keeps its answer 5 s at most).
    const preflights = await standIn.preflights();
    assert.ok(preflights.length > 0, 'the browser sent CORS preflights');
    assert.ok(
      preflights.some((preflight) => preflight.path === '/me/org_reuses/'),
      'the lists were asked cross-origin',
    );
  });

  step('a redirect is not followed (the key stays here) and is said plainly, not as "error 0"', async () => {
    const { wb } = session;
    // Another origin that would receive the request if the redirect were followed.
    const elsewhere: string[] = [];
    const trap = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url} key:${req.headers['x-api-key'] ? 'yes' : 'no'}`);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/api/1/reuses/${id}/`;
      await openReuse(wb, { title });
      await wb.goToEndOfLineWith(`"title": "${title}"`);
      await wb.page.keyboard.press('ArrowLeft');
      await wb.page.keyboard.press('ArrowLeft');
      await wb.page.keyboard.type(' (web)');
      await wb.waitForTabState('dirty');
      // The save first reads data.gouv.fr's version (GET): answered by a redirect (a
      // temporary one: Chromium would keep a 308 in its cache for the next steps).
      await standIn.fault({ method: 'GET', path: `/reuses/${id}/`, status: 307, headers: { Location: target }, times: 1 });
      await wb.save();
      const toast = await wb.notification(/redirect/);
      assert.match(await toast.innerText(), /VS Code for the Web does not follow/);
      assert.doesNotMatch(await toast.innerText(), /error 0/);
      assert.equal(await wb.activeTabIsDirty(), true, 'the tab stays dirty');
      assert.deepEqual(elsewhere, [], 'nothing reached the other origin');
      await wb.clearNotifications();
    } finally {
      await new Promise<void>((resolve) => trap.close(() => resolve()));
    }
  });

  step('an answer the browser refuses (no CORS header) says the server could not be reached from this browser', async () => {
    const { wb } = session;
    await standIn.fault({ method: 'PUT', path: `/reuses/${id}/`, noCors: true, times: 1 });
    await wb.editor.locator('.view-lines').click();
    await wb.save();
    const toast = await wb.notification(/from this browser/);
    assert.match(await toast.innerText(), /CORS/);
    assert.doesNotMatch(await toast.innerText(), /TypeError|Failed to fetch/);
    assert.equal(await wb.activeTabIsDirty(), true, 'the tab stays dirty');
    await wb.clearNotifications();

    // Once the server answers again, the same Ctrl+S saves the one change typed.
    await wb.editor.locator('.view-lines').click();
    await wb.save();
    await wb.waitForTabState('clean');
    const puts = (await standIn.requests()).filter((request) => request.method === 'PUT' && request.status === 200);
    assert.deepEqual(puts.at(-1)?.body, { title: `${title} (web)` });
  });
});
