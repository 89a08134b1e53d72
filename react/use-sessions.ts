'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { LOADING, type SessionsSnapshot, type SessionsStore } from '../core/sessions-store.js';
import { useSessionClient } from './session-provider.js';

export interface UseSessionsResult extends SessionsSnapshot {
  /** Revokes one session optimistically: it leaves `sessions` at once and comes back if the revoke fails (the promise then rejects). */
  revoke(id: string): Promise<void>;
  /** Revokes every other session, optimistically in the same way. */
  revokeOthers(): Promise<void>;
  /** Loads the list again (`status` is `loading` meanwhile). */
  refetch(): Promise<void>;
}

/** On the server, and before a client exists: loading, with no sessions, and actions that reject. */
const noClient = () => Promise.reject(new Error('useSessions: no session client'));
const NO_STORE: SessionsStore = { getSnapshot: () => LOADING, subscribe: () => () => {}, revoke: noClient, revokeOthers: noClient, refetch: noClient };

/**
 * The user's sessions for markup of your own, from the client's sessions store: the same list,
 * request and poller as every `<SessionList>` on the page. `refreshInterval` (seconds) refetches
 * while the page is visible. Server rendering and hydration see `loading`.
 */
export function useSessions({ refreshInterval = 0 }: { refreshInterval?: number } = {}): UseSessionsResult {
  const store = useSessionClient()?.sessions ?? NO_STORE;
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener, refreshInterval), [store, refreshInterval]);
  const { revoke, revokeOthers, refetch } = store;
  return { ...useSyncExternalStore(subscribe, store.getSnapshot, () => LOADING), revoke, revokeOthers, refetch };
}
