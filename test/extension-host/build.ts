// Bundles the extension-host suite (suite/index.ts, the runner, and suite/*.test.ts) for
// VS Code's extension host: CommonJS, one file per entry, `vscode` and `mocha` left to
// the host's require. The output is out/extension-host/suite/ (git-ignored, and outside
// the .vsix: .vscodeignore ships only what runs). It must stay inside the repository:
// the extension host hands a module the `vscode` API of the extension whose folder holds
// it, so the suite shares the product's API object (see helpers.ts, signIn).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SUITE_OUT_DIR = join(REPO_ROOT, 'out', 'extension-host', 'suite');
/** What `extensionTestsPath` points at. */
export const SUITE_ENTRY = join(SUITE_OUT_DIR, 'index.js');

export async function buildSuite(): Promise<string> {
  const source = join(__dirname, 'suite');
  const entryPoints = readdirSync(source)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(source, name));
  await build({
    entryPoints,
    outdir: SUITE_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return SUITE_ENTRY;
}
