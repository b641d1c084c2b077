// The datagouv: file system driven as VS Code drives it (test/unit/vscodeFake), against
// the stand-in over HTTP, with the real session and key store: saves that never
// overwrite anyone, bound to the account and API that opened the document.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SaveConflicts } from '../../../../src/documents/fs/saveConflicts';
import { secretNameFor } from '../../../../src/auth/apiKeyStore';
import { OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';
import { EditorModel } from '../../vscodeFake/editorModel';
import { MemorySecrets, MemoryStorage, openWindow, setApiUrl, tick, waitFor, type Window } from '../../vscodeFake/extensionParts';
import { fake } from '../../vscodeFake/vscode';

let standIn: StandIn;
let secrets: MemorySecrets;
let window: Window;
const windows: Window[] = [];

before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());

beforeEach(async () => {
  standIn.reset();
  fake.reset();
  setApiUrl(standIn.apiUrl);
  secrets = new MemorySecrets();
  await secrets.store(secretNameFor(standIn.origin), SAMPLE_API_KEY);
  window = await open();
  standIn.requests.length = 0;
});
afterEach(() => {
  for (const opened of windows.splice(0)) opened.dispose();
});

async function open(storage?: MemoryStorage): Promise<Window> {
  const opened = await openWindow(secrets, storage);
  windows.push(opened);
  return opened;
}

const reuse = () => standIn.data.reuses[0];
const reusePath = () => `/reuses/${reuse().id}/${reuse().slug}.json`;
const puts = () => standIn.requests.filter((request) => request.method === 'PUT');
const requests = () => standIn.requests.map((request) => `${request.method} ${request.path}`);

async function openReuse(from = window): Promise<EditorModel> {
  const editor = await EditorModel.open(from.files, reusePath());
  await tick();
  return editor;
}

