// The scenarios' configuration: the addresses run.ts passes in E2E_* variables, and the
// timeouts.
import { join } from 'node:path';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the scenarios through test/e2e/run.ts (npm test)`);
  return value;
}

export const e2e = {
  /** `http://127.0.0.1:<port>` of code-server. */
  get codeServerOrigin() {
    return required('E2E_CODE_SERVER');
  },
  /** Where each scenario file gets a workspace folder of its own. */
  get workspacesDir() {
    return required('E2E_WORKSPACES');
  },
  get standInOrigin() {
    return required('E2E_STAND_IN');
  },
  /** code-server's user-data-dir: its logs/ hold the extension host's output channels. */
  get userDataDir() {
    return required('E2E_USER_DATA_DIR');
  },
  get codeServerLog() {
    return required('E2E_CODE_SERVER_LOG');
  },
  /** Which extension host runs the extension: `web` with a .vsix without `main`. */
  get host(): 'node' | 'web' {
    return process.env.E2E_HOST === 'web' ? 'web' : 'node';
  },
  /** Where screenshots of failed steps go (git-ignored). */
  get artifactsDir() {
    return process.env.E2E_ARTIFACTS ?? join(process.cwd(), 'test-results', 'e2e');
  },
};

/** Generous for what is slow on a busy 2-core machine (first load), tight elsewhere. */
export const TIMEOUT = { load: 90_000, step: 20_000, test: 180_000 };
