import { openTabChannel, type TabMessage } from './cross-tab.js';
import { browserEnvironment, type Environment } from './environment.js';
import { NetworkError, ServerError, SessionExpiredError } from './errors.js';
import { readPendingSignOut, writePendingSignOut, type PendingSignOut } from './pending-sign-out.js';
import { SharedRequests } from './shared-request.js';
import { withTabLock } from './tab-lock.js';
import type {
  BackendCapabilities,
  CallOptions,
  ExpiryReason,
  Session,
  SessionBackend,
  SessionState,
  SignOutScope,
} from './types.js';
import { assertSessionId } from './validate.js';

export interface SessionClientOptions {
  backend: SessionBackend;
  /** Origins besides the page's own that may receive credentials from `client.fetch` and be navigated to. */
  allowedOrigins?: readonly string[];
  /** Refresh-then-401 cycles before the session ends with `refresh-failed`; 0 never refreshes. Default 3. */
  refreshCap?: number;
  /** Least time between focus or visibility re-checks, in ms. Default 5 000. */
  focusThrottle?: number;
  /** Re-check the session every this many ms, in one tab only. Default 0 (off). */
  pollInterval?: number;
  /** The browser signals to react to; tests and webviews may supply their own. */
  environment?: Environment;
}

export interface SignOutOptions {
  scope?: SignOutScope;
  /** Clear the local state even when the server cannot be reached, and retry the server call later. */
  forceClear?: boolean;
  /** `idle` when the sign-out happens for inactivity: it then counts as a session end the user is told about. */
  reason?: 'signed-out' | 'idle';
}

export interface SessionClient {
  /** What the backend can do; elements hide what it cannot. */
  readonly capabilities: BackendCapabilities;
  readonly allowedOrigins: readonly string[];
  getState(): SessionState;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Calls `listener` when the set of sessions changed (a revoke here or in another tab). */
  onSessionsChange(listener: () => void): () => void;
  getSession(options?: CallOptions): Promise<Session | null>;
  listSessions(options?: CallOptions): Promise<Session[]>;
  /** Revokes one session; for the current one this is `signOut()`. */
  revokeSession(id: string): Promise<void>;
  revokeOtherSessions(): Promise<void>;
  signOut(options?: SignOutOptions): Promise<{ serverRevoked: boolean }>;
  /** Extends the session: one request in this tab and across tabs. */
  refresh(): Promise<Session>;
  /** `fetch` for the app's own API, with credentials for trusted origins and the 401 → refresh → retry rule. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The app signed the user in again: every tab re-checks, and resolves to the new session. */
  notifySignedIn(): Promise<Session | null>;
  /** Milliseconds until the session expires by the server's clock; undefined when unknown. */
  expiresIn(): number | undefined;
  /** Removes every listener, timer and channel the client created. */
  dispose(): void;
}

/** setTimeout cannot wait longer than 2^31 − 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;
const DEGRADED_RECHECK_MS = 30_000;
/** A check at the very moment of expiry may still find the session alive: look again after this. */
const EXPIRY_GRACE_MS = 500;

const noop = () => {};

