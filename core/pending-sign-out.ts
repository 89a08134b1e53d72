import type { Environment } from './environment.js';
import { noop } from './noop.js';
import { readStored, writeStored } from './storage.js';
import type { Session, SessionBackend, SignOutScope } from './types.js';

/**
 * A sign-out the server has not confirmed yet (see `signOut({ forceClear })`). The marker holds
 * the scope and the session's opaque id, never a token, so a later page load can finish the
 * sign-out without touching a session the user has signed into since.
 */
export interface PendingSignOut {
  scope: SignOutScope;
  id?: string;
  /** When the user signed out (this browser's clock): without an id, a session created later is a newer sign-in. */
  at?: number;
}

/**
 * Whether `session` is the one the pending sign-out is for: the same id, or, when the page never
 * learnt the id (offline from its load), a session that existed when the user signed out.
 */
export function isPendingFor({ id, at }: PendingSignOut, session: Session): boolean {
  if (id) return id === session.id;
  const created = session.createdAt?.getTime();
  return !(created && at && created > at);
}

export interface PendingSignOuts {
  get(): PendingSignOut | undefined;
  /** Records (or, with undefined, forgets) the sign-out to finish; it is retried on resume meanwhile. */
  set(next: PendingSignOut | undefined): void;
  /** Tries the server call again: silent, since the user was already told. */
  retry(): void;
  /** Stops retrying in this page; the marker stays in storage, so the next page load retries it. */
  stop(): void;
}

/** The pending sign-out of `backend`, read from storage (untrusted: only a known scope and a string id are taken). */
export function pendingSignOuts(backend: SessionBackend, env: Environment): PendingSignOuts {
  const key = `sessionkit:signout-pending:${backend.key}`;
  const { scope, id, at } = (readStored(key) ?? {}) as Partial<Record<keyof PendingSignOut, unknown>>;
  let pending: PendingSignOut | undefined =
    scope === 'current' || scope === 'all' ? { scope, id: typeof id === 'string' ? id : undefined, at: Number(at) || undefined } : undefined;
  let stopped = false;
  let detach: (() => void) | undefined;

  function set(next: PendingSignOut | undefined) {
    pending = next;
    // Without storage the retry lives only as long as this page.
    writeStored(key, next);
    if (next && !stopped) detach ??= env.onResume(retry);
    else stop(false);
  }

  function stop(forGood = true) {
    stopped ||= forGood;
    detach?.();
    detach = undefined;
  }

  function retry() {
    const retrying = pending;
    if (!retrying) return;
    backend.signOut(retrying.scope).then(() => {
      if (pending === retrying) set(undefined);
    }, noop);
  }

  set(pending);
  return { get: () => pending, set, retry, stop: () => stop() };
}
