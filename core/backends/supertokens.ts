/**
 * `supertokensBackend(options)`: sessionkit over SuperTokens' frontend protocol in cookie mode,
 * without SuperTokens' frontend SDK.
 *
 * SuperTokens' own routes used: `POST {apiBasePath}/signout` (sign out here) and
 * `POST {apiBasePath}/session/refresh`. Every request says `st-auth-mode: cookie` and carries a
 * `rid` (`session` on SuperTokens' routes; `anti-csrf` on the app's, as SuperTokens' SDK does,
 * which satisfies its custom-header CSRF check); `fdi-version` is sent when given. The `anti-csrf`
 * response header (anti-CSRF `VIA_TOKEN`) is kept in memory only and sent back on non-GET requests;
 * a new page learns it from its first refresh (its first write meets 401, the client refreshes).
 * `front-token: remove` tells that the session was cleared. The access token's own expiry (`ate`
 * in the front token) is not the session's: it is refreshed silently every hour or so, and taken
 * as `expiresAt` it would open the expiry warning each time. The session's `expiresAt` is whatever
 * the app's session route answers (e.g. the refresh token's expiry), or absent.
 *
 * Errors: any 401 is `SessionExpiredError('try_refresh')`, so the client refreshes and retries; a
 * 401 from the refresh itself means the session is gone. A 403 with `claimValidationErrors` is
 * `ReauthRequiredError('invalid_claim', 403, claimId)` (e.g. `st-ev`, email verification).
 *
 * SuperTokens has no frontend route to read, list or revoke sessions, so the app serves these
 * itself in sessionkit's REST shape, with session handles as ids (paths configurable):
 * `GET {sessionPath}` → `{ session }` (`{ session: null }` when signed out; `verifySession` with
 * `sessionRequired: false`), `GET {sessionsPath}` → `{ sessions }`, `DELETE {sessionsPath}/{handle}`,
 * `POST {sessionsPath}/revoke-others`, `POST {sessionsPath}/signout-all`.
 *
 * Revocation delay: a revoked session's access token keeps working until it expires unless the
 * backend enables access-token blacklisting; declare that with `revocationDelay` (default 3600 s,
 * SuperTokens' default access-token lifetime).
 *
 * ```ts
 * const client = createSessionClient({
 *   backend: supertokensBackend({ apiDomain: 'https://api.example.com', apiBasePath: '/auth' }),
 * });
 * ```
 */
import { ReauthRequiredError, SessionExpiredError } from '../errors.js';
import { errorForStatus } from '../http.js';
import { withRetry } from '../retry.js';
import type { BackendCapabilities, CallOptions, Session, SessionBackend, SignOutScope } from '../types.js';
import { assertSessionId, parseSessionBody, parseSessionList } from '../validate.js';
import { absoluteKey, exchange, isRecord, safeCode, type Exchange } from './shared.js';

export interface SupertokensBackendOptions {
  /** Where the API lives, e.g. `https://api.example.com`. Default: this page's origin. */
  apiDomain?: string;
  /** SuperTokens' `apiBasePath`. Default `/auth`. */
  apiBasePath?: string;
  /** The app's own current-session route. Default `{apiBasePath}/session`. */
  sessionPath?: string;
  /** The app's own sessions routes (list, `/{handle}`, `/revoke-others`, `/signout-all`). Default `{apiBasePath}/sessions`. */
  sessionsPath?: string;
  /** Sent as `fdi-version` on SuperTokens' routes when given, e.g. `"3.0"`. */
  fdiVersion?: string;
  /** Seconds a revoked session's access token may still work elsewhere. Default 3600; 0 with blacklisting. */
  revocationDelay?: number;
  /** Declare what the app's routes do not support, e.g. `{ signOutAll: false }`. */
  capabilities?: Partial<BackendCapabilities>;
  /** Per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Retries of GETs on network errors, 5xx and 429. Default 3. */
  retries?: number;
}

type Rid = 'session' | 'anti-csrf';

/** SuperTokens' 403 body names the failed claims; the first one's id becomes the error's `claim`. */
function invalidClaim(body: unknown): ReauthRequiredError | undefined {
  const errors = isRecord(body) ? body.claimValidationErrors : undefined;
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  return new ReauthRequiredError('invalid_claim', 403, isRecord(first) ? safeCode(first.id) : undefined);
}

/** Setup mistakes fail at once, naming the option, rather than later as a "network" error. */
function checkOptions({ apiDomain, apiBasePath, sessionPath, sessionsPath }: SupertokensBackendOptions) {
  if (apiDomain !== undefined && !/^https?:\/\/[^/]/.test(apiDomain)) {
    throw new TypeError(`supertokensBackend: apiDomain must be an http(s) URL such as 'https://api.example.com' (got '${apiDomain}').`);
  }
  for (const [name, path] of Object.entries({ apiBasePath, sessionPath, sessionsPath })) {
    if (path !== undefined && path !== '' && !path.startsWith('/')) {
      throw new TypeError(`supertokensBackend: ${name} must start with '/' (got '${path}').`);
    }
  }
}

