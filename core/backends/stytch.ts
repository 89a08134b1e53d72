/**
 * `stytchBackend(stytchClient, options)`: sessionkit over a Stytch frontend SDK client
 * (`@stytch/vanilla-js`, `@stytch/react`'s `useStytch()`, …) plus the app's own endpoints.
 *
 * From the SDK: the current session is `session.getSync()` (the SDK's own state, which it keeps
 * fresh by authenticating in the background, so reading it costs no request); `session.onChange`
 * feeds the client's `watch`, so a session the SDK drops ends sessionkit's too; sign-out here is
 * `session.revoke({ forceClear })`. The SDK clears its state (and fires `onChange(null)`) before
 * `revoke` resolves; the client takes a session that ends during its own sign-out as that sign-out,
 * so a **Log out** never reads as "signed out from another device".
 *
 * A forced sign-out (`forceClear`) that cannot reach Stytch makes the SDK drop its session while it
 * lives on at Stytch. This backend keeps the session's tokens in memory (never in storage) and
 * finishes the revoke on the client's retry (`online`, page shown again) by handing them back to the
 * SDK (`session.updateSession`) and revoking. After a reload that memory is gone: there, an offline
 * forced sign-out stays local only, and the session ends at its expiry or when revoked from another
 * device's list. The client says `serverRevoked: false` either way.
 *
 * The browser SDK cannot list or revoke other sessions, so the app serves these in sessionkit's
 * REST shape, backed by Stytch's backend API (`sessions.get` by `user_id`, `sessions.revoke` by
 * `session_id`): `GET {listUrl}` → `{ sessions }` with Stytch `session_id`s as ids,
 * `DELETE {revokeUrl}` (default `{listUrl}/:id`), `POST {revokeOthersUrl}` (default
 * `{listUrl}/revoke-others`) and, only if given, `POST {signOutAllUrl}`. Which row is current
 * comes from the SDK's session, whatever the endpoint says.
 *
 * It cannot refresh: the SDK refreshes itself. Revocation delay: a revoked session's JWT keeps
 * validating for up to 5 minutes (300 s), and another device's SDK notices at its next refresh.
 *
 * ```ts
 * const stytch = new StytchHeadlessClient(publicToken);
 * const client = createSessionClient({
 *   backend: stytchBackend(stytch, { listUrl: '/api/sessions', signOutAllUrl: '/api/sessions/signout-all' }),
 * });
 * ```
 */
import { NetworkError, ProtocolError, ServerError, SessionExpiredError, SessionKitError } from '../errors.js';
import { jsonCaller } from '../http.js';
import type { CallOptions, Session, SessionBackend, SignOutScope } from '../types.js';
import { assertSessionId, parseSession, parseSessionList } from '../validate.js';
import { absoluteKey, alreadyGone, alreadySignedOut, callDefaults, capabilitiesOf, isRecord, revokedCount, safeCode, withDeadline } from './shared.js';

/** The fields of a Stytch session object this backend reads. */
export interface StytchSessionLike {
  session_id: string;
  started_at?: string;
  last_accessed_at?: string;
  expires_at?: string;
  attributes?: { user_agent?: string; ip_address?: string };
  authentication_factors?: ReadonlyArray<{ type?: string; delivery_method?: string }>;
}

/** The part of a Stytch frontend client this backend calls. */
export interface StytchClientLike {
  session: {
    getSync(): StytchSessionLike | null;
    onChange(callback: (session: StytchSessionLike | null) => void): () => void;
    revoke(options?: { forceClear?: boolean }): Promise<unknown>;
    /** The SDK's tokens (Stytch SDK ≥ 2): kept in memory to finish a forced sign-out later. */
    getTokens?(): { session_token: string; session_jwt: string } | null;
    /** Hands tokens back to the SDK (Stytch SDK ≥ 2). */
    updateSession?(tokens: { session_token: string; session_jwt?: string }): void;
  };
}

export interface StytchBackendOptions {
  /** The app's `GET` list of the user's sessions, in sessionkit's REST shape. */
  listUrl: string;
  /** `DELETE` one session; `:id` is replaced by the URL-encoded id. Default `{listUrl}/:id`. */
  revokeUrl?: string;
  /** `POST` to revoke every other session. Default `{listUrl}/revoke-others`. */
  revokeOthersUrl?: string;
  /** `POST` to revoke every session of the user. Without it, "sign out everywhere" is not offered. */
  signOutAllUrl?: string;
  /**
   * Passed to `session.revoke`: clear the SDK's session even when Stytch cannot be reached. Default
   * false; a `signOut({ forceClear: true })` (the logout button's `force-clear`) sets it for that call.
   */
  forceClear?: boolean;
  /** Seconds each attempt may take before it fails as a `timeout`. Default 10. */
  timeout?: number;
  /** Retries of GETs on network errors, 5xx and 429. Default 3. */
  retries?: number;
}

/** Stytch factors as sign-in method names: `password`, `totp`, `google`, `otp_sms`, … */
function authMethod(factor: { type?: unknown; delivery_method?: unknown }): string | undefined {
  const type = typeof factor.type === 'string' ? factor.type : undefined;
  const delivery = typeof factor.delivery_method === 'string' ? factor.delivery_method : undefined;
  if (delivery === 'knowledge' || type === 'password') return 'password';
  if (delivery === 'authenticator_app' || type === 'totp') return 'totp';
  if (delivery?.startsWith('oauth_')) return delivery.slice('oauth_'.length);
  if (type === 'otp' && delivery) return `otp_${delivery}`;
  return type;
}

