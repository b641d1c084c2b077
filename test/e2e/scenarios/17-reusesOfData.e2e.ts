// Who reuses my data: a dataset of Organization Datasets, expanded, shows Reuses (n)
// (counted by the request that loaded its resources); expanded, one masked page of its
// reuses, then Load more for the rest; someone else's opens read-only. Open Reuse…
// searches all of data.gouv.fr when what is typed matches none of Camille's reuses:
// debounced, one request for the whole text, the answers marked as not hers. A
// community resource someone attached to her dataset shows with its author and date,
// and opens in the browser.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNITY_RESOURCES_PAGE_MASK, DATASET_RESOURCES_MASK, DATASET_REUSES_PAGE_MASK, REUSE_SUGGESTION_MASK } from '../../../src/api/fieldMasks';
import { SAMPLE_REUSES, signedInScenario, standIn, step } from '../harness';

const VIEW = 'Organization Datasets';
const GTFS = { id: '0000da7a0000000000000001', title: 'Horaires théoriques du réseau de bus (GTFS)' };
const IRVE = { id: '0000da7a0000000000000002', title: 'Bornes de recharge pour véhicules électriques' };

describe('Who reuses my data', () => {
  const session = signedInScenario({ sidebar: true });

  step('a dataset expanded shows Reuses (21); expanded, 20 reuses and Load more; Load more brings the last two', async () => {
    const { wb } = session;
    // Room for 22 reuses: the Reuses view collapsed, Organization Datasets takes the height.
    await wb.view('Reuses').locator('.pane-header').click();
    await (await wb.revealTreeRow(VIEW, GTFS.title)).locator('.monaco-tl-twistie').click();
    const reuses = await wb.revealTreeRow(VIEW, /^Reuses \(21\)$/);
    const [resources] = await standIn.waitForRequests((request) => request.path === `/datasets/${GTFS.id}/`);
    assert.equal(resources.fields, DATASET_RESOURCES_MASK, 'the count comes with the resources');
    assert.ok(!(await standIn.requests()).some((request) => request.path === '/reuses/'), 'no reuse asked before Reuses is expanded');

    await reuses.locator('.monaco-tl-twistie').click();
    await wb.revealTreeRow(VIEW, /^Prochain bus\s*Application · Jean Dupont$/);
    await wb.revealTreeRow(VIEW, /^BusMap Loire\s*Visualization · Observatoire citoyen de l’air$/);
    await wb.revealTreeRow(VIEW, /^Reuses \(22\)$/);
    const [first] = await standIn.waitForRequests((request) => request.path === '/reuses/');
    assert.equal(first.query, `?dataset=${GTFS.id}&page=1&page_size=20`);
    assert.equal(first.fields, DATASET_REUSES_PAGE_MASK);

    await (await wb.revealTreeRow(VIEW, /^Load more…\s*20 of 22$/)).click();
    await wb.revealTreeRow(VIEW, /^API des horaires de bus en temps réel\s*API · Agence régionale des mobilités$/);
    await wb.revealTreeRow(VIEW, /^Billet : nos données de mobilité en 2025\s*Blog post · deleted · Camille Martin$/);
    const pages = await standIn.waitForRequests((request) => request.path === '/reuses/', 2);
    assert.equal(pages[1].query, `?dataset=${GTFS.id}&page=2&page_size=20`);
    assert.equal(await wb.treeRows(VIEW, /^Load more…/).count(), 0, 'nothing more to load');
  });

  step('someone else’s reuse opens from there, read-only', async () => {
    const { wb } = session;
    await (await wb.revealTreeRow(VIEW, /^Prochain bus\s*Application/)).click();
    await wb.waitForEditorText('"title": "Prochain bus"');
    await wb.notification(/may read this reuse but not edit it/);
  });

  step('Open Reuse…: text matching none of hers asks data.gouv.fr once; the reuse found, not hers, opens read-only', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    await wb.runCommand('data.gouv.fr: Open Reuse…');
    // Her reuses are listed first (the search waits for them).
    await wb.quickPickRows(SAMPLE_REUSES.editable.title).first().waitFor({ state: 'visible' });
    const before = (await standIn.requests()).length;
    await wb.page.keyboard.type('tableau de bord', { delay: 20 });
    const found = wb.quickPickRows(/Capteurs citoyens : tableau de bord/).first();
    await found.waitFor({ state: 'visible' });
    assert.match(await found.innerText(), /not yours · found on data\.gouv\.fr/);
    const searches = (await standIn.requests()).slice(before).filter((request) => request.path === '/reuses/suggest/');
    assert.deepEqual(
      searches.map((request) => [request.query, request.fields]),
      [['?q=tableau%20de%20bord&size=10', REUSE_SUGGESTION_MASK]],
      'fifteen keystrokes, one request',
    );
    await found.click();
    await wb.waitForEditorText(`"title": "${SAMPLE_REUSES.readOnly.title}"`);
    await wb.notification(/may read this reuse but not edit it/);
  });

  step('a community resource under her dataset: its author and date; a click opens the file in the browser', async () => {
    const { wb } = session;
    // The bus timetables folded away: the first Community Resources is then the charging stations'.
    await (await wb.revealTreeRow(VIEW, GTFS.title)).locator('.monaco-tl-twistie').click();
    await (await wb.revealTreeRow(VIEW, IRVE.title)).locator('.monaco-tl-twistie').click();
    await (await wb.revealTreeRow(VIEW, /^Community Resources \(1\)$/)).locator('.monaco-tl-twistie').click();
    const row = await wb.revealTreeRow(VIEW, /^Bornes IRVE aux coordonnées vérifiées\s*Jean Dupont · Nov 15, 2026 · CSV$/);
    const [asked] = await standIn.waitForRequests((request) => request.path === '/datasets/community_resources/');
    assert.equal(asked.query, `?dataset=${IRVE.id}&page=1&page_size=20`);
    assert.equal(asked.fields, COMMUNITY_RESOURCES_PAGE_MASK);
    await row.click();
    // VS Code asks before it opens a site it does not trust yet.
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: 'jean-dupont.example.org' });
    await dialog.waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');
    assert.deepEqual(
      (await standIn.requests()).filter((request) => request.method !== 'GET'),
      [],
      'nothing but reads',
    );
  });

  step('Follow Reuse… from the palette searches all of data.gouv.fr too, and follows the reuse found', async () => {
    const { wb } = session;
    // No reuse document active: the command asks which reuse.
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('data.gouv.fr: Follow Reuse');
    await wb.quickPickRows(SAMPLE_REUSES.editable.title).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.type('tableau de bord', { delay: 20 });
    const found = wb.quickPickRows(/Capteurs citoyens : tableau de bord/).first();
    await found.waitFor({ state: 'visible' });
    assert.match(await found.innerText(), /not yours · found on data\.gouv\.fr/);
    await found.click();
    await wb.notification(/You follow “Capteurs citoyens : tableau de bord”/);
    const [follow] = await standIn.waitForRequests(
      (request) => request.method === 'POST' && request.path === `/reuses/${SAMPLE_REUSES.readOnly.id}/followers/`,
    );
    assert.equal(follow.status, 201);
  });
});
