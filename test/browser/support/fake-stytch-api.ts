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
import type { StytchSession } from '../../unit/backends/fake-stytch.js';
import { stytchAppRoutes } from '../../unit/backends/stytch-app-routes.js';

export const STYTCH_API = 'https://test.stytch.com/sdk/v1';
export const APP_SESSIONS = '/api/stytch/sessions';

export type ProjectSession = StytchSession;

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
      ...stytchAppRoutes(APP_SESSIONS, {
        sessions: this.sessions,
        fault: () => this.fault,
        isAlive: (id) => this.isAlive(id),
        // The app's server checks the browser's session cookie with Stytch (sessions.authenticate).
        me: () => this.byToken(this.cookie()),
        onRequest: (request) => this.calls.push(`${request.method} ${new URL(request.url).pathname}`),
      }),
    ];
  }
}
