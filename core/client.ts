import { ENDINGS, openTabChannel, type TabMessage } from './cross-tab.js';
import { browserEnvironment, type Environment } from './environment.js';
import { NetworkError, ServerError, SessionExpiredError } from './errors.js';
import { expiryScheduler } from './expiry-scheduler.js';
import { noop } from './noop.js';
import { isPendingFor, pendingSignOuts } from './pending-sign-out.js';
import { watchEnvironment, within } from './rechecks.js';
import { createRefresher, expiredError } from './refresher.js';
import { sessionFetch } from './session-fetch.js';
import { createSessionsStore, type SessionsStore } from './sessions-store.js';
import { sharedRequests } from './shared-request.js';
import { readStored, writeStored } from './storage.js';
import {
  hasEnded,
  type BackendCapabilities,
  type CallOptions,
  type ExpiryReason,
  type Session,
  type SessionBackend,
  type SessionState,
  type SignOutScope,
} from './types.js';
import { assertSessionId } from './validate.js';

export interface SessionClientOptions {
  backend: SessionBackend;
  /** Origins besides the page's own that may receive credentials from `client.fetch` and be navigated to. */
  allowedOrigins?: readonly string[];
  /** Refresh-then-401 cycles before the session ends with `refresh-failed`; 0 never refreshes. Default 3. */
  refreshCap?: number;
  /** Least time between focus or visibility re-checks (of the session, and of the sessions list), in seconds. Default 5. */
  focusThrottle?: number;
  /** Re-check the session every this many seconds, in one tab only. Default 0 (off). */
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
  /** The user's sessions, shared by every list, hook and controller on the page. */
  readonly sessions: SessionsStore;
  getState(): SessionState;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
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

/**
 * How long, after another tab says it is signing out, a session end found here is taken for that
 * sign-out: a sign-out request times out after 10 s by default.
 */
const SIGNING_OUT_MS = 15_000;

/** The origin of `url`; what is not a URL is kept as written (and matches nothing). */
function originOf(url: string) {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Calls every listener with `value`; a listener may unsubscribe itself (or others) meanwhile. */
function notify<T>(listeners: Set<(value: T) => void>, value: T) {
  for (const listener of [...listeners]) listener(value);
}

/**
 * Creates the object every element and the app share to talk to the auth server. It wires the
 * single-job pieces: the refresher (the 401 rule), the expiry scheduler, the re-checks, the
 * pending sign-out, the tab channel and the sessions store; its own code is the state and its
 * transitions.
 */
export function createSessionClient(options: SessionClientOptions): SessionClient {
  const { backend, environment: env = browserEnvironment, refreshCap = 3, focusThrottle = 5, pollInterval = 0 } = options;
  // Origins as the browser writes them: `https://app.example/` or a URL with a path names its origin.
  const allowedOrigins = (options.allowedOrigins ?? []).map(originOf);
  const { key, capabilities } = backend;
  const pollKey = `sessionkit:poll:${key}`;
  const pollMs = pollInterval * 1000;
  const [runShared, abortRequests, forgetRequest] = sharedRequests();
  /** The client's own followers of the state (the expiry timer), told before the app's. */
  const followers = new Set<(state: SessionState) => void>();
  const listeners = new Set<(state: SessionState) => void>();

  /**
   * `state.session` is also the last session known alive (every state keeps or replaces it, and
   * only ends clear it): it decides whether an end was an expiry or a revocation.
   */
  let state: SessionState = { status: 'unknown', session: null };
  let listedCurrentId: string | undefined;
  /** Bumped at every session end: answers to requests sent before it are stale. */
  let generation = 0;
  let lastCheckAt = -Infinity;
  let detachRechecks: (() => void) | undefined;
  /**
   * Sign-outs of this tab in flight, and whether the session was found gone meanwhile: `true`
   * when found here, or the message of the other tab that told of its end.
   */
  let signingOut = 0;
  let endedWhileSigningOut: boolean | TabMessage = false;
  /** Until when a session end found here is another tab's sign-out under way, and the message that sign-out will send. */
  let signingOutElsewhere: [until: number, ending?: TabMessage] = [0];

  const channel = openTabChannel(key, onTabMessage);
  const unwatchBackend = backend.watch?.(() => recheck());
  const pending = pendingSignOuts(backend, env);
  const [scheduleExpiry, stopExpiry] = expiryScheduler(env, recheck, expiresIn);
  followers.add(scheduleExpiry);
  const refresher = createRefresher({
    backend,
    cap: refreshCap,
    channel,
    generation: () => generation,
    hasEnded: () => hasEnded(state),
    endSession,
    degrade,
    refreshed: (session) => setState('active', session),
    localTime,
  });
  const { authorized } = refresher;

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

  function expiresIn() {
    const expiresAt = state.session?.expiresAt?.getTime();
    return expiresAt === undefined ? undefined : expiresAt - Date.now();
  }

  /** The only place the state changes: it transitions and notifies, nothing more. */
  function setState(status: SessionState['status'], session: Session | null = null, reason?: ExpiryReason) {
    state = { status, session, reason } as SessionState;
    if (hasEnded(state)) generation++;
    notify(followers, state);
    notify(listeners, state);
  }

  /** Ends the session for `reason`, in this tab only; with no session known, it is a plain signed-out. */
  const endHere = (status: 'expired' | 'signed-out', reason: ExpiryReason) =>
    state.session ? setState(status, null, reason) : setState('signed-out');

  /**
   * The one transition a session end makes, told to the other tabs; later 401s find the state
   * ended and change nothing. Returns the error the failed call rejects with.
   */
  function endSession(code = 'unauthenticated', reason?: ExpiryReason): SessionExpiredError {
    // The session ending while this tab signs it out is that sign-out (an SDK clears its state
    // before its revoke resolves): `signOut` makes the transition, as `signed-out`.
    if (signingOut) endedWhileSigningOut = true;
    // Likewise while another tab signs out: it tells the others when its request is done.
    else if (Date.now() < signingOutElsewhere[0]) onTabMessage(signingOutElsewhere[1]!);
    else if (!hasEnded(state)) {
      const known = state.session;
      // The server's code says why, where it does; otherwise a session that had time left was revoked.
      reason ??= code === 'session_revoked' || (code !== 'session_expired' && (expiresIn() ?? 0) > 0) ? 'revoked' : 'expired';
      endHere('expired', reason);
      // A tab that knew of no session only cues the others to ask the server.
      channel.post(known ? (reason as TabMessage) : 'check');
    }
    return expiredError(code);
  }

  function degrade(error: unknown) {
    const aborted = error instanceof NetworkError && error.code === 'aborted';
    if (!aborted && !hasEnded(state)) setState('degraded', state.session);
  }

  function applySession(session: Session | null): Session | null {
    const pendingSignOut = pending.get();
    if (pendingSignOut && session && isPendingFor(pendingSignOut, session)) {
      // The user signed out here while the server was unreachable: finish that, do not sign them back in.
      pending.retry();
      if (!hasEnded(state)) setState('signed-out', null, 'signed-out');
      return null;
    }
    if (pendingSignOut) pending.set(undefined);
    if (session) setState('active', session);
    else endSession();
    return session;
  }

  function checkSession(flightKey: string, signal?: AbortSignal): Promise<Session | null> {
    return runShared(
      flightKey,
      async (requestSignal) => {
        lastCheckAt = Date.now();
        const start = generation;
        try {
          const answer = await authorized(() => backend.getSession({ signal: requestSignal }));
          const session = answer && localTime(answer);
          return generation === start ? applySession(session) : null;
        } catch (error) {
          // No session is an answer, not a failure: the state says why it ended.
          if (error instanceof SessionExpiredError) return null;
          degrade(error);
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
    const reason: ExpiryReason | undefined = ENDINGS[message as keyof typeof ENDINGS];
    if (message.startsWith('signing-')) {
      // `signing-out` announces `signed-out`, `signing-out-idle` announces `signed-out-idle`.
      signingOutElsewhere = [Date.now() + SIGNING_OUT_MS, message.replace('signing', 'signed') as TabMessage];
    } else if (reason) {
      // While this tab signs out, an end another tab tells of is that sign-out, told as this tab's own.
      if (signingOut) endedWhileSigningOut = message;
      else if (!hasEnded(state)) endHere(reason === 'signed-out-elsewhere' || reason === 'idle' ? 'signed-out' : 'expired', reason);
    } else if (message === 'sessions-changed') {
      sessionsChanged();
    } else if (message === 'signed-in') {
      signingOutElsewhere = [0];
      checkSession('session:signed-in').catch(noop);
    } else if (!hasEnded(state)) {
      // A tab whose sign-out failed says `check`: an end found here is no longer that sign-out.
      if (message === 'check') signingOutElsewhere = [0];
      if (message === 'extended') refresher.extendedElsewhere();
      recheck();
    }
  }

  /** The list in flight, if any, predates the change: the next caller gets a fresh one. */
  function sessionsChanged() {
    forgetRequest('list');
    storeChanged();
  }

  /** Revokes some other session(s), then tells this tab's and the other tabs' lists. */
  async function changeSessions(flightKey: string, change: () => Promise<unknown>) {
    if (hasEnded(state)) throw expiredError();
    await runShared(flightKey, () => authorized(change));
    sessionsChanged();
    channel.post('sessions-changed');
  }

  /**
   * Polls only when no other tab polled within the interval, so one tab does it for all. Without
   * storage (or a stamp) the difference is NaN, never less, and every tab polls.
   */
  function pollNow() {
    if (hasEnded(state) || !env.isOnline() || within(Number(readStored(pollKey)), pollMs * 0.8)) return false;
    writeStored(pollKey, Date.now());
    return true;
  }

  function signOut({ scope = 'current', forceClear = false, reason = 'signed-out' }: SignOutOptions = {}) {
    return runShared(`signout:${scope}:${forceClear}:${reason}`, async () => {
      const id = state.session?.id ?? listedCurrentId;
      let serverRevoked = true;
      signingOut++;
      channel.post(reason === 'idle' ? 'signing-out-idle' : 'signing-out');
      const failure = await backend.signOut(scope, { forceClear }).then(noop, (error: unknown) => ({ error }));
      const endedMeanwhile = !--signingOut && endedWhileSigningOut;
      if (!signingOut) endedWhileSigningOut = false;
      if (failure) {
        if (!forceClear) {
          // Nothing was signed out, yet the session had ended anyway: that end is told as usual.
          if (endedMeanwhile === true) endSession();
          else if (endedMeanwhile) onTabMessage(endedMeanwhile);
          // Otherwise the other tabs no longer take an end they find for this sign-out.
          else channel.post('check');
          throw failure.error;
        }
        serverRevoked = false;
        pending.set({ scope, id, at: Date.now() });
      }
      // One transition per end: a session that had already ended keeps the reason it ended with.
      if (!hasEnded(state)) setState('signed-out', null, reason);
      channel.post(reason === 'idle' ? 'signed-out-idle' : 'signed-out');
      return { serverRevoked };
    });
  }

  const client: SessionClient & { sessions: SessionsStore } = {
    capabilities,
    allowedOrigins,
    sessions: undefined!,
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      detachRechecks ??= watchEnvironment(env, () => hasEnded(state) || recheck(), () => lastCheckAt, focusThrottle * 1000, pollMs, pollNow);
      if (state.status === 'unknown' && lastCheckAt < 0) recheck();
      return () => {
        if (listeners.delete(listener) && !listeners.size) {
          detachRechecks?.();
          detachRechecks = undefined;
        }
      };
    },

    getSession: (callOptions) => checkSession('session', callOptions?.signal),

    async listSessions(callOptions) {
      if (hasEnded(state)) throw expiredError();
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
      if (hasEnded(state)) throw expiredError();
      if (refresher.canRefresh()) return refresher.refresh(Date.now());
      // Without a refresh endpoint, a session check is what slides the session.
      const session = await checkSession('session');
      if (!session) throw expiredError();
      return session;
    },

    fetch: sessionFetch(backend, authorized, allowedOrigins, () => hasEnded(state)),

    notifySignedIn() {
      pending.set(undefined);
      channel.post('signed-in');
      return checkSession('session:signed-in');
    },

    expiresIn,

    dispose() {
      // A request that finishes after dispose still settles its state, but arms no timer and tells no one.
      followers.clear();
      listeners.clear();
      detachRechecks?.();
      pending.stop();
      unwatchBackend?.();
      stopExpiry();
      channel.close();
      abortRequests();
      closeSessions();
    },
  };
  // The store works through the client's public API only, so it is made once the client exists.
  const [sessions, storeChanged, closeSessions] = createSessionsStore(client, env, focusThrottle * 1000);
  client.sessions = sessions;
  return client;
}
