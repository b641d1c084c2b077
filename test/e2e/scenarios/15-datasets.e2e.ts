// Datasets and resources as documents: a click on a dataset in Organization Datasets
// opens it; its title and license typed and saved are one PUT (with the tags and the
// temporal coverage, which udata's form would clear if absent, and never the
// resources). Expanding it loads its resources; one opens and saves the same way. Files
// of the workspace are uploaded by command (streamed: the stand-in counts their bytes)
// and dropped from the Explorer; Replace File… swaps a resource's file.
import { describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { e2e, signedInScenario, standIn, step, type Workbench } from '../harness';
import type { Locator } from '../playwright';

const DATASET = { id: '0000da7a0000000000000002', title: 'Bornes de recharge pour véhicules électriques' };
const RESOURCE_TITLE = 'Bornes IRVE (GeoJSON)';
const folder = join(e2e.workspacesDir, '15-datasets');

interface Upload {
  datasetId: string;
  resourceId: string;
  filename: string;
  size: number;
  complete: boolean;
}
const uploads = async () => (await (await fetch(`${e2e.standInOrigin}/__control/uploads`)).json()) as Upload[];

/** A CSV of about `bytes` bytes. */
function csv(bytes: number, seed: string): string {
  const lines = ['id;commune;puissance_kw'];
  for (let i = 0; lines.join('\n').length < bytes; i++) lines.push(`${seed}-${i};Saint-Rémy-sur-Loire;${(i % 50) + 3}`);
  return lines.join('\n') + '\n';
}

/**
 * Picks a file in code-server's open dialog, which is VS Code's own: a path in the quick
 * input. The dialog first fills in its folder; a path typed before that is replaced.
 */
async function pickFile(wb: Workbench, path: string): Promise<void> {
  await wb.quickInputBox.waitFor({ state: 'visible' });
  for (let i = 0; i < 100 && !(await wb.quickInputBox.inputValue()).startsWith(folder); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  await wb.quickInputBox.fill(path);
  for (let i = 0; i < 50 && (await wb.quickInputBox.inputValue()) !== path; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  // The list follows the typed path: Enter accepts once it shows the file alone.
  await wb.quickPickRows(basename(path)).first().waitFor({ state: 'visible' });
  await wb.page.keyboard.press('Enter');
}

describe('Datasets and resources', () => {
  const session = signedInScenario({ sidebar: true });
  const files = { first: join(folder, 'mesures-2026.csv'), second: join(folder, 'mesures-2027.csv'), dropped: join(folder, 'stations.json') };
  before(() => {
    writeFileSync(files.first, csv(300_000, 'a'));
    writeFileSync(files.second, csv(120_000, 'b'));
    writeFileSync(files.dropped, JSON.stringify({ stations: [{ id: 1, nom: 'Mairie' }] }));
  });

  step('a click on a dataset opens it as a document, without its resources', async () => {
    const { wb } = session;
    await (await wb.revealTreeRow('Organization Datasets', DATASET.title)).click();
    const text = await wb.waitForEditorText(`"title": "${DATASET.title}"`);
    assert.match(text, /"license": "lov2"/);
    assert.match(text, /"temporal_coverage": \{/);
    assert.doesNotMatch(text, /"resources"|"slug"|"metrics"/);
    await standIn.waitForRequests((request) => request.method === 'GET' && request.path === `/datasets/${DATASET.id}/`);
  });

  step("completion offers data.gouv.fr's licenses, from its own list", async () => {
    const { wb } = session;
    await wb.goToEndOfLineWith('"license": "lov2"');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'lov2'.length; i++) await wb.page.keyboard.press('Shift+ArrowLeft');
    await wb.page.keyboard.press('Control+Space');
    await wb.page.locator('.suggest-widget .monaco-list-row', { hasText: 'odc-odbl' }).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');
    await standIn.waitForRequests((request) => request.path === '/datasets/licenses/');
  });

  step('title and license typed, Ctrl+S: one PUT with them, the tags and the coverage, never the resources', async () => {
    const { wb } = session;
    await wb.goToEndOfLineWith(`"title": "${DATASET.title}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' (IRVE)');
    await wb.goToEndOfLineWith('"license": "lov2"');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'lov2'.length; i++) await wb.page.keyboard.press('Backspace');
    await wb.page.keyboard.type('odc-odbl');
    await wb.waitForTabState('dirty');
    await wb.save();
    await wb.waitForTabState('clean');
    const puts = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.equal(puts.length, 1);
    assert.equal(puts[0].path, `/datasets/${DATASET.id}/`);
    assert.equal(puts[0].status, 200);
    const body = puts[0].body as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['license', 'tags', 'temporal_coverage', 'title']);
    assert.equal(body.title, `${DATASET.title} (IRVE)`);
    assert.equal(body.license, 'odc-odbl');
    await wb.treeRows('Organization Datasets', `${DATASET.title} (IRVE)`).first().waitFor({ state: 'visible' });
  });

  step('expanding the dataset loads its resources; one opens as a document and saves its title', async () => {
    const { wb } = session;
    const row = await wb.revealTreeRow('Organization Datasets', `${DATASET.title} (IRVE)`);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await (await wb.revealTreeRow('Organization Datasets', new RegExp(`^${RESOURCE_TITLE.replace(/[()]/g, '\\$&')}`))).click();
    const text = await wb.waitForEditorText(`"title": "${RESOURCE_TITLE}"`);
    assert.match(text, /"filetype": "file"/);
    await wb.goToEndOfLineWith(`"title": "${RESOURCE_TITLE}"`);
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' 2026');
    await wb.save();
    await wb.waitForTabState('clean');
    const puts = await standIn.waitForRequests((request) => request.method === 'PUT' && request.path.includes('/resources/'));
    assert.equal(puts.length, 1);
    assert.match(puts[0].path, new RegExp(`^/datasets/${DATASET.id}/resources/[0-9a-f-]{36}/$`));
    assert.deepEqual(puts[0].body, { title: `${RESOURCE_TITLE} 2026` });
  });

  step('Upload Resource… from the context menu: a workspace file streamed in, with its exact size', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.revealTreeRow('Organization Datasets', `${DATASET.title} (IRVE)`), /^Upload Resource…$/);
    await pickFile(wb, files.first);
    await wb.notification(/“mesures-2026\.csv” is uploaded to/);
    const posts = await standIn.waitForRequests((request) => request.method === 'POST' && request.path === `/datasets/${DATASET.id}/upload/`);
    assert.equal(posts[0].status, 201);
    const [upload] = await uploads();
    assert.equal(upload.filename, 'mesures-2026.csv');
    assert.equal(upload.size, Buffer.byteLength(csv(300_000, 'a')));
    assert.equal(upload.complete, true);
    await wb.revealTreeRow('Organization Datasets', /^mesures-2026\.csv/);
  });

  step('Replace File… on that resource: the new file, the title now its name', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.revealTreeRow('Organization Datasets', /^mesures-2026\.csv/), /^Replace File…$/);
    await pickFile(wb, files.second);
    await wb.notification(/The file of the resource is replaced by “mesures-2027\.csv”/);
    const replaced = await standIn.waitForRequests((request) => request.method === 'POST' && /\/resources\/[0-9a-f-]{36}\/upload\/$/.test(request.path));
    assert.equal(replaced[0].status, 200);
    const all = await uploads();
    assert.equal(all.length, 2);
    assert.equal(all[1].size, Buffer.byteLength(csv(120_000, 'b')));
    assert.equal(all[1].resourceId, all[0].resourceId, 'the same resource');
  });

  step('a file dragged from the Explorer and dropped on the dataset is uploaded to it', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    const center = async (locator: Locator) => {
      const box = await locator.boundingBox();
      if (!box) throw new Error('not on screen');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    // The Explorer and the data.gouv.fr views share the side bar: the drag starts in the
    // Explorer, waits on data.gouv.fr's activity bar icon (VS Code opens a container
    // dragged over), then drops on the dataset, as a user does.
    // The Reuses view folded too: Organization Datasets then has room for the dataset's
    // children (expanded under the drag) without scrolling it under a sticky header.
    const reusesHeader = wb.view('Reuses').locator('.pane-header');
    if ((await reusesHeader.getAttribute('aria-expanded')) === 'true') await reusesHeader.click();
    await wb.page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    const source = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'stations.json' }).first();
    await source.waitFor({ state: 'visible' });
    const from = await center(source);
    const icon = await center(wb.page.locator('.part.activitybar .action-item a[aria-label^="data.gouv.fr"]').first());
    await wb.page.mouse.move(from.x, from.y);
    await wb.page.mouse.down();
    await wb.page.mouse.move(from.x + 20, from.y + 5, { steps: 5 });
    await wb.page.mouse.move(icon.x, icon.y, { steps: 10 });
    const targetRow = wb.treeRows('Organization Datasets', `${DATASET.title} (IRVE)`).first();
    for (let i = 0; i < 30 && !(await targetRow.isVisible()); i++) {
      await wb.page.mouse.move(icon.x, icon.y + (i % 2), { steps: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const to = await center(targetRow);
    await wb.page.mouse.move(to.x, to.y, { steps: 10 });
    await wb.page.mouse.up();
    await wb.notification(/“stations\.json” is uploaded to/);
    const all = await uploads();
    assert.equal(all.at(-1)?.filename, 'stations.json');
    assert.equal((await standIn.requests()).filter((request) => request.method === 'POST' && request.path === `/datasets/${DATASET.id}/upload/`).length, 2);
  });
});
