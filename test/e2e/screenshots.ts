// `npm run screenshots`: the README's pictures, taken in the real workbench against the
// stand-in's sample data and written to media/screenshots/ (kept out of the .vsix).
// Each picture is taken only when what it shows exists; the list says which were taken.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_API_KEY } from '../server/sampleData';
import { SAMPLE_REUSES, Workbench, apiKeyBox, closeBrowser, signIn } from './harness';
import { REPO_ROOT, buildVsix, say, startEnvironment, stopAll, stopOnSignals } from './launcher';

const OUT = join(REPO_ROOT, 'media', 'screenshots');

async function main(): Promise<void> {
  stopOnSignals();
  const env = await startEnvironment({ vsix: buildVsix(), locale: 'en' });
  process.env.E2E_CODE_SERVER = env.codeServerOrigin;
  process.env.E2E_WORKSPACES = join(env.tempDir, 'workspaces');
  process.env.E2E_PLAYWRIGHT_CORE = env.tools.playwrightCore;
  process.env.E2E_CHROMIUM = env.tools.chromium;
  mkdirSync(OUT, { recursive: true });

  const taken: string[] = [];
  const wb = await Workbench.open({ width: 1280, height: 880, workspace: 'my-project' });
  const shot = async (name: string) => {
    await wb.screenshot(join(OUT, `${name}.png`));
    taken.push(`media/screenshots/${name}.png`);
  };
  try {
    // A wider side bar, so that titles show whole.
    await wb.showSidebar();
    const sidebar = await wb.page.locator('.part.sidebar').boundingBox();
    const sashes = wb.page.locator('.monaco-sash.vertical');
    for (let i = 0; sidebar && i < (await sashes.count()); i++) {
      const box = await sashes.nth(i).boundingBox();
      if (!box || Math.abs(box.x + box.width / 2 - (sidebar.x + sidebar.width)) > 6) continue;
      const y = sidebar.y + sidebar.height / 2;
      await wb.page.mouse.move(box.x + box.width / 2, y);
      await wb.page.mouse.down();
      await wb.page.mouse.move(box.x + box.width / 2 + 120, y, { steps: 5 });
      await wb.page.mouse.up();
      break;
    }

    // Signed out: the welcome views.
    await wb.welcome('Reuses').getByRole('button', { name: 'Set API Key' }).waitFor({ state: 'visible' });
    await shot('welcome');

    // The API key box, with the (fake, local) sample key pasted: shown as dots.
    await wb.runCommand('data.gouv.fr: Set API Key');
    await apiKeyBox(wb).fill(SAMPLE_API_KEY);
    await shot('set-api-key');
    await wb.page.keyboard.press('Escape');
    await signIn(wb, SAMPLE_API_KEY);
    await wb.clearNotifications();

    // The sidebar, a dataset expanded, and a reuse open from it.
    const { title } = SAMPLE_REUSES.editable;
    await wb.treeRows('Reuses', title).first().waitFor({ state: 'visible' });
    const dataset = await wb.revealTreeRow('Organization Datasets', 'Bornes de recharge pour véhicules électriques');
    await dataset.locator('.monaco-tl-twistie').click();
    await wb.revealTreeRow('Organization Datasets', 'Bornes IRVE');
    await wb.treeRows('Reuses', title).first().click();
    await wb.waitForEditorText(`"title": "${title}"`);
    await shot('sidebar');

    // Completion of the type: the values with their labels.
    await wb.goToEndOfLineWith('"type": "application"');
    for (let i = 0; i < 2; i++) await wb.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'application'.length; i++) await wb.page.keyboard.press('Shift+ArrowLeft');
    await wb.page.keyboard.press('Control+Space');
    await wb.page.locator('.suggest-widget .monaco-list-row').first().waitFor({ state: 'visible' });
    // The second Ctrl+Space shows the details (the label of each value) beside the list.
    await wb.page.keyboard.press('Control+Space');
    await wb.page
      .locator('.suggest-details')
      .first()
      .waitFor({ state: 'visible' })
      .catch(() => undefined);
    await shot('editor-completion');
    const suggest = wb.page.locator('.editor-widget.suggest-widget');
    const closeSuggest = async () => {
      for (let i = 0; i < 3 && (await suggest.isVisible()); i++) {
        await wb.page.keyboard.press('Escape');
        await suggest.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
      }
    };
    await closeSuggest();

    // A save that fails: a value data.gouv.fr would refuse.
    await wb.page.keyboard.insertText('appli'); // replaces the selected value, as a paste would
    await closeSuggest();
    await wb.save();
    await wb.notification(/Failed to save|Not saved/);
    // A click elsewhere in the text closes the completion list, and leaves the toast.
    await wb.editor.locator('.view-line').filter({ hasText: '"extras"' }).first().click();
    await closeSuggest();
    await wb.page.waitForTimeout(600); // the toast's slide-in animation
    await shot('failed-save');

    // A dataset opened from Organization Datasets, its license offered from the platform's own list.
    await closeSuggest();
    await wb.clearNotifications();
    await (await wb.revealTreeRow('Organization Datasets', 'Bornes de recharge pour véhicules électriques')).click();
    await wb.waitForEditorText('"license": "lov2"');
    await wb.goToEndOfLineWith('"license": "lov2"');
    for (let i = 0; i < 2; i++) await wb.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'lov2'.length; i++) await wb.page.keyboard.press('Shift+ArrowLeft');
    await wb.page.keyboard.press('Control+Space');
    await wb.page.locator('.suggest-widget .monaco-list-row', { hasText: 'odc-odbl' }).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Control+Space');
    await wb.page
      .locator('.suggest-details')
      .first()
      .waitFor({ state: 'visible' })
      .catch(() => undefined);
    await shot('dataset-document');
  } finally {
    await wb.close();
    await closeBrowser();
    await stopAll();
  }
  say(`wrote ${taken.length} screenshots:\n  ${taken.join('\n  ')}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`[screenshots] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  },
);
