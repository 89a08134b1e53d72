import type { SessionClient } from './client.js';
import type { Environment } from './environment.js';
import { ReauthRequiredError, SessionExpiredError } from './errors.js';
import { watchEnvironment } from './rechecks.js';
import { hasEnded, type Session, type SessionState } from './types.js';

/**
 * `loading` (first load, or Retry), `ready`, `error` (the last load failed: `error` says why),
 * `reauth` (the server wants a fresh sign-in to list), `unsupported` (the backend cannot list),
 * `signed-out` (the session ended: no rows are kept).
 */
export type SessionsStatus = 'loading' | 'ready' | 'error' | 'reauth' | 'unsupported' | 'signed-out';

/** What every view of the sessions shows at one moment. Replaced, never changed, on each change. */
export interface SessionsSnapshot {
  status: SessionsStatus;
  /** This device first, then the most recently active; without those being revoked. */
  sessions: readonly Session[];
  /** Why the last load failed, with status `error` or `reauth`. */
  error?: unknown;
}

/**
 * The user's sessions, shared by every view on the page (`<sk-session-list>`, `useSessions()`, a
 * `SessionsController`): one list, one request, one poller. It loads while it has subscribers, and
 * refetches on focus (throttled), on resume, after any revoke here or in another tab, and every
 * polled interval while the page is visible.
 */
export interface SessionsStore {
  getSnapshot(): SessionsSnapshot;
  /**
   * Calls `listener` on every change of the snapshot; the first subscriber starts the loading.
   * `refreshInterval`: refetch every this many seconds while the page is visible (the shortest
   * interval of all subscribers wins; 0, the default, asks for none).
   */
  subscribe(listener: () => void, refreshInterval?: number): () => void;
  /** Loads the list again. `quiet`: keep the status and rows meanwhile, and fail silently. */
  refetch(quiet?: boolean): Promise<void>;
  /** Revokes one session, hiding it at once and showing it again if the revoke fails (the error is rethrown). */
  revoke(id: string): Promise<void>;
  /** Revokes every other session, optimistically in the same way. */
  revokeOthers(): Promise<void>;
}

/** Before the first answer, and wherever no store is at hand (on the server, before a client exists). */
export const LOADING: SessionsSnapshot = { status: 'loading', sessions: [] };

/** This device first, then the most recently active. */
const order = (a: Session, b: Session) => +b.current - +a.current || lastSeen(b) - lastSeen(a);
const lastSeen = ({ lastActiveAt, createdAt }: Session) => (lastActiveAt ?? createdAt)?.getTime() || 0;

/**
 * The store and, for the client that owns it, the functions that tell it the sessions changed and
 * that stop it for good (the client is disposed: no listener, request or poller is left).
 */
export function createSessionsStore(
  client: SessionClient,
  env: Environment,
  focusThrottleMs: number,
): [store: SessionsStore, changed: () => void, close: () => void] {
  let snapshot = LOADING;
  /** The last list the server sent, in order. */
  let listed: readonly Session[] = [];
  /** Being revoked or revoked: hidden whatever a refetch says, back only when their revoke fails. */
  const revoking = new Set<string>();
  /** Each subscription: its listener and the refresh interval it asked for. */
  const listeners = new Set<[listener: () => void, seconds: number]>();
  let generation = 0;
  let fetchedAt = -Infinity;
  /** Aborts the list request when the last subscriber leaves. */
  let connection: AbortController | undefined;
  let stop: (() => void) | undefined;

  /**
   * Publishes a new snapshot: by default the same status and error, with the rows as they are now.
   * `listed` is replaced, never changed, so with nothing being revoked it is shown as it is.
   */
  function show(status = snapshot.status, error = status === snapshot.status ? snapshot.error : undefined) {
    snapshot = { status, sessions: revoking.size ? listed.filter(({ id }) => !revoking.has(id)) : listed, error };
    for (const [listener] of [...listeners]) listener();
  }

  async function load(quiet = false) {
    if (hasEnded(client.getState())) return show('signed-out');
    if (!client.capabilities.list) return show('unsupported');
    if (snapshot.status === 'loading' || snapshot.status === 'signed-out') quiet = false;
    const current = ++generation;
    fetchedAt = Date.now();
    if (!quiet) show('loading');
    try {
      const sessions = await client.listSessions({ signal: connection?.signal });
      if (current !== generation) return;
      listed = [...sessions].sort(order);
      show('ready');
    } catch (error) {
      // The state tells of a session end; a quiet refetch keeps what is shown.
      if (quiet || current !== generation || !listeners.size || error instanceof SessionExpiredError) return;
      show(error instanceof ReauthRequiredError ? 'reauth' : 'error', error);
    }
  }

  const refetchQuietly = () => void load(true);

  function onState(state: SessionState) {
    if (hasEnded(state)) {
      listed = [];
      revoking.clear();
      if (snapshot.status !== 'signed-out') show('signed-out');
    } else if (snapshot.status === 'signed-out') void load();
  }

  /** (Re)attaches the focus, resume and polling refetches, with the shortest interval asked for. */
  function watch() {
    stop?.();
    const ms = Math.min(...[...listeners].map(([, seconds]) => seconds || Infinity)) * 1000;
    stop = listeners.size ? watchEnvironment(env, refetchQuietly, () => fetchedAt, focusThrottleMs, ms < Infinity ? ms : 0) : undefined;
  }

  async function hideWhile(ids: string[], change: () => Promise<unknown>) {
    ids.forEach((id) => revoking.add(id));
    show();
    try {
      await change();
    } catch (error) {
      ids.forEach((id) => revoking.delete(id));
      show();
      throw error;
    }
  }

  let offState: (() => void) | undefined;
  /** The last subscriber left: the request in flight is called off, and the state no longer followed. */
  function leave() {
    connection?.abort();
    offState?.();
  }

  const store: SessionsStore = {
    getSnapshot: () => snapshot,
    subscribe(listener, seconds = 0) {
      // Its own entry, so one listener may subscribe again (with another interval) before it leaves.
      const entry: [() => void, number] = [listener, seconds];
      listeners.add(entry);
      if (listeners.size === 1) {
        connection = new AbortController();
        offState = client.subscribe(onState);
        // A view moved in the page, or a new one: a loaded list refreshes quietly.
        refetchQuietly();
      }
      watch();
      return () => {
        if (!listeners.delete(entry)) return;
        if (!listeners.size) leave();
        watch();
      };
    },
    refetch: load,
    revoke: (id) => hideWhile([id], () => client.revokeSession(id)),
    revokeOthers: () =>
      hideWhile(
        snapshot.sessions.filter((session) => !session.current).map(({ id }) => id),
        () => client.revokeOtherSessions(),
      ),
  };
  function close() {
    listeners.clear();
    leave();
    watch();
  }

  return [store, () => listeners.size && refetchQuietly(), close];
}
