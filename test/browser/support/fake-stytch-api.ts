/**
 * Stytch's frontend API (`https://test.stytch.com/sdk/v1/…`) as msw handlers, answering the real
 * `@stytch/vanilla-js` SDK in the wire shapes it parses: `{ data: … }` on success and
 * `{ status_code, error_type, error_message, error_url, request_id }` on failure. The SDK
 * authenticates with HTTP Basic `public_token:session_token`. Plus the app's own routes
 * (`/api/stytch/sessions…`, in sessionkit's REST shape), which read this browser's session cookie
 * the way an app's server would, and call Stytch's backend API (here: the same in-memory project).
 *
 * The handlers run in the page, so they read the SDK's cookie from `document.cookie`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export const STYTCH_API = 'https://test.stytch.com/sdk/v1';
export const APP_SESSIONS = '/api/stytch/sessions';

export interface ProjectSession {
  session_id: string;
  user_id: string;
  started_at: string;
  last_accessed_at: string;
  expires_at: string;
  attributes: { user_agent: string; ip_address: string };
  authentication_factors: Array<{ type: string; delivery_method: string; last_authenticated_at: string }>;
  custom_claims: Record<string, unknown>;
  roles: string[];
}

interface Stored {
  session: ProjectSession;
  token: string;
  jwt: string;
  revoked: boolean;
}

const random = () => crypto.randomUUID().replace(/-/g, '');
const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

export class FakeStytchApi {
  readonly sessions = new Map<string, Stored>();
  /** Every Stytch API call and app request fails this way until cleared. */
  fault?: 'status-503' | 'network';
  /** Every request, as `METHOD path`. */
  readonly calls: string[] = [];
  private nextId = 1;

  constructor(
    /** The SDK's session cookie name (`cookieOptions.opaqueTokenCookieName`). */
    readonly cookieName: string,
  ) {}

  /** A session on another device of `userId`, created through Stytch's backend API. */
  signInElsewhere(userAgent: string, userId = 'user-test-1'): ProjectSession {
    return this.create(userId, userAgent, '198.51.100.7').session;
  }

  isAlive(id: string): boolean {
    const stored = this.sessions.get(id);
    return !!stored && !stored.revoked && Date.parse(stored.session.expires_at) > Date.now();
  }

  revokeFromElsewhere(id: string) {
    const stored = this.sessions.get(id);
    if (stored) stored.revoked = true;
  }

  secrets(): string[] {
    return [...this.sessions.values()].flatMap((stored) => [stored.token, stored.jwt]);
  }

  private create(userId: string, userAgent: string, ipAddress: string): Stored {
    const now = new Date();
    const id = `session-test-${crypto.randomUUID()}`;
    this.nextId++;
    const session: ProjectSession = {
      session_id: id,
      user_id: userId,
      started_at: now.toISOString(),
      last_accessed_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 60 * 60_000).toISOString(),
      attributes: { user_agent: userAgent, ip_address: ipAddress },
      authentication_factors: [{ type: 'password', delivery_method: 'knowledge', last_authenticated_at: now.toISOString() }],
      custom_claims: {},
      roles: ['stytch_user'],
    };
    const jwt = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: userId, 'https://stytch.com/session': { id } })}.${random()}`;
    const stored = { session, token: `token-${random()}`, jwt, revoked: false };
    this.sessions.set(id, stored);
    return stored;
  }

  private byToken(token: string | undefined) {
    return token ? [...this.sessions.values()].find((stored) => stored.token === token) : undefined;
  }

  /** The session of HTTP Basic `public_token:session_token`; the public token alone is no session. */
  private fromBasicAuth(request: Request) {
    const header = request.headers.get('authorization') ?? '';
    const [publicToken, secret] = atob(header.replace(/^Basic /, '')).split(':');
    return secret === publicToken ? undefined : this.byToken(secret);
  }

  private cookie(): string | undefined {
    const entry = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${this.cookieName}=`));
    return entry ? decodeURIComponent(entry.slice(this.cookieName.length + 1)) : undefined;
  }

  private user(userId: string) {
    return { user_id: userId, emails: [{ email: 'ada@example.com', email_id: 'email-test-1', verified: true }], status: 'active' };
  }

  private authenticated(stored: Stored) {
    return HttpResponse.json({
      data: {
        status_code: 200,
        request_id: `request-id-test-${random()}`,
        user_id: stored.session.user_id,
        user: this.user(stored.session.user_id),
        session: stored.session,
        session_token: stored.token,
        session_jwt: stored.jwt,
      },
    });
  }

  private static error(status_code: number, error_type: string) {
    const body = {
      status_code,
      error_type,
      error_message: error_type.replace(/_/g, ' '),
      error_url: `https://stytch.com/docs/api/errors/${status_code}#${error_type}`,
      request_id: `request-id-test-${random()}`,
    };
    return HttpResponse.json(body, { status: status_code });
  }

  get handlers(): HttpHandler[] {
    const faulty = () => {
      if (this.fault === 'network') return HttpResponse.error();
      if (this.fault === 'status-503') return FakeStytchApi.error(503, 'internal_server_error');
      return undefined;
    };
    const sdk = (method: 'get' | 'post', path: string, answer: (request: Request) => Response | Promise<Response>) =>
      http[method](`${STYTCH_API}${path}`, ({ request }) => {
        this.calls.push(`${request.method} ${path}`);
        return faulty() ?? answer(request);
      });
    const app = (method: 'get' | 'post' | 'delete', path: string, answer: (me: Stored, params: Record<string, string>) => Response) =>
      http[method](`${APP_SESSIONS}${path}`, ({ request, params }) => {
        this.calls.push(`${request.method} ${APP_SESSIONS}${path}`);
        const failure = faulty();
        if (failure) return this.fault === 'network' ? failure : HttpResponse.json({ error: { code: 'unavailable' } }, { status: 503 });
        // The app's server checks the browser's session cookie with Stytch (sessions.authenticate).
        const me = this.byToken(this.cookie());
        if (!me || !this.isAlive(me.session.session_id)) return HttpResponse.json({ error: { code: 'unauthenticated' } }, { status: 401 });
        return answer(me, params as Record<string, string>);
      });
    const live = (userId: string) => [...this.sessions.values()].filter((s) => s.session.user_id === userId && this.isAlive(s.session.session_id));

    return [
      sdk('get', '/projects/bootstrap/:token', () =>
        HttpResponse.json({ data: { project_name: 'sessionkit tests', disable_sdk_watermark: true, password_config: null, captcha_settings: { enabled: false }, email_domains: [], vertical: 'CONSUMER' } }),
      ),
      sdk('post', '/events', () => HttpResponse.json({ data: {} })),
      sdk('post', '/passwords/authenticate', async (request) => {
        const { email } = (await request.json()) as { email: string };
        return this.authenticated(this.create(email === 'ada@example.com' ? 'user-test-1' : email, navigator.userAgent, '203.0.113.1'));
      }),
      sdk('post', '/sessions/authenticate', (request) => {
        const stored = this.fromBasicAuth(request);
        if (!stored || !this.isAlive(stored.session.session_id)) return FakeStytchApi.error(404, 'session_not_found');
        stored.session.last_accessed_at = new Date().toISOString();
        return this.authenticated(stored);
      }),
      sdk('post', '/sessions/revoke', (request) => {
        const header = request.headers.get('authorization') ?? '';
        const [publicToken, secret] = atob(header.replace(/^Basic /, '')).split(':');
        if (secret === publicToken) return FakeStytchApi.error(401, 'unauthorized_credentials');
        const stored = this.byToken(secret);
        if (!stored || !this.isAlive(stored.session.session_id)) return FakeStytchApi.error(404, 'session_not_found');
        stored.revoked = true;
        return HttpResponse.json({ data: { status_code: 200, request_id: `request-id-test-${random()}` } });
      }),
      // The app does not know which session is this browser's, so it marks none.
      app('get', '', (me) =>
        HttpResponse.json({
          sessions: live(me.session.user_id).map(({ session }) => ({
            id: session.session_id,
            current: false,
            createdAt: session.started_at,
            lastActiveAt: session.last_accessed_at,
            expiresAt: session.expires_at,
            userAgent: session.attributes.user_agent,
            ipAddress: session.attributes.ip_address,
          })),
        }),
      ),
      app('post', '/revoke-others', (me) => {
        const others = live(me.session.user_id).filter((stored) => stored !== me);
        for (const stored of others) stored.revoked = true;
        return HttpResponse.json({ revoked: others.length });
      }),
      app('post', '/signout-all', (me) => {
        for (const stored of live(me.session.user_id)) stored.revoked = true;
        return new HttpResponse(null, { status: 204 });
      }),
      app('delete', '/:id', (me, params) => {
        const target = this.sessions.get(params.id);
        if (!target || target.session.user_id !== me.session.user_id || !this.isAlive(params.id)) {
          return HttpResponse.json({ error: { code: 'session_not_found' } }, { status: 404 });
        }
        target.revoked = true;
        return new HttpResponse(null, { status: 204 });
      }),
    ];
  }
}
