// `npm run bench:size`: the shipped bundle and the .vsix against their budgets, and what
// the .vsix holds. Fails loudly (exit 1) when a budget is exceeded or when anything but
// what runs is packaged (tests, sources, source maps, node_modules).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';

const BUDGETS = { bundle: 150 * 1024, vsix: 250 * 1024 };
const BUNDLES = ['dist/extension.js', 'dist/web/extension.js'];
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

run('npm', ['run', 'package']);
const vsixName = readdirSync('.').find((name) => name.endsWith('.vsix'));
if (!vsixName) throw new Error('no .vsix was written');
const vsix = statSync(vsixName).size;
const files = run('npx', ['vsce', 'ls', '--no-dependencies']).trim().split('\n').filter(Boolean);
const forbidden = files.filter((file) => /(^|\/)(test|src|node_modules|bench|scripts|screenshots)\/|\.map$|\.ts$/.test(file));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('| artefact | size | budget | |');
console.log('|---|---|---|---|');
const bundles = BUNDLES.map((path) => ({ path, size: statSync(path).size }));
for (const { path, size } of bundles) console.log(`| ${path} (minified) | ${kb(size)} | ${kb(BUDGETS.bundle)} | ${size <= BUDGETS.bundle ? 'ok' : 'OVER'} |`);
console.log(`| ${vsixName} | ${kb(vsix)} | ${kb(BUDGETS.vsix)} | ${vsix <= BUDGETS.vsix ? 'ok' : 'OVER'} |`);
console.log(`\nHeaviest parts of dist/web/extension.js (minified bytes):\n${heaviestInputs('dist/web/extension.meta.json', 20)}`);
console.log(`\n.vsix contents (${files.length} files): ${files.join(', ')}`);

const failures = [
  ...bundles.filter(({ size }) => size > BUDGETS.bundle).map(({ path, size }) => `${path} is ${kb(size)}, over its ${kb(BUDGETS.bundle)} budget`),
  ...BUNDLES.filter((path) => !files.includes(path)).map((path) => `${path} is missing from the .vsix`),
  ...(vsix > BUDGETS.vsix ? [`${vsixName} is ${kb(vsix)}, over its ${kb(BUDGETS.vsix)} budget`] : []),
  ...forbidden.map((file) => `${file} should not be in the .vsix`),
];
if (failures.length) {
  console.error(`\nBUDGET EXCEEDED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}

/** The packages and source files that weigh most in a bundle, from the metafile the build writes. */
function heaviestInputs(metafilePath: string, count: number): string {
  const metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const weights = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      // A package counts as one part; our own files count one by one.
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
      weights.set(name, (weights.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...weights]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `  ${kb(bytes).padStart(8)}  ${name}`)
    .join('\n');
}
