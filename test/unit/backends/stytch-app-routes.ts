/**
 * The app's own session routes beside a Stytch frontend (sessionkit's REST shape), as an app builds
 * them on Stytch's backend API (`sessions.get` by user, `sessions.revoke` by id). Shared by the
 * Node fake SDK and the browser fake API: each says how it finds this browser's session.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { StytchSession } from './fake-stytch.js';

interface StoredSession {
  session: StytchSession;
  revoked: boolean;
}

export interface StytchProject<S extends StoredSession> {
  sessions: Map<string, S>;
  /** How every request fails now, if it does. */
  fault(): 'status-503' | 'network' | undefined;
  isAlive(id: string): boolean;
  /** This browser's session, from its cookie, as the app's server checks it with Stytch. */
  me(): S | undefined;
  /** Called with each request, for tests that count them. */
  onRequest?(request: Request): void;
}

export function stytchAppRoutes<S extends StoredSession>(base: string, project: StytchProject<S>): HttpHandler[] {
  const route = (method: 'get' | 'post' | 'delete', path: string, answer: (me: S, params: Record<string, string>) => Response) =>
    http[method](base + path, ({ request, params }) => {
      project.onRequest?.(request);
      if (project.fault() === 'network') return HttpResponse.error();
      if (project.fault() === 'status-503') return HttpResponse.json({ error: { code: 'unavailable' } }, { status: 503 });
      const me = project.me();
      if (!me || !project.isAlive(me.session.session_id)) return HttpResponse.json({ error: { code: 'unauthenticated' } }, { status: 401 });
      return answer(me, params as Record<string, string>);
    });
  const live = (userId: string) =>
    [...project.sessions.values()].filter((stored) => stored.session.user_id === userId && project.isAlive(stored.session.session_id));
  const revoke = (list: S[]) => list.forEach((stored) => (stored.revoked = true));

  return [
    // The app does not know which session is this browser's, so it marks none.
    route('get', '', (me) =>
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
    route('post', '/revoke-others', (me) => {
      const others = live(me.session.user_id).filter((stored) => stored !== me);
      revoke(others);
      return HttpResponse.json({ revoked: others.length });
    }),
    route('post', '/signout-all', (me) => {
      revoke(live(me.session.user_id));
      return new HttpResponse(null, { status: 204 });
    }),
    route('delete', '/:id', (me, params) => {
      const target = project.sessions.get(params.id);
      if (!target || target.session.user_id !== me.session.user_id || !project.isAlive(params.id)) {
        return HttpResponse.json({ error: { code: 'session_not_found' } }, { status: 404 });
      }
      target.revoked = true;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
