// What every scenario uses: the workbench in Chromium (workbench.ts: command palette,
// quick input, notifications, views, the output channel) and the stand-in's control API
// (what it received, faults, changes behind the extension's back). run.ts starts
// code-server and the stand-in and passes their addresses in E2E_* variables (config.ts).
import { after, before, it } from 'node:test';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Fault, RecordedPreflight, RecordedRequest } from '../server/standIn';
import { SAMPLE_API_KEY, type StoredReuse } from '../server/sampleData';
import { e2e, TIMEOUT } from './config';
import type { Locator } from './playwright';
import { closeBrowser, currentWorkbench, Workbench } from './workbench';

export { e2e, TIMEOUT } from './config';
export { closeBrowser, escapeRegExp, Workbench, type ViewTitle } from './workbench';

// ---- the stand-in ----------------------------------------------------------------------

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.standInOrigin}/__control/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`stand-in control ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const standIn = {
  /** Every API request received since the last reset, oldest first (answered or not). */
  requests: () => control<RecordedRequest[]>('GET', 'requests'),
  /** CORS preflights received (VS Code for the Web's requests are cross-origin). */
  preflights: () => control<RecordedPreflight[]>('GET', 'preflights'),
  /** Fresh sample data; forgets requests and faults. */
  reset: () => control<unknown>('POST', 'reset'),
  fault: (fault: Fault | Fault[]) => control<Fault[]>('POST', 'faults', fault),
  clearFaults: () => control<Fault[]>('DELETE', 'faults'),
  /** Changes a reuse as another user would, behind the extension's back. */
  touch: (id: string, patch: Partial<StoredReuse>) => control<StoredReuse>('POST', 'touch', { id, patch }),

  /** The answered requests that match, once at least `count` of them arrived. */
  async waitForRequests(match: (request: RecordedRequest) => boolean, count = 1, timeout = TIMEOUT.step): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = (await standIn.requests()).filter((request) => request.status !== 0 && match(request));
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        const seen = (await standIn.requests()).map((r) => `${r.method} ${r.path} → ${r.status}`).join(', ');
        throw new Error(`the stand-in did not receive the expected request within ${timeout} ms; it saw: ${seen || 'nothing'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
};

// ---- scenarios ---------------------------------------------------------------------------

/** Runs `fn`; when it fails, saves a screenshot of the window in test-results/e2e/ first. */
async function screenshotOnFailure(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const current = currentWorkbench();
    if (current) {
      mkdirSync(e2e.artifactsDir, { recursive: true });
      const file = join(e2e.artifactsDir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.png`);
      await current.screenshot(file).then(
        () => console.log(`# screenshot of the failed step: ${file}`),
        () => undefined,
      );
    }
    throw error;
  }
}

/**
 * A step of a scenario (node:test `it`): a failure saves a screenshot of the window in
 * test-results/e2e/ before it is reported.
 */
export function step(name: string, fn: () => Promise<void>): void {
  it(name, { timeout: TIMEOUT.test }, () => screenshotOnFailure(name, fn));
}

/** One workbench window for the steps of a scenario file, with a fresh stand-in. */
export function useWorkbench(): { readonly wb: Workbench } {
  const holder: { wb?: Workbench } = {};
  before(
    async () => {
      await standIn.reset();
      holder.wb = await Workbench.open();
    },
    { timeout: TIMEOUT.load + 30_000 },
  );
  after(async () => {
    await holder.wb?.close();
    await closeBrowser();
  });
  return {
    get wb() {
      if (!holder.wb) throw new Error('the workbench did not open');
      return holder.wb;
    },
  };
}

/**
 * The opening most scenario files share: useWorkbench, then (the data.gouv.fr sidebar
 * shown first with `sidebar`) signed in with the sample key, notifications cleared,
 * before the first step. A failure saves a screenshot, as a step's does.
 */
export function signedInScenario(options: { sidebar?: boolean } = {}): { readonly wb: Workbench } {
  const session = useWorkbench();
  before(
    () =>
      screenshotOnFailure('signing in', async () => {
        const { wb } = session;
        if (options.sidebar) await wb.showSidebar();
        await signIn(wb, SAMPLE_API_KEY);
        await wb.clearNotifications();
      }),
    { timeout: TIMEOUT.test },
  );
  return session;
}

/** Every file under the profile's logs/ and code-server's own log: where a key must never be. */
export function logFiles(): string[] {
  const files: string[] = [e2e.codeServerLog];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(e2e.userDataDir, 'logs'));
  return files;
}

/**
 * Every file VS Code (code-server) and the extensions write on the server: the user
 * data folder (settings, global and workspace storage databases, the extensions'
 * storage folders, logs), the workspaces and code-server's log. Not the browser's
 * profile: in VS Code for the Web, that is where the secret storage lives.
 */
export function writtenFiles(): string[] {
  const files: string[] = [e2e.codeServerLog];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else if (stat?.isFile()) files.push(path);
    }
  };
  walk(e2e.userDataDir);
  walk(e2e.workspacesDir);
  return files;
}

/** The files among `files` whose bytes contain `secret` (as UTF-8 or UTF-16, as SQLite may store it). */
export function filesWithBytesOf(secret: string, files: readonly string[]): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  return files.filter((file) => {
    try {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    } catch {
      return false;
    }
  });
}

/** The log files that contain `secret`. */
export function filesContaining(secret: string): string[] {
  return logFiles().filter((file) => existsSync(file) && readFileSync(file, 'utf8').includes(secret));
}

// ---- signing in --------------------------------------------------------------------------

/** The password box that "data.gouv.fr: Set API Key" opens. */
export function apiKeyBox(wb: Workbench): Locator {
  return wb.page.locator('.quick-input-widget input[type="password"]');
}

/** Signs in through the command palette, as a user pasting a key would. */
export async function signIn(wb: Workbench, key: string, expectedName = 'Camille Martin'): Promise<void> {
  await wb.runCommand('data.gouv.fr: Set API Key');
  const box = apiKeyBox(wb);
  await box.waitFor({ state: 'visible' });
  await box.fill(key);
  await box.press('Enter');
  await wb.notification(`Signed in as ${expectedName}`);
  await wb.quickInput.waitFor({ state: 'hidden' });
}

// ---- reuses ------------------------------------------------------------------------------

/** Opens a reuse through "data.gouv.fr: Open Reuse…": picked by title, or pasted id. */
export async function openReuse(wb: Workbench, reuse: { title: string } | { id: string }): Promise<void> {
  await wb.runCommand('data.gouv.fr: Open Reuse…');
  await wb.quickInputBox.waitFor({ state: 'visible' });
  if ('title' in reuse) {
    await wb.quickInputBox.fill(reuse.title);
    await wb.quickPickRows(reuse.title).first().click();
  } else {
    await wb.quickInputBox.fill(reuse.id);
    await wb.quickPickRows(reuse.id).first().click();
  }
  await wb.quickInput.waitFor({ state: 'hidden' });
  await wb.waitForEditorText('"title": ');
}

/** The sample reuses the scenarios use (see test/server/sampleData.ts). */
export const SAMPLE_REUSES = {
  /** Camille may edit it (she is an admin of its organization). */
  editable: { id: '00007e050000000000000001', title: 'Carte des bornes de recharge de Saint-Rémy' },
  /** Jean's organization's: Camille may read it, not edit it. */
  readOnly: { id: '00007e050000000000000007', title: 'Capteurs citoyens : tableau de bord' },
};
