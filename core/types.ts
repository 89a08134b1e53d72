/** What kind of device a session runs on. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'unknown';

/** One signed-in session of the user, as the kit shows it. Every field but `id` and `current` is optional. */
export interface Session {
  /** Opaque handle used to revoke the session; never a bearer secret, never rendered. */
  id: string;
  /** True for the session of this browser. */
  current: boolean;
  createdAt?: Date;
  lastActiveAt?: Date;
  expiresAt?: Date;
  userAgent?: string;
  ipAddress?: string;
  /** A place name such as "Berlin, Germany". */
  location?: string;
  /** Sign-in methods such as `["password", "totp"]`, where the backend knows them. */
  authMethods?: string[];
  device?: { type?: DeviceType; browser?: string; os?: string; name?: string };
}

/** Why a session ended. */
export type ExpiryReason = 'expired' | 'revoked' | 'signed-out' | 'signed-out-elsewhere' | 'idle' | 'refresh-failed';

export type SessionStatus = SessionState['status'];

/**
 * The client's state, a union on `status`: `reason` exists only once the session has ended.
 * `session` is the session known alive (kept while `degraded`); an ended state has none.
 */
export type SessionState =
  | { status: 'unknown' | 'active' | 'degraded'; session: Session | null; reason?: never }
  /** A session the server no longer accepts: `reason` says why (`expired`, `revoked`, `refresh-failed`). */
  | { status: 'expired'; session: null; reason: ExpiryReason }
  /** Signed out here, elsewhere or for inactivity; no `reason` when this browser never had a session. */
  | { status: 'signed-out'; session: null; reason?: ExpiryReason };

/** Whether the session has ended (`expired` or `signed-out`): nothing is shown or sent for it any more. */
export const hasEnded = (state: SessionState): state is Extract<SessionState, { status: 'expired' | 'signed-out' }> =>
  state.status === 'expired' || state.status === 'signed-out';

export type SignOutScope = 'current' | 'all';

/** What a backend can do; elements hide what it cannot and say so. */
export interface BackendCapabilities {
  list: boolean;
  revoke: boolean;
  revokeOthers: boolean;
  signOutAll: boolean;
  refresh: boolean;
  /** A session check extends the session (a sliding session), so "Stay signed in" works without refresh. */
  sliding?: boolean;
  /** Seconds a revoked session may keep working elsewhere (e.g. Stytch JWTs: 300). */
  revocationDelay?: number;
}

/** Per-call options every backend method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The contract between the client and an auth server. Methods throw the kit's typed errors:
 * `SessionExpiredError` for a 401 (with the server's code), `ReauthRequiredError` for a demand
 * to sign in afresh, `NetworkError`, `ProtocolError` and `ServerError` otherwise.
 */
export interface SessionBackend {
  /** Names this backend's sessions across tabs (a base URL, say); tabs with the same key share state. */
  readonly key: string;
  readonly capabilities: BackendCapabilities;
  /** The current session, or null when there is none. */
  getSession(options?: CallOptions): Promise<Session | null>;
  listSessions(options?: CallOptions): Promise<Session[]>;
  revokeSession(id: string, options?: CallOptions): Promise<void>;
  /** Resolves to the number revoked when the server says it. */
  revokeOtherSessions(options?: CallOptions): Promise<number | undefined>;
  /**
   * `forceClear`: the caller clears its own state even if this fails, so a backend that keeps
   * state of its own (an SDK's session) should clear it too.
   */
  signOut(scope: SignOutScope, options?: CallOptions & { forceClear?: boolean }): Promise<void>;
  /** Extends the session; absent or throwing `ServerError` 404 when the backend cannot. */
  refresh?(options?: CallOptions): Promise<Session>;
  /** Milliseconds the server's clock is ahead of this browser's, from its last answer. */
  clockOffset?(): number;
  /** Adds what the app's own same-origin requests need (a CSRF header, say). */
  decorateRequest?(headers: Headers, method: string): void;
  /** The status the app's own API answers when the session needs a refresh, for `client.fetch`. Default 401. */
  readonly expiredStatus?: number;
  /** For backends whose SDK pushes changes: call `listener` when the session changes elsewhere. */
  watch?(listener: () => void): () => void;
}
