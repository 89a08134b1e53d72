import { openTabChannel, type TabMessage } from './cross-tab.js';
import { browserEnvironment, type Environment } from './environment.js';
import { NetworkError, ServerError, SessionExpiredError } from './errors.js';
import { errorForStatus } from './http.js';
import { readPendingSignOut, writePendingSignOut, type PendingSignOut } from './pending-sign-out.js';
import { sharedRequests } from './shared-request.js';
import { readStored, writeStored } from './storage.js';
import { withTabLock } from './tab-lock.js';
import type {
  BackendCapabilities,
  CallOptions,
  ExpiryReason,
  Session,
  SessionBackend,
  SessionState,
  SessionStatus,
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
/** Re-checks of a session still active after its expiresAt, before that expiresAt is given up on. */
const OVERDUE_RECHECKS = 3;

const noop = () => {};

/**
 * Whether `time` is less than `ms` ago. A time in the future (the clock was set back) is not: a
 * throttle must not stall until the clock catches up.
 */
const within = (time: number, ms: number) => {
  const elapsed = Date.now() - time;
  return elapsed >= 0 && elapsed < ms;
};

/** Calls every listener with `value`; a listener may unsubscribe itself (or others) meanwhile. */
function notify<T>(listeners: Set<(value: T) => void>, value: T) {
  for (const listener of [...listeners]) listener(value);
}

/** Creates the object every element and the app share to talk to the auth server. */
export function createSessionClient(options: SessionClientOptions): SessionClient {
  const {
    backend,
    environment: env = browserEnvironment,
    refreshCap = 3,
    focusThrottle = 5000,
    pollInterval = 0,
    allowedOrigins = [],
  } = options;
  const { key, capabilities } = backend;
  const pollKey = `sessionkit:poll:${key}`;
  const refreshedKey = `sessionkit:refreshed:${key}`;
  const [runShared, abortRequests, forgetRequest] = sharedRequests();
  const listeners = new Set<(state: SessionState) => void>();
  const listListeners = new Set<() => void>();

  /**
   * `state.session` is also the last session known alive (every state keeps or replaces it, and
   * only ends clear it): it decides whether an end was an expiry or a revocation.
   */
  let state: SessionState = { status: 'unknown', session: null };
  let listedCurrentId: string | undefined;
  /** Bumped at every session end: answers to requests sent before it are stale. */
  let generation = 0;
  let refreshing: Promise<Session> | undefined;
  /** Bumped at every successful refresh: a 401 to a request sent before it needs no new refresh. */
  let refreshEpoch = 0;
  let refreshCycles = 0;
  let lastCheckAt = -Infinity;
  let extendedElsewhereAt = 0;
  /** The expiry check of an active session, or the re-check of a degraded one. */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let detachEnvironment: (() => void) | undefined;
  let detachPendingRetry: (() => void) | undefined;
  let pending: PendingSignOut | undefined;
  let disposed = false;
  /** Active answers in a row whose expiresAt had already passed. */
  let overdueAnswers = 0;
  /** Sign-outs of this tab in flight, and whether the session was found gone meanwhile. */
  let signingOut = 0;
  let endedWhileSigningOut = false;

  const channel = openTabChannel(key, onTabMessage);
  const unwatchBackend = backend.watch?.(() => recheck());
  setPending(readPendingSignOut(key));

  const ended = () => state.status === 'expired' || state.status === 'signed-out';
  /**
   * Sessions are handed out in this browser's clock: the server's dates, less how far its clock is
   * ahead (from its `Date` header). Timers, countdowns, "active 5 minutes ago" and event details can
   * then all compare them with `Date.now()`.
   */
  function localTime(session: Session): Session {
    const offset = backend.clockOffset?.() ?? 0;
    if (!offset) return session;
    const shift = (date: Date | undefined) => date && new Date(date.getTime() - offset);
    return { ...session, createdAt: shift(session.createdAt), lastActiveAt: shift(session.lastActiveAt), expiresAt: shift(session.expiresAt) };
  }
  const canRefresh = () => refreshCap > 0 && capabilities.refresh && !!backend.refresh;
  const sessionEnded = (code = 'session_ended') => new SessionExpiredError(code, 401);

  function expiresIn() {
    const expiresAt = state.session?.expiresAt?.getTime();
    return expiresAt === undefined ? undefined : expiresAt - Date.now();
  }

  function setState(status: SessionStatus, session: Session | null = null, reason?: ExpiryReason) {
    state = { status, session, reason };
    if (ended()) generation++;
    clearTimeout(timer);
    const remaining = expiresIn();
    // A request that finishes after dispose still settles its state, but arms no timer.
    if (disposed) return;
    if (status === 'active' && remaining !== undefined) {
      // Already due and yet active: the server may not agree yet (clock rounding), so ask again
      // after 1 s, 2 s, 4 s; a server that keeps answering so does not end sessions at expiresAt,
      // and the other re-checks (401s, focus, other tabs, polling) are left to notice the end.
      overdueAnswers = remaining > 0 ? 0 : overdueAnswers + 1;
      const delay = remaining > 0 ? remaining + EXPIRY_GRACE_MS : EXPIRY_GRACE_MS * 2 ** overdueAnswers;
      if (overdueAnswers <= OVERDUE_RECHECKS) timer = setTimeout(() => env.isOnline() && recheck(), Math.min(delay, MAX_TIMER_MS));
    }
    if (status === 'degraded') timer = setTimeout(recheck, DEGRADED_RECHECK_MS);
    notify(listeners, state);
  }

  /** The one transition a session end makes; later 401s find the state ended and change nothing. */
  function endSession(code = 'unauthenticated', reason?: ExpiryReason): SessionExpiredError {
    // The session ending while this tab signs it out is that sign-out (an SDK clears its state
    // before its revoke resolves): `signOut` makes the transition, as `signed-out`.
    if (signingOut) endedWhileSigningOut = true;
    else if (!ended()) {
      if (!state.session) setState('signed-out');
      else {
        // The server's code says why, where it does; otherwise a session that had time left was revoked.
        reason ??=
          code === 'session_revoked' || (code !== 'session_expired' && (expiresIn() ?? 0) > 0) ? 'revoked' : 'expired';
        setState('expired', null, reason);
      }
      channel.post('check');
    }
    return sessionEnded(code);
  }

  function markDegraded(error: unknown) {
    const aborted = error instanceof NetworkError && error.code === 'aborted';
    if (!aborted && !ended()) setState('degraded', state.session);
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
      const sentAt = Date.now();
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
            await sharedRefresh(sentAt);
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

  /** `staleSince`: credentials used before this moment may be the ones a refresh replaced. */
  function sharedRefresh(staleSince: number): Promise<Session> {
    return (refreshing ??= runRefresh(staleSince).finally(() => (refreshing = undefined)));
  }

  async function runRefresh(staleSince: number): Promise<Session> {
    const startGeneration = generation;
    try {
      const session = await withTabLock(`sessionkit:refresh:${key}`, async () => {
        // Another tab refreshed after the failed request left (while it was in flight, or while
        // this tab waited for the lock): the session is already extended, so only read it.
        const refreshedElsewhere =
          extendedElsewhereAt > staleSince || Number(readStored(refreshedKey)) > staleSince;
        const answer = refreshedElsewhere ? await backend.getSession() : await backend.refresh!();
        const fresh = answer && localTime(answer);
        if (!fresh) throw sessionEnded('unauthenticated');
        // Without storage, the message alone tells the other tabs.
        writeStored(refreshedKey, Date.now());
        channel.post('extended');
        return fresh;
      });
      if (generation !== startGeneration) throw sessionEnded();
      refreshEpoch++;
      setState('active', session);
      return session;
    } catch (error) {
      if (error instanceof SessionExpiredError) throw endSession(error.code);
      if (error instanceof ServerError && error.status === 404) capabilities.refresh = false;
      else markDegraded(error);
      throw error;
    }
  }

  function applySession(session: Session | null): Session | null {
    if (pending && session && (!pending.id || pending.id === session.id)) {
      // The user signed out here while the server was unreachable: finish that, do not sign them back in.
      retryPendingSignOut();
      if (!ended()) setState('signed-out', null, 'signed-out');
      return null;
    }
    if (pending) setPending(undefined);
    if (session) setState('active', session);
    else endSession();
    return session;
  }

  function checkSession(flightKey: string, signal?: AbortSignal): Promise<Session | null> {
    return runShared(
      flightKey,
      async (requestSignal) => {
        lastCheckAt = Date.now();
        const startGeneration = generation;
        try {
          const answer = await authorized(() => backend.getSession({ signal: requestSignal }));
          const session = answer && localTime(answer);
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
  function recheck() {
    checkSession('session').catch(noop);
  }

  function onTabMessage(message: TabMessage) {
    if (message === 'signed-out' || message === 'signed-out-idle') {
      // A reason only for a tab that had a session to lose: it tells the user why it ended.
      const reason = state.session ? (message === 'signed-out' ? 'signed-out-elsewhere' : 'idle') : undefined;
      if (!ended()) setState('signed-out', null, reason);
    } else if (message === 'revoked') {
      sessionsChanged();
    } else if (message === 'signed-in') {
      checkSession('session:signed-in').catch(noop);
    } else if (!ended()) {
      if (message === 'extended') extendedElsewhereAt = Date.now();
      recheck();
    }
  }

  function setPending(next: PendingSignOut | undefined) {
    pending = next;
    writePendingSignOut(key, next);
    // Kept in storage even after dispose, so the next page load retries it.
    if (next && !disposed) detachPendingRetry ??= env.onResume(retryPendingSignOut);
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

  /** The list in flight, if any, predates the change: the next caller gets a fresh one. */
  function sessionsChanged() {
    forgetRequest('list');
    notify(listListeners, undefined);
  }

  /** Revokes some other session(s), then tells this tab's and the other tabs' lists. */
  async function changeSessions(flightKey: string, change: () => Promise<unknown>) {
    if (ended()) throw sessionEnded();
    await runShared(flightKey, () => authorized(change));
    sessionsChanged();
    channel.post('revoked');
  }

  function attachEnvironment() {
    const offFocus = env.onFocus(() => {
      if (!ended() && env.isOnline() && !within(lastCheckAt, focusThrottle)) recheck();
    });
    const offResume = env.onResume(() => {
      if (!ended()) recheck();
    });
    const poll = pollInterval > 0 ? setInterval(pollOnce, pollInterval) : undefined;
    detachEnvironment = () => {
      offFocus();
      offResume();
      clearInterval(poll);
      detachEnvironment = undefined;
    };
  }

  /**
   * Polls only when no other tab polled within the interval, so one tab does it for all. Without
   * storage (or a stamp) the difference is NaN, never less, and every tab polls.
   */
  function pollOnce() {
    if (ended() || !env.isOnline() || within(Number(readStored(pollKey)), pollInterval * 0.8)) return;
    writeStored(pollKey, Date.now());
    recheck();
  }

  function signOut({ scope = 'current', forceClear = false, reason = 'signed-out' }: SignOutOptions = {}) {
    return runShared(`signout:${scope}:${forceClear}:${reason}`, async () => {
      const id = state.session?.id ?? listedCurrentId;
      let serverRevoked = true;
      signingOut++;
      const failure = await backend.signOut(scope, { forceClear }).then(noop, (error: unknown) => ({ error }));
      const endedMeanwhile = !--signingOut && endedWhileSigningOut;
      if (!signingOut) endedWhileSigningOut = false;
      if (failure) {
        // Nothing was signed out, yet the session had ended anyway: that end is told as usual.
        if (!forceClear) {
          if (endedMeanwhile) endSession();
          throw failure.error;
        }
        serverRevoked = false;
        setPending({ scope, id });
      }
      setState('signed-out', null, reason);
      channel.post(reason === 'idle' ? 'signed-out-idle' : 'signed-out');
      return { serverRevoked };
    });
  }

  async function fetchWithSession(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const { origin } = new URL(request.url);
    if (origin !== globalThis.location?.origin && !allowedOrigins.includes(origin)) return globalThis.fetch(request);
    return authorized(async () => {
      const headers = new Headers(request.headers);
      backend.decorateRequest?.(headers, request.method);
      let response: Response;
      try {
        response = await globalThis.fetch(new Request(request.clone(), { headers, credentials: 'include' }));
      } catch {
        throw new NetworkError(request.signal.aborted ? 'aborted' : 'network');
      }
      if (response.status !== 401) return response;
      // Only the error code is read from the body, and only when it looks like one.
      throw errorForStatus(401, await response.json().catch(noop));
    });
  }

  return {
    capabilities,
    allowedOrigins,
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      if (!detachEnvironment) attachEnvironment();
      if (state.status === 'unknown' && lastCheckAt < 0) recheck();
      return () => {
        if (listeners.delete(listener) && !listeners.size) detachEnvironment?.();
      };
    },

    onSessionsChange(listener) {
      listListeners.add(listener);
      return () => listListeners.delete(listener);
    },

    getSession: (callOptions) => checkSession('session', callOptions?.signal),

    async listSessions(callOptions) {
      if (ended()) throw sessionEnded();
      if (!capabilities.list) throw new ServerError('unsupported', 501);
      return runShared(
        'list',
        async (signal) => {
          const sessions = (await authorized(() => backend.listSessions({ signal }))).map(localTime);
          // A server that marks no row current: the session check already said which one is ours.
          const current = sessions.find((session) => session.current) ?? sessions.find((session) => session.id === state.session?.id);
          if (current) current.current = true;
          listedCurrentId = current?.id;
          return sessions;
        },
        callOptions?.signal,
      );
    },

    async revokeSession(id) {
      assertSessionId(id);
      if (id === (state.session?.id ?? listedCurrentId)) await signOut();
      else await changeSessions(`revoke:${id}`, () => backend.revokeSession(id));
    },

    revokeOtherSessions: () => changeSessions('revoke-others', () => backend.revokeOtherSessions()),

    signOut,

    async refresh() {
      if (ended()) throw sessionEnded();
      if (canRefresh()) return sharedRefresh(Date.now());
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

    expiresIn,

    dispose() {
      disposed = true;
      detachEnvironment?.();
      detachPendingRetry?.();
      detachPendingRetry = undefined;
      unwatchBackend?.();
      clearTimeout(timer);
      channel.close();
      abortRequests();
      listeners.clear();
      listListeners.clear();
    },
  };
}
