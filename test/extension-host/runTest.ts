// `npm run test:extension-host`: the extension-host suite (suite/*.test.ts) in desktop VS
// Code through @vscode/test-electron, on a machine that can download VS Code (or has
// one: VSCODE_EXECUTABLE_PATH=/path/to/code). It builds dist/ and the suite, starts the
// local data.gouv.fr stand-in in this process, and opens VS Code with this repository as
// the extension under development, a throwaway profile whose settings point
// `datagouv.apiUrl` at the stand-in, and the suite as `extensionTestsPath`. Prints
// "N passed, N failed" and exits non-zero on a failure.
//
// Offline (as in this project's sandbox) VS Code cannot be downloaded; there the same
// suite runs inside code-server as part of `npm test` (codeServer.e2e.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startStandIn } from '../server/standIn';
import { REPO_ROOT, buildSuite } from './build';
import type { SuiteResults } from './suite/index';

async function main(): Promise<number> {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (built.status !== 0) return 1;
  const extensionTestsPath = await buildSuite();

  const scratch = mkdtempSync(join(tmpdir(), 'datagouv-eh-'));
  const standIn = await startStandIn();
  try {
    const userDataDir = join(scratch, 'user-data');
    const workspace = join(scratch, 'workspace');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(workspace, { recursive: true });
    const settings = {
      'datagouv.apiUrl': standIn.apiUrl,
      'files.autoSave': 'off',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
    };
    writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
    const resultsFile = join(scratch, 'results.json');

    let exitCode = 0;
    try {
      exitCode = await runTests({
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath,
        extensionTestsEnv: { DATAGOUV_EH_RESULTS: resultsFile, ...(process.env.DATAGOUV_EH_GREP ? { DATAGOUV_EH_GREP: process.env.DATAGOUV_EH_GREP } : {}) },
        ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
        launchArgs: [
          workspace,
          '--user-data-dir',
          userDataDir,
          '--extensions-dir',
          join(scratch, 'extensions'),
          '--disable-extensions', // other extensions; the one under development still loads
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--password-store=basic', // SecretStorage without a desktop keyring (CI)
        ],
      });
    } catch (error) {
      console.error(`extension-host tests did not complete: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
    }
    if (!existsSync(resultsFile)) {
      console.log('extension host: 0 passed, 1 failed (no results were written)');
      return 1;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    for (const test of results.tests.filter((entry) => entry.state === 'failed')) console.log(`✖ ${test.title}\n${test.error ?? ''}`);
    console.log(`extension host: ${results.passed} passed, ${results.failed} failed`);
    return exitCode === 0 && results.failed === 0 && !results.error ? 0 : 1;
  } finally {
    await standIn.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
