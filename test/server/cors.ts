// Cross-origin answers as udata/cors.py gives them (udata 17.6), so that VS Code for the
// Web (a page of another origin) meets the same rules as with data.gouv.fr:
// - only "CORS routes" get headers: paths under /api, /oauth/token, /oauth/revoke,
//   /datasets/r/ and static files (is_allowed_cors_route);
// - a preflight (OPTIONS with Access-Control-Request-Method) never reaches the API: 204,
//   the asked method and headers echoed back (add_preflight_request_headers), no
//   Access-Control-Max-Age, so a browser may ask again before every request;
// - every answer to a request with an Origin gets `Access-Control-Allow-Origin: *` (the
//   credentialed branch is for data.gouv.fr's own front-end only) and `Vary: Origin`;
// - no Access-Control-Expose-Headers: a page cannot read Location or Retry-After.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** udata/cors.py is_allowed_cors_route (the SECURITY_* auth pages aside). */
export function isCorsRoute(pathname: string): boolean {
  return (
    /\.(js|css|woff2?|png|jpe?g|svg)$/.test(pathname) ||
    pathname.startsWith('/api') ||
    pathname.startsWith('/oauth/token') ||
    pathname.startsWith('/oauth/revoke') ||
    pathname.startsWith('/datasets/r/')
  );
}

/** udata/cors.py bypass_code_for_options_requests: a preflight, answered here. */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

function addVary(res: ServerResponse, header: string): void {
  const values = String(res.getHeader('Vary') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (!values.includes(header)) values.push(header);
  res.setHeader('Vary', values.join(', '));
}

/** add_actual_request_headers: set on every answer of a CORS route (before it is written). */
export function addCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  addVary(res, 'Origin');
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', '*');
}

/** add_preflight_request_headers, then the 204 udata answers without running the API. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  addCorsHeaders(req, res);
  if (req.headers.origin) {
    res.setHeader('Access-Control-Allow-Methods', String(req.headers['access-control-request-method'] ?? ''));
    addVary(res, 'Access-Control-Request-Method');
    res.setHeader('Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? ''));
    addVary(res, 'Access-Control-Request-Headers');
  }
  res.writeHead(204);
  res.end();
}
