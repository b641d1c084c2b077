// A reuse the user may read but not edit opens read-only and says why; typing changes
// nothing and nothing is sent.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_REUSES, openReuse, signedInScenario, standIn, step } from '../harness';

const { id, title } = SAMPLE_REUSES.readOnly;

describe('A reuse the user may not edit', () => {
  const session = signedInScenario();

  step('opens read-only, says why, and cannot be changed', async () => {
    const { wb } = session;
    await openReuse(wb, { id });
    await wb.waitForEditorText(`"title": "${title}"`);
    await wb.notification(/may read this reuse but not edit it/);

    await wb.goToEndOfLineWith(`"title": "${title}"`);
    await wb.page.keyboard.type('xyz');
    await wb.page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor({ state: 'visible' });
    assert.equal(await wb.activeTabIsDirty(), false, 'the tab stays clean');
    assert.doesNotMatch(await wb.editorText(), /xyz/);
    assert.deepEqual(
      (await standIn.requests()).filter((request) => request.method !== 'GET'),
      [],
      'nothing but reads',
    );
  });
});
