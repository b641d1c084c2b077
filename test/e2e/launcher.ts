// What the end-to-end run, the demo and the screenshot script share: build the .vsix,
// start the local data.gouv.fr stand-in and code-server (in its own process group, on
// loopback, no auth, telemetry off, throwaway user-data and extensions folders) with the
// packaged extension installed and `datagouv.apiUrl` pointed at the stand-in, and end
// every process it started — at the end, on failure, and on Ctrl+C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startStandIn, type StandIn } from '../server/standIn';
import { ensureOldestTools, ensureTools, node24Env, oldestEnv, type Tools } from './setup';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export function say(message: string): void {
  console.log(`[e2e] ${message}`);
}

// ---- process groups ----------------------------------------------------------------------

const groups = new Set<number>();
/** What ends what was started, last started first. */
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;
let interrupted = false;

/** Ends a process group started here: SIGTERM, then SIGKILL if it lingers. */
async function killGroup(pid: number, graceMs = 3000): Promise<void> {
  if (!groups.has(pid)) return;
  signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) await delay(100);
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  groups.delete(pid);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a process group started here (spawn with `detached: true`) end with everything
 * else: on stop, on Ctrl+C, and when this process exits.
 */
export function trackGroup(pid: number): void {
  groups.add(pid);
  cleanups.push(() => killGroup(pid));
}

// Whatever happens to this process, no code-server is left behind.
process.on('exit', () => {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
});

/**
 * Runs every registered cleanup once, then exits on SIGINT/SIGTERM/SIGHUP. Entry points
 * call this once; `onStop` runs first (e.g. to end a child test runner).
 */
export function stopOnSignals(onStop?: () => void, exitCode = 130): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      interrupted = true;
      console.log(`\n[e2e] ${signal}: stopping…`);
      onStop?.();
      void runCleanups().finally(() => process.exit(exitCode));
    });
  }
}

/** Ends everything started so far (for an entry point's error path). */
export function stopAll(): Promise<void> {
  return runCleanups();
}

async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const cleanup = cleanups.pop()!;
    await cleanup().catch((error: unknown) => console.error(`[e2e] cleanup failed: ${String(error)}`));
  }
}

// ---- building ------------------------------------------------------------------------------

