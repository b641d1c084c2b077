// After a save the editor shows what data.gouv.fr stored, not what was typed: the server
// slugifies, de-duplicates and sorts tags.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { SAMPLE_REUSES, signIn, standIn, step, useWorkbench } from '../harness';

const { id, title } = SAMPLE_REUSES.editable;

describe('The editor shows what the server stored', () => {
  const session = useWorkbench();

  step('a tag typed with capitals and accents comes back slugified and sorted', async () => {
    const { wb } = session;
    await wb.showSidebar();
    await signIn(wb, SAMPLE_API_KEY);
    await wb.treeRows('Reuses', title).first().click();
    await wb.waitForEditorText('"vehicule-electrique"');
    await wb.goToEndOfLineWith('"vehicule-electrique"');
    await wb.page.keyboard.type(', "Vélo Électrique", "IRVE"');
    await wb.waitForTabState('dirty');
    await wb.save();

    const [put] = await standIn.waitForRequests((request) => request.method === 'PUT');
    assert.deepEqual(put.body, { tags: ['irve', 'mobilite', 'vehicule-electrique', 'Vélo Électrique', 'IRVE'] });
    assert.equal(put.path, `/reuses/${id}/`);
    const text = await wb.waitForEditorText('"velo-electrique"');
    assert.doesNotMatch(text, /Vélo Électrique|"IRVE"/, 'the typed values are replaced by the stored ones');
    assert.match(text, /"irve",\s*"mobilite",\s*"vehicule-electrique",\s*"velo-electrique"/);
    await wb.waitForTabState('clean');
  });
});
