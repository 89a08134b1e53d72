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

const storage = () => (typeof localStorage === 'object' ? localStorage : undefined);
const keyFor = (backendKey: string) => `sessionkit:signout-pending:${backendKey}`;

export function readPendingSignOut(backendKey: string): PendingSignOut | undefined {
  try {
    const value = JSON.parse(storage()?.getItem(keyFor(backendKey)) ?? 'null') as PendingSignOut | null;
    if (value?.scope !== 'current' && value?.scope !== 'all') return undefined;
    return { scope: value.scope, id: typeof value.id === 'string' ? value.id : undefined };
  } catch {
    return undefined;
  }
}

export function writePendingSignOut(backendKey: string, pending: PendingSignOut | undefined) {
  try {
    if (pending) storage()?.setItem(keyFor(backendKey), JSON.stringify(pending));
    else storage()?.removeItem(keyFor(backendKey));
  } catch {
    // Storage blocked: the retry then lives only as long as this page.
  }
}
