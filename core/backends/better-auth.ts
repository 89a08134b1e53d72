/**
 * `betterAuthBackend(authClient)`: sessionkit over a better-auth client (`better-auth/client`,
 * or any framework flavour of it).
 *
 * It can: read the current session (`get-session`; `200 null` means signed out), list the user's
 * sessions (`list-sessions`), revoke one (`revoke-session`), revoke all others
 * (`revoke-other-sessions`), and sign out here (`sign-out`) or everywhere (`revoke-sessions`, then
 * `sign-out` to clear this browser's cookie).
 *
 * It cannot refresh: better-auth has no refresh call; a `get-session` slides the session instead,
 * which is what the client does when asked to "stay signed in".
 *
 * Tokens: `list-sessions` returns every session's raw bearer token and `revoke-session` takes
 * only that token. The tokens stay in a private map inside this backend, keyed by better-auth's
 * session `id` (a database id, not a secret), which is the only id a `Session` carries. Because
 * `revoke-session` answers 200 even for a token it does not know, every revoke is confirmed by
 * listing again (`ServerError('revoke_not_confirmed', 409)` if the session is still there).
 *
 * `list-sessions` answers `403 SESSION_NOT_FRESH` when the session is older than better-auth's
 * `freshAge` (a day by default): that is `ReauthRequiredError`, not an expiry. Turn off
 * better-auth's cookie cache (`session.cookieCache`), or revocations take up to its `maxAge` to bite.
 *
 * better-auth is not imported: pass your client, typed by the small structural interface below.
 *
 * ```ts
 * import { createAuthClient } from 'better-auth/client';
 * const authClient = createAuthClient({ baseURL: 'https://example.com' });
 * const client = createSessionClient({
 *   backend: betterAuthBackend(authClient, { baseURL: 'https://example.com' }),
 * });
 * ```
 */
import { NetworkError, ProtocolError, ReauthRequiredError, ServerError, SessionExpiredError } from '../errors.js';
import { withRetry } from '../retry.js';
import type { CallOptions, Session, SessionBackend, SignOutScope } from '../types.js';
import { assertSessionId, parseSession, parseSessionList } from '../validate.js';
import { callDefaults, capabilitiesOf, dateInput, isRecord, safeCode, withDeadline } from './shared.js';

/** Per-call options this backend passes to better-auth's `$fetch` (better-fetch). */
export interface BetterAuthFetchOptions {
  signal?: AbortSignal;
  keepalive?: boolean;
  /** Always false here: errors come back as `{ error }` whatever the client's default. */
  throw?: false;
  /** Always 0 here: this backend retries GETs itself, on the kit's schedule. */
  retry?: number;
}

/** What a better-auth client call resolves to: `{ data, error }`. */
export interface BetterAuthResult {
  data: unknown;
  error: { status: number; statusText?: string; code?: string; message?: string } | null;
}

interface CallInput {
  fetchOptions?: BetterAuthFetchOptions;
}

/** The methods of a better-auth client this backend calls. */
export interface BetterAuthClientLike {
  getSession(input?: CallInput): Promise<BetterAuthResult>;
  listSessions(input?: CallInput): Promise<BetterAuthResult>;
  revokeSession(input: { token: string } & CallInput): Promise<BetterAuthResult>;
  revokeOtherSessions(input?: CallInput): Promise<BetterAuthResult>;
  revokeSessions(input?: CallInput): Promise<BetterAuthResult>;
  signOut(input?: CallInput): Promise<BetterAuthResult>;
}

export interface BetterAuthBackendOptions {
  /** The auth server's base URL, naming this backend across tabs. The client does not expose its own. */
  baseURL?: string;
  /** Seconds each attempt may take before it fails as a `timeout`. Default 10. */
  timeout?: number;
  /** Retries of GETs on network errors, 5xx and 429. Default 3. */
  retries?: number;
}

/** Maps better-auth's `{ status, code }` error to the kit's typed errors. */
function errorFrom(error: NonNullable<BetterAuthResult['error']>): Error {
  const status = typeof error.status === 'number' ? error.status : 0;
  const code = safeCode(error.code);
  // better-fetch's `catchAllError` turns a failed connection into a fake 500.
  if (error.statusText === 'Fetch Error') return new NetworkError('network');
  if (status === 401) return new SessionExpiredError(code ?? 'unauthenticated', 401);
  if (status === 403 && code === 'SESSION_NOT_FRESH') return new ReauthRequiredError('SESSION_NOT_FRESH', 403);
  return new ServerError(code ?? `http_${status}`, status);
}

/** A better-auth session object in the shape `parseSession` reads; the token is never copied. */
function toRaw(row: Record<string, unknown>, current: boolean) {
  return {
    id: row.id,
    current,
    createdAt: dateInput(row.createdAt),
    // better-auth bumps `updatedAt` when it slides the session (at most once per `updateAge`).
    lastActiveAt: dateInput(row.updatedAt),
    expiresAt: dateInput(row.expiresAt),
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
  };
}

