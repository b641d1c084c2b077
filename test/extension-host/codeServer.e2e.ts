// The extension-host suite (suite/*.test.ts, mocha calling the `vscode` API) inside
// code-server. test/e2e/run.ts runs this file after the scenarios (or alone:
// `node --import tsx test/e2e/run.ts extension-host`); it starts a code-server of its
// own, with the stand-in, through the same launcher.
//
// code-server's web workbench takes VS Code's development options from the `payload`
// query parameter — `extensionDevelopmentPath` (this repository: dist/extension.js),
// `extensionTestsPath` (the bundled runner) and `extensionEnvironment` (where the runner
// writes its results) — but a built VS Code honours them only when its server runs with
// `enable-smoke-test-driver` (passed through code-server's `--vscode-option`). That flag
// also changes how the workbench shows notifications, which is why the scenarios'
// code-server does not get it and this suite has its own. code-server then runs the
// suite in the window's remote extension host, the way `code --extensionTestsPath` does
// on desktop. Each mocha test becomes a subtest here, so it counts in the run's totals.
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/playwright';
import { startEnvironment, stopOnSignals, tail } from '../e2e/launcher';
import { REPO_ROOT, buildSuite } from './build';
import type { SuiteResults } from './suite/index';

const TIMEOUT_MS = 180_000;

// A suite whose body runs the whole mocha suite, then declares one test per mocha test.
describe('Extension host (mocha in code-server)', async () => {
  stopOnSignals();
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs failed:\n${built.stdout}\n${built.stderr}`);
  const entry = await buildSuite();
  const env = await startEnvironment({ vsix: undefined, locale: 'en', reconnectionGraceSeconds: 10, vscodeOptions: ['enable-smoke-test-driver'] });
  const resultsFile = join(env.tempDir, 'extension-host-results.json');
  // The remote authority of code-server's workbench is the page's host.
  const remote = (path: string) => `vscode-remote://${new URL(env.codeServerOrigin).host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(entry)],
    [
      'extensionEnvironment',
      JSON.stringify({ DATAGOUV_EH_RESULTS: resultsFile, ...(process.env.DATAGOUV_EH_GREP ? { DATAGOUV_EH_GREP: process.env.DATAGOUV_EH_GREP } : {}) }),
    ],
  ];
  const url = `${env.workbenchUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const started = Date.now();
  const pageLog: string[] = [];
  let results: SuiteResults;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('console', (message) => pageLog.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageLog.push(`page error: ${error.message}`));
    await page.goto(url, { timeout: 90_000, waitUntil: 'domcontentloaded' });
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        process.exitCode = 1; // keeps code-server's profile and logs
        throw new Error(
          `the suite wrote no results within ${TIMEOUT_MS / 1000} s; the page's console said:\n${pageLog.slice(-30).join('\n')}\ncode-server's log:\n${tail(env.codeServerLog, 20)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
  } finally {
    await browser.close().catch(() => undefined);
    await env.stop();
  }
  console.log(
    `# mocha in code-server's extension host: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${results.durationMs} ms (${Date.now() - started} ms with the window)`,
  );

  for (const result of results.tests) {
    it(result.title, { skip: result.state === 'pending' }, () => {
      if (result.state === 'failed') throw new Error(result.error ?? 'failed');
    });
  }
  const { error } = results;
  if (error) {
    it('the runner', () => {
      throw new Error(`the extension-host runner failed: ${error}`);
    });
  }
  if (results.tests.length === 0) {
    it('runs tests', () => {
      throw new Error('the extension-host suite ran no test');
    });
  }
});
