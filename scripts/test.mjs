// `npm test`: the unit tests (node's test runner, TypeScript through tsx), then the
// end-to-end scenarios in a real VS Code (code-server + Chromium), unless `--unit`.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const unitOnly = process.argv.includes('--unit');
const e2eOnly = process.argv.includes('--e2e');

function findTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return findTests(path, suffix);
      return entry.name.endsWith(suffix) ? [path] : [];
    })
    .sort();
}

function run(label, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

let status = 0;
if (!e2eOnly) {
  const unit = findTests('test/unit', '.test.ts');
  // `vscode` resolves to the tests' own fake (test/unit/vscodeFake) for the VS Code layer.
  // --test-timeout bounds each test file (node 20 applies it to the file's whole run), so
  // a regression that hangs fails instead; the slowest file takes about 10 s on a busy
  // two-core machine.
  status ||= run(`unit tests (${unit.length} files)`, [
    '--require',
    './test/unit/vscodeFake/register.cjs',
    '--import',
    'tsx',
    '--test',
    '--test-timeout=60000',
    '--test-reporter=spec',
    ...unit,
  ]);
}
if (!unitOnly && status === 0) {
  const e2e = 'test/e2e/run.ts';
  if (existsSync(e2e)) status ||= run('end-to-end scenarios in code-server', ['--import', 'tsx', e2e]);
}
process.exit(status);
