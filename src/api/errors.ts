// One error type for every way a request can fail, so that callers branch on `kind`
// and show `describeApiError()` to the user instead of a stack trace.

export type ApiErrorKind =
  | 'offline' // no answer at all: DNS, refused or reset connection
  | 'timeout'
  | 'cancelled'
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'methodNotAllowed' // 405
  | 'gone' // 410
  | 'validation' // 400
  | 'rateLimited' // 429
  | 'locked' // 423: udata's read-only (maintenance) mode refuses every write
  | 'tooLarge' // 413: a body (an upload) bigger than a proxy in front of udata accepts
  | 'server' // 5xx
  | 'redirect' // a redirect the client refused to follow
  | 'invalidResponse' // a 2xx whose body is not the JSON we expected
  | 'http'; // any other status

/** Per-field messages; the API sends a string or a list per field, both become lists. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly details: {
      status?: number;
      /** The server's own `message`, when it sent one. */
      serverMessage?: string;
      fieldErrors?: FieldErrors;
      method?: string;
      /** Path of the request under the API base (never a full URL with secrets). */
      path?: string;
      /** For `redirect`: where the server wanted to send us. */
      location?: string;
      retryAfterSeconds?: number;
      /** The request left a web page (VS Code for the Web), with its cross-origin rules. */
      inBrowser?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(
      `${details.method ?? ''} ${details.path ?? ''} failed: ${kind}${details.status ? ` (${details.status})` : ''}${
        details.serverMessage ? `: ${details.serverMessage}` : ''
      }`.trim(),
    );
    this.name = 'ApiError';
  }

  get status(): number | undefined {
    return this.details.status;
  }
  get serverMessage(): string | undefined {
    return this.details.serverMessage;
  }
  get fieldErrors(): FieldErrors {
    return this.details.fieldErrors ?? {};
  }
}

/** The kinds of the statuses that have one of their own. */
const KIND_OF_STATUS: Partial<Record<number, ApiErrorKind>> = {
  400: 'validation',
  422: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  410: 'gone',
  423: 'locked',
  413: 'tooLarge',
  429: 'rateLimited',
};

export function kindForStatus(status: number): ApiErrorKind {
  const kind = KIND_OF_STATUS[status];
  if (kind) return kind;
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'redirect';
  return 'http';
}

/**
 * Reads `{"message": ..., "errors": {...}}` out of an error body. udata's reuse forms
 * send one string per field and its dataset forms a list of strings: accept both, and
 * anything else (HTML from a proxy, truncated JSON) yields no details rather than a throw.
 */
export function parseErrorBody(text: string): { serverMessage?: string; fieldErrors?: FieldErrors } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const result: { serverMessage?: string; fieldErrors?: FieldErrors } = {};
  // `message`, else what uploads answer: `{"success": false, "error": "..."}` (udata/core/storages/api.py).
  const message = [record.message, record.error].find((text): text is string => typeof text === 'string' && !!text.trim());
  if (message) result.serverMessage = message.trim();
  const errors = record.errors;
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    const fieldErrors: FieldErrors = {};
    for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
      const messages = flattenMessages(value);
      if (messages.length) fieldErrors[field] = messages;
    }
    if (Object.keys(fieldErrors).length) result.fieldErrors = fieldErrors;
  }
  return result;
}

function flattenMessages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flattenMessages);
  if (value && typeof value === 'object') {
    // Nested forms (e.g. extras) answer {"sub": "message"}: keep the sub-field's name.
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => flattenMessages(inner).map((message) => `${key}: ${message}`));
  }
  return [];
}
