// A workspace cannot send the key elsewhere: the opened folder's .vscode/settings.json
// points `datagouv.apiUrl` at another (throwaway) server, while the user setting points
// at the stand-in. The setting is application-scoped and the extension reads only the
// user's value: signing in and loading every view asks the stand-in, and the other
// server receives no request at all.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { e2e, signIn, standIn, step, useWorkbench } from '../harness';

/** What the throwaway server received: method, path, and whether a key came. */
const decoyRequests: string[] = [];
let decoy: Server | undefined;
let decoyUrl = '';

describe('A workspace setting cannot redirect the API key', () => {
  // Before the window opens (hooks run in order): the other server, and the workspace
  // setting in the folder useWorkbench opens (named after this file).
  before(async () => {
    decoy = createServer((req, res) => {
      decoyRequests.push(`${req.method} ${req.url} ${req.headers['x-api-key'] ? 'with a key' : 'without a key'}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => decoy!.listen(0, '127.0.0.1', resolve));
    decoyUrl = `http://127.0.0.1:${(decoy.address() as AddressInfo).port}/api/1`;
    const folder = join(e2e.workspacesDir, basename(process.argv[1] ?? 'scenario').replace(/\.e2e\.ts$/, ''));
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, '.vscode', 'settings.json'), `${JSON.stringify({ 'datagouv.apiUrl': decoyUrl }, null, 2)}\n`);
  });
  const session = useWorkbench();
  after(async () => {
    await new Promise<void>((resolve) => (decoy ? decoy.close(() => resolve()) : resolve()));
  });

  step('the opened folder has the workspace setting', async () => {
    const { wb } = session;
    // The explorer (shown at start) lists the folder's .vscode.
    await wb.page.locator('.part.sidebar .monaco-list-row', { hasText: /^\.vscode$/ }).waitFor({ state: 'visible' });
    assert.ok(decoyUrl.startsWith('http://127.0.0.1:'));
  });

  step('signing in and loading the three views asks the stand-in only', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', 'Carte des bornes de recharge de Saint-Rémy').waitFor({ state: 'visible' });
    await wb.treeRows('Organization Datasets', 'Bornes de recharge pour véhicules électriques').waitFor({ state: 'visible' });
    await wb.view('Discussions').locator('.pane-header').click();
    await wb.treeRows('Discussions', 'Lien cassé vers la carte').waitFor({ state: 'visible' });

    const asked = (await standIn.requests()).filter((request) => request.apiKey === 'valid' && request.status === 200).map((request) => request.path);
    for (const path of ['/me/', '/me/org_reuses/', '/me/org_datasets/', '/me/org_discussions/']) {
      assert.ok(asked.includes(path), `the stand-in answered ${path}; it answered ${asked.join(', ')}`);
    }
    assert.deepEqual(decoyRequests, [], "the workspace's server received nothing");
    // The status bar names the host the key goes to: the stand-in's.
    const host = new URL(e2e.standInOrigin).host;
    await wb.page.locator('.part.statusbar .statusbar-item', { hasText: `Camille Martin · ${host}` }).waitFor({ state: 'visible' });
    assert.equal(await wb.page.locator('.part.statusbar', { hasText: new URL(decoyUrl).host }).count(), 0, "the workspace's host is not named");
  });

  step("after a Refresh, still nothing reaches the workspace's server", async () => {
    const { wb } = session;
    const before = (await standIn.requests()).length;
    await wb.runCommand('data.gouv.fr: Refresh');
    await standIn.waitForRequests((request) => request.path === '/me/org_reuses/', 2);
    await standIn.waitForRequests((request) => request.path === '/me/org_discussions/', 2);
    assert.ok((await standIn.requests()).length > before, 'the stand-in was asked again');
    assert.deepEqual(decoyRequests, [], "the workspace's server received nothing");
  });
});
