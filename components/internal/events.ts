import type { SignOutScope } from '../../core/index.js';

/**
 * Dispatches a bubbling, composed CustomEvent, so listeners outside any shadow root hear it.
 * Returns false when a listener cancelled it.
 */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

// The events more than one element fires, declared once. Each element's own events are declared
// beside its define.ts.

/**
 * What the person (or the element on their behalf) was doing when an `sk-error` came: `list`,
 * `revoke`, `revoke-others` and `sign-out` from the list and the logout button; `extend` ("Stay
 * signed in"), `sign-out` (a warning's "Log out", or the idle sign-out) and `check` (asking the
 * server whether a session is still there) from `<sk-session-expired>`.
 */
export type SkErrorAction = 'list' | 'revoke' | 'revoke-others' | 'sign-out' | 'extend' | 'check';

/** `sk-error`: a request an element made failed. Never fired for the session ending itself (that is `sk-session-expired`). */
export interface SkErrorDetail {
  /** The kit's typed error (`NetworkError`, `ServerError`, …): a code and a status, never a response body. */
  error: unknown;
  action: SkErrorAction;
}

/** `sk-logout-request`, before the request (cancelable), from the logout button and the list's "Log out". */
export interface SkLogoutRequestDetail {
  /** A sign-out scope, or `others` (the other sessions are revoked and this one is kept). */
  scope: SignOutScope | 'others';
}

/** `sk-logout`: once per click that ends a sign-out (or, with `scope: 'others'`, the other sessions). */
export interface SkLogoutDetail extends SkLogoutRequestDetail {
  /** False when `force-clear` cleared the session here but the server was not reached. */
  serverRevoked: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sk-error': CustomEvent<SkErrorDetail>;
    'sk-logout-request': CustomEvent<SkLogoutRequestDetail>;
    'sk-logout': CustomEvent<SkLogoutDetail>;
  }
}
