/**
 * A SuperTokens backend in cookie mode, as msw handlers, written from its documented frontend
 * protocol (supertokens-website): `POST {base}/session/refresh`, `POST {base}/signout`, the `rid`,
 * `st-auth-mode`, `anti-csrf` and `front-token` headers, 401 = try refresh, 403 = invalid claim.
 * Plus the routes an app adds for sessionkit (`GET {base}/session`, `{base}/sessions…`), answering
 * in sessionkit's REST shape with session handles as ids.
 *
 * Like `FakeAuthServer`, it serves one browser: the cookies that browser holds live here
 * (`browser`), since Node's fetch keeps none. Access tokens are JWT-shaped (`eyJ…`) so leaks show.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface FakeStSession {
  handle: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  /** When the refresh token expires: the end of the session. */
  expiresAt: number;
  userAgent?: string;
  ipAddress?: string;
  revoked: boolean;
  /** The anti-CSRF token bound to the current access token (VIA_TOKEN). */
  antiCsrf?: string;
}

export interface FakeStOptions {
  origin: string;
  apiBasePath?: string;
  /** SuperTokens' `antiCsrf` setting. Default `VIA_CUSTOM_HEADER` (its default for cross-site cookies). */
  antiCsrf?: 'VIA_TOKEN' | 'VIA_CUSTOM_HEADER' | 'NONE';
  /** Access-token lifetime in ms. Default one hour. */
  accessTokenTtl?: number;
  /** SuperTokens' `sessionExpiredStatusCode` ("try refresh"). Default 401. */
  sessionExpiredStatusCode?: number;
  /** SuperTokens' `invalidClaimStatusCode`. Default 403. */
  invalidClaimStatusCode?: number;
  /** The app's `GET /session` answers the refresh token's expiry as `expiresAt`. Default false. */
  sessionRouteExpiry?: boolean;
}

interface AccessToken {
  handle: string;
  exp: number;
}

// btoa, not Buffer: the fake also runs in the browser, under the real SDK.
const base64 = (value: unknown) => btoa(JSON.stringify(value));
const b64url = (value: unknown) => base64(value).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const random = () => Math.random().toString(36).slice(2, 12) + Math.random().toString(36).slice(2, 12);

export class FakeSupertokens {
  readonly origin: string;
  readonly base: string;
  antiCsrfMode: NonNullable<FakeStOptions['antiCsrf']>;
  accessTokenTtl: number;
  readonly sessions = new Map<string, FakeStSession>();
  /** The cookies this browser holds. */
  browser: { access?: string; refresh?: string } = {};
  /** Every request received: method, path and headers (lower-case names). */
  readonly requests: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
  /** Every token, front token and anti-CSRF value handed out. */
  readonly issued: string[] = [];
  /** Every request fails this way until cleared. */
  fault?: 'status-503' | 'network';
  /** A claim the app's routes find unsatisfied (e.g. `st-ev`): they answer 403 invalid claim. */
  failingClaim?: string;
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, string>();
  private nextHandle = 1;

  constructor(options: FakeStOptions) {
    this.origin = options.origin;
    this.base = options.apiBasePath ?? '/auth';
    this.antiCsrfMode = options.antiCsrf ?? 'VIA_CUSTOM_HEADER';
    this.accessTokenTtl = options.accessTokenTtl ?? 3_600_000;
    this.sessionExpiredStatusCode = options.sessionExpiredStatusCode ?? 401;
    this.invalidClaimStatusCode = options.invalidClaimStatusCode ?? 403;
    this.sessionRouteExpiry = options.sessionRouteExpiry ?? false;
  }

  readonly sessionRouteExpiry: boolean;

  readonly sessionExpiredStatusCode: number;
  readonly invalidClaimStatusCode: number;

  /** Creates a session; with `current` (default true) this browser gets its cookies. */
  signIn(init: { userId?: string; current?: boolean; userAgent?: string; ipAddress?: string } = {}): FakeStSession {
    const now = Date.now();
    const session: FakeStSession = {
      handle: `handle-${(this.nextHandle++).toString().padStart(3, '0')}`,
      userId: init.userId ?? 'user-1',
      createdAt: now,
      lastActiveAt: now,
      expiresAt: now + 100 * 86_400_000,
      userAgent: init.userAgent,
      ipAddress: init.ipAddress,
      revoked: false,
    };
    this.sessions.set(session.handle, session);
    const tokens = this.issue(session);
    if (init.current ?? true) this.browser = { access: tokens.access, refresh: tokens.refresh };
    return session;
  }