/** Creates the object every element and the app share to talk to the auth server. */
export function createSessionClient(options: SessionClientOptions): SessionClient {
  const { backend } = options;
  const env = options.environment ?? browserEnvironment;
  const refreshCap = options.refreshCap ?? 3;
  const focusThrottle = options.focusThrottle ?? 5000;
  const pollInterval = options.pollInterval ?? 0;
  const allowedOrigins = options.allowedOrigins ?? [];
  const storageKey = (name: string) => `sessionkit:${name}:${backend.key}`;
  const requests = new SharedRequests();
  const listeners = new Set<(state: SessionState) => void>();
  const listListeners = new Set<() => void>();

  let state: SessionState = { status: 'unknown', session: null };
  /** The last session known alive; decides whether an end was an expiry or a revocation. */
  let lastSession: Session | null = null;
  let listedCurrentId: string | undefined;
  /** Bumped at every session end: answers to requests sent before it are stale. */
  let generation = 0;
  let refreshing: Promise<Session> | undefined;
  /** Bumped at every successful refresh: a 401 to a request sent before it needs no new refresh. */
  let refreshEpoch = 0;
  let refreshCycles = 0;
  let lastCheckAt = -Infinity;
  let extendedElsewhereAt = 0;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  let detachEnvironment: (() => void) | undefined;
  let detachPendingRetry: (() => void) | undefined;
  let pending: PendingSignOut | undefined;

  const channel = openTabChannel(backend.key, onTabMessage);
  const unwatchBackend = backend.watch?.(() => void recheck());
  setPending(readPendingSignOut(backend.key));

  const ended = () => state.status === 'expired' || state.status === 'signed-out';
  const serverNow = () => Date.now() + (backend.clockOffset?.() ?? 0);
  const canRefresh = () => refreshCap > 0 && backend.capabilities.refresh && !!backend.refresh;
  const sessionEnded = (code = 'session_ended') => new SessionExpiredError(code, 401);

  function setState(next: SessionState) {
    state = next;
    clearTimeout(expiryTimer);
    clearTimeout(recheckTimer);
    if (next.status === 'active') scheduleExpiryCheck(next.session);
    if (next.status === 'degraded') recheckTimer = setTimeout(recheck, DEGRADED_RECHECK_MS);
    for (const listener of [...listeners]) listener(state);
  }

  function scheduleExpiryCheck(session: Session | null) {
    const expiresAt = session?.expiresAt?.getTime();
    if (expiresAt === undefined) return;
    const remaining = expiresAt - serverNow();
    // Already due: the server may not agree yet (clock rounding), so do not ask again at once.
    const delay = remaining > 0 ? remaining + EXPIRY_GRACE_MS : EXPIRY_GRACE_MS * 2;
    expiryTimer = setTimeout(() => {
      if (env.isOnline()) void recheck();
    }, Math.min(delay, MAX_TIMER_MS));
  }

  function reasonFor(code: string): ExpiryReason {
    if (code === 'session_revoked') return 'revoked';
    if (code === 'session_expired') return 'expired';
    const expiresAt = lastSession?.expiresAt?.getTime();
    return expiresAt !== undefined && expiresAt > serverNow() ? 'revoked' : 'expired';
  }

  /** The one transition a session end makes; later 401s find the state ended and change nothing. */
  function endSession(code = 'unauthenticated', reason?: ExpiryReason): SessionExpiredError {
    if (!ended()) {
      generation++;
      setState(
        lastSession
          ? { status: 'expired', session: null, reason: reason ?? reasonFor(code) }
          : { status: 'signed-out', session: null },
      );
      lastSession = null;
      channel.post('check');
    }
    return sessionEnded(code);
  }

  function markSignedOut(reason: ExpiryReason | undefined) {
    generation++;
    lastSession = null;
    setState({ status: 'signed-out', session: null, reason });
  }

  function markActive(session: Session) {
    lastSession = session;
    setState({ status: 'active', session });
  }

  function markDegraded(error: unknown) {
    const aborted = error instanceof NetworkError && error.code === 'aborted';
    if (!aborted && !ended()) setState({ status: 'degraded', session: state.session });
  }

  /**
   * The 401 rule: on 401, one refresh shared by every caller, then a retry. A retry that meets 401
   * again is one refresh-then-401 cycle; at the cap the session ends with `refresh-failed`.
   */
  async function authorized<T>(run: () => Promise<T>): Promise<T> {
    const startGeneration = generation;
    let refreshed = false;
    for (;;) {
      // A request sent now would carry the credentials the refresh is replacing.
      if (refreshing) await refreshing.catch(noop);
      if (generation !== startGeneration) throw sessionEnded();
      const epoch = refreshEpoch;
      try {
        const result = await run();
        if (refreshed) refreshCycles = 0;
        return result;
      } catch (error) {
        if (!(error instanceof SessionExpiredError)) throw error;
        if (ended() || generation !== startGeneration) throw error;
        if (refreshed && ++refreshCycles >= refreshCap) throw endSession(error.code, 'refresh-failed');
        if (!canRefresh()) throw endSession(error.code);
        if (refreshEpoch === epoch) {
          try {
            await sharedRefresh();
          } catch (refreshError) {
            // A 404 taught us the backend has no refresh: the original 401 decides.
            if (!canRefresh()) throw endSession(error.code);
            throw refreshError;
          }
        }
        refreshed = true;
      }
    }
  }

  function sharedRefresh(): Promise<Session> {
    return (refreshing ??= runRefresh().finally(() => (refreshing = undefined)));
  }

  /** Reads when any tab last refreshed, so a tab that waited for the lock can skip its own refresh. */
  function lastRefreshElsewhere(): number {
    try {
      return Math.max(extendedElsewhereAt, Number(globalThis.localStorage?.getItem(storageKey('refreshed'))) || 0);
    } catch {
      return extendedElsewhereAt;
    }
  }

  async function runRefresh(): Promise<Session> {
    const requestedAt = Date.now();
    const startGeneration = generation;
    try {
      const session = await withTabLock(storageKey('refresh'), async () => {
        const fresh =
          lastRefreshElsewhere() > requestedAt ? await backend.getSession() : await backend.refresh!();
        if (!fresh) throw new SessionExpiredError('unauthenticated', 401);
        try {
          globalThis.localStorage?.setItem(storageKey('refreshed'), String(Date.now()));
        } catch {
          // The message below still tells the other tabs.
        }
        channel.post('extended');
        return fresh;
      });
      if (generation !== startGeneration) throw sessionEnded();
      refreshEpoch++;
      markActive(session);
      return session;
    } catch (error) {
      if (error instanceof SessionExpiredError) throw endSession(error.code);
      if (error instanceof ServerError && error.status === 404) backend.capabilities.refresh = false;
      else markDegraded(error);
      throw error;
    }
  }

  function applySession(session: Session | null): Session | null {
    if (pending && session && (!pending.id || pending.id === session.id)) {
      // The user signed out here while the server was unreachable: finish that, do not sign them back in.
      retryPendingSignOut();
      if (!ended()) markSignedOut('signed-out');
      return null;
    }
    if (pending) setPending(undefined);
    if (session) markActive(session);
    else endSession();
    return session;
  }

  function checkSession(key: string, signal?: AbortSignal): Promise<Session | null> {
    return requests.run(
      key,
      async (requestSignal) => {
        lastCheckAt = Date.now();
        const startGeneration = generation;
        try {
          const session = await authorized(() => backend.getSession({ signal: requestSignal }));
          return generation === startGeneration ? applySession(session) : null;
        } catch (error) {
          // No session is an answer, not a failure: the state says why it ended.
          if (error instanceof SessionExpiredError) return null;
          markDegraded(error);
          throw error;
        }
      },
      signal,
    );
  }

  /** A check nobody awaits: its failure is already in the state. */
  const recheck = () => checkSession('session').catch(noop);

  function onTabMessage(message: TabMessage) {
    if (message === 'signed-out' || message === 'signed-out-idle') {
      if (!ended()) markSignedOut(!lastSession ? undefined : message === 'signed-out' ? 'signed-out-elsewhere' : 'idle');
    } else if (message === 'revoked') {
      for (const listener of [...listListeners]) listener();
    } else if (message === 'signed-in') {
      void checkSession('session:signed-in').catch(noop);
    } else if (!ended()) {
      if (message === 'extended') extendedElsewhereAt = Date.now();
      void recheck();
    }
  }

  function setPending(next: PendingSignOut | undefined) {
    pending = next;
    writePendingSignOut(backend.key, next);
    if (next) detachPendingRetry ??= env.onResume(retryPendingSignOut);
    else {
      detachPendingRetry?.();
      detachPendingRetry = undefined;
    }
  }

  /** The retry of a force-cleared sign-out: silent, since the user was already told. */
  function retryPendingSignOut() {
    const retry = pending;
    if (!retry) return;
    backend.signOut(retry.scope).then(() => {
      if (pending === retry) setPending(undefined);
    }, noop);
  }

  function sessionsChanged() {
    for (const listener of [...listListeners]) listener();
    channel.post('revoked');
  }

  function attachEnvironment() {
    const offFocus = env.onFocus(() => {
      if (!ended() && env.isOnline() && Date.now() - lastCheckAt >= focusThrottle) void recheck();
    });
    const offResume = env.onResume(() => {
      if (!ended()) void recheck();
    });
    const poll = pollInterval > 0 ? setInterval(pollOnce, pollInterval) : undefined;
    detachEnvironment = () => {
      offFocus();
      offResume();
      clearInterval(poll);
      detachEnvironment = undefined;
    };
  }

  /** Polls only when no other tab polled within the interval, so one tab does it for all. */
  function pollOnce() {
    if (ended() || !env.isOnline()) return;
    try {
      const storage = globalThis.localStorage;
      if (storage) {
        const last = Number(storage.getItem(storageKey('poll'))) || 0;
        if (Date.now() - last < pollInterval * 0.8) return;
        storage.setItem(storageKey('poll'), String(Date.now()));
      }
    } catch {
      // Without storage every tab polls.
    }
    void recheck();
  }

  function ensureNotEnded() {
    if (ended()) throw sessionEnded();
  }

  function signOut({ scope = 'current', forceClear = false, reason = 'signed-out' }: SignOutOptions = {}) {
    return requests.run(`signout:${scope}:${forceClear}:${reason}`, async () => {
      const id = state.session?.id ?? listedCurrentId;
      let serverRevoked = true;
      try {
        await backend.signOut(scope);
      } catch (error) {
        if (!forceClear) throw error;
        serverRevoked = false;
        setPending({ scope, id });
      }
      markSignedOut(reason);
      channel.post(reason === 'idle' ? 'signed-out-idle' : 'signed-out');
      return { serverRevoked };
    });
  }

  async function fetchWithSession(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const origin = new URL(request.url).origin;
    const trusted = origin === globalThis.location?.origin || allowedOrigins.includes(origin);
    if (!trusted) return globalThis.fetch(request);
    const send = async () => {
      const headers = new Headers(request.headers);
      backend.decorateRequest?.(headers, request.method);
      let response: Response;
      try {
        response = await globalThis.fetch(new Request(request.clone(), { headers, credentials: 'include' }));
      } catch {
        throw new NetworkError(request.signal.aborted ? 'aborted' : 'network');
      }
      if (response.status !== 401) return response;
      const body = (await response.json().catch(noop)) as { error?: { code?: unknown } } | undefined;
      const code = body?.error?.code;
      throw new SessionExpiredError(typeof code === 'string' ? code : 'unauthenticated', 401);
    };
    return authorized(send);
  }

  return {
    capabilities: backend.capabilities,
    allowedOrigins,
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      if (!detachEnvironment) attachEnvironment();
      if (state.status === 'unknown' && lastCheckAt < 0) void recheck();
      return () => {
        if (listeners.delete(listener) && !listeners.size) detachEnvironment?.();
      };
    },

    onSessionsChange(listener) {
      listListeners.add(listener);
      return () => listListeners.delete(listener);
    },

    getSession: ({ signal } = {}) => checkSession('session', signal),

    listSessions({ signal } = {}) {
      if (ended()) return Promise.reject(sessionEnded());
      if (!backend.capabilities.list) return Promise.reject(new ServerError('unsupported', 501));
      return requests.run(
        'list',
        async (requestSignal) => {
          const sessions = await authorized(() => backend.listSessions({ signal: requestSignal }));
          listedCurrentId = sessions.find((session) => session.current)?.id;
          return sessions;
        },
        signal,
      );
    },

    async revokeSession(id) {
      assertSessionId(id);
      if (id === (state.session?.id ?? listedCurrentId)) {
        await signOut();
        return;
      }
      ensureNotEnded();
      await requests.run(`revoke:${id}`, () => authorized(() => backend.revokeSession(id)));
      sessionsChanged();
    },

    async revokeOtherSessions() {
      ensureNotEnded();
      await requests.run('revoke-others', () => authorized(() => backend.revokeOtherSessions()));
      sessionsChanged();
    },

    signOut,

    async refresh() {
      ensureNotEnded();
      if (canRefresh()) return sharedRefresh();
      // Without a refresh endpoint, a session check is what slides the session.
      const session = await checkSession('session');
      if (!session) throw sessionEnded();
      return session;
    },

    fetch: fetchWithSession,

    notifySignedIn() {
      setPending(undefined);
      channel.post('signed-in');
      return checkSession('session:signed-in');
    },

    expiresIn() {
      const expiresAt = state.session?.expiresAt?.getTime();
      return expiresAt === undefined ? undefined : expiresAt - serverNow();
    },

    dispose() {
      detachEnvironment?.();
      detachPendingRetry?.();
      detachPendingRetry = undefined;
      unwatchBackend?.();
      clearTimeout(expiryTimer);
      clearTimeout(recheckTimer);
      channel.close();
      requests.abortAll();
      listeners.clear();
      listListeners.clear();
    },
  };
}
