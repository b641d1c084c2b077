// The stand-in of the API in its own process, as data.gouv.fr would be, for the
// benchmarks: `test/server/main.ts` with generated load data.
import { spawn, type ChildProcess } from 'node:child_process';

export interface StandInProcess {
  apiUrl: string;
  origin: string;
  child: ChildProcess;
}

/** Starts the stand-in with `datasets` (and `reuses`) generated, and waits for its URL. */
export function startStandInProcess(load: { datasets: number; reuses?: number }): Promise<StandInProcess> {
  const args = ['--import', 'tsx', 'test/server/main.ts', '--datasets', String(load.datasets)];
  if (load.reuses) args.push('--reuses', String(load.reuses));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening: (http:\/\/\S+)/.exec(output);
      if (match) resolve({ apiUrl: match[1], origin: new URL(match[1]).origin, child });
    });
  });
}

export async function stopStandInProcess(server: StandInProcess): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}
