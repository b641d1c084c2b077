// A reuse changed on data.gouv.fr while it is being edited, in a real VS Code: a
// same-length change of the same field is refused with Compare / Overwrite / Discard
// Mine (never VS Code's own "file is newer" prompt, never a silent overwrite); a change
// of another field is merged; a last_modified bump alone saves without a prompt; a
// document opened as one account is not saved after signing in as another.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { OTHER_USER_API_KEY } from '../../server/sampleData';
import { SAMPLE_REUSES, openReuse, signIn, signedInScenario, standIn, step, type Workbench } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;
/** Another title of the same length: the document's size does not move. */
const THEIR_TITLE = title.slice(0, -1) + 'X';

const puts = async () => (await standIn.requests()).filter((request) => request.method === 'PUT');

async function appendToTitle(wb: Workbench, current: string, text: string): Promise<void> {
  await wb.goToEndOfLineWith(`"title": "${current}"`);
  await wb.page.keyboard.press('ArrowLeft'); // before the comma
  await wb.page.keyboard.press('ArrowLeft'); // before the closing quote
  await wb.page.keyboard.type(text);
  await wb.waitForTabState('dirty');
}

describe('A reuse changed on data.gouv.fr while you edit it', () => {
  const session = signedInScenario();

  step('the same field changed on both sides, same length: refused with Compare, Overwrite and Discard Mine; nothing sent', async () => {
    const { wb } = session;
    await openReuse(wb, { title });
    await standIn.touch(id, { title: THEIR_TITLE });

    await appendToTitle(wb, title, ' (mine)');
    await wb.save();
    const offer = await wb.notification(/was changed on data.gouv.fr while you edited it \(title\)\. Nothing was sent\./);
    for (const name of ['Compare', 'Overwrite', 'Discard Mine']) await offer.getByRole('button', { name }).waitFor({ state: 'visible' });
    await wb.notification(/Not saved: title changed on data.gouv.fr too/);
    assert.equal(await wb.activeTabIsDirty(), true);
    assert.deepEqual(await puts(), [], 'no PUT before a choice');
    assert.equal(
      (await wb.notificationTexts()).some((text) => /newer/.test(text)),
      false,
      "VS Code's own prompt never shows",
    );
  });

  step('Compare opens data.gouv.fr now ↔ yours; Overwrite asks in a modal naming the field, then sends only it', async () => {
    const { wb } = session;
    const offer = await wb.notification(/was changed on data.gouv.fr while you edited it/);
    await offer.getByRole('button', { name: 'Compare' }).click();
    await wb.page.locator('.part.editor .tabs-container .tab', { hasText: 'data.gouv.fr now ↔ yours' }).waitFor({ state: 'visible' });
    await wb.page.locator('.part.editor .monaco-diff-editor').first().waitFor({ state: 'visible' });
    await wb.page.locator('.monaco-diff-editor .editor.original', { hasText: THEIR_TITLE }).first().waitFor({ state: 'visible' });

    const again = await wb.notification(/was changed on data.gouv.fr while you edited it/);
    await again.getByRole('button', { name: 'Overwrite' }).click();
    await wb.dialog.waitFor({ state: 'visible' });
    assert.match(await wb.dialog.innerText(), /Overwrite title on data.gouv.fr with your values\?/);
    await wb.dialog.getByRole('button', { name: 'Overwrite' }).click();
    const [put] = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.deepEqual(put.body, { title: `${title} (mine)` });
    assert.equal(put.status, 200);
  });

  step('a change of another field on data.gouv.fr is merged: one PUT of your field, theirs kept and shown', async () => {
    const { wb } = session;
    await wb.runCommand('View: Close All Editors');
    await wb.clearNotifications();
    await standIn.reset();
    await openReuse(wb, { title });
    await standIn.touch(id, { description: 'Changée par une collègue pendant que vous écriviez.' });
    await appendToTitle(wb, title, ' (2026)');
    await wb.save();
    await wb.waitForTabState('clean');
    const sent = await puts();
    assert.deepEqual(
      sent.map((request) => request.body),
      [{ title: `${title} (2026)` }],
      'their description is not sent back',
    );
    await wb.waitForEditorText('Changée par une collègue pendant que vous écriviez.');
    await wb.page.locator('.statusbar', { hasText: 'merged from data.gouv.fr: description' }).waitFor({ state: 'visible' });
  });

  step('last_modified moved with no editable change (a follow): the save goes through without a prompt', async () => {
    const { wb } = session;
    await wb.runCommand('data.gouv.fr: Follow Reuse');
    await wb.notification(/You follow/);
    await standIn.touch(id, {});
    await appendToTitle(wb, `${title} (2026)`, '!');
    await wb.save();
    await wb.waitForTabState('clean');
    const sent = await puts();
    assert.deepEqual(sent.at(-1)?.body, { title: `${title} (2026)!` });
    assert.equal(
      (await wb.notificationTexts()).some((text) => /newer|Not saved/.test(text)),
      false,
    );
  });

  step('signed in as another account while the document is dirty: that save is refused, nothing sent', async () => {
    const { wb } = session;
    await appendToTitle(wb, `${title} (2026)!`, '?');
    await signIn(wb, OTHER_USER_API_KEY, 'Jean Dupont');
    const before = (await puts()).length;
    await wb.page.locator('.part.editor .tabs-container .tab.dirty').first().click();
    await wb.save();
    await wb.notification(/opened as Camille Martin \(camille-martin\), and you are now signed in as Jean Dupont/);
    assert.equal(await wb.activeTabIsDirty(), true);
    assert.equal((await puts()).length, before, 'no PUT with the other account');
  });
});