  /** The session this browser's cookies belong to. */
  currentHandle(): string | undefined {
    const refresh = this.browser.refresh;
    return refresh ? this.refreshTokens.get(refresh) : undefined;
  }

  isAlive(handle: string): boolean {
    const session = this.sessions.get(handle);
    return !!session && !session.revoked && session.expiresAt > Date.now();
  }

  /** This browser's access token lapses: its next call gets 401 until a refresh. */
  expireAccessToken() {
    const token = this.browser.access && this.accessTokens.get(this.browser.access);
    if (token) token.exp = Date.now() - 1;
  }

  revoke(handle: string) {
    const session = this.sessions.get(handle);
    if (session) session.revoked = true;
  }

  count(method: string, path: string) {
    return this.requests.filter((request) => request.method === method && request.path === path).length;
  }

  /** New tokens for `session`: an access token, a refresh token, a front token and (VIA_TOKEN) an anti-CSRF token. */
  private issue(session: FakeStSession) {
    const exp = Date.now() + this.accessTokenTtl;
    session.antiCsrf = this.antiCsrfMode === 'VIA_TOKEN' ? `csrf-${random()}` : undefined;
    const payload = {
      sub: session.userId,
      sessionHandle: session.handle,
      exp: Math.floor(exp / 1000),
      refreshTokenHash1: random(),
      antiCsrfToken: session.antiCsrf ?? null,
    };
    const access = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.${random()}`;
    const refresh = `refresh-${random()}`;
    const front = base64({ uid: session.userId, ate: exp, up: payload });
    this.accessTokens.set(access, { handle: session.handle, exp });
    this.refreshTokens.set(refresh, session.handle);
    this.issued.push(access, refresh, front, ...(session.antiCsrf ? [session.antiCsrf] : []));
    return { access, refresh, front, antiCsrf: session.antiCsrf };
  }

  /** The tokens' response headers; in header mode (`st-auth-mode: header`) the tokens themselves too. */
  private tokenHeaders(tokens: ReturnType<FakeSupertokens['issue']>, request: Request): Record<string, string> {
    const inHeaders = request.headers.get('st-auth-mode') === 'header';
    return {
      'front-token': tokens.front,
      ...(tokens.antiCsrf ? { 'anti-csrf': tokens.antiCsrf } : {}),
      ...(inHeaders ? { 'st-access-token': tokens.access, 'st-refresh-token': tokens.refresh } : {}),
    };
  }

  /** What clears this browser's session: `front-token: remove`, and empty tokens in header mode. */
  private clearedHeaders(request: Request): Record<string, string> {
    const inHeaders = request.headers.get('st-auth-mode') === 'header';
    return { 'front-token': 'remove', ...(inHeaders ? { 'st-access-token': '', 'st-refresh-token': '' } : {}) };
  }

  /** The token a request carries: `Authorization: Bearer …` in header mode, else this browser's cookie. */
  private sent(request: Request, cookie: string | undefined): string | undefined {
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    return bearer ?? cookie;
  }

  private clearCookies() {
    this.browser = {};
  }

  /**
   * SuperTokens' `verifySession`: the session behind this browser's access token, `null` when it
   * sends none, or the response that refuses it. Without access-token blacklisting (SuperTokens'
   * default), a revoked session's access token still verifies until it expires.
   */
  private verify(request: Request, sessionRequired: boolean): FakeStSession | null | Response {
    const tryRefresh = () => HttpResponse.json({ message: 'try refresh token' }, { status: this.sessionExpiredStatusCode });
    const access = this.sent(request, this.browser.access);
    if (!access) return sessionRequired ? HttpResponse.json({ message: 'unauthorised' }, { status: this.sessionExpiredStatusCode }) : null;
    const token = this.accessTokens.get(access);
    if (!token || token.exp <= Date.now()) return tryRefresh();
    const session = this.sessions.get(token.handle)!;
    if (request.method !== 'GET') {
      if (this.antiCsrfMode === 'VIA_TOKEN' && request.headers.get('anti-csrf') !== session.antiCsrf) return tryRefresh();
      if (this.antiCsrfMode === 'VIA_CUSTOM_HEADER' && !request.headers.get('rid')) return tryRefresh();
    }
    return session;
  }

  private serialize(session: FakeStSession, withExpiry: boolean) {
    return {
      id: session.handle,
      current: session.handle === this.currentHandle(),
      createdAt: new Date(session.createdAt).toISOString(),
      lastActiveAt: session.lastActiveAt,
      // The app's `GET /session` here leaves the expiry out, so the front token's has to serve.
      expiresAt: withExpiry ? new Date(session.expiresAt).toISOString() : undefined,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
    };
  }

  get handlers(): HttpHandler[] {
    const url = (path: string) => `${this.origin}${this.base}${path}`;
    type Answer = (request: Request, params: Record<string, string>) => Response | Promise<Response>;
    const route = (method: 'get' | 'post' | 'delete', path: string, answer: Answer) =>
      http[method](url(path), ({ request, params }) => {
        this.requests.push({
          method: request.method,
          path: new URL(request.url).pathname,
          headers: Object.fromEntries(request.headers),
        });
        if (this.fault === 'network') return HttpResponse.error();
        if (this.fault === 'status-503') return HttpResponse.json({ message: 'unavailable' }, { status: 503 });
        return answer(request, params as Record<string, string>);
      });
    /** An app route behind `verifySession()` (with the global claim validators). */
    const appRoute = (method: 'get' | 'post' | 'delete', path: string, answer: (session: FakeStSession, params: Record<string, string>) => Response) =>
      route(method, path, (request, params) => {
        const session = this.verify(request, true);
        if (session instanceof Response) return session;
        if (this.failingClaim) {
          return HttpResponse.json(
            { message: 'invalid claim', claimValidationErrors: [{ id: this.failingClaim, reason: { message: 'wrong value', expectedValue: true, actualValue: false } }] },
            { status: this.invalidClaimStatusCode },
          );
        }
        return answer(session!, params);
      });
    const live = (userId: string) => [...this.sessions.values()].filter((s) => s.userId === userId && this.isAlive(s.handle));

    return [
      // A sign-in (any recipe's): a new session for this browser, its tokens in the answer.
      route('post', '/signin', (request) => {
        const session = this.signIn({ userAgent: request.headers.get('user-agent') ?? undefined, current: false });
        const tokens = this.issue(session);
        this.browser = { access: tokens.access, refresh: tokens.refresh };
        return HttpResponse.json({ status: 'OK' }, { headers: this.tokenHeaders(tokens, request) });
      }),
      route('post', '/session/refresh', (request) => {
        const refresh = this.sent(request, this.browser.refresh);
        const handle = refresh && this.refreshTokens.get(refresh);
        const customHeaderMissing = this.antiCsrfMode === 'VIA_CUSTOM_HEADER' && !request.headers.get('rid');
        if (!handle || !this.isAlive(handle) || customHeaderMissing) {
          this.clearCookies();
          return HttpResponse.json({ message: 'unauthorised' }, { status: this.sessionExpiredStatusCode, headers: this.clearedHeaders(request) });
        }
        this.refreshTokens.delete(refresh!);
        const session = this.sessions.get(handle)!;
        session.lastActiveAt = Date.now();
        const tokens = this.issue(session);
        this.browser = { access: tokens.access, refresh: tokens.refresh };
        return HttpResponse.json({}, { headers: this.tokenHeaders(tokens, request) });
      }),
      route('post', '/signout', (request) => {
        const session = this.verify(request, false);
        if (session instanceof Response) return session;
        if (session) session.revoked = true;
        this.clearCookies();
        return HttpResponse.json({ status: 'OK' }, { headers: this.clearedHeaders(request) });
      }),
      route('get', '/session', (request) => {
        const session = this.verify(request, false);
        if (session instanceof Response) return session;
        if (!session) return HttpResponse.json({ session: null });
        session.lastActiveAt = Date.now();
        return HttpResponse.json({ session: this.serialize(session, this.sessionRouteExpiry) });
      }),
      appRoute('get', '/sessions', (session) => HttpResponse.json({ sessions: live(session.userId).map((s) => this.serialize(s, true)) })),
      appRoute('post', '/sessions/revoke-others', (session) => {
        const others = live(session.userId).filter((s) => s.handle !== session.handle);
        for (const other of others) other.revoked = true;
        return HttpResponse.json({ revoked: others.length });
      }),
      appRoute('post', '/sessions/signout-all', (session) => {
        for (const s of live(session.userId)) s.revoked = true;
        return HttpResponse.json({ status: 'OK' });
      }),
      appRoute('delete', '/sessions/:handle', (session, params) => {
        const target = this.sessions.get(params.handle);
        if (!target || target.userId !== session.userId || !this.isAlive(target.handle)) {
          return HttpResponse.json({ error: { code: 'not_found' } }, { status: 404 });
        }
        target.revoked = true;
        return new HttpResponse(null, { status: 204 });
      }),
    ];
  }
}
