// `npm run bench:big`: a big account — 10,000 organization datasets and 1,000 reuses —
// through the same models the views use (DatasetsModel, ReusesModel), with the stand-in
// in its own process. Measures, per view: the time to the first level, the time to
// expand every group, the longest stall of the event loop while it happens (what a
// user would feel as an unresponsive window), and the heap the loaded view keeps
// (after a full GC). Run with --expose-gc (the npm script does).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ApiClient } from '../src/api/client';
import { describeApiError } from '../src/util/errorMessages';
import type { Translator } from '../src/util/translator';
import { ApiError } from '../src/api/errors';
import type { NodeContext, TreeNode } from '../src/tree/nodes';
import { DatasetsModel, ReusesModel, type TreeModel } from '../src/tree/treeModel';
import { SAMPLE_API_KEY } from '../test/server/sampleData';
import { startStandInProcess, stopStandInProcess } from './standInProcess';

const DATASETS = 10_000;
const REUSES = 1_000;
/** Budgets: a view of a big account keeps under this much heap, and never stalls longer. */
const HEAP_BUDGET_MB = 60;
const STALL_BUDGET_MS = 500;

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const ctx: NodeContext = { l10n: english, locale: 'en', describeError: (e) => (e instanceof ApiError ? describeApiError(e, english) : String(e)) };

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * `expected`: how many items the view must show (every dataset or reuse of the account,
 * plus the sample data's own): a load that failed, or came back short, fails the run.
 */
async function measure(name: string, model: TreeModel<unknown>, expected: number): Promise<string[]> {
  const before = heapMb();
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  const roots = await model.getChildren();
  const firstLevel = performance.now() - started;
  let items = 0;
  const expandStarted = performance.now();
  for (const group of roots) items += (await model.getChildren(group as TreeNode)).length;
  const expand = performance.now() - expandStarted;
  stalls.disable();
  const kept = heapMb() - before;
  const stall = stalls.max / 1e6;
  const problems: string[] = [];
  if (model.state !== 'loaded') problems.push(`the view did not load (${model.state}${model.lastError ? `: ${String(model.lastError)}` : ''})`);
  if (items < expected) problems.push(`${items} items shown, at least ${expected} expected`);
  if (kept > HEAP_BUDGET_MB) problems.push(`heap kept ${kept.toFixed(1)} MB > ${HEAP_BUDGET_MB} MB`);
  if (stall > STALL_BUDGET_MS) problems.push(`longest stall ${stall.toFixed(0)} ms > ${STALL_BUDGET_MS} ms`);
  const verdict = problems.length ? `OVER: ${problems.join('; ')}` : 'ok';
  return [
    name,
    items.toLocaleString('en'),
    `${firstLevel.toFixed(0)} ms`,
    `${expand.toFixed(0)} ms`,
    `${stall.toFixed(0)} ms`,
    `${kept.toFixed(1)} MB`,
    verdict,
  ];
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc (npm run bench:big)');
  const server = await startStandInProcess({ datasets: DATASETS, reuses: REUSES });
  try {
    const client = new ApiClient({ apiUrl: server.apiUrl, getApiKey: () => SAMPLE_API_KEY, timeoutMs: 120_000 });
    const session = { isSignedIn: true, client };
    const rows = [
      await measure(`Organization Datasets (${DATASETS.toLocaleString('en')})`, new DatasetsModel(session, ctx), DATASETS),
      await measure(`Reuses (${REUSES.toLocaleString('en')})`, new ReusesModel(session, ctx), REUSES),
    ];
    console.log(`| view | items | first level | expand all groups | longest stall | heap kept | budget (${HEAP_BUDGET_MB} MB, ${STALL_BUDGET_MS} ms) |`);
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    if (rows.some((row) => row[6] !== 'ok')) {
      console.error('BUDGET EXCEEDED');
      process.exitCode = 1;
    }
  } finally {
    await stopStandInProcess(server);
  }
}

void main();
