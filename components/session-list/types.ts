import type { Session } from '../../core/types.js';
import type { SkErrorAction } from '../internal/events.js';

// The list's own events, declared once with their details. It also fires the shared sk-error,
// sk-logout-request and sk-logout (internal/events.ts).

/** What the user was doing when a demand to sign in again came. */
export type SessionListAction = Exclude<SkErrorAction, 'extend' | 'check'>;

export interface SkSessionRevokeDetail {
  /** A copy of the session to revoke. */
  session: Session;
}
export type SkSessionRevokedDetail = SkSessionRevokeDetail;
export interface SkOtherSessionsRevokeDetail {
  /** How many other sessions are (to be) signed out. */
  count: number;
}
export type SkOtherSessionsRevokedDetail = SkOtherSessionsRevokeDetail;
export interface SkReauthRequiredDetail {
  action: SessionListAction;
  /** A copy of the session being revoked, for `revoke`. */
  session?: Session;
  /** The claim the server wants satisfied, where it names one. */
  claim?: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sk-session-revoke': CustomEvent<SkSessionRevokeDetail>;
    'sk-session-revoked': CustomEvent<SkSessionRevokedDetail>;
    'sk-other-sessions-revoke': CustomEvent<SkOtherSessionsRevokeDetail>;
    'sk-other-sessions-revoked': CustomEvent<SkOtherSessionsRevokedDetail>;
    'sk-reauth-required': CustomEvent<SkReauthRequiredDetail>;
  }
}
