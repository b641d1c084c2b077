// The `datagouv:` file system through VS Code's own API, against the local stand-in:
// reading a reuse, saving a change, refusing broken JSON, and a reuse the user may not
// edit. The key is stored through the product's "Set API Key" command (helpers.signIn).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { after, before, describe, it } from 'mocha';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { REUSES, activeProduct, reuseUri, signIn, signOut, standIn } from './helpers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

describe('Reuse documents (datagouv:/reuses/<id>/<slug>.json)', () => {
  before(async () => {
    await activeProduct();
    await standIn.reset();
    await signIn(SAMPLE_API_KEY);
  });

  after(async () => {
    await signOut();
  });

  it('signing in checked the key with the stand-in', async () => {
    const me = (await standIn.requests()).filter((request) => request.path === '/me/');
    assert.ok(
      me.some((request) => request.apiKey === 'valid' && request.status === 200),
      'GET /me/ with the key',
    );
  });

  it('readFile returns the reuse document: title first, 2-space JSON', async () => {
    const text = decoder.decode(await vscode.workspace.fs.readFile(reuseUri(REUSES.editable)));
    const document = JSON.parse(text) as Record<string, unknown>;
    assert.equal(Object.keys(document)[0], 'title');
    assert.equal(document.title, REUSES.editable.title);
    assert.equal(text, `${JSON.stringify(document, null, 2)}\n`, 'two-space indented, one trailing newline');
    assert.ok(text.startsWith(`{\n  "title": ${JSON.stringify(REUSES.editable.title)},\n`));
    const reads = (await standIn.requests()).filter((request) => request.method === 'GET' && request.path === `/reuses/${REUSES.editable.id}/`);
    assert.ok(reads.length >= 1 && reads.every((request) => request.apiKey === 'valid'), 'read with the stored key');
  });

  it('stat of an editable reuse: a writable file', async () => {
    const stat = await vscode.workspace.fs.stat(reuseUri(REUSES.editable));
    assert.equal(stat.type, vscode.FileType.File);
    assert.equal(stat.permissions, undefined);
    assert.ok(stat.size > 0);
  });

  it('writeFile of a changed title updates the stand-in (one PUT with the new title)', async () => {
    const uri = reuseUri(REUSES.editable);
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    const title = `${REUSES.editable.title} (extension host)`;
    const changed = text.replace(`"title": ${JSON.stringify(REUSES.editable.title)}`, `"title": ${JSON.stringify(title)}`);
    assert.notEqual(changed, text);
    const before = (await standIn.requests()).length;
    await vscode.workspace.fs.writeFile(uri, encoder.encode(changed));
    const writes = (await standIn.requests()).slice(before).filter((request) => request.method !== 'GET');
    assert.equal(writes.length, 1, `one write, got ${writes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    assert.equal(writes[0].method, 'PUT');
    assert.equal(writes[0].path, `/reuses/${REUSES.editable.id}/`);
    assert.equal(writes[0].status, 200);
    assert.deepEqual(writes[0].body, { title });
    assert.equal((await standIn.reuse(REUSES.editable.id)).title, title, 'the stand-in stores the new title');
    const reread = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri))) as { title: string };
    assert.equal(reread.title, title);
  });

  it('writeFile of broken JSON rejects with the line and column, and sends nothing', async () => {
    const uri = reuseUri(REUSES.editable);
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    const broken = text.replace('"title": ', '"title" ');
    const before = (await standIn.requests()).length;
    await assert.rejects(
      () => Promise.resolve(vscode.workspace.fs.writeFile(uri, encoder.encode(broken))),
      (error: Error) => {
        assert.match(error.message, /not valid JSON/);
        assert.match(error.message, /line 2, column \d+/);
        return true;
      },
    );
    const writes = (await standIn.requests()).slice(before).filter((request) => request.method !== 'GET');
    assert.deepEqual(writes, [], 'nothing was sent');
  });

  it('a reuse the user may not edit: read-only stat, readable, writes refused', async () => {
    const uri = reuseUri(REUSES.readOnly);
    const stat = await vscode.workspace.fs.stat(uri);
    assert.equal(stat.permissions, vscode.FilePermission.Readonly);
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    assert.equal((JSON.parse(text) as { title: string }).title, REUSES.readOnly.title);
    const before = (await standIn.requests()).length;
    await assert.rejects(
      () => Promise.resolve(vscode.workspace.fs.writeFile(uri, encoder.encode(text.replace(REUSES.readOnly.title, 'Changed')))),
      /may read this reuse but not edit it/,
    );
    const writes = (await standIn.requests()).slice(before).filter((request) => request.method !== 'GET');
    assert.deepEqual(writes, [], 'nothing was sent');
  });

  it('the read-only reuse opens in an editor that ignores typing', async () => {
    // First the control: typing the same way into an editable reuse does change it.
    const editable = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reuseUri(REUSES.editable)));
    editable.selection = new vscode.Selection(1, 4, 1, 4);
    await vscode.commands.executeCommand('type', { text: 'xyz' });
    assert.equal(editable.document.isDirty, true, 'typing reaches an editable reuse');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const document = await vscode.workspace.openTextDocument(reuseUri(REUSES.readOnly));
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(document.getText().includes(REUSES.readOnly.title));
    assert.equal(editor.document.uri.toString(), document.uri.toString());
    const before = document.getText();
    // Typing, as the keyboard does, into the focused editor: a read-only one ignores it.
    // (An API edit — TextEditor.edit, workspace.applyEdit — is not refused by VS Code,
    // only typing is; saving it would be, as the writeFile test above shows.)
    editor.selection = new vscode.Selection(1, 4, 1, 4);
    await vscode.commands.executeCommand('type', { text: 'xyz' });
    assert.equal(document.getText(), before, 'typing changed nothing');
    assert.equal(document.isDirty, false);
    assert.equal(document.getText(), decoder.decode(await vscode.workspace.fs.readFile(document.uri)));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
