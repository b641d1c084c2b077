// The test runner VS Code loads in the extension host (`extensionTestsPath`): mocha over
// the bundled *.test.js beside it. It prints mocha's spec output, and, when
// DATAGOUV_EH_RESULTS names a file, writes every test's outcome there as JSON (what the
// code-server run and runTest.ts read back). Failing tests make run() reject, which ends
// the extension host with a non-zero exit code.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  pending: number;
  tests: SuiteResult[];
  /** A failure outside any test (a file that did not load, a crashed runner). */
  error?: string;
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: SuiteResults = { startedAt: new Date(started).toISOString(), durationMs: 0, passed: 0, failed: 0, pending: 0, tests: [] };
  const write = () => {
    results.durationMs = Date.now() - started;
    const file = process.env.DATAGOUV_EH_RESULTS;
    if (file) writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  };
  try {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
    const grep = process.env.DATAGOUV_EH_GREP;
    if (grep) mocha.grep(grep);
    for (const name of readdirSync(__dirname)
      .filter((file) => file.endsWith('.test.js'))
      .sort())
      mocha.addFile(join(__dirname, name));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      const record = (test: Mocha.Test, state: SuiteResult['state'], error?: unknown) =>
        results.tests.push({
          title: test.fullTitle(),
          state,
          durationMs: test.duration ?? 0,
          ...(error === undefined ? {} : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
        });
      runner.on('pass', (test) => record(test, 'passed'));
      runner.on('fail', (test, error) => record(test as Mocha.Test, 'failed', error));
      runner.on('pending', (test) => record(test, 'pending'));
    });
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  results.passed = results.tests.filter((test) => test.state === 'passed').length;
  results.failed = results.tests.filter((test) => test.state === 'failed').length;
  results.pending = results.tests.filter((test) => test.state === 'pending').length;
  write();
  console.log(`extension host: ${results.passed} passed, ${results.failed} failed`);
  if (results.error) throw new Error(results.error);
  if (results.failed > 0) throw new Error(`${results.failed} extension-host test(s) failed`);
}