/** A Stytch session as `parseSession` reads it; tokens and custom claims are never copied. */
function toSession(raw: unknown): Session | null {
  if (raw === null || raw === undefined) return null;
  const stytch = isRecord(raw) ? raw : {};
  const attributes = isRecord(stytch.attributes) ? stytch.attributes : {};
  const factors = Array.isArray(stytch.authentication_factors) ? stytch.authentication_factors : [];
  const methods = [...new Set(factors.filter(isRecord).map(authMethod))];
  const session = parseSession({
    id: stytch.session_id,
    current: true,
    createdAt: stytch.started_at,
    lastActiveAt: stytch.last_accessed_at,
    expiresAt: stytch.expires_at,
    userAgent: attributes.user_agent,
    ipAddress: attributes.ip_address,
    authMethods: methods,
  });
  if (!session) throw new ProtocolError('invalid_session', 'session_id');
  return session;
}

/** Stytch SDK errors (`StytchAPIError`, `StytchAPIUnreachableError`, …) as the kit's typed errors. */
function errorFromSdk(error: unknown): Error {
  if (error instanceof SessionKitError) return error;
  const fields = isRecord(error) || error instanceof Error ? (error as unknown as Record<string, unknown>) : {};
  const status = typeof fields.status_code === 'number' ? fields.status_code : undefined;
  const code = safeCode(fields.error_type);
  if (status === undefined) {
    const name = typeof fields.name === 'string' ? fields.name : '';
    return /Unreachable|Network|TypeError/.test(name) ? new NetworkError('network') : new ServerError(code ?? 'stytch_error');
  }
  if (status === 401 || (status === 404 && code === 'session_not_found')) return new SessionExpiredError(code ?? 'unauthenticated', 401);
  return new ServerError(code ?? `http_${status}`, status);
}

export function stytchBackend(stytchClient: StytchClientLike, options: StytchBackendOptions): SessionBackend {
  // Setup mistakes fail here, with the option's name, rather than later as a "network" error.
  if (typeof stytchClient?.session?.getSync !== 'function' || typeof stytchClient.session.revoke !== 'function') {
    throw new TypeError('stytchBackend(stytchClient, options): stytchClient must be a Stytch client (with session.getSync and session.revoke).');
  }
  const { listUrl } = options ?? {};
  if (typeof listUrl !== 'string' || !listUrl) {
    throw new TypeError("stytchBackend(stytchClient, options): options.listUrl is required, e.g. { listUrl: '/api/sessions' }.");
  }
  const sdk = stytchClient.session;
  const revokeUrl = options.revokeUrl ?? `${listUrl.replace(/\/+$/, '')}/:id`;
  const revokeOthersUrl = options.revokeOthersUrl ?? `${listUrl.replace(/\/+$/, '')}/revoke-others`;
  const { timeoutMs, retries } = callDefaults(options);
  const capabilities = capabilitiesOf({ signOutAll: !!options.signOutAllUrl, refresh: false, revocationDelay: 300 });
  const { call, clockOffset } = jsonCaller({ credentials: 'include', timeoutMs, retries });
  /** The tokens of a session the SDK dropped (forceClear) before Stytch revoked it. Memory only. */
  let unrevoked: { session_token: string; session_jwt: string } | undefined;

  function currentFromSdk(): Session | null {
    try {
      return toSession(sdk.getSync());
    } catch (error) {
      throw errorFromSdk(error);
    }
  }

  /** `session.revoke` with the kit's deadline and errors; a session Stytch no longer knows is signed out already. */
  async function revokeHere(forceClear: boolean) {
    // A forced sign-out that did not reach Stytch: give the SDK its session's tokens back to revoke it.
    if (unrevoked && !sdk.getSync() && !sdk.getTokens?.()) sdk.updateSession?.(unrevoked);
    const tokens = sdk.getTokens?.() ?? undefined;
    try {
      await withDeadline(timeoutMs, undefined, () => sdk.revoke({ forceClear }).catch((error: unknown) => Promise.reject(errorFromSdk(error))));
      unrevoked = undefined;
    } catch (error) {
      if (error instanceof SessionExpiredError) {
        unrevoked = undefined;
        return;
      }
      // The SDK has dropped the session (forceClear) but Stytch still has it.
      if (forceClear && tokens) unrevoked = tokens;
      throw error;
    }
  }

  async function signOut(scope: SignOutScope, callOptions?: { forceClear?: boolean }) {
    const forceClear = callOptions?.forceClear || (options.forceClear ?? false);
    if (scope === 'current') return revokeHere(forceClear || !!unrevoked);
    if (!options.signOutAllUrl) throw new ServerError('unsupported', 501);
    await call('POST', options.signOutAllUrl, { keepalive: true }).catch(alreadySignedOut);
    unrevoked = undefined;
    // The server revoked this session too; this clears the SDK's copy of it.
    await revokeHere(true).catch(() => undefined);
  }

  return {
    key: `stytch:${absoluteKey(listUrl)}`,
    capabilities,
    clockOffset,
    watch: (listener) => sdk.onChange(() => listener()),

    async getSession({ signal }: CallOptions = {}) {
      if (signal?.aborted) throw new NetworkError('aborted');
      return currentFromSdk();
    },

    async listSessions({ signal }: CallOptions = {}) {
      const sessions = parseSessionList(await call('GET', listUrl, { signal }));
      const currentId = currentFromSdk()?.id;
      if (currentId) for (const session of sessions) session.current = session.id === currentId;
      return sessions;
    },

    async revokeSession(id: string) {
      assertSessionId(id);
      if (id === currentFromSdk()?.id) return signOut('current');
      await call('DELETE', revokeUrl.replace(':id', encodeURIComponent(id)), { keepalive: true }).catch(alreadyGone);
    },

    async revokeOtherSessions() {
      return revokedCount(await call('POST', revokeOthersUrl, { keepalive: true }));
    },

    signOut,
  };
}
