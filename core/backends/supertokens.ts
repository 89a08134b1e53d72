/**
 * `supertokensBackend(options)`: sessionkit over SuperTokens, with or without SuperTokens' frontend SDK.
 *
 * With the SDK (`session`: the Session recipe of `supertokens-web-js` or `supertokens-auth-react`),
 * refresh, existence, sign-out and events go through it, and every request goes through its fetch
 * interceptor: cookie and header mode, anti-CSRF and the app's status codes work as the SDK is set
 * up (see `supertokens-sdk.ts`). Without it, this backend speaks SuperTokens' frontend protocol in
 * cookie mode itself (see `supertokens-protocol.ts`), honouring `sessionExpiredStatusCode` and
 * `invalidClaimStatusCode` when the app changed them.
 *
 * SuperTokens' own routes used: `POST {apiBasePath}/signout` and `POST {apiBasePath}/session/refresh`.
 * The session-expired status (401 by default) means "try refresh": the client refreshes once and
 * retries; from the refresh itself it means the session is gone. The invalid-claim status (403 by
 * default) with `claimValidationErrors` is `ReauthRequiredError('invalid_claim', status, claimId)`.
 * The access token's own expiry is not the session's: it is refreshed silently every hour or so,
 * and taken as `expiresAt` it would open the expiry warning each time. The session's `expiresAt` is
 * whatever the app's session route answers (e.g. the refresh token's expiry), or absent.
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
 * import Session from 'supertokens-web-js/recipe/session';
 * const client = createSessionClient({
 *   backend: supertokensBackend({ apiDomain: 'https://api.example.com', apiBasePath: '/auth', session: Session, events }),
 * });
 * ```
 */
import { SessionExpiredError } from '../errors.js';
import type { BackendCapabilities, CallOptions, Session, SessionBackend, SignOutScope } from '../types.js';
import { assertSessionId, parseSessionBody, parseSessionList } from '../validate.js';
import { absoluteKey, alreadyGone, alreadySignedOut, callDefaults, capabilitiesOf, revokedCount } from './shared.js';
import { protocolTransport } from './supertokens-protocol.js';
import { sdkTransport, type SupertokensEventSource, type SupertokensSessionLike } from './supertokens-sdk.js';

export { supertokensSessionEvents } from './supertokens-sdk.js';
export type { SupertokensEventSource, SupertokensSessionEvent, SupertokensSessionLike } from './supertokens-sdk.js';

export interface SupertokensBackendOptions {
  /** Where the API lives, e.g. `https://api.example.com`. Default: this page's origin. */
  apiDomain?: string;
  /** SuperTokens' `apiBasePath`. Default `/auth`. */
  apiBasePath?: string;
  /** The app's own current-session route. Default `{apiBasePath}/session`. */
  sessionPath?: string;
  /** The app's own sessions routes (list, `/{handle}`, `/revoke-others`, `/signout-all`). Default `{apiBasePath}/sessions`. */
  sessionsPath?: string;
  /**
   * SuperTokens' Session recipe (`supertokens-web-js/recipe/session`, or `supertokens-auth-react`'s),
   * already initialised. When given, refresh, existence, sign-out and events go through it.
   */
  session?: SupertokensSessionLike;
  /**
   * The recipe's events, for a recipe without `addEventListener` (supertokens-web-js): pass
   * `supertokensSessionEvents()` here and its `onHandleEvent` to `Session.init`.
   */
  events?: SupertokensEventSource;
  /** The status SuperTokens answers for an expired access token (its `sessionExpiredStatusCode`). Default 401. */
  sessionExpiredStatusCode?: number;
  /** The status of a failed claim check (its `invalidClaimStatusCode`). Default 403. */
  invalidClaimStatusCode?: number;
  /** Sent as `fdi-version` on SuperTokens' routes when given (without the SDK), e.g. `"3.0"`. */
  fdiVersion?: string;
  /** Seconds a revoked session's access token may still work elsewhere. Default 3600; 0 with blacklisting. */
  revocationDelay?: number;
  /** Declare what the app's routes do not support, e.g. `{ signOutAll: false }`. */
  capabilities?: Partial<BackendCapabilities>;
  /** Seconds each attempt may take before it fails as a `timeout`. Default 10. */
  timeout?: number;
  /** Retries of GETs on network errors, 5xx and 429. Default 3. */
  retries?: number;
}

