// One request over fetch with a time limit per attempt, and retries of idempotent reads
// when data.gouv.fr (or a proxy before it) says to come back: 429, 502, 503, 504, or no
// answer at all. It replaced ky, which did the same in 14 KB of a bundle whose budget
// is 150 KB; the rest of what ky offers (hooks, JSON helpers, progress) the client did
// not use. Redirects are the caller's business (`redirect: 'manual'` is passed through).

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Methods that may be sent twice (reads); writes never are. */
  methods: readonly string[];
  /** Statuses that mean "try again". */
  statusCodes: readonly number[];
  /** Statuses whose Retry-After header is honoured. */
  afterStatusCodes: readonly number[];
  /** The longest Retry-After waited for; a longer one waits this long. */
  maxRetryAfterMs: number;
  /** Delay before retry n (1-based) when the server gave none. */
  delayMs: (retry: number) => number;
}

export interface RetryingFetchOptions {
  fetch: typeof fetch;
  /** Per attempt, until the answer's headers arrive. */
  timeoutMs: number;
  retry: RetryPolicy;
}

/** No answer within the time limit of an attempt. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** ky's backoff: 0.3 s, 0.6 s, 1.2 s… capped at 5 s. */
export const exponentialBackoff = (retry: number): number => Math.min(5_000, 300 * 2 ** (retry - 1));

/**
 * Sends `init` to `url` and resolves the answer whatever its status (a 404 is an answer);
 * rejects with RequestTimeoutError, the caller's AbortError, or fetch's own error (no
 * connection) once the retries are spent.
 */
export async function retryingFetch(url: URL, init: RequestInit, options: RetryingFetchOptions): Promise<Response> {
  const policy = options.retry;
  const retriable = policy.methods.includes((init.method ?? 'GET').toUpperCase());
  for (let retry = 1; ; retry++) {
    const mayRetry = retriable && retry <= policy.limit;
    let response: Response;
    try {
      response = await fetchWithTimeout(url, init, options);
    } catch (cause) {
      // A timeout is not retried: the user has already waited the whole limit once.
      if (!mayRetry || cause instanceof RequestTimeoutError || init.signal?.aborted) throw cause;
      await sleep(policy.delayMs(retry), init.signal);
      continue;
    }
    if (!mayRetry || !policy.statusCodes.includes(response.status)) return response;
    // The answer is dropped: free its connection.
    void response.body?.cancel().catch(() => undefined);
    await sleep(retryDelay(response, retry, policy), init.signal);
  }
}

function retryDelay(response: Response, retry: number, policy: RetryPolicy): number {
  const header = policy.afterStatusCodes.includes(response.status) ? response.headers.get('retry-after') : null;
  if (header) {
    // Seconds, or an HTTP date (RFC 9110, 10.2.3).
    const seconds = Number(header);
    const after = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
    if (Number.isFinite(after)) return Math.min(Math.max(after, 0), policy.maxRetryAfterMs);
  }
  return policy.delayMs(retry);
}

async function fetchWithTimeout(url: URL, init: RequestInit, options: RetryingFetchOptions): Promise<Response> {
  // One controller per attempt, aborted by the caller's signal or by the timer. (Not
  // AbortSignal.any: VS Code 1.85's Node 18 does not have it.)
  const controller = new AbortController();
  const callerSignal = init.signal;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    return await options.fetch(url, { ...init, signal: controller.signal });
  } catch (cause) {
    if (timedOut) throw new RequestTimeoutError(options.timeoutMs);
    throw cause;
  } finally {
    // The body is read after this: the caller's signal still cancels it, the timer no more.
    clearTimeout(timer);
  }
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
