import { createSessionClient, type SessionClient } from '../../core/client.js';
import { restBackend } from '../../core/rest-backend.js';

/** How `<sk-session-provider>` and React's `<SessionProvider>` describe the client they build. */
export interface RestClientConfig {
  baseUrl: string;
  /** Header that carries the CSRF token on non-GET requests (with `csrfCookie`). */
  csrfHeader?: string;
  /** Cookie the CSRF token is read from, at each request (double-submit; with `csrfHeader`). */
  csrfCookie?: string;
  /** Space-separated origins, besides the page's, that may be navigated to and receive credentials. */
  allowedOrigins?: string;
}

/** Reads one cookie's value (for double-submit CSRF). */
function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(/;\s*/)) {
    const index = pair.indexOf('=');
    if (pair.slice(0, index) === name) return decodeURIComponent(pair.slice(index + 1));
  }
  return undefined;
}

/** A client for sessionkit's REST protocol, built the one way both providers build it. */
export function createRestClient({ baseUrl, csrfHeader: header, csrfCookie: cookie, allowedOrigins }: RestClientConfig): SessionClient {
  return createSessionClient({
    backend: restBackend({ baseUrl, csrf: header && cookie ? { header, value: () => readCookie(cookie) } : undefined }),
    allowedOrigins: allowedOrigins?.split(/\s+/).filter(Boolean),
  });
}