export function supertokensBackend(options: SupertokensBackendOptions = {}): SessionBackend {
  checkOptions(options);
  const origin = (options.apiDomain ?? '').replace(/\/+$/, '');
  const basePath = (options.apiBasePath ?? '/auth').replace(/\/+$/, '');
  const sessionPath = options.sessionPath ?? `${basePath}/session`;
  const sessionsPath = (options.sessionsPath ?? `${basePath}/sessions`).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const capabilities: BackendCapabilities = {
    list: true,
    revoke: true,
    revokeOthers: true,
    signOutAll: true,
    refresh: true,
    revocationDelay: options.revocationDelay ?? 3600,
    ...options.capabilities,
  };
  /** In memory only, never in web storage. */
  let antiCsrf: string | undefined;
  let offset = 0;

  const headersFor = (method: string, rid: Rid): Record<string, string> => ({
    rid,
    'st-auth-mode': 'cookie',
    ...(rid === 'session' && options.fdiVersion ? { 'fdi-version': options.fdiVersion } : {}),
    ...(method !== 'GET' && antiCsrf ? { 'anti-csrf': antiCsrf } : {}),
  });

  function forget() {
    antiCsrf = undefined;
  }

  /** Reads the session state SuperTokens puts in response headers. */
  function absorb(headers: Headers) {
    const front = headers.get('front-token');
    if (front === 'remove') forget();
    const csrf = headers.get('anti-csrf');
    if (csrf && front !== 'remove') antiCsrf = csrf;
  }

  async function request(method: Exchange['method'], path: string, rid: Rid, extra: Partial<Exchange> = {}): Promise<unknown> {
    const send = async () => {
      const response = await exchange({
        method,
        url: origin + path,
        headers: headersFor(method, rid),
        credentials: 'include',
        timeoutMs,
        ...extra,
      });
      absorb(response.headers);
      if (response.clockOffset !== undefined) offset = response.clockOffset;
      if (response.ok) return response.body;
      if (response.status === 401) throw new SessionExpiredError('try_refresh', 401);
      if (response.status === 403) throw invalidClaim(response.body) ?? errorForStatus(403, response.body);
      throw errorForStatus(response.status, response.body, response.headers.get('retry-after'));
    };
    return method === 'GET' ? withRetry(send, retries, extra.signal) : send();
  }

  async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
    const session = parseSessionBody(await request('GET', sessionPath, 'anti-csrf', { signal }), true);
    if (!session) return null;
    session.current = true;
    return session;
  }

  /** Rotates the tokens; a 401 here means the session is gone for good. */
  async function refreshTokens(signal?: AbortSignal) {
    try {
      await request('POST', `${basePath}/session/refresh`, 'session', { signal });
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) throw error;
      forget();
      throw new SessionExpiredError('unauthenticated', 401);
    }
  }

  /** Like SuperTokens' own SDK: a lapsed access token is refreshed once before giving up. */
  async function withOneRefresh(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) throw error;
      await refreshTokens();
      return run();
    }
  }

  async function signOut(scope: SignOutScope) {
    const ownSignOut = () => request('POST', `${basePath}/signout`, 'session', { keepalive: true });
    try {
      if (scope === 'all') await withOneRefresh(() => request('POST', `${sessionsPath}/signout-all`, 'anti-csrf', { keepalive: true }));
      else await withOneRefresh(ownSignOut);
    } catch (error) {
      // The refresh said the session is gone: signed out already.
      if (!(error instanceof SessionExpiredError)) throw error;
    }
    // Every session is revoked; this clears this browser's cookies, and may find them dead already.
    if (scope === 'all') await ownSignOut().catch(() => undefined);
    forget();
  }

  return {
    key: `supertokens:${absoluteKey(origin + basePath)}`,
    capabilities,
    clockOffset: () => offset,
    decorateRequest(headers, method) {
      if (!headers.has('rid')) headers.set('rid', 'anti-csrf');
      for (const [name, value] of Object.entries(headersFor(method.toUpperCase(), 'anti-csrf'))) {
        if (name !== 'rid') headers.set(name, value);
      }
    },

    getSession: ({ signal }: CallOptions = {}) => fetchSession(signal),

    async listSessions({ signal }: CallOptions = {}) {
      return parseSessionList(await request('GET', sessionsPath, 'anti-csrf', { signal }));
    },

    async revokeSession(id: string) {
      assertSessionId(id);
      try {
        await request('DELETE', `${sessionsPath}/${encodeURIComponent(id)}`, 'anti-csrf', { keepalive: true });
      } catch (error) {
        // Already gone counts as revoked.
        if ((error as { status?: number }).status !== 404) throw error;
      }
    },

    async revokeOtherSessions() {
      const body = await request('POST', `${sessionsPath}/revoke-others`, 'anti-csrf', { keepalive: true });
      const revoked = isRecord(body) ? body.revoked : undefined;
      return typeof revoked === 'number' && revoked >= 0 ? revoked : undefined;
    },

    signOut,

    async refresh({ signal }: CallOptions = {}) {
      await refreshTokens(signal);
      const session = await fetchSession(signal);
      if (!session) throw new SessionExpiredError('unauthenticated', 401);
      return session;
    },
  };
}
