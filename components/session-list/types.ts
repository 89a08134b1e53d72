import type { Session } from '../../core/types.js';

/** What the user was doing when an error or a demand to sign in again came. */
export type SessionListAction = 'list' | 'revoke' | 'revoke-others' | 'sign-out';

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
export interface SkErrorDetail {
  error: unknown;
  action: SessionListAction;
}
