import type { ExpiryReason } from '../../core/types.js';

// The element's own events, declared once with their details. It also fires the shared sk-error
// (internal/events.ts).

/** `sk-session-expired` (cancelable): the session ended for a reason the user must be told. */
export interface SkSessionExpiredDetail {
  reason: ExpiryReason;
}
/** `sk-session-expiring`: a pre-expiry or idle warning began. */
export interface SkSessionExpiringDetail {
  /** When the session ends (for an idle warning: when inactivity signs the user out). */
  expiresAt: Date;
  /** Seconds left when the warning began. */
  secondsLeft: number;
}
/** `sk-session-extended`: the session was extended while a warning was running. */
export interface SkSessionExtendedDetail {
  expiresAt: Date;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sk-session-expired': CustomEvent<SkSessionExpiredDetail>;
    'sk-session-expiring': CustomEvent<SkSessionExpiringDetail>;
    'sk-session-extended': CustomEvent<SkSessionExtendedDetail>;
  }
}
