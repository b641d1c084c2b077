// The Discussions view, third of the data.gouv.fr container, starts collapsed. Expanded,
// it lists the open discussions on the user's and organizations' datasets and reuses
// (udata sends no closed one), grouped by the organization that owns each subject.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { signIn, standIn, step, useWorkbench } from '../harness';

describe('The Discussions view', () => {
  const session = useWorkbench();

  step('it is the third view and starts collapsed', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses').first().waitFor({ state: 'visible' });
    const titles = await wb.page.locator('.part.sidebar .pane-header h3.title').allInnerTexts();
    assert.deepEqual(titles, ['Reuses', 'Organization Datasets', 'Discussions']);
    const header = wb.view('Discussions').locator('.pane-header');
    assert.equal(await header.getAttribute('aria-expanded'), 'false');
    assert.equal(await wb.treeRows('Discussions').count(), 0, 'no rows while collapsed');
    const paths = (await standIn.requests()).map((request) => request.path);
    assert.ok(!paths.includes('/me/org_discussions/'), `collapsed, the view asks nothing; asked: ${paths.join(', ')}`);
  });

  step('expanded, it lists the open discussions under the organization that owns their subject', async () => {
    const { wb } = session;
    const header = wb.view('Discussions').locator('.pane-header');
    await header.click();
    assert.equal(await header.getAttribute('aria-expanded'), 'true');
    await wb.treeRows('Discussions', 'Coordonnées erronées pour deux bornes').waitFor({ state: 'visible' });
    const rows = await wb.treeRowTexts('Discussions');
    // In each organization, the newest message first.
    const expected = [
      /^Mairie de Saint-Rémy-sur-Loire\s*2 discussions$/,
      /^Lien cassé vers la carte\s*Reuse · Nov 19, 2026$/,
      /^Coordonnées erronées pour deux bornes\s*Dataset · Nov 18, 2026$/,
    ];
    assert.equal(rows.length, expected.length, `rows: ${rows.join(' | ')}`);
    rows.forEach((row, index) => assert.match(row, expected[index], `row ${index}: ${rows.join(' | ')}`));
    assert.equal(rows.filter((row) => /closed$/.test(row)).length, 0, 'udata sends open discussions only');

    const asked = await standIn.waitForRequests((request) => request.path === '/me/org_discussions/');
    assert.equal(asked[0].status, 200);
    assert.equal(asked[0].apiKey, 'valid');
  });
});
