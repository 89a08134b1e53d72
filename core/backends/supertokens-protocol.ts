/**
 * SuperTokens' frontend protocol in cookie mode, spoken without SuperTokens' SDK (for pages that do
 * not load it). What SuperTokens' SDK (supertokens-website) does, this does too:
 *
 * - every request says `st-auth-mode: cookie` and carries a `rid` (`session` on SuperTokens' routes,
 *   `anti-csrf` on the app's, which satisfies SuperTokens' custom-header CSRF check); `fdi-version`
 *   goes to SuperTokens' routes when given;
 * - anti-CSRF `VIA_TOKEN`: the `anti-csrf` response header is sent back on every write and kept
 *   where the SDK keeps it, the `sAntiCsrf` cookie of this page's site (an anti-CSRF token is no
 *   credential: it proves nothing without the HttpOnly access cookie), so a reload finds it and
 *   its first write is not refused; `front-token: remove` forgets it;
 * - the session-expired status (`sessionExpiredStatusCode`, default 401) means "try refresh"; the
 *   same status from the refresh means the session is gone; `invalidClaimStatusCode` (default
 *   403) with `claimValidationErrors` is `ReauthRequiredError` with the first claim's id.
 */
import { ReauthRequiredError, ServerError, SessionExpiredError } from '../errors.js';
import { errorForStatus, exchange, type HttpRequest, type HttpResponse } from '../http.js';
import { withRetry } from '../retry.js';
import { isRecord, safeCode } from './shared.js';
import type { StRid, StTransport, StTransportOptions } from './supertokens-transport.js';

const ANTI_CSRF_COOKIE = 'sAntiCsrf';

/** The `sAntiCsrf` cookie, where SuperTokens' SDK keeps it too; nothing where there is no document. */
const antiCsrfCookie = {
  read(): string | undefined {
    if (typeof document !== 'object') return undefined;
    const entry = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${ANTI_CSRF_COOKIE}=`));
    return entry ? decodeURIComponent(entry.slice(ANTI_CSRF_COOKIE.length + 1)) || undefined : undefined;
  },
  write(value: string | undefined) {
    if (typeof document !== 'object') return;
    const secure = typeof location === 'object' && location.protocol === 'https:' ? '; secure' : '';
    document.cookie = value
      ? `${ANTI_CSRF_COOKIE}=${encodeURIComponent(value)}; path=/; samesite=lax${secure}`
      : `${ANTI_CSRF_COOKIE}=; path=/; max-age=0; samesite=lax${secure}`;
  },
};

/** SuperTokens' invalid-claim body names the failed claims; the first one's id becomes the error's `claim`. */
export function invalidClaim(body: unknown, status: number): ReauthRequiredError | undefined {
  const errors = isRecord(body) ? body.claimValidationErrors : undefined;
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  return new ReauthRequiredError('invalid_claim', status, isRecord(first) ? safeCode(first.id) : undefined);
}

/** A failed answer that is not the session-expired status, as the kit's typed error. */
export function failureFor(response: HttpResponse, invalidClaimStatusCode: number): Error {
  const claim = response.status === invalidClaimStatusCode ? invalidClaim(response.body, response.status) : undefined;
  // With the session-expired status moved elsewhere, a 401 is just a refusal.
  if (!claim && response.status === 401) return new ServerError('http_401', 401);
  return claim ?? errorForStatus(response.status, response.body, response.headers.get('retry-after'));
}

export function protocolTransport(options: StTransportOptions): StTransport {
  const { origin, basePath, sessionExpiredStatusCode, invalidClaimStatusCode } = options;
  let antiCsrf = antiCsrfCookie.read();

  const headersFor = (method: string, rid: StRid): Record<string, string> => ({
    rid,
    'st-auth-mode': 'cookie',
    ...(rid === 'session' && options.fdiVersion ? { 'fdi-version': options.fdiVersion } : {}),
    ...(method !== 'GET' && antiCsrf ? { 'anti-csrf': antiCsrf } : {}),
  });

  function remember(value: string | undefined) {
    if (value === antiCsrf) return;
    antiCsrf = value;
    antiCsrfCookie.write(value);
  }

  /** Reads the session state SuperTokens puts in response headers. */
  function absorb(headers: Headers) {
    const front = headers.get('front-token');
    if (front === 'remove') remember(undefined);
    else if (headers.get('anti-csrf')) remember(headers.get('anti-csrf')!);
  }

  async function request(method: HttpRequest['method'], path: string, rid: StRid, extra: Partial<HttpRequest> = {}): Promise<unknown> {
    const send = async () => {
      const response = await exchange({
        method,
        url: origin + path,
        headers: { accept: 'application/json', ...headersFor(method, rid) },
        credentials: 'include',
        timeoutMs: options.timeoutMs,
        ...extra,
      });
      absorb(response.headers);
      options.onClockOffset(response.clockOffset);
      if (response.ok) return response.body;
      if (response.status === sessionExpiredStatusCode) throw new SessionExpiredError('try_refresh', 401);
      throw failureFor(response, invalidClaimStatusCode);
    };
    return method === 'GET' ? withRetry(send, options.retries, extra.signal) : send();
  }

  /** Rotates the tokens; the session-expired status here means the session is gone for good. */
  async function refresh(signal?: AbortSignal) {
    try {
      await request('POST', `${basePath}/session/refresh`, 'session', { signal });
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) throw error;
      remember(undefined);
      throw new SessionExpiredError('unauthenticated', 401);
    }
  }

  return {
    request,
    refresh,
    async signOutHere() {
      await request('POST', `${basePath}/signout`, 'session', { keepalive: true });
      remember(undefined);
    },
    decorateRequest(headers, method) {
      if (!headers.has('rid')) headers.set('rid', 'anti-csrf');
      for (const [name, value] of Object.entries(headersFor(method.toUpperCase(), 'anti-csrf'))) {
        if (name !== 'rid') headers.set(name, value);
      }
    },
    // The SDK refreshes inside its own interceptor; here a lapsed access token is refreshed once before giving up.
    refreshesItself: false,
  };
}
