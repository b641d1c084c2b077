// The workbench in Chromium as a page object: a window of code-server (command palette,
// quick input, notifications, views, editors, the output channel), and the Chromium that
// holds the windows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { e2e, TIMEOUT } from './config';
import { launchChromium, type Browser, type Locator, type Page } from './playwright';

/** The titles of the views of the data.gouv.fr container. */
export type ViewTitle = 'Reuses' | 'Organization Datasets' | 'Discussions';

let shared: Browser | undefined;

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly closeContext: () => Promise<void>,
  ) {}

  /**
   * A new window on the workbench in a fresh browser profile (its own storage: the
   * secrets, so signed out), ready for input; each window gets its own extension host in
   * code-server. The window opens a workspace folder of its own (named after the
   * scenario file): code-server keeps open editors and unsaved changes per workspace, on
   * the server, and a scenario must not find those of another.
   */
  static async open(options: { width?: number; height?: number; workspace?: string } = {}): Promise<Workbench> {
    const started = Date.now();
    shared ??= await launchChromium();
    const launched = Date.now();
    const context = await shared.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      locale: 'en-US',
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT.step);
    page.on('pageerror', (error) => console.log(`# page error: ${error.message}`));
    const workbench = new Workbench(page, () => context.close());
    current = workbench;
    const folder = join(e2e.workspacesDir, options.workspace ?? basename(process.argv[1] ?? 'scenario').replace(/\.e2e\.ts$/, ''));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'README.md'), '# Scratch folder\n\nThe data.gouv.fr extension lives in the activity bar, on the left.\n');
    await page.goto(`${e2e.codeServerOrigin}/?folder=${encodeURIComponent(folder)}`, { timeout: TIMEOUT.load, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: TIMEOUT.load });
    // The remote side answers once the explorer lists the folder's file. (Extensions may
    // register a moment later: runCommand waits for its command to be listed.)
    await page.locator('.monaco-workbench .part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: TIMEOUT.load });
    if (process.env.E2E_TIMINGS) console.log(`# Chromium ${launched - started} ms, workbench ${Date.now() - launched} ms`);
    return workbench;
  }

  async close(): Promise<void> {
    if (current === this) current = undefined;
    await this.closeContext().catch(() => undefined);
  }

  // ---- command palette and quick input ----

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The text box of whatever quick input is open (palette, input box). */
  get quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** The validation or prompt message under the quick input's box. */
  get quickInputMessage(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-message');
  }

  /** Rows of the open quick pick whose text contains `text`. */
  quickPickRows(text?: string | RegExp): Locator {
    const rows = this.page.locator('.quick-input-widget .monaco-list-row');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /**
   * Runs a command from the command palette (F1) by its title, as a user would. Until the
   * remote extension host has registered the extension, its commands are not listed yet:
   * this retries until `timeout`.
   */
  async runCommand(title: string, timeout = TIMEOUT.load): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.openPalette();
      await this.quickInputBox.fill(`>${title}`);
      const row = this.quickPickRows(new RegExp(`^${escapeRegExp(title)}`)).first();
      try {
        await row.waitFor({ state: 'visible', timeout: Math.min(5000, Math.max(500, deadline - Date.now())) });
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`command "${title}" is not in the command palette (${String(error)})`, { cause: error });
        continue;
      }
      await row.click();
      return;
    }
  }

  /** Whether the palette lists a command (its `when`/enablement allows it now). */
  async commandIsListed(title: string): Promise<boolean> {
    await this.openPalette();
    await this.quickInputBox.fill(`>${title}`);
    // The list updates synchronously on input; give it one frame to render.
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const listed = (await this.quickPickRows(new RegExp(`^${escapeRegExp(title)}`)).count()) > 0;
    await this.page.keyboard.press('Escape');
    await this.quickInput.waitFor({ state: 'hidden' });
    return listed;
  }

  private async openPalette(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden' });
    }
    await this.page.keyboard.press('F1');
    await this.quickInputBox.waitFor({ state: 'visible' });
  }

  // ---- notifications ----

  /** A notification toast that contains `text`, once it shows. */
  async notification(text: string | RegExp, timeout = TIMEOUT.step): Promise<Locator> {
    const toast = this.page.locator('.notification-toast').filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast;
  }

  /** Texts of the notification toasts on screen now. */
  async notificationTexts(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  async clearNotifications(): Promise<void> {
    if ((await this.page.locator('.notification-toast').count()) === 0) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notification-toast').first().waitFor({ state: 'detached' });
  }

  // ---- views and panels ----

  /** Shows the data.gouv.fr container in the side bar: a click on its activity bar icon. */
  async showSidebar(): Promise<void> {
    const views = this.page.locator('.part.sidebar .pane-header', { hasText: 'Organization Datasets' });
    if (await views.isVisible()) return;
    await this.page.locator('.part.activitybar .action-item a[aria-label^="data.gouv.fr"]').first().click();
    await views.waitFor({ state: 'visible', timeout: TIMEOUT.load });
  }

  /** A view of the data.gouv.fr container: "Reuses", "Organization Datasets" or "Discussions". */
  view(title: ViewTitle): Locator {
    const header = this.page.locator('.pane-header').filter({ has: this.page.locator('h3.title', { hasText: new RegExp(`^${title}$`) }) });
    return this.page.locator('.part.sidebar .pane').filter({ has: header });
  }

  /** Rows of a view's tree that contain `text`. */
  treeRows(view: ViewTitle, text?: string | RegExp): Locator {
    const rows = this.view(view).locator('.monaco-list-row');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /**
   * Scrolls a view's tree (with the mouse wheel: its rows are virtual, only those on
   * screen exist) until a row with `text` shows, and returns it.
   */
  async revealTreeRow(view: ViewTitle, text: string | RegExp): Promise<Locator> {
    const row = this.treeRows(view, text).first();
    await this.scrollTree(view, async () => row.isVisible());
    await row.waitFor({ state: 'visible', timeout: 1000 });
    return row;
  }

  /** The texts of all rows of a view's tree (expanded ones), scrolling through it. */
  async treeRowTexts(view: ViewTitle): Promise<string[]> {
    const seen = new Map<string, string>();
    let unchanged = 0;
    await this.scrollTree(view, async () => {
      const before = seen.size;
      for (const row of await this.treeRows(view).all()) {
        const index = await row.getAttribute('data-index');
        if (index !== null) seen.set(index, await row.innerText());
      }
      unchanged = seen.size === before ? unchanged + 1 : 0;
      return unchanged >= 2;
    });
    return [...seen.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, text]) => text);
  }

  /** Wheels a view's tree down from its top until `done` says so (or its end). */
  private async scrollTree(view: ViewTitle, done: () => Promise<boolean>): Promise<void> {
    const body = await this.view(view).locator('.pane-body').boundingBox();
    if (!body) throw new Error(`the ${view} view is not on screen`);
    await this.page.mouse.move(body.x + body.width / 2, body.y + Math.min(body.height / 2, 40));
    await this.page.mouse.wheel(0, -100_000);
    for (let i = 0; i < 100 && !(await done()); i++) {
      await this.page.mouse.wheel(0, Math.max(22, body.height / 2));
      await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    }
  }

  /** The welcome content a view shows instead of a tree (signed out, nothing yet). */
  welcome(view: ViewTitle): Locator {
    return this.view(view).locator('.welcome-view-content');
  }

  /** Right-clicks `target` (a tree row) and picks the entry `label` of its context menu. */
  async contextMenu(target: Locator, label: string | RegExp): Promise<void> {
    await target.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    const item = menu.locator('.action-item').filter({ hasText: label }).first();
    await item.waitFor({ state: 'visible' });
    // A click right after the menu opens may be ignored: point at the entry (it takes
    // the focus) and press Enter, as with the keyboard.
    await item.hover();
    await menu.locator('.action-item.focused').filter({ hasText: label }).waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }

  /** The modal dialog on screen (code-server renders modal messages in the page). */
  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  // ---- storage ----

  /**
   * The IndexedDB stores of this window's origin whose records contain `secret`, as
   * `database/store`, and the names of every database looked at. In VS Code for the
   * Web (code-server), the storage of `globalState` and `workspaceState` lives there.
   */
  async browserStoresContaining(secret: string): Promise<{ databases: string[]; found: string[] }> {
    return this.page.evaluate(async (needle: string) => {
      const databases = (await indexedDB.databases()).map((db) => db.name ?? '').filter(Boolean);
      const found: string[] = [];
      for (const name of databases) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const records = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
          const keys = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAllKeys();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
          const text = JSON.stringify([keys, records], (_key, value: unknown) =>
            value instanceof Uint8Array || value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value,
          );
          if (text.includes(needle)) found.push(`${name}/${store}`);
        }
        db.close();
      }
      return { databases, found };
    }, secret);
  }

  // ---- editors ----

  /** The tab of the active editor. */
  get activeTab(): Locator {
    return this.page.locator('.part.editor .tabs-container .tab.active');
  }

  /** Waits until the active tab is dirty (unsaved changes) or clean. */
  async waitForTabState(state: 'dirty' | 'clean', timeout = TIMEOUT.step): Promise<void> {
    const tab = this.page.locator(`.part.editor .tabs-container .tab.active${state === 'dirty' ? '.dirty' : ':not(.dirty)'}`);
    await tab.waitFor({ state: 'visible', timeout });
  }

  async activeTabIsDirty(): Promise<boolean> {
    return ((await this.activeTab.getAttribute('class')) ?? '').split(/\s+/).includes('dirty');
  }

  /** The active text editor. */
  get editor(): Locator {
    return this.page.locator('.part.editor .editor-instance .monaco-editor').first();
  }

  /** The text the active editor shows (its rendered lines), spaces normalised. */
  async editorText(): Promise<string> {
    const lines = this.editor.locator('.view-lines');
    await lines.waitFor({ state: 'visible' });
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** Waits until the active editor shows `text`. */
  async waitForEditorText(text: string | RegExp, timeout = TIMEOUT.step): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const shown = await this.editorText().catch(() => '');
      if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
      if (Date.now() > deadline) throw new Error(`the editor does not show ${String(text)}; it shows:\n${shown}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Puts the cursor at the end of the active editor's first line that contains `text`: a click on it, then End. */
  async goToEndOfLineWith(text: string): Promise<void> {
    await this.editor.locator('.view-line').filter({ hasText: text }).first().click();
    await this.page.keyboard.press('End');
  }

  /** Ctrl+S in the active editor. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  /**
   * "data.gouv.fr: Show Log", until the output panel shows an editor. A click on the
   * palette's row can be lost while the list is still filtering (seen once in CI: the
   * panel never opened), so the command is run again, up to the load timeout, before
   * saying it does not work.
   */
  async showLog(): Promise<void> {
    const output = this.page.locator('.part.panel .monaco-editor .view-lines').first();
    const deadline = Date.now() + TIMEOUT.load;
    for (;;) {
      await this.runCommand('data.gouv.fr: Show Log');
      try {
        await output.waitFor({ state: 'visible', timeout: 5000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`"data.gouv.fr: Show Log" does not show the log (${String(error)})`, { cause: error });
      }
    }
  }

  /** The text of the output channel on screen (the panel's editor), spaces normalised. */
  async outputText(): Promise<string> {
    const lines = this.page.locator('.part.panel .monaco-editor .view-lines');
    await lines.first().waitFor({ state: 'visible' });
    return (await lines.first().innerText()).replace(/\u00a0/g, ' ');
  }

  /** A screenshot of the whole window, for the README or a failed step. */
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

let current: Workbench | undefined;

/** The window opened last and not closed yet: the one a failed step screenshots. */
export function currentWorkbench(): Workbench | undefined {
  return current;
}

/** Closes the Chromium that Workbench.open launched (useWorkbench does it by itself). */
export async function closeBrowser(): Promise<void> {
  await shared?.close().catch(() => undefined);
  shared = undefined;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
