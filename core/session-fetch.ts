import { NetworkError, SessionExpiredError } from './errors.js';
import { errorForStatus } from './http.js';
import { noop } from './noop.js';
import type { Refresher } from './refresher.js';
import type { SessionBackend } from './types.js';

/**
 * `fetch` for the app's own API: credentials (and what the backend adds, a CSRF header say) only
 * for the page's origin and `allowedOrigins`, and the 401 rule for those (the backend's
 * `expiredStatus`, SuperTokens' 440 say, in place of 401). Other origins get a plain
 * `fetch`, with nothing of the session.
 */
export function sessionFetch(backend: SessionBackend, authorized: Refresher['authorized'], allowedOrigins: readonly string[], hasEnded: () => boolean) {
  return (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { origin } = new URL(request.url);
    if (origin !== globalThis.location?.origin && !allowedOrigins.includes(origin)) return globalThis.fetch(request);
    /** The retry's answer: a 401 after a refresh that kept the session is the endpoint's own, returned as it came. */
    let refused: Response | undefined;
    return authorized(async () => {
      const headers = new Headers(request.headers);
      backend.decorateRequest?.(headers, request.method);
      let response: Response;
      try {
        response = await globalThis.fetch(new Request(request.clone(), { headers, credentials: 'include' }));
      } catch {
        throw new NetworkError(request.signal.aborted ? 'aborted' : 'network');
      }
      if (response.status !== (backend.expiredStatus ?? 401)) return response;
      refused = response;
      // Only the error code is read from the body, and only when it looks like one.
      throw errorForStatus(401, await response.clone().json().catch(noop));
    }, true).catch((error: unknown) => {
      if (refused && error instanceof SessionExpiredError && !hasEnded()) return refused;
      throw error;
    });
  };
}
