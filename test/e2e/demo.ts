// `npm run demo`: the extension at work without a data.gouv.fr account. Builds the .vsix,
// starts the local stand-in of data.gouv.fr (sample data) and code-server with the
// extension installed and pointed at the stand-in, prints the address to open and the
// sample API key to paste, and stops everything on Ctrl+C.
//
//   DEMO_PORT=8080 (default)   code-server's port; another free one when it is taken
import { SAMPLE_API_KEY } from '../server/sampleData';
import { buildVsix, startEnvironment, stopAll, stopOnSignals } from './launcher';

async function main(): Promise<void> {
  stopOnSignals(undefined, 0);
  const preferred = Number(process.env.DEMO_PORT) || 8080;
  const vsix = buildVsix();
  const env = await startEnvironment({ vsix, port: preferred, standInPort: preferred + 1 });
  const line = '─'.repeat(72);
  console.log(`
${line}
  data.gouv.fr for VS Code — demo (nothing leaves this computer)

  1. Open in your browser:   ${env.workbenchUrl}
  2. Click the data.gouv.fr icon in the activity bar (left), then "Set API Key"
     (or F1 › "data.gouv.fr: Set API Key") and paste this sample key:

         ${SAMPLE_API_KEY}

     You are then Camille Martin, of two organizations of a fictional town, on a
     local stand-in of data.gouv.fr: ${env.standIn.apiUrl}
  3. Open a reuse, change it, save with Ctrl+S: the stand-in stores it.

  Ctrl+C stops everything.
${line}
`);
  // Runs until Ctrl+C: stopOnSignals ends code-server and the stand-in.
  await new Promise<never>(() => undefined);
}

main().catch(async (error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
  await stopAll();
  process.exit(1);
});
