// The "data.gouv.fr" output channel tells what happened (requests, sign-in) and never
// shows an API key: not the refused one, not the accepted one — on screen or on disk.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { apiKeyBox, filesContaining, logFiles, signIn, step, useWorkbench } from '../harness';

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

    await wb.runCommand('data.gouv.fr: Show Log');
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
    assert.ok(
      files.some((file) => /data\.gouv\.fr\.log$/.test(file)),
      `the channel's log file is among ${files.length} files checked`,
    );
    assert.deepEqual(filesContaining(WRONG_KEY), []);
    assert.deepEqual(filesContaining(SAMPLE_API_KEY), []);
  });
});
