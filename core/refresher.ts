import type { TabChannel } from './cross-tab.js';
import { ServerError, SessionExpiredError } from './errors.js';
import { noop } from './noop.js';
import { readStored, writeStored } from './storage.js';
import { withTabLock } from './tab-lock.js';
import type { ExpiryReason, Session, SessionBackend } from './types.js';

/** The error every call that meets an ended session rejects with. */
export const expiredError = (code = 'session_ended') => new SessionExpiredError(code, 401);

/** A session check that finds no session answers null instead of ending it. */
const nullIfExpired = (error: unknown) => {
  if (error instanceof SessionExpiredError) return null;
  throw error;
};

/** What the refresher needs from the client that owns the state. */
export interface RefresherHost {
  backend: SessionBackend;
  /** Refresh-then-401 cycles before the session ends with `refresh-failed`; 0 never refreshes. */
  cap: number;
  channel: TabChannel;
  /** Bumped at every session end: answers to requests sent before it are stale. */
  generation(): number;
  hasEnded(): boolean;
  /** The one transition a session end makes; returns the error callers reject with. */
  endSession(code: string, reason?: ExpiryReason): SessionExpiredError;
  /** A failure that is not a session end (5xx, network): the state becomes degraded. */
  degrade(error: unknown): void;
  /** A refreshed session, in this browser's clock, for the state. */
  refreshed(session: Session): void;
  localTime(session: Session): Session;
}

export interface Refresher {
  /**
   * Runs `run` under the 401 rule (see `createRefresher`). `once`: one refresh and one retry, and a
   * retry that meets 401 again fails with it, counted as a cycle (the app's own API: a 401 there may
   * be that endpoint's own, and the request is not sent again and again).
   */
  authorized<T>(run: () => Promise<T>, once?: boolean): Promise<T>;
  /** One refresh in this tab and across tabs. `staleSince`: credentials used before it may be the ones a refresh replaced. */
  refresh(staleSince: number): Promise<Session>;
  canRefresh(): boolean;
  /** Another tab says it extended the session. */
  extendedElsewhere(): void;
}

/**
 * The 401 rule: on 401, one refresh shared by every caller (in this tab, and across tabs under a
 * tab lock), then a retry. A retry that meets 401 again is one refresh-then-401 cycle; at the cap
 * the session ends with `refresh-failed`. Each tab stamps the outcome of its refresh, failure
 * included, so the next tab to take the lock reads it instead of asking the server again.
 */
export function createRefresher(host: RefresherHost): Refresher {
  const { backend, cap, channel, generation, hasEnded, endSession, degrade, refreshed, localTime } = host;
  const { key, capabilities } = backend;
  const stampKey = `sessionkit:refreshed:${key}`;
  let refreshing: Promise<Session> | undefined;
  /** Bumped at every successful refresh: a 401 to a request sent before it needs no new refresh. */
  let epoch = 0;
  let cycles = 0;
  let extendedElsewhereAt = 0;

  const canRefresh = () => cap > 0 && capabilities.refresh && !!backend.refresh;

  async function authorized<T>(run: () => Promise<T>, once = false): Promise<T> {
    const start = generation();
    let retried = false;
    for (;;) {
      // A request sent now would carry the credentials the refresh is replacing.
      if (refreshing) await refreshing.catch(noop);
      if (generation() !== start) throw expiredError();
      const seenEpoch = epoch;
      const sentAt = Date.now();
      try {
        const result = await run();
        if (retried) cycles = 0;
        return result;
      } catch (error) {
        if (!(error instanceof SessionExpiredError) || hasEnded() || generation() !== start) throw error;
        if (retried && ++cycles >= cap) throw endSession(error.code, 'refresh-failed');
        if (retried && once) throw error;
        if (!canRefresh()) throw endSession(error.code);
        if (epoch === seenEpoch) {
          try {
            await refresh(sentAt);
          } catch (refreshError) {
            // A 404 taught us the backend has no refresh: the original 401 decides.
            if (!canRefresh()) throw endSession(error.code);
            throw refreshError;
          }
        }
        retried = true;
      }
    }
  }

  const refresh = (staleSince: number) => (refreshing ??= runRefresh(staleSince).finally(() => (refreshing = undefined)));

  async function runRefresh(staleSince: number): Promise<Session> {
    const start = generation();
    try {
      const session = await withTabLock(`sessionkit:refresh:${key}`, async (waited) => {
        // The session ended (in another tab, say) while this tab waited: there is nothing to refresh.
        if (generation() !== start) throw expiredError();
        // Another tab refreshed after the failed request left (while it was in flight, or while
        // this tab waited for the lock): its outcome stands, so only read the session, or end it.
        const stamp = (readStored(stampKey) ?? {}) as { at?: unknown; code?: unknown };
        const stampedAfter = Number(stamp.at) > staleSince;
        try {
          if (stampedAfter && typeof stamp.code === 'string') throw expiredError(stamp.code);
          // A tab that waited for the lock waited for another tab's refresh, whose stamp may not
          // have arrived yet: the session as it is now is asked for first, and refreshed only if gone.
          const answer =
            extendedElsewhereAt > staleSince || stampedAfter
              ? await backend.getSession()
              : (waited && (await backend.getSession().catch(nullIfExpired))) || (await backend.refresh!());
          const fresh = answer && localTime(answer);
          if (!fresh) throw expiredError('unauthenticated');
          // Without storage, the message alone tells the other tabs.
          writeStored(stampKey, { at: Date.now() });
          channel.post('extended');
          return fresh;
        } catch (error) {
          if (!(error instanceof SessionExpiredError)) throw error;
          // Stamped and told before the lock is released, so no tab waiting for it refreshes again.
          writeStored(stampKey, { at: Date.now(), code: error.code });
          throw endSession(error.code);
        }
      });
      if (generation() !== start) throw expiredError();
      epoch++;
      refreshed(session);
      return session;
    } catch (error) {
      // A refresh refused (403: CSRF middleware, say) leaves the 401 standing: there is no session to keep.
      if (error instanceof SessionExpiredError || (error instanceof ServerError && error.status === 403)) throw endSession(error.code);
      if (error instanceof ServerError && error.status === 404) capabilities.refresh = false;
      else degrade(error);
      throw error;
    }
  }

  return { authorized, refresh, canRefresh, extendedElsewhere: () => void (extendedElsewhereAt = Date.now()) };
}
