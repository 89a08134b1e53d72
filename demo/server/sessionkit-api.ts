/**
 * sessionkit's REST protocol on top of better-auth — this file is all the backend the elements
 * need. Six routes, each a call or two of better-auth's server API (`auth.api.*`) with the
 * request's headers (its cookie):
 *
 *   GET    /session                 → getSession          200 {session} | 401
 *   GET    /sessions                → getSession + listSessions
 *   DELETE /sessions/:id            → listSessions (id → token) + revokeSession
 *   POST   /sessions/revoke-others  → revokeOtherSessions
 *   POST   /signout {scope}         → revokeSessions (scope "all") + signOut
 *   POST   /session/refresh         → getSession, which slides the session (better-auth has no refresh)
 *
 * The one rule that matters: better-auth identifies sessions to revoke by their *token*, the
 * bearer secret in the cookie. Tokens never leave this file; the browser sees only the session's
 * database `id` and the server maps it back. Everything else is reshaping dates and fields.
 */
import { isAPIError } from 'better-auth/api';
import type { Auth } from './auth.js';
import { apiError, fromTrustedOrigin, json, noContent, readJson, withCookies } from './http.js';

/** The fields of a better-auth session the protocol uses (its `token` deliberately not among them). */
interface AuthSession {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  userAgent?: string | null;
  ipAddress?: string | null;
}

/** A better-auth session in the protocol's shape: ISO dates, no token, no user id. */
const toProtocol = (session: AuthSession, currentId: string) => ({
  id: session.id,
  current: session.id === currentId,
  createdAt: session.createdAt.toISOString(),
  // better-auth bumps `updatedAt` whenever it slides the session: the closest it has to "last active".
  lastActiveAt: session.updatedAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  userAgent: session.userAgent || undefined,
  ipAddress: session.ipAddress || undefined,
});

// better-auth forgets a session once it expires or is revoked, so it cannot say which; the client
// tells them apart by the `expiresAt` it last saw.
const unauthenticated = () => apiError(401, 'unauthenticated', 'No session.');

/** better-auth's refusals in the protocol's terms; anything else is a server error. */
function fromAuthError(error: unknown): Response {
  if (isAPIError(error) && error.statusCode === 401) return unauthenticated();
  if (isAPIError(error) && error.body?.code === 'SESSION_NOT_FRESH') {
    return apiError(403, 'reauth_required', 'Sign in again to manage your devices.');
  }
  throw error;
}

/** The id in `/sessions/:id`, URL-decoded; undefined for any other path or a malformed escape. */
function sessionIdIn(path: string): string | undefined {
  const match = /^\/sessions\/([^/]+)$/.exec(path);
  try {
    return match ? decodeURIComponent(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function sessionkitApi(auth: Auth, trustedOrigins: readonly string[]) {
  /** The request's session, checked (and slid) by better-auth, with any cookie it refreshed. */
  async function check(headers: Headers) {
    const { response, headers: cookies } = await auth.api.getSession({ headers, returnHeaders: true });
    return { session: response?.session, cookies };
  }

  async function currentSession(headers: Headers): Promise<Response> {
    const { session, cookies } = await check(headers);
    if (!session) return withCookies(unauthenticated(), cookies);
    return withCookies(json(200, { session: toProtocol(session, session.id) }), cookies);
  }

  async function listSessions(headers: Headers): Promise<Response> {
    const { session, cookies } = await check(headers);
    if (!session) return withCookies(unauthenticated(), cookies);
    const sessions = await auth.api.listSessions({ headers });
    return withCookies(json(200, { sessions: sessions.map((row) => toProtocol(row, session.id)) }), cookies);
  }

  async function revokeSession(headers: Headers, id: string): Promise<Response> {
    const { session } = await check(headers);
    if (!session) return unauthenticated();
    if (id === session.id) return signOut(headers, 'current');
    const target = (await auth.api.listSessions({ headers })).find((row) => row.id === id);
    if (!target) return apiError(404, 'not_found', 'No such session.');
    await auth.api.revokeSession({ headers, body: { token: target.token } });
    return noContent();
  }

  async function revokeOthers(headers: Headers): Promise<Response> {
    await auth.api.revokeOtherSessions({ headers });
    return noContent();
  }

  async function signOut(headers: Headers, scope: 'current' | 'all'): Promise<Response> {
    if (scope === 'all') await auth.api.revokeSessions({ headers });
    // Also for "all": better-auth's sign-out is what clears this browser's cookie.
    const { headers: cookies } = await auth.api.signOut({ headers, returnHeaders: true });
    return withCookies(noContent(), cookies);
  }

  async function route(request: Request, path: string): Promise<Response> {
    const { method, headers } = request;
    if (method === 'GET' && path === '/session') return currentSession(headers);
    if (method === 'GET' && path === '/sessions') return listSessions(headers);
    if (method !== 'GET' && !fromTrustedOrigin(request, trustedOrigins)) {
      return apiError(403, 'untrusted_origin', 'This request must come from the app itself.');
    }
    if (method === 'POST' && path === '/session/refresh') return currentSession(headers);
    if (method === 'POST' && path === '/sessions/revoke-others') return revokeOthers(headers);
    if (method === 'POST' && path === '/signout') {
      const scope = ((await readJson(request)) as { scope?: unknown } | undefined)?.scope ?? 'current';
      if (scope !== 'current' && scope !== 'all') return apiError(400, 'invalid_scope', 'scope is "current" or "all".');
      return signOut(headers, scope);
    }
    const id = method === 'DELETE' ? sessionIdIn(path) : undefined;
    if (id) return revokeSession(headers, id);
    return apiError(404, 'not_found', 'No such route.');
  }

  /** Answers one request to the protocol; `path` is the part after the protocol's base URL. */
  return async function handle(request: Request, path: string): Promise<Response> {
    try {
      return await route(request, path);
    } catch (error) {
      return fromAuthError(error);
    }
  };
}
