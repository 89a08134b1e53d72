import { readStored, writeStored } from './storage.js';
import type { SignOutScope } from './types.js';

/**
 * A sign-out the server has not confirmed yet (see `signOut({ forceClear })`). The marker holds
 * the scope and the session's opaque id, never a token, so a later page load can finish the
 * sign-out without touching a session the user has signed into since.
 */
export interface PendingSignOut {
  scope: SignOutScope;
  id?: string;
}

const keyFor = (backendKey: string) => `sessionkit:signout-pending:${backendKey}`;

export function readPendingSignOut(backendKey: string): PendingSignOut | undefined {
  // Stored data is untrusted: only a known scope and a string id are taken from it.
  const { scope, id } = (readStored(keyFor(backendKey)) ?? {}) as Partial<Record<keyof PendingSignOut, unknown>>;
  if (scope !== 'current' && scope !== 'all') return undefined;
  return { scope, id: typeof id === 'string' ? id : undefined };
}

/** Without storage the retry lives only as long as this page. */
export const writePendingSignOut = (backendKey: string, pending: PendingSignOut | undefined) =>
  writeStored(keyFor(backendKey), pending);
