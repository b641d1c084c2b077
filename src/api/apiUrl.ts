// The API base URL decides where the user's key is sent, so it is checked before
// any request: https everywhere, plain http only to this very machine.

export const DEFAULT_API_URL = 'https://www.data.gouv.fr/api/1';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export class ApiUrlError extends Error {
  constructor(
    message: string,
    readonly value: string,
  ) {
    super(message);
    this.name = 'ApiUrlError';
  }
}

/**
 * Parses the `datagouv.apiUrl` setting into a base URL that always ends with a slash,
 * so that relative paths (`me/`) resolve under it. Throws ApiUrlError when the value
 * is not an absolute URL, uses another scheme, carries credentials, or is http on a
 * host other than loopback.
 */
export function parseApiUrl(raw: string | undefined): URL {
  const value = (raw ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiUrlError('not-a-url', value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiUrlError('bad-scheme', value);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ApiUrlError('http-not-loopback', value);
  }
  if (url.username || url.password) {
    throw new ApiUrlError('credentials', value);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) {
    url.pathname += '/';
  }
  return url;
}

/** Where a user creates or copies an API key on the host that serves this API. */
export function profilePageUrl(apiBase: URL): string {
  return `${apiBase.origin}/admin/me/profile`;
}

export function isProductionApi(apiBase: URL): boolean {
  return apiBase.origin === new URL(DEFAULT_API_URL).origin;
}
