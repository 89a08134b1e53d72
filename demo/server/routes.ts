import { DEMO_DEVICES_PATH, SESSIONKIT_BASE } from '../shared/paths.js';
import type { Auth } from './auth.js';
import { demoDevices } from './demo-devices.js';
import { apiError } from './http.js';
import { demoPages, type PageFolders } from './pages.js';
import { sessionkitApi } from './sessionkit-api.js';

// Scripts and styles come only from this server; nothing may frame the pages.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every answer gets: no sniffing, no referrer elsewhere, no caching unless an asset says so. */
function secure(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  if (headers.get('content-type')?.startsWith('text/html')) headers.set('content-security-policy', CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The whole demo as one fetch-style handler. */
export async function demoRoutes(auth: Auth, trustedOrigins: readonly string[], folders: PageFolders) {
  const sessionkit = sessionkitApi(auth, trustedOrigins);
  const devices = demoDevices(auth, trustedOrigins);
  const pages = await demoPages(auth, folders);

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(`${SESSIONKIT_BASE}/`)) return sessionkit(request, pathname.slice(SESSIONKIT_BASE.length));
    if (pathname === DEMO_DEVICES_PATH) return devices(request);
    if (pathname.startsWith('/api/auth/')) return auth.handler(request);
    return (await pages(request)) ?? new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  return async function handle(request: Request): Promise<Response> {
    try {
      return secure(await route(request));
    } catch (error) {
      console.error(error);
      return secure(apiError(500, 'server_error', 'Something went wrong on the server.'));
    }
  };
}
