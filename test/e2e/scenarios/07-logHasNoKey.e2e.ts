// The "data.gouv.fr" output channel tells what happened (requests, sign-in) and never
// shows an API key: not the refused one, not the accepted one — on screen or on disk.
// And the key lives in the secret storage only: no file that VS Code or the extension
// writes holds it (settings, storage databases, logs, the extension's folders), yet a
// reload finds the user still signed in. In VS Code for the Web the channel writes into
// the browser's IndexedDB instead of a file: checked there.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { apiKeyBox, e2e, filesContaining, filesWithBytesOf, logFiles, signIn, step, useWorkbench, writtenFiles } from '../harness';

const WRONG_KEY = 'udata_wrong_key_for_the_log_test_1234';

describe('The log never shows the API key', () => {
  const session = useWorkbench();

  step('after a refused and an accepted key, Show Log has the requests but no key', async () => {
    const { wb } = session;
    await wb.runCommand('data.gouv.fr: Set API Key');
    const box = apiKeyBox(wb);
    await box.waitFor({ state: 'visible' });
    await box.fill(WRONG_KEY);
    await box.press('Enter');
    await wb.quickInputMessage.filter({ hasText: 'Invalid API token' }).waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');
    await signIn(wb, SAMPLE_API_KEY);

    await wb.showLog();
    let text = '';
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      text = await wb.outputText();
      if (text.includes('Signed in on')) break;
      await wb.page.waitForTimeout(200);
    }
    assert.match(text, /GET \S*\/me\/ → 401/, 'the refused request is logged');
    assert.match(text, /Signed in on http:\/\/127\.0\.0\.1:\d+ as camille-martin/);
    assert.equal(text.includes(WRONG_KEY), false, 'the refused key is not shown');
    assert.equal(text.includes(SAMPLE_API_KEY), false, 'the accepted key is not shown');
  });

  step('no log file of the profile or of code-server contains a key', async () => {
    const files = logFiles();
    if (e2e.host === 'web') {
      // The web worker extension host writes its output channels in the browser's
      // IndexedDB (vscode-web-db/vscode-logs-store), not on the server.
      const LOGS = 'vscode-web-db/vscode-logs-store';
      assert.deepEqual((await session.wb.browserStoresContaining('Activated (web extension host)')).found, [LOGS], "the channel's log is in the browser");
      for (const key of [SAMPLE_API_KEY, WRONG_KEY]) {
        assert.equal((await session.wb.browserStoresContaining(key)).found.includes(LOGS), false, 'no key in the browser-side logs');
      }
    } else {
      assert.ok(
        files.some((file) => /data\.gouv\.fr\.log$/.test(file)),
        `the channel's log file is among ${files.length} files checked`,
      );
    }
    assert.deepEqual(filesContaining(WRONG_KEY), []);
    assert.deepEqual(filesContaining(SAMPLE_API_KEY), []);
  });

  step('no file written on the server holds the key, and a reload is still signed in', async () => {
    const { wb } = session;
    // Let VS Code flush its storage databases (it writes them on a timer and on reload).
    await wb.page.reload({ waitUntil: 'domcontentloaded' });
    // The extension activates when its views show (never on its own at startup).
    await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.showSidebar();
    // Signed in: the lists load (they need the key), and the welcome's Set API Key is not shown.
    await wb.treeRows('Reuses', 'Carte des bornes de recharge').first().waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await wb.welcome('Reuses').isVisible(), false);
    // And the status bar names the account (asked once the list arrived).
    await wb.page.locator('.part.statusbar').filter({ hasText: 'Camille Martin' }).waitFor({ state: 'visible' });
    // On the server: settings, logs, the extensions' folders, the workspace.
    const files = writtenFiles();
    assert.ok(
      files.some((file) => /settings\.json$/.test(file)),
      `the user settings are among the ${files.length} files checked (${e2e.userDataDir})`,
    );
    assert.deepEqual(filesWithBytesOf(SAMPLE_API_KEY, files), [], 'the key is in no file of the server');
    assert.deepEqual(filesWithBytesOf(WRONG_KEY, files), []);
    // In the browser: VS Code for the Web keeps globalState and workspaceState in
    // IndexedDB (vscode-web-state-db-*). The key must be in none of them.
    const { databases, found } = await wb.browserStoresContaining(SAMPLE_API_KEY);
    const stateStores = databases.filter((name) => name.startsWith('vscode-web-state-db'));
    assert.ok(stateStores.length >= 2, `the global and workspace state databases are looked at: ${databases.join(', ')}`);
    assert.deepEqual(
      found.filter((store) => store.startsWith('vscode-web-state-db')),
      [],
      `the key is in no state database (found in: ${found.join(', ') || 'none of the stores'}; databases: ${databases.join(', ')})`,
    );
  });
});