/** Setup mistakes fail at once, naming the option, rather than later as a "network" error. */
function checkOptions(options: SupertokensBackendOptions) {
  const { apiDomain, apiBasePath, sessionPath, sessionsPath, session } = options;
  if (apiDomain !== undefined && !/^https?:\/\/[^/]/.test(apiDomain)) {
    throw new TypeError(`supertokensBackend: apiDomain must be an http(s) URL such as 'https://api.example.com' (got '${apiDomain}').`);
  }
  for (const [name, path] of Object.entries({ apiBasePath, sessionPath, sessionsPath })) {
    if (path !== undefined && path !== '' && !path.startsWith('/')) {
      throw new TypeError(`supertokensBackend: ${name} must start with '/' (got '${path}').`);
    }
  }
  for (const name of ['sessionExpiredStatusCode', 'invalidClaimStatusCode'] as const) {
    const status = options[name];
    if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
      throw new TypeError(`supertokensBackend: ${name} must be an HTTP error status such as 440 (got '${status}').`);
    }
  }
  const methods = ['attemptRefreshingSession', 'doesSessionExist', 'signOut'] as const;
  if (session !== undefined && methods.some((name) => typeof session?.[name] !== 'function')) {
    throw new TypeError("supertokensBackend: session must be SuperTokens' Session recipe (import Session from 'supertokens-web-js/recipe/session').");
  }
}

export function supertokensBackend(options: SupertokensBackendOptions = {}): SessionBackend {
  checkOptions(options);
  const origin = (options.apiDomain ?? '').replace(/\/+$/, '');
  const basePath = (options.apiBasePath ?? '/auth').replace(/\/+$/, '');
  const sessionPath = options.sessionPath ?? `${basePath}/session`;
  const sessionsPath = (options.sessionsPath ?? `${basePath}/sessions`).replace(/\/+$/, '');
  const capabilities = capabilitiesOf({ revocationDelay: options.revocationDelay ?? 3600, ...options.capabilities });
  let offset = 0;
  const transportOptions = {
    origin,
    basePath,
    fdiVersion: options.fdiVersion,
    sessionExpiredStatusCode: options.sessionExpiredStatusCode ?? 401,
    invalidClaimStatusCode: options.invalidClaimStatusCode ?? 403,
    ...callDefaults(options),
    onClockOffset: (value: number | undefined) => void (value !== undefined && (offset = value)),
  };
  const st = options.session ? sdkTransport(options.session, options.events, transportOptions) : protocolTransport(transportOptions);

  async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
    if (st.exists && !(await st.exists())) return null;
    const session = parseSessionBody(await st.request('GET', sessionPath, 'anti-csrf', { signal }), true);
    if (session) session.current = true;
    return session;
  }

  /** Like SuperTokens' own SDK: a lapsed access token is refreshed once before giving up. */
  async function withOneRefresh(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (st.refreshesItself || !(error instanceof SessionExpiredError)) throw error;
      await st.refresh();
      return run();
    }
  }

  async function signOut(scope: SignOutScope) {
    // A session found gone on the way is signed out already.
    if (scope === 'all') {
      await withOneRefresh(() => st.request('POST', `${sessionsPath}/signout-all`, 'anti-csrf', { keepalive: true })).catch(alreadySignedOut);
      // Every session is revoked; this clears this browser's tokens, and may find them dead already.
      await st.signOutHere().catch(() => undefined);
    } else {
      await withOneRefresh(() => st.signOutHere()).catch(alreadySignedOut);
    }
  }

  return {
    key: `supertokens:${absoluteKey(origin + basePath)}`,
    capabilities,
    clockOffset: () => offset,
    decorateRequest: st.decorateRequest,
    // The app's own API answers an expired access token as SuperTokens' verifySession does.
    expiredStatus: transportOptions.sessionExpiredStatusCode,
    watch: st.watch,

    getSession: ({ signal }: CallOptions = {}) => fetchSession(signal),

    async listSessions({ signal }: CallOptions = {}) {
      return parseSessionList(await st.request('GET', sessionsPath, 'anti-csrf', { signal }));
    },

    async revokeSession(id: string) {
      assertSessionId(id);
      await st.request('DELETE', `${sessionsPath}/${encodeURIComponent(id)}`, 'anti-csrf', { keepalive: true }).catch(alreadyGone);
    },

    async revokeOtherSessions() {
      return revokedCount(await st.request('POST', `${sessionsPath}/revoke-others`, 'anti-csrf', { keepalive: true }));
    },

    signOut,

    async refresh({ signal }: CallOptions = {}) {
      await st.refresh(signal);
      const session = await fetchSession(signal);
      if (!session) throw new SessionExpiredError('unauthenticated', 401);
      return session;
    },
  };
}
