// `npm run bench:cost`: every cost figure in one command — the bundle and the .vsix
// against their budgets (bench/size.ts), then, in a real VS Code (code-server), the
// activation time, that activation asks the API nothing, and the requests and bytes of
// each user action (test/e2e/scenarios/20-cost.e2e.ts prints that table). Fails when
// a budget or a floor is not met.
import { spawnSync } from 'node:child_process';

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n## ${title}\n`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

const size = run('Bundle and .vsix', 'npx', ['tsx', 'bench/size.ts']);
// The scenario always checks the request counts (open = 1, save = 2, unchanged save = 0,
// activation = 0); with E2E_SPEED_TARGETS it also checks activation's own work < 20 ms.
const actions = run('Activation and requests per user action (code-server)', process.execPath, ['--import', 'tsx', 'test/e2e/run.ts', '20-cost'], {
  E2E_SPEED_TARGETS: '1',
});
process.exit(size || actions);
