// The dialogs every command shares (commands/dialogs.ts), against the fake of vscode:
// a document opens in a tab of its own, a confirmation is modal and its dismissal sends
// nothing, a deletion offers its Restore.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Uri } from 'vscode';
import { confirm, confirmAndDelete, offerRestore, openDocument } from '../../../src/commands/dialogs';
import { fake } from '../vscodeFake/vscode';

afterEach(() => fake.reset());

describe('command dialogs', () => {
  test('openDocument shows the document in a tab of its own, not as a preview', async () => {
    await openDocument(Uri.parse('datagouv:/reuses/r1/carte.json'));
    assert.deepEqual(fake.shownDocuments, [{ uri: 'datagouv:/reuses/r1/carte.json', preview: false }]);
  });

  test('confirm is a modal warning; true only when its action is chosen', async () => {
    fake.answers.push('Archive', undefined);
    assert.equal(await confirm('Archive “Carte”?', 'It stays reachable.', 'Archive'), true);
    assert.equal(await confirm('Archive “Carte”?', 'It stays reachable.', 'Archive'), false);
    assert.deepEqual(
      fake.messages.map(({ kind, modal, items }) => ({ kind, modal, items })),
      [
        { kind: 'warning', modal: true, items: ['Archive'] },
        { kind: 'warning', modal: true, items: ['Archive'] },
      ],
    );
  });

  test('confirmAndDelete deletes only once confirmed', async () => {
    let deletions = 0;
    const remove = async () => {
      deletions++;
    };
    fake.answers.push(undefined);
    assert.equal(await confirmAndDelete('Delete “Carte”?', 'detail', 'Deleting…', remove), false);
    assert.equal(deletions, 0);
    fake.answers.push('Delete');
    assert.equal(await confirmAndDelete('Delete “Carte”?', 'detail', 'Deleting…', remove), true);
    assert.equal(deletions, 1);
  });

  test('offerRestore runs the restore only when its button is chosen', async () => {
    let restores = 0;
    const restore = async () => {
      restores++;
    };
    fake.answers.push(undefined, 'Restore Reuse');
    await offerRestore('Carte', 'Restore Reuse', restore);
    assert.equal(restores, 0);
    await offerRestore('Carte', 'Restore Reuse', restore);
    assert.equal(restores, 1);
    assert.equal(fake.messages[0]?.text, '“Carte” is deleted.');
  });
});