describe('saving a reuse: three ways, field by field', () => {
  test('open = 1 GET, save = 1 masked GET + 1 PUT of the changed field, an unchanged save = 0 requests', async () => {
    // The account is known (the sidebar loads it) before a document opens.
    await window.session.me();
    standIn.requests.length = 0;
    const editor = await openReuse();
    assert.deepEqual(requests(), [`GET /reuses/${reuse().id}/`]);
    standIn.requests.length = 0;
    editor.edit((d) => (d.title = 'Carte des bornes (2026)'));
    assert.equal(await editor.save(), true, editor.lastError);
    assert.deepEqual(requests(), [`GET /reuses/${reuse().id}/`, `PUT /reuses/${reuse().id}/`]);
    assert.deepEqual(puts()[0].body, { title: 'Carte des bornes (2026)' });
    standIn.requests.length = 0;
    editor.type(editor.getText().replace('\n}', '\n}\n')); // dirty, but the same document
    assert.equal(await editor.save(), true);
    assert.deepEqual(requests(), []);
  });

  test('case 1: a same-length title change on data.gouv.fr and yours: refused with Compare, Overwrite, Discard Mine; nothing sent', async () => {
    const editor = await openReuse();
    const title = reuse().title;
    standIn.touchReuse(reuse().id, { title: title.slice(0, -1) + 'X' }); // same length, same size
    editor.edit((d) => (d.title = title.slice(0, -1) + 'Y'));
    assert.equal(await editor.save(), false);
    assert.equal(editor.fileIsNewer, false, "VS Code's own prompt did not take over");
    assert.match(editor.lastError ?? '', /Not saved: title changed on data.gouv.fr too/);
    assert.equal(editor.isDirty, true);
    assert.equal(puts().length, 0);
    assert.deepEqual(
      window.conflicts.map((c) => c.conflicts),
      [['title']],
    );
    assert.match(window.conflicts[0].theirsText, new RegExp(`"title": "${title.slice(0, -1)}X"`));
  });

  test('Overwrite (after the modal confirmation naming the fields) sends yours; Discard Mine takes theirs and sends nothing', async () => {
    const editor = await openReuse();
    const title = reuse().title;
    standIn.touchReuse(reuse().id, { title: 'Leur titre', description: 'Leur description' });
    editor.edit((d) => (d.title = 'Mon titre'));
    await editor.save();
    const conflicts = new SaveConflicts();
    fake.answers.push('Overwrite', 'Overwrite');
    conflicts.handle(window.conflicts[0], window.files);
    await waitFor(() => puts().length === 1 && !editor.isDirty, 'the overwrite');
    const [offer, confirm] = fake.messages.filter((m) => m.kind === 'warning');
    assert.deepEqual(offer.items, ['Compare', 'Overwrite', 'Discard Mine']);
    assert.equal(confirm.modal, true);
    assert.match(confirm.text, /Overwrite title on data.gouv.fr/);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Mon titre' }],
      'only the title: their description is kept',
    );
    assert.equal(reuse().description, 'Leur description');
    await editor.settle();
    assert.equal(editor.isDirty, false);
    assert.match(editor.getText(), /"description": "Leur description"/);

    // Discard Mine, on a new conflict.
    standIn.touchReuse(reuse().id, { title });
    editor.edit((d) => (d.title = 'Encore le mien'));
    assert.equal(await editor.save(), false);
    standIn.requests.length = 0;
    await window.files.discardMine(window.conflicts[1].uri);
    await editor.settle();
    assert.equal(editor.isDirty, false);
    assert.match(editor.getText(), new RegExp(`"title": "${title}"`));
    assert.equal(puts().length, 0);
  });

  test('case 2: their change of another field is merged, never reverted; the status bar says what came from data.gouv.fr', async () => {
    const editor = await openReuse();
    standIn.touchReuse(reuse().id, { description: 'Changée par une collègue.' });
    editor.edit((d) => (d.title = 'Mon titre'));
    assert.equal(await editor.save(), true, editor.lastError);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Mon titre' }],
    );
    assert.equal(reuse().description, 'Changée par une collègue.');
    assert.match(fake.statusBarMessages.at(-1) ?? '', /merged from data.gouv.fr: description/);
    await editor.settle();
    assert.match(editor.getText(), /"description": "Changée par une collègue."/, 'the editor shows the merged document');
    assert.equal(editor.isDirty, false);
  });

  test('case 2: the base survives session events, actions on the reuse and a restart', async () => {
    const storage = new MemoryStorage();
    const first = await open(storage);
    const editor = await openReuse(first);
    await first.session.me(); // who opened it is known (and kept with the base)
    await tick();
    editor.edit((d) => (d.title = 'Mon titre'));
    // Meanwhile: a colleague edits the description; the key is set again (same
    // account); the reuse is followed (an action that reloads open documents).
    standIn.touchReuse(reuse().id, { description: 'Changée par une collègue.' });
    await secrets.store(secretNameFor(standIn.origin), SAMPLE_API_KEY);
    await first.files.refreshKey(reuse().id);
    await tick();
    assert.equal(await editor.save(), true, editor.lastError);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Mon titre' }],
    );

    // A restart: a new window on the same workspace storage, the dirty text restored.
    editor.edit((d) => (d.tags = ['velo', 'irve', 'nouveau']));
    standIn.touchReuse(reuse().id, { description: 'Encore changée.' });
    first.dispose();
    const restarted = await open(storage);
    standIn.requests.length = 0;
    const stat = await restarted.files.stat(editor.uri as never);
    assert.equal(standIn.requests.length, 0, 'the restored base answers the stat');
    assert.ok(stat.mtime > 0);
    const text = editor.getText();
    await restarted.files.writeFile(editor.uri as never, new TextEncoder().encode(text));
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ tags: ['velo', 'irve', 'nouveau'] }],
    );
    assert.equal(reuse().description, 'Encore changée.');
  });

  test('a document whose base is unknown: every difference with data.gouv.fr is a conflict, nothing sent', async () => {
    const editor = await openReuse();
    editor.edit((d) => (d.title = 'Mon titre'));
    const fresh = await open(new MemoryStorage()); // another window that never opened it
    await fresh.files.stat(editor.uri as never);
    await assert.rejects(fresh.files.writeFile(editor.uri as never, new TextEncoder().encode(editor.getText())), /Not saved: title changed/);
    assert.equal(puts().length, 0);
  });

  test('case 5: a value normalised to the same length (tags re-ordered) is shown after the save', async () => {
    const editor = await openReuse();
    editor.edit((d) => (d.tags = ['zz-tag', 'aa-tag']));
    assert.equal(await editor.save(), true, editor.lastError);
    await editor.settle();
    assert.match(editor.getText(), /"tags": \[\n    "aa-tag",\n    "zz-tag"\n  \]/);
    assert.equal(editor.isDirty, false);
    standIn.requests.length = 0;
    editor.edit((d) => (d.title = 'Autre'));
    assert.equal(await editor.save(), true);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Autre' }],
      'the tags are not sent again',
    );
  });

  test('case 6: a last_modified bump alone (a follow) saves without any prompt', async () => {
    const editor = await openReuse();
    await window.session.client.followReuse(reuse().id);
    standIn.touchReuse(reuse().id, {});
    editor.edit((d) => (d.title = 'Mon titre'));
    assert.equal(await editor.save(), true, editor.lastError);
    assert.equal(editor.fileIsNewer, false);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Mon titre' }],
    );
    assert.deepEqual(window.conflicts, []);
  });

  test('a clean editor shows a newer version when the extension learns of one; a dirty one keeps its text', async () => {
    const editor = await openReuse();
    standIn.touchReuse(reuse().id, { description: 'Nouvelle.' });
    await window.files.refreshKey(reuse().id);
    await editor.settle();
    assert.match(editor.getText(), /"description": "Nouvelle."/);
    editor.edit((d) => (d.title = 'Mon titre'));
    standIn.touchReuse(reuse().id, { description: 'Plus récente.' });
    await window.files.refreshKey(reuse().id);
    await editor.settle();
    assert.match(editor.getText(), /"description": "Nouvelle."/);
    assert.match(editor.getText(), /"title": "Mon titre"/);
    assert.equal(await editor.save(), true);
    assert.equal(editor.fileIsNewer, false);
  });

  test('a tab reopened on a document VS Code kept shows the version of data.gouv.fr now', async () => {
    const editor = await openReuse();
    editor.closeTab();
    standIn.touchReuse(reuse().id, { description: 'Changée entre-temps.' });
    await tick(3_100); // past the window in which a just-read document is not read again
    standIn.requests.length = 0;
    editor.reopenTab();
    await editor.settle();
    assert.match(editor.getText(), /"description": "Changée entre-temps."/);
    assert.deepEqual(requests(), [`GET /reuses/${reuse().id}/`]);
  });
});

