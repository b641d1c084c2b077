// Both views list the sample reuses and datasets, grouped by owner; expanding a
// dataset shows its resources, expanding a reuse its datasets.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { DATASET_RESOURCES_MASK } from '../../../src/api/fieldMasks';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { signIn, standIn, step, useWorkbench } from '../harness';

describe('The sidebar lists reuses and datasets', () => {
  const session = useWorkbench();

  step('Reuses lists the reuses of Camille and of her organizations', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', 'Carte des bornes de recharge de Saint-Rémy').waitFor({ state: 'visible' });
    const rows = await wb.treeRowTexts('Reuses');
    for (const expected of [
      /^Personal\s*2 reuses/,
      /^Itinéraires cyclables du dimanche\s*Idea · private/,
      /^Agence régionale des mobilités\s*1 reuse/,
      /^API des horaires de bus en temps réel\s*API/,
      /^Mairie de Saint-Rémy-sur-Loire\s*3 reuses/,
      /^Carte des bornes de recharge de Saint-Rémy\s*Application/,
      /^Le budget 2026 expliqué aux habitants\s*News article · archived/,
    ]) {
      assert.ok(
        rows.some((row) => expected.test(row)),
        `a row matches ${expected}; rows: ${rows.join(' | ')}`,
      );
    }
    assert.ok(!rows.some((row) => row.includes('Capteurs citoyens')), "another organization's reuse is not listed");
    await standIn.waitForRequests((request) => request.path.startsWith('/me/org_reuses/') && request.status === 200);
  });

  step('Organization Datasets lists the datasets', async () => {
    const { wb } = session;
    await wb.treeRows('Organization Datasets').first().waitFor({ state: 'visible' });
    const rows = await wb.treeRowTexts('Organization Datasets');
    for (const expected of [
      /^Personal\s*1 dataset/,
      /^Mes relevés de températures au jardin/,
      /^Mairie de Saint-Rémy-sur-Loire\s*4 datasets/,
      // Resources load when a dataset is expanded: no count before.
      /^Bornes de recharge pour véhicules électriques\s*quality 47%/,
      /^Menus des cantines scolaires\s*Archived/,
    ]) {
      assert.ok(
        rows.some((row) => expected.test(row)),
        `a row matches ${expected}; rows: ${rows.join(' | ')}`,
      );
    }
    await standIn.waitForRequests((request) => request.path.startsWith('/me/org_datasets/') && request.status === 200);
  });

  step('expanding a dataset loads its resources (one small request); expanding a reuse shows its datasets', async () => {
    const { wb } = session;
    const dataset = await wb.revealTreeRow('Organization Datasets', 'Bornes de recharge pour véhicules électriques');
    assert.equal(await dataset.getAttribute('aria-expanded'), 'false');
    await dataset.locator('.monaco-tl-twistie').click();
    await wb.revealTreeRow('Organization Datasets', /^Bornes IRVE \(GeoJSON\)\s*GEOJSON/);
    await wb.revealTreeRow('Organization Datasets', /^Documentation\s*XLSX/);
    await standIn.waitForRequests((request) => request.path === '/datasets/0000da7a0000000000000002/' && request.fields === DATASET_RESOURCES_MASK);
    assert.equal(
      await (await wb.revealTreeRow('Organization Datasets', 'Bornes de recharge pour véhicules électriques')).getAttribute('aria-expanded'),
      'true',
    );

    const reuse = await wb.revealTreeRow('Reuses', 'Carte des bornes de recharge de Saint-Rémy');
    await reuse.locator('.monaco-tl-twistie').click();
    await wb.revealTreeRow('Reuses', 'Bornes de recharge pour véhicules électriques');
    assert.equal(await (await wb.revealTreeRow('Reuses', 'Carte des bornes de recharge de Saint-Rémy')).getAttribute('aria-expanded'), 'true');
    assert.equal(await wb.page.locator('.part.editor .tabs-container .tab').count(), 0, 'expanding opens no editor');
  });
});
