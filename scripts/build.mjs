// Two bundled, minified files from one source tree (vscode external):
// - dist/extension.js, package.json `main`: the Node extension host (desktop VS Code,
//   code-server, remote hosts);
// - dist/web/extension.js, package.json `browser`: VS Code for the Web's web worker.
// The web bundle must reach no Node API: a Node module import fails its build (the
// plugin below names who imported it), and so does a Node global (process, Buffer…)
// in any file it bundles. Source maps are written beside the bundles for debugging and
// kept out of the .vsix by .vscodeignore.
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build, context } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  external: ['vscode'],
  format: 'cjs',
  // ESM builds first: the UMD "main" of some packages (jsonc-parser) requires its own
  // files at run time, which the bundle does not contain.
  mainFields: ['module', 'main'],
  minify: !watch,
  sourcemap: 'linked',
  legalComments: 'none',
  // French quotes and ellipses as they are, not as \u escapes (smaller).
  charset: 'utf8',
  logLevel: 'info',
  metafile: true,
};

const nodeBuild = { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', target: 'node18' };

const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const noNodeModules = {
  name: 'no-node-modules',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      NODE_MODULES.has(args.path) || args.path.startsWith('node:')
        ? { errors: [{ text: `the web bundle cannot use the Node module "${args.path}" (imported by ${args.importer})` }] }
        : undefined,
    );
  },
};

const webBuild = {
  ...common,
  entryPoints: ['src/extension.web.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  // VS Code for the Web runs in browsers of the last two years.
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [noNodeModules],
};

// Globals only Node has. `globalThis.process` style probes (feature detection) are allowed.
// (`require("…")` of a module is resolved and bundled by esbuild; the output is checked
// for any that remains.)
const NODE_GLOBAL = /(?<![\w$.'"`])(process|Buffer|__dirname|__filename|setImmediate)\s*[.([]/;

/** Fails when a file the web bundle contains uses a Node global. */
function checkNoNodeGlobals(metafile, outfile) {
  const offenders = [];
  const left = [...readFileSync(outfile, 'utf8').matchAll(/(?<![\w$.'"`])require\(\s*["'`]([^"'`]+)/g)]
    .map((match) => match[1])
    .filter((name) => name !== 'vscode');
  if (left.length) offenders.push(`${outfile}: require() of ${left.join(', ')}`);
  for (const input of Object.keys(metafile.inputs)) {
    const source = readFileSync(input, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    const match = NODE_GLOBAL.exec(source);
    if (match) offenders.push(`${input}: ${match[0]}`);
  }
  if (offenders.length) {
    console.error(`✘ the web bundle reaches Node globals, which VS Code for the Web does not have:\n  ${offenders.join('\n  ')}`);
    process.exit(1);
  }
}

if (watch) {
  for (const options of [nodeBuild, webBuild]) await (await context(options)).watch();
} else {
  await build(nodeBuild);
  const web = await build(webBuild);
  checkNoNodeGlobals(web.metafile, webBuild.outfile);
  // What each source file weighs in the web bundle (`npm run bench:size` lists the
  // heaviest); it stays out of the .vsix.
  writeFileSync('dist/web/extension.meta.json', JSON.stringify(web.metafile));
}