describe('saving as the account and API that opened the document', () => {
  test('case 3: the profile opened as Camille, the API switched to one where Jean is signed in: refused, nothing sent', async () => {
    const other = await startStandIn();
    try {
      await secrets.store(secretNameFor(other.origin), OTHER_USER_API_KEY);
      const profile = await EditorModel.open(window.files, '/me/profile.json');
      profile.edit((d) => (d.about = 'Écrit par Camille.'));
      setApiUrl(other.apiUrl);
      await waitFor(() => window.session.identity.origin === other.origin && window.session.isSignedIn, 'the other API');
      other.requests.length = 0;
      standIn.requests.length = 0;
      assert.equal(await profile.save(), false);
      assert.match(
        profile.lastError ?? '',
        new RegExp(`opened on ${standIn.origin} as Camille Martin \\(camille-martin\\), and the extension now uses ${other.origin}`),
      );
      assert.deepEqual(
        [...other.requests, ...standIn.requests].filter((r) => r.method !== 'GET'),
        [],
      );
      assert.equal(profile.isDirty, true);
      assert.equal(other.data.users.find((u) => u.slug === 'jean-dupont')?.about ?? '', other.data.users.find((u) => u.slug === 'jean-dupont')?.about);
      // Back to the first API: the save goes through, as Camille.
      setApiUrl(standIn.apiUrl);
      await waitFor(() => window.session.identity.origin === standIn.origin && window.session.isSignedIn, 'the first API');
      assert.equal(await profile.save(), true, profile.lastError);
      assert.deepEqual(
        puts().map((p) => [p.path, p.apiKey, p.body]),
        [['/me/', 'valid', { about: 'Écrit par Camille.' }]],
      );
      assert.equal(standIn.data.users[0].about, 'Écrit par Camille.');
    } finally {
      await other.close();
    }
  });

  test('another window signs in as another account while a document is dirty: that save is refused', async () => {
    const editor = await openReuse();
    await window.session.me();
    editor.edit((d) => (d.title = 'Mon titre'));
    const before = window.session.identity;
    await secrets.store(secretNameFor(standIn.origin), OTHER_USER_API_KEY); // another window
    await waitFor(() => window.session.identity !== before, 'the new key');
    standIn.requests.length = 0;
    assert.equal(await editor.save(), false);
    assert.match(editor.lastError ?? '', /opened as Camille Martin \(camille-martin\), and you are now signed in as Jean Dupont \(jean-dupont\)/);
    assert.deepEqual(puts(), []);
    // Signing in as Camille again lets it through.
    const jean = window.session.identity;
    await secrets.store(secretNameFor(standIn.origin), SAMPLE_API_KEY);
    await waitFor(() => window.session.identity !== jean, 'the first key again');
    assert.equal(await editor.save(), true, editor.lastError);
    assert.deepEqual(
      puts().map((p) => p.body),
      [{ title: 'Mon titre' }],
    );
  });

  test('signed out meanwhile: refused with the way back, nothing sent', async () => {
    const editor = await openReuse();
    editor.edit((d) => (d.title = 'Mon titre'));
    await secrets.delete(secretNameFor(standIn.origin));
    await waitFor(() => !window.session.isSignedIn, 'the sign-out');
    standIn.requests.length = 0;
    assert.equal(await editor.save(), false);
    assert.match(editor.lastError ?? '', /you are signed out of .*Set API Key/);
    assert.equal(standIn.requests.length, 0);
  });
});

describe('the identity follows the key', () => {
  test('case 4: a key replaced by another account drops the cached /me, organizations and admin flag', async () => {
    const camille = await window.session.me();
    assert.equal(camille.slug, 'camille-martin');
    const forgotten: unknown[] = [];
    window.session.onDidLoadMe((me) => forgotten.push(me));
    await secrets.store(secretNameFor(standIn.origin), OTHER_USER_API_KEY);
    await waitFor(() => forgotten.length > 0, 'Camille forgotten');
    assert.deepEqual(forgotten, [undefined], 'the status bar and admin context forget Camille');
    const jean = await window.session.me();
    assert.equal(jean.slug, 'jean-dupont');
  });

  test('a client captured before the key changed keeps sending its own key', async () => {
    const client = window.session.client;
    await secrets.store(secretNameFor(standIn.origin), OTHER_USER_API_KEY);
    await waitFor(() => window.session.client !== client, 'the new key');
    assert.equal((await client.getMe()).slug, 'camille-martin');
    assert.equal((await window.session.client.getMe()).slug, 'jean-dupont');
  });
});
