// Runs the stand-in on its own: `npx tsx test/server/main.ts [--port N] [--datasets N] [--reuses N]`.
import { startStandIn } from './standIn';
import { SAMPLE_API_KEY } from './sampleData';

const args = process.argv.slice(2);
function option(name: string): number | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : undefined;
}

void startStandIn({ port: option('port'), datasets: option('datasets'), reuses: option('reuses') }).then((standIn) => {
  console.log(`data.gouv.fr stand-in listening: ${standIn.apiUrl}`);
  console.log(`sample API key: ${SAMPLE_API_KEY}`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