export function betterAuthBackend(authClient: BetterAuthClientLike, options: BetterAuthBackendOptions = {}): SessionBackend {
  // A setup mistake fails here, naming what is missing, rather than later as a "network" error.
  const methods = ['getSession', 'listSessions', 'revokeSession', 'revokeOtherSessions', 'revokeSessions', 'signOut'] as const;
  const missing = methods.filter((name) => typeof (authClient as unknown as Record<string, unknown> | undefined)?.[name] !== 'function');
  if (missing.length) {
    throw new TypeError(`betterAuthBackend(authClient): authClient must be better-auth's createAuthClient() (missing ${missing.join(', ')}).`);
  }
  const { timeoutMs } = callDefaults(options);
  const retries = options.retries ?? 3;
  const ownBaseURL = (authClient as { baseURL?: unknown }).baseURL;
  const baseURL = options.baseURL ?? (typeof ownBaseURL === 'string' ? ownBaseURL : undefined);
  // better-auth has no refresh endpoint, but every get-session call slides the session (updateAge).
  const capabilities = capabilitiesOf({ refresh: false, sliding: true });
  /** Opaque id → raw token, from the last list only. Never leaves this closure. */
  let tokens = new Map<string, string>();
  let currentId: string | undefined;

  /** One call to the client, with the kit's deadline and error mapping. */
  async function call(run: (input: CallInput) => Promise<BetterAuthResult>, signal?: AbortSignal, keepalive?: boolean): Promise<unknown> {
    const result = await withDeadline(timeoutMs, signal, (deadline) =>
      run({ fetchOptions: { signal: deadline, keepalive, throw: false, retry: 0 } }),
    );
    if (!isRecord(result)) throw new ProtocolError('invalid_body');
    if (result.error) throw errorFrom(result.error as NonNullable<BetterAuthResult['error']>);
    return result.data;
  }

  const get = (run: (input: CallInput) => Promise<BetterAuthResult>, signal?: AbortSignal) =>
    withRetry(() => call(run, signal), retries, signal);

  async function fetchCurrent(signal?: AbortSignal): Promise<Session | null> {
    const data = await get((input) => authClient.getSession(input), signal);
    if (data === null || data === undefined) return null;
    if (!isRecord(data) || !isRecord(data.session)) throw new ProtocolError('invalid_body', 'session');
    const session = parseSession(toRaw(data.session, true));
    if (!session) throw new ProtocolError('invalid_session', 'session.id');
    return session;
  }

  async function list(signal?: AbortSignal): Promise<Session[]> {
    const [current, data] = await Promise.all([fetchCurrent(signal), get((input) => authClient.listSessions(input), signal)]);
    if (!current) throw new SessionExpiredError('unauthenticated', 401);
    currentId = current.id;
    if (!Array.isArray(data)) throw new ProtocolError('invalid_body', 'sessions');
    const next = new Map<string, string>();
    const rows = [];
    for (const row of data) {
      // A row whose id is its token would put the secret in the Session: drop it.
      if (!isRecord(row) || typeof row.id !== 'string' || row.id === row.token) continue;
      if (typeof row.token === 'string' && row.token) next.set(row.id, row.token);
      rows.push(toRaw(row, row.id === current.id));
    }
    tokens = next;
    return parseSessionList({ sessions: rows });
  }

  async function signOut(scope: SignOutScope) {
    const post = (run: (input: CallInput) => Promise<BetterAuthResult>) => call(run, undefined, true);
    if (scope === 'all') {
      try {
        await post((input) => authClient.revokeSessions(input));
      } catch (error) {
        // No session here any more: nothing of ours left to revoke.
        if (!(error instanceof SessionExpiredError)) throw error;
      }
      // Every session is gone; this only clears this browser's cookie, so its failure does not matter.
      await post((input) => authClient.signOut(input)).catch(() => undefined);
    } else {
      try {
        await post((input) => authClient.signOut(input));
      } catch (error) {
        if (!(error instanceof SessionExpiredError)) throw error;
      }
    }
    tokens = new Map();
    currentId = undefined;
  }

  return {
    key: baseURL ? `better-auth:${baseURL}` : 'better-auth',
    capabilities,

    async getSession({ signal }: CallOptions = {}) {
      const session = await fetchCurrent(signal);
      currentId = session?.id;
      return session;
    },

    listSessions: ({ signal }: CallOptions = {}) => list(signal),

    async revokeSession(id: string) {
      assertSessionId(id);
      if (!tokens.has(id) && id !== currentId) await list();
      // The current session's revoke is a sign-out (which also clears the cookie).
      if (id === currentId) return signOut('current');
      const token = tokens.get(id);
      // Not in a fresh list: already gone, which is what was wanted.
      if (!token) return;
      await call((input) => authClient.revokeSession({ token, ...input }), undefined, true);
      // better-auth answers 200 for tokens it does not know: only the next list can confirm.
      const after = await list();
      if (after.some((session) => session.id === id)) throw new ServerError('revoke_not_confirmed', 409);
    },

    async revokeOtherSessions() {
      await call((input) => authClient.revokeOtherSessions(input), undefined, true);
      return undefined;
    },

    signOut,
  };
}
