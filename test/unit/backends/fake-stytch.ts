/**
 * A Stytch project and one browser's Stytch frontend SDK, written from Stytch's documented
 * behaviour: `session.getSync()` returns the SDK's cached session, `session.onChange` fires when
 * it changes, `session.revoke({ forceClear })` revokes on Stytch and clears the SDK's copy (unless
 * Stytch cannot be reached and `forceClear` is off), and the SDK notices a session revoked
 * elsewhere only at its next background refresh (`sdkRefresh()`); the session JWT stays valid for
 * up to 5 minutes. Plus the app's own endpoints (msw) that list and revoke sessions in
 * sessionkit's REST shape, authenticating this browser by its session cookie.
 */
import type { HttpHandler } from 'msw';
import type { StytchClientLike, StytchSessionLike } from '../../../core/backends/stytch.js';
import { stytchAppRoutes } from './stytch-app-routes.js';

/** A Stytch session object as the SDK and the API return it. */
export interface StytchSession extends StytchSessionLike {
  user_id: string;
  started_at: string;
  last_accessed_at: string;
  expires_at: string;
  attributes: { user_agent: string; ip_address: string };
  authentication_factors: Array<{ type: string; delivery_method: string; last_authenticated_at: string }>;
  custom_claims: Record<string, unknown>;
  roles: string[];
}

interface ServerSession {
  session: StytchSession;
  token: string;
  jwt: string;
  revoked: boolean;
}

/** Shaped like the SDK's `StytchAPIError`. */
export class StytchAPIError extends Error {
  override name = 'StytchAPIError';
  constructor(
    readonly status_code: number,
    readonly error_type: string,
    readonly error_message = error_type.replace(/_/g, ' '),
    readonly request_id = 'request-id-test',
  ) {
    super(error_message);
  }
}

/** Shaped like the SDK's error for an unreachable Stytch API. */
export class StytchAPIUnreachableError extends Error {
  override name = 'StytchAPIUnreachableError';
}

const random = () => Math.random().toString(36).slice(2, 12) + Math.random().toString(36).slice(2, 12);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type Factor = StytchSession['authentication_factors'][number];

export class FakeStytch {
  readonly sessions = new Map<string, ServerSession>();
  /** What this browser's SDK holds: its cached session and its tokens (cookies). */
  local: { session: StytchSession; token: string } | null = null;
  /** Every Stytch call and app request fails this way until cleared. */
  fault?: 'status-503' | 'network';
  readonly revokeCalls: Array<{ forceClear?: boolean } | undefined> = [];
  private readonly listeners = new Set<(session: StytchSession | null) => void>();
  private nextId = 1;

  constructor(
    readonly origin: string,
    readonly listPath = '/api/sessions',
  ) {}

  /** The SDK as an app gets it from `new StytchHeadlessClient(...)` or `useStytch()`. */
  readonly client: StytchClientLike & { session: { getTokens(): { session_token: string; session_jwt: string } | null } } = {
    session: {
      getSync: () => (this.local ? structuredClone(this.local.session) : null),
      getTokens: () => {
        const stored = this.local && [...this.sessions.values()].find((s) => s.token === this.local!.token);
        return stored ? { session_token: stored.token, session_jwt: stored.jwt } : null;
      },
      onChange: (callback) => {
        this.listeners.add(callback);
        return () => this.listeners.delete(callback);
      },
      revoke: async (options) => {
        this.revokeCalls.push(options);
        const clear = () => this.setLocal(null);
        if (this.fault === 'network') {
          if (options?.forceClear) clear();
          throw new StytchAPIUnreachableError('Failed to fetch');
        }
        if (this.fault === 'status-503') {
          if (options?.forceClear) clear();
          throw new StytchAPIError(503, 'internal_server_error');
        }
        const stored = this.local && this.byToken(this.local.token);
        // Stytch was reached: whatever it says, the SDK's copy goes.
        clear();
        if (!stored || stored.revoked) throw new StytchAPIError(404, 'session_not_found');
        stored.revoked = true;
        return { status_code: 200, request_id: 'request-id-test' };
      },
    },
  };

  /** Creates a session; with `current` (default true) this browser's SDK holds it. */
  signIn(init: { userId?: string; current?: boolean; userAgent?: string; ipAddress?: string; factors?: Factor[] } = {}): StytchSession {
    const now = new Date();
    const id = `session-test-${(this.nextId++).toString().padStart(4, '0')}`;
    const session: StytchSession = {
      session_id: id,
      user_id: init.userId ?? 'user-test-1',
      started_at: now.toISOString(),
      last_accessed_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 60 * 60_000).toISOString(),
      attributes: { user_agent: init.userAgent ?? '', ip_address: init.ipAddress ?? '' },
      authentication_factors: init.factors ?? [{ type: 'password', delivery_method: 'knowledge', last_authenticated_at: now.toISOString() }],
      custom_claims: {},
      roles: ['stytch_user'],
    };
    const token = `token-${random()}`;
    const jwt = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: session.user_id, 'https://stytch.com/session': { id } })}.${random()}`;
    this.sessions.set(id, { session, token, jwt, revoked: false });
    if (init.current ?? true) this.setLocal({ session: structuredClone(session), token });
    return session;
  }

  isAlive(id: string): boolean {
    const stored = this.sessions.get(id);
    return !!stored && !stored.revoked && Date.parse(stored.session.expires_at) > Date.now();
  }

  revokeFromElsewhere(id: string) {
    const stored = this.sessions.get(id);
    if (stored) stored.revoked = true;
  }

  /** The SDK's background `session.authenticate`: it learns here that its session was revoked. */
  sdkRefresh() {
    if (!this.local) return;
    const stored = this.byToken(this.local.token);
    if (!stored || !this.isAlive(stored.session.session_id)) return this.setLocal(null);
    stored.session.last_accessed_at = new Date().toISOString();
    this.setLocal({ session: structuredClone(stored.session), token: this.local.token });
  }

  /** Every token and JWT handed out. */
  secrets(): string[] {
    return [...this.sessions.values()].flatMap((stored) => [stored.token, stored.jwt]);
  }

  private byToken(token: string) {
    return [...this.sessions.values()].find((stored) => stored.token === token);
  }

  private setLocal(local: FakeStytch['local']) {
    this.local = local;
    for (const listener of [...this.listeners]) listener(local ? structuredClone(local.session) : null);
  }

  /** The app's own routes, backed by Stytch's backend API (`sessions.get`, `sessions.revoke`). */
  get handlers(): HttpHandler[] {
    // The browser's `stytch_session` cookie, checked with Stytch by the app.
    return stytchAppRoutes(`${this.origin}${this.listPath}`, {
      sessions: this.sessions,
      fault: () => this.fault,
      isAlive: (id) => this.isAlive(id),
      me: () => (this.local ? this.byToken(this.local.token) : undefined),
    });
  }
}
