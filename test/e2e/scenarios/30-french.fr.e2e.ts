// French at runtime: VS Code whose display language is French (code-server --locale fr,
// run.ts), the extension speaks French — the views' titles and welcome text
// (package.nls.fr.json), the palette, a notification and a save error
// (l10n/bundle.l10n.fr.json), and the document schema's hover (media/*.schema.fr.json).
// VS Code's own texts stay English: its French language pack cannot be downloaded here.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { SAMPLE_REUSES, apiKeyBox, standIn, step, useWorkbench, type ViewTitle } from '../harness';

const { title } = SAMPLE_REUSES.editable;
const REUSES = 'Réutilisations' as ViewTitle;

describe('The extension in French', () => {
  const session = useWorkbench();

  step('the views are titled in French and, signed out, welcome in French', async () => {
    const { wb } = session;
    await wb.page.locator('.part.activitybar .action-item a[aria-label^="data.gouv.fr"]').first().click();
    await wb.page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Réutilisations$/ }).waitFor({ state: 'visible' });
    await wb.page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Jeux de données des organisations$/ }).waitFor({ state: 'visible' });
    await wb.welcome(REUSES).filter({ hasText: 'Retrouvez ici vos réutilisations data.gouv.fr' }).waitFor({ state: 'visible' });
    await wb.welcome(REUSES).getByRole('button', { name: 'Définir la clé d’API' }).waitFor({ state: 'visible' });
  });

  step('the palette command and the notification of a sign-in are in French', async () => {
    const { wb } = session;
    await wb.runCommand('data.gouv.fr: Définir la clé d’API');
    const box = apiKeyBox(wb);
    await box.waitFor({ state: 'visible' });
    await box.fill(SAMPLE_API_KEY);
    await box.press('Enter');
    await wb.notification('Connecté en tant que Camille Martin');
    await wb.quickInput.waitFor({ state: 'hidden' });
  });

  step('the schema hover of the reuse document and a refused save are in French', async () => {
    const { wb } = session;
    await wb.clearNotifications();
    await wb.treeRows(REUSES, title).first().click();
    await wb.waitForEditorText(`"title": "${title}"`);
    await wb.editor.locator('.view-line span', { hasText: '"type"' }).first().hover();
    await wb.page.locator('.monaco-hover', { hasText: 'Type de réutilisation (obligatoire).' }).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');

    await wb.goToEndOfLineWith('"type": "application"');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'application'.length; i++) await wb.page.keyboard.press('Backspace');
    await wb.page.keyboard.type('appli');
    await wb.save();
    await wb.notification(/Non enregistré : « appli » n’est pas un type de réutilisation/);
    assert.equal(await wb.activeTabIsDirty(), true, 'the text is kept');
    assert.deepEqual(
      (await standIn.requests()).filter((request) => request.method === 'PUT'),
      [],
      'nothing sent',
    );
  });
});
