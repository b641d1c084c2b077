// One bundled, minified dist/extension.js (vscode external). The source map is written
// beside it for debugging and kept out of the .vsix by .vscodeignore.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  // ESM builds first: the UMD "main" of some packages (jsonc-parser) requires its own
  // files at run time, which the bundle does not contain.
  mainFields: ['module', 'main'],
  minify: !watch,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'info',
  metafile: true,
};

if (watch) {
  const { context } = await import('esbuild');
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
