// sessionkit's REST protocol (see the README), for one user whose sessions live in this process's
// memory: enough to run the example. A real app answers these routes from its auth library.
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';

interface StoredSession {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  userAgent?: string;
}

const store: Map<string, StoredSession> = ((globalThis as { sessionkitExample?: Map<string, StoredSession> }).sessionkitExample ??= new Map());

type Context = { params: Promise<{ path: string[] }> };

async function current() {
  const id = (await cookies()).get('sid')?.value;
  return id ? store.get(id) : undefined;
}

const unauthenticated = () => NextResponse.json({ error: { code: 'unauthenticated', message: 'Not signed in' } }, { status: 401 });
const describe = (session: StoredSession, currentId: string) => ({ ...session, current: session.id === currentId });

/** Double-submit CSRF: the header must repeat the `csrf` cookie (the provider sends it). */
async function csrfOk(request: NextRequest) {
  const cookie = (await cookies()).get('csrf')?.value;
  return !!cookie && request.headers.get('x-csrf-token') === cookie;
}

export async function GET(request: NextRequest, { params }: Context) {
  const path = (await params).path.join('/');
  if (path === 'sign-in') {
    const now = new Date().toISOString();
    const session = { id: randomUUID(), createdAt: now, lastActiveAt: now, userAgent: request.headers.get('user-agent') ?? undefined };
    store.set(session.id, session);
    // A relative Location: behind a proxy or on 127.0.0.1, request.url may name another host.
    const response = new NextResponse(null, { status: 303, headers: { location: '/' } });
    response.cookies.set('sid', session.id, { httpOnly: true, sameSite: 'lax', path: '/' });
    response.cookies.set('csrf', randomUUID(), { sameSite: 'strict', path: '/' });
    return response;
  }
  const session = await current();
  if (!session) return unauthenticated();
  session.lastActiveAt = new Date().toISOString();
  if (path === 'session') return NextResponse.json({ session: describe(session, session.id) });
  if (path === 'sessions') return NextResponse.json({ sessions: [...store.values()].map((other) => describe(other, session.id)) });
  return new NextResponse(null, { status: 404 });
}

export async function POST(request: NextRequest, { params }: Context) {
  const path = (await params).path.join('/');
  if (!(await csrfOk(request))) return NextResponse.json({ error: { code: 'csrf_failed', message: 'CSRF check failed' } }, { status: 403 });
  const session = await current();
  if (path === 'signout') {
    const { scope } = (await request.json().catch(() => ({}))) as { scope?: string };
    if (scope === 'all') store.clear();
    else if (session) store.delete(session.id);
    const response = new NextResponse(null, { status: 204 });
    response.cookies.delete('sid');
    return response;
  }
  if (!session) return unauthenticated();
  if (path === 'sessions/revoke-others') {
    for (const id of store.keys()) if (id !== session.id) store.delete(id);
    return new NextResponse(null, { status: 204 });
  }
  // No refresh here: sessions live until signed out.
  return new NextResponse(null, { status: 404 });
}

export async function DELETE(request: NextRequest, { params }: Context) {
  const [first, id] = (await params).path;
  if (!(await csrfOk(request))) return NextResponse.json({ error: { code: 'csrf_failed', message: 'CSRF check failed' } }, { status: 403 });
  if (!(await current())) return unauthenticated();
  if (first !== 'sessions' || !id) return new NextResponse(null, { status: 404 });
  store.delete(id);
  return new NextResponse(null, { status: 204 });
}
