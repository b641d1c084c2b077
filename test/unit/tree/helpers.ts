// Shared by the tree tests: translators (English as written, French from the bundle),
// a node context without vscode, and a client and session against the stand-in.
import { readFileSync } from 'node:fs';
import { ApiClient, type ApiClientOptions } from '../../../src/api/client';
import { describeApiError } from '../../../src/util/errorMessages';
import type { Translator } from '../../../src/util/translator';
import { ApiError } from '../../../src/api/errors';
import type { NodeContext } from '../../../src/tree/nodes';
import type { SessionLike } from '../../../src/tree/treeModel';
import type { StandIn } from '../../server/standIn';
import { SAMPLE_API_KEY } from '../../server/sampleData';

function format(message: string, args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => (index in args ? String(args[Number(index)]) : match));
}

export const english: Translator = { t: (message, ...args) => format(message, args) };

const frBundle = JSON.parse(readFileSync(new URL('../../../l10n/bundle.l10n.fr.json', import.meta.url), 'utf8')) as Record<string, string>;
export const french: Translator = { t: (message, ...args) => format(frBundle[message] ?? message, args) };

export function nodeContext(locale = 'en', l10n: Translator = locale.startsWith('fr') ? french : english): NodeContext {
  return {
    l10n,
    locale,
    describeError: (error) => (error instanceof ApiError ? describeApiError(error, l10n) : String(error)),
  };
}

export function standInClient(standIn: StandIn, overrides: Partial<ApiClientOptions> = {}): ApiClient {
  return new ApiClient({
    apiUrl: standIn.apiUrl,
    getApiKey: () => SAMPLE_API_KEY,
    timeoutMs: 2_000,
    retryLimit: 0,
    ...overrides,
  });
}

/** A session as the models see it; `signedIn` and `key` can change during a test. */
export class FakeSession implements SessionLike {
  signedIn = true;
  key: string | undefined = SAMPLE_API_KEY;
  private readonly clientValue: ApiClient;

  constructor(standIn: StandIn, overrides: Partial<ApiClientOptions> = {}) {
    this.clientValue = standInClient(standIn, { getApiKey: () => this.key, ...overrides });
  }

  get isSignedIn(): boolean {
    return this.signedIn;
  }

  get client(): ApiClient {
    return this.clientValue;
  }
}