/** `npm run package`: the .vsix that is tested is the one that would be published. */
export function buildVsix(): string {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const npm = process.env.npm_execpath && existsSync(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const result = spawnSync(npm[0], [...npm.slice(1), 'run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8', env: process.env });
  if (result.status !== 0 || !existsSync(vsix) || statSync(vsix).mtimeMs < started - 1000) {
    throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  }
  say(`built ${vsix.slice(REPO_ROOT.length + 1)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

/**
 * The same .vsix without `main`, for VS Code for the Web: code-server then runs the
 * extension in its web worker extension host (a browser's), as vscode.dev would, instead
 * of its Node one. Packaged by vsce from the files the real .vsix holds.
 */
export function buildWebVsix(): string {
  const started = Date.now();
  const stage = mkdtempSync(join(tmpdir(), 'datagouv-web-vsix-'));
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`vsce ls failed:\n${listed.stderr}`);
  for (const file of listed.stdout.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(stage, file));
  }
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  if (!manifest.browser) throw new Error('package.json has no `browser` entry');
  // No `main`: the web worker host only. No scripts: the bundles are already built.
  delete manifest.main;
  delete manifest.scripts;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsix = join(stage, 'datagouv-vscode-web.vsix');
  const packaged = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, encoding: 'utf8' });
  if (packaged.status !== 0 || !existsSync(vsix)) throw new Error(`vsce package (web) failed:\n${packaged.stdout}\n${packaged.stderr}`);
  cleanups.push(async () => rmSync(stage, { recursive: true, force: true }));
  say(`built the web-only .vsix (no \`main\`) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

// ---- the environment -----------------------------------------------------------------------

export interface EnvironmentOptions {
  /** The packaged extension to install (none: e.g. the extension-host suite loads the
   * repository's build as an extension under development). */
  vsix: string | undefined;
  /** Port of code-server (a free one when absent or busy). */
  port?: number;
  /** Port of the stand-in (a free one when absent or busy). */
  standInPort?: number;
  /** VS Code's display language (`en` for tests, so texts are known). */
  locale?: string;
  /** Seconds code-server keeps the extension host of a closed page (default 3 h). */
  reconnectionGraceSeconds?: number;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** VS Code server options passed through code-server's `--vscode-option`. */
  vscodeOptions?: string[];
  /** The oldest VS Code we claim (code-server 4.20.0, VS Code 1.85.1; setup.ts OLDEST). */
  oldest?: boolean;
  /** `vsix` is the web-only one (buildWebVsix): the extension runs in the web worker host. */
  web?: boolean;
}

export interface Environment {
  tools: Tools;
  standIn: StandIn;
  /** `http://127.0.0.1:<port>` */
  codeServerOrigin: string;
  /** The workbench with the throwaway workspace folder open. */
  workbenchUrl: string;
  tempDir: string;
  userDataDir: string;
  codeServerLog: string;
  stop(): Promise<void>;
}

/** The user settings of the throwaway profile: quiet, and pointed at the stand-in. */
function userSettings(apiUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'datagouv.apiUrl': apiUrl,
    // VS Code for the Web saves by itself after a second (desktop VS Code does not): a
    // save is a PUT to data.gouv.fr, so here it happens on Ctrl+S only, as on desktop.
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'github.gitAuthentication': false,
    ...extra,
  };
}

/**
 * Makes `locale` a display language code-server accepts, offline. With `--locale`, the
 * server looks the language up in `<user-data-dir>/languagepacks.json` (written when a
 * running server installs a language pack; `--install-extension` does not) and, when
 * found, sends it to the workbench and the extension host (VSCODE_NLS_CONFIG, hence
 * vscode.env.language, package.nls.<locale>.json and the l10n bundle). Without an
 * entry it stays English. The Microsoft language pack cannot be downloaded here, so the
 * entry points at an empty core translation: VS Code's own texts stay English, the
 * extension's are in the locale. `extensions` must not be empty, or the server fails to
 * list languages and the workbench then loads no extension at all.
 */
function offerDisplayLanguage(locale: string, tempDir: string, userDataDir: string): void {
  const core = join(tempDir, `nls.${locale}.json`);
  writeFileSync(core, JSON.stringify({ contents: {} }));
  const pack = {
    [locale]: {
      hash: `e2e-${locale}`,
      extensions: [{ extensionIdentifier: { id: 'none.none' }, version: '0.0.0' }],
      label: locale,
      translations: { vscode: core },
    },
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(pack));
}

export async function startEnvironment(options: EnvironmentOptions): Promise<Environment> {
  const tools = await ensureTools();
  const tempDir = mkdtempSync(join(tmpdir(), 'datagouv-e2e-'));
  const userDataDir = join(tempDir, 'user-data');
  const extensionsDir = join(tempDir, 'extensions');
  const workspace = join(tempDir, 'workspace');
  const codeServerLog = join(tempDir, 'code-server.log');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, workspace, join(tempDir, 'xdg-config'), join(tempDir, 'xdg-data')]) {
    mkdirSync(dir, { recursive: true });
  }
  let removeTemp = true;
  cleanups.push(async () => {
    if ((removeTemp || interrupted) && !process.env.E2E_KEEP) rmSync(tempDir, { recursive: true, force: true });
    else say(`kept ${tempDir} (code-server's profile, logs and extensions)`);
  });

  const standIn = await startStandIn({ port: await freePort(options.standInPort) });
  cleanups.push(() => standIn.close());
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings(standIn.apiUrl, options.settings), null, 2)}\n`);
  writeFileSync(join(workspace, 'README.md'), '# Scratch folder\n\nThe data.gouv.fr extension lives in the activity bar, on the left.\n');
  if (options.locale && options.locale !== 'en') offerDisplayLanguage(options.locale, tempDir, userDataDir);

  const oldest = options.oldest ? await ensureOldestTools(tools) : undefined;
  const node = oldest?.node ?? tools.node24;
  const entry = oldest?.codeServerEntry ?? tools.codeServerEntry;
  const env: NodeJS.ProcessEnv = {
    ...(oldest ? oldestEnv(tools, oldest) : node24Env(tools)),
    // code-server keeps nothing in the real home folder.
    XDG_CONFIG_HOME: join(tempDir, 'xdg-config'),
    XDG_DATA_HOME: join(tempDir, 'xdg-data'),
    // No extension gallery: nothing to fetch from outside, no update checks.
    EXTENSIONS_GALLERY: '{}',
  };
  delete env.NODE_OPTIONS; // tsx's loader is for this process, not for code-server
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(tempDir, 'code-server.yaml')];

  if (options.vsix) {
    const installStarted = Date.now();
    const installed = spawnSync(node, [entry, ...common, '--install-extension', options.vsix, '--force'], { encoding: 'utf8', env });
    if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout + installed.stderr)) {
      throw new Error(`code-server --install-extension failed:\n${installed.stdout}\n${installed.stderr}`);
    }
    say(`installed the .vsix in code-server (${((Date.now() - installStarted) / 1000).toFixed(1)} s)`);
  }

  const port = await freePort(options.port);
  const args = [
    entry,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // code-server 4.20 knows neither this option nor --vscode-option.
    ...(oldest ? [] : ['--reconnection-grace-time', String(options.reconnectionGraceSeconds ?? 10800)]),
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(oldest ? [] : (options.vscodeOptions ?? []).flatMap((option) => ['--vscode-option', option])),
    workspace,
  ];
  const logFd = openSync(codeServerLog, 'w');
  const child: ChildProcess = spawn(node, args, { env, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  trackGroup(pid);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code-server exited (${signal ?? code})`));

  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(exited);
        const response = await fetch(`${origin}/healthz`).catch(() => undefined);
        return response?.ok === true;
      },
      120_000,
      'code-server to listen',
    );
  } catch (error) {
    removeTemp = false;
    throw new Error(`${String(error)}; its log (${codeServerLog}):\n${tail(codeServerLog)}`, { cause: error });
  }
  say(`code-server ${origin} ready (${((Date.now() - started) / 1000).toFixed(1)} s); stand-in ${standIn.apiUrl}`);

  return {
    tools,
    standIn,
    codeServerOrigin: origin,
    workbenchUrl: `${origin}/?folder=${encodeURIComponent(workspace)}`,
    tempDir,
    userDataDir,
    codeServerLog,
    stop: async () => {
      if (process.exitCode && !interrupted) removeTemp = false;
      await runCleanups();
    },
  };
}

export function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

/** The preferred port when it is free on 127.0.0.1, any free one otherwise. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolvePort) => {
      const server = createServer();
      server.once('error', () => resolvePort(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolvePort(found));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await delay(200);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
