// Two bundled, minified files from one source tree (vscode external):
// - dist/extension.js, package.json `main`: the Node extension host (desktop VS Code,
//   code-server, remote hosts);
// - dist/web/extension.js, package.json `browser`: VS Code for the Web's web worker.
// The web bundle must reach no Node API: a Node module import fails its build (the
// plugin below names who imported it), and so does a Node global (process, Buffer…)
// in any file it bundles. Source maps are written beside the bundles for debugging and
// kept out of the .vsix by .vscodeignore.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build, context } from 'esbuild';

const watch = process.argv.includes('--watch');

// `import * as vscode from 'vscode'` in each of ~50 modules would cost each its own
// `var x=__toESM(require("vscode"))`, and every use a property read (`x.window.…`). The
// plugin below routes them all to one module that reads, once, the parts of the API the
// sources name (`vscode.window`, `vscode.l10n`…) into plain bindings, which the minifier
// then shortens: 2.5 KB less in each bundle, the same API objects. A name the sources use
// but the list misses fails the build (`import-is-undefined` is an error below).
const VSCODE_API_VALUES = new Set(
  [...readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8').matchAll(/^\texport (?:class|namespace|enum|const|let|function) (\w+)/gm)].map(
    (match) => match[1],
  ),
);
function vscodeNamesUsedIn(directory) {
  const names = new Set();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(`${entry.parentPath ?? entry.path}/${entry.name}`, 'utf8');
    for (const [, name] of source.matchAll(/\bvscode\.([A-Za-z_$][\w$]*)/g)) if (VSCODE_API_VALUES.has(name)) names.add(name);
  }
  return [...names].sort();
}
const oneVscodeImport = {
  name: 'one-vscode-import',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({
      contents: `const api = require('vscode');\n${vscodeNamesUsedIn('src')
        .map((name) => `export const ${name} = api.${name};`)
        .join('\n')}`,
      loader: 'js',
    }));
  },
};

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
  plugins: [oneVscodeImport],
  logOverride: { 'import-is-undefined': 'error' },
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
  plugins: [oneVscodeImport, noNodeModules],
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
  // (The generated vscode-api module is not a file: it holds only property reads.)
  for (const input of Object.keys(metafile.inputs).filter((path) => !path.startsWith('vscode-api:'))) {
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

if (process.argv.includes('--sizes')) {
  // Nothing written: the minified size of each bundle, to weigh a change quickly (and
  // without racing another build for dist/).
  for (const options of [nodeBuild, webBuild]) {
    const { outputFiles } = await build({ ...options, write: false, sourcemap: false, metafile: false, logLevel: 'error' });
    console.log(`${options.outfile}: ${outputFiles[0].contents.length} bytes`);
  }
} else if (watch) {
  for (const options of [nodeBuild, webBuild]) await (await context(options)).watch();
} else {
  await build(nodeBuild);
  const web = await build(webBuild);
  checkNoNodeGlobals(web.metafile, webBuild.outfile);
  // What each source file weighs in the web bundle (`npm run bench:size` lists the
  // heaviest); it stays out of the .vsix.
  writeFileSync('dist/web/extension.meta.json', JSON.stringify(web.metafile));
}
