// The end-to-end part of `npm test`: sets up the tools (cached), builds the .vsix, starts
// the stand-in and code-server with the extension installed, then runs the scenarios in
// test/e2e/scenarios/*.e2e.ts with node's test runner, one file at a time, against them.
// Exits with the runner's status; every process started here is ended, also on Ctrl+C.
//
// Files named `*.fr.e2e.ts` run afterwards in a second code-server whose display
// language is French (launcher.ts, offerDisplayLanguage). WEB_SET and `*.web.e2e.ts`
// run again with the extension in the web worker host (VS Code for the Web), and
// OLDEST_SMOKE on the oldest VS Code claimed.
//
//   node --import tsx test/e2e/run.ts [words]   only the scenario files whose name has a word
//   E2E_KEEP=1 …                                 keep the temporary profile and logs
//   E2E_OLDEST_ONLY=1 …                          only the run on the oldest VS Code claimed
//   E2E_WEB_ONLY=1 …                             only the run in the web worker host
//   E2E_TIMINGS=1 …                              print how long Chromium and each window took
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OLDEST } from './setup';
import { REPO_ROOT, buildVsix, buildWebVsix, say, startEnvironment, stopAll, stopOnSignals, tail, trackGroup, type Environment } from './launcher';

/**
 * The scenarios that also run on the oldest VS Code (a smoke set: CI must stay under 20
 * minutes, and installing that code-server takes two): sign-in, the sidebar, a reuse
 * edited and saved, datasets and resources edited, uploaded, replaced and dropped.
 */
const OLDEST_SMOKE = ['03-editReuse', '15-datasets'];

/**
 * The scenarios that also run with the extension in VS Code for the Web's web worker
 * host (a .vsix without `main`), against the stand-in answering CORS as udata does:
 * sign-in, the sidebar, open/edit/save, failed saves, a conflict, datasets with uploads
 * of workspace files, the request counts; and the web's own (`*.web.e2e.ts`).
 */
const WEB_SET = ['01-setApiKey', '02-sidebar', '03-editReuse', '04-failedSaves', '05-conflict', '07-logHasNoKey', '15-datasets', '20-cost'];

async function main(): Promise<number> {
  const started = Date.now();
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const scenarioDir = join(REPO_ROOT, 'test', 'e2e', 'scenarios');
  const files = readdirSync(scenarioDir)
    .filter((name) => name.endsWith('.e2e.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort()
    .map((name) => join(scenarioDir, name));
  // Then the extension-host suite (mocha calling the vscode API), in a code-server of its own.
  const extensionHost = join(REPO_ROOT, 'test', 'extension-host', 'codeServer.e2e.ts');
  if (filters.length === 0 || filters.some((filter) => 'extension-host'.includes(filter))) files.push(extensionHost);
  if (files.length === 0) {
    console.error(`no scenario matches ${filters.join(' ')}`);
    return 1;
  }

  stopOnSignals();

  const vsix = buildVsix();
  const french = files.filter((file) => file.endsWith('.fr.e2e.ts'));
  const webOnly = files.filter((file) => file.endsWith('.web.e2e.ts'));
  const english = files.filter((file) => !french.includes(file) && !webOnly.includes(file));
  const web = [...files.filter((file) => WEB_SET.some((name) => file.endsWith(`/${name}.e2e.ts`))), ...webOnly];
  // The oldest VS Code we claim (engines.vscode): a smoke set, CI time being counted.
  const oldest = files.filter((file) => OLDEST_SMOKE.some((name) => file.endsWith(`/${name}.e2e.ts`)));
  let status = 0;
  for (const [name, group, options] of [
    ['VS Code 1.139, English', english, { locale: 'en' }],
    ['VS Code 1.139, French', french, { locale: 'fr' }],
    ['VS Code 1.139 for the Web (web worker extension host), English', web, { locale: 'en', web: true }],
    [`VS Code ${OLDEST.vscode} (the oldest claimed), English`, oldest, { locale: 'en', oldest: true }],
  ] as const) {
    if (!group.length) continue;
    // E2E_OLDEST_ONLY=1 / E2E_WEB_ONLY=1: only that run (when working on it).
    if (process.env.E2E_OLDEST_ONLY && !('oldest' in options)) continue;
    if (process.env.E2E_WEB_ONLY && !('web' in options)) continue;
    const env = await startEnvironment({ reconnectionGraceSeconds: 10, ...options, vsix: 'web' in options ? buildWebVsix() : vsix });
    say(`set-up (${name}) done in ${((Date.now() - started) / 1000).toFixed(0)} s; running ${group.length} scenario files`);
    const groupStatus = await runScenarios(group, env, 'web' in options ? 'web' : 'node');
    if (groupStatus !== 0) {
      console.log(`\n[e2e] end of code-server's log (${env.codeServerLog}):\n${tail(env.codeServerLog, 25)}`);
      process.exitCode = groupStatus; // keeps the temporary folder for a look
      status = groupStatus;
    }
    await env.stop();
  }
  say(`end-to-end run ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return status;
}

/** Runs scenario files with node's test runner, one at a time, against `env`. */
function runScenarios(files: string[], env: Environment, host: 'node' | 'web'): Promise<number> {
  return new Promise<number>((resolve) => {
    // Its own process group (with the scenario processes and their Chromium), ended
    // with the rest on Ctrl+C.
    const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      detached: true,
      env: {
        ...process.env,
        E2E_CODE_SERVER: env.codeServerOrigin,
        // Which extension host runs the extension: scenarios check the web's own rules.
        E2E_HOST: host,
        E2E_WORKSPACES: join(env.tempDir, 'workspaces'),
        E2E_STAND_IN: env.standIn.origin,
        E2E_USER_DATA_DIR: env.userDataDir,
        E2E_CODE_SERVER_LOG: env.codeServerLog,
        E2E_PLAYWRIGHT_CORE: env.tools.playwrightCore,
        E2E_CHROMIUM: env.tools.chromium,
        E2E_ARTIFACTS: join(REPO_ROOT, 'test-results', 'e2e'),
      },
    });
    if (runner.pid !== undefined) trackGroup(runner.pid);
    runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (status) => process.exit(status),
  async (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
    await stopAll();
    process.exit(1);
  },
);
