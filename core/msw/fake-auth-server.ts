import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { SAMPLE_DEVICES } from './sample-devices.js';

/** One session as the fake server stores it. Times are epoch ms on the server's clock. */
export interface FakeSession {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
  userAgent?: string;
  ipAddress?: string;
  location?: string;
  authMethods?: string[];
  deviceName?: string;
}

/** A fault to inject: which requests it matches, what they get instead, and how many times. */
export interface Fault {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path after the base URL, e.g. `/session/refresh` or `/sessions/`. */
  path?: string | RegExp;
  /**
   * An HTTP status, `network` for a failed connection, or `hang` for a request that never answers.
   * Absent: the request is answered normally (after `delay`).
   */
  status?: number | 'network' | 'hang';
  /** Milliseconds to wait before answering. */
  delay?: number;
  /** An error code for the body `{"error":{"code":…}}`. */
  code?: string;
  /** A body to send instead (for malformed answers). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail. Default 1; `Infinity` for all. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface FakeAuthServerOptions {
  /** Where the protocol is served. Default `/api/auth` (use an absolute URL under msw/node). */
  baseUrl?: string;
  /** Milliseconds added to every answer. Default 0. */
  latency?: number;
  /** Session lifetime; a refresh or session check slides it. Default one hour. */
  sessionTtl?: number;
  /** Require this header on every non-GET request (`403 csrf_failed` otherwise). */
  csrf?: { header: string; value: string };
  /** Answer `POST /session/refresh` with 404, like a server without refresh. */
  noRefresh?: boolean;
  /** Answer `GET /sessions` with 404 and declare nothing to list. */
  noList?: boolean;
  /** Server clock minus real clock, in ms: sent in the `Date` header and used for every time. */
  clockOffset?: number;
}

const json = (body: unknown, status: number, date: number, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { date: new Date(date).toUTCString(), ...headers },
  });

const errorBody = (code: string) => ({ error: { code, message: code.replace(/_/g, ' ') } });

/**
 * An in-memory auth server that speaks sessionkit's REST protocol, for tests and stories.
 * It knows several users and their sessions; "this browser" is whichever session `signIn`
 * made current. Knobs let a test turn on latency, inject failures, expire or revoke sessions
 * "from elsewhere", and check what was asked of it.
 */
export class FakeAuthServer {
  readonly baseUrl: string;
  latency: number;
  sessionTtl: number;
  csrf?: { header: string; value: string };
  noRefresh: boolean;
  noList: boolean;
  clockOffset: number;
  /** The session of "this browser"; null when signed out. */
  currentId: string | null = null;
  /** When true, the current session's access has lapsed: calls get 401 until a refresh. */
  accessExpired = false;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  private readonly sessions = new Map<string, FakeSession>();
  /** Why sessions ended, so a 401 can say `session_revoked` or `session_expired`. */
  private readonly ended = new Map<string, 'session_revoked' | 'session_expired'>();
  private faults: Fault[] = [];
  private nextId = 1;
  /** Bumped by `reset()`, so requests answered across a reset can tell. */
  private generation = 0;

  constructor(options: FakeAuthServerOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/auth').replace(/\/+$/, '');
    this.latency = options.latency ?? 0;
    this.sessionTtl = options.sessionTtl ?? 3_600_000;
    this.csrf = options.csrf;
    this.noRefresh = options.noRefresh ?? false;
    this.noList = options.noList ?? false;
    this.clockOffset = options.clockOffset ?? 0;
  }

  /** The server's clock. */
  now() {
    return Date.now() + this.clockOffset;
  }

  /** Creates a session for `userId`; with `current` (default true) it becomes this browser's. */
  signIn(init: Partial<FakeSession> & { current?: boolean } = {}): FakeSession {
    const { current = true, ...fields } = init;
    const now = this.now();
    const session: FakeSession = {
      id: `sess_${(this.nextId++).toString(36).padStart(4, '0')}`,
      userId: 'user_1',
      createdAt: now,
      lastActiveAt: now,
      expiresAt: now + this.sessionTtl,
      ...fields,
    };
    this.sessions.set(session.id, session);
    if (current) {
      this.currentId = session.id;
      this.accessExpired = false;
    }
    return session;
  }

  /** Adds `count` sessions of the current user "on other devices", active at spread-out times. */
  addOtherDevices(count: number, userId = this.current()?.userId ?? 'user_1'): FakeSession[] {
    const now = this.now();
    return Array.from({ length: count }, (_, index) => {
      const device = SAMPLE_DEVICES[index % SAMPLE_DEVICES.length];
      return this.signIn({
        current: false,
        userId,
        ...device,
        createdAt: now - (index + 2) * 86_400_000,
        lastActiveAt: now - (index + 1) * 7 * 60_000,
      });
    });
  }

  current(): FakeSession | undefined {
    return this.currentId ? this.sessions.get(this.currentId) : undefined;
  }

  sessionsOf(userId: string): FakeSession[] {
    return [...this.sessions.values()].filter((session) => session.userId === userId);
  }

  /** Ends a session as if revoked on another device. */
  revokeFromElsewhere(id = this.currentId) {
    if (id) this.end(id, 'session_revoked');
  }

  /** Ends a session as if its time ran out. */
  expire(id = this.currentId) {
    const session = id ? this.sessions.get(id) : undefined;
    if (session) session.expiresAt = this.now() - 1;
  }

  /** Injects a fault; see `Fault`. */
  fail(fault: Fault) {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults() {
    this.faults = [];
  }

  /** How many requests matched `method` and `path` (a path prefix, or a pattern). */
  count(method: string, path: string | RegExp): number {
    return this.requests.filter((request) => request.method === method && matches(path, request.path)).length;
  }

  /**
   * Forgets every session, fault and recorded request. A request that arrived before the reset and
   * is still being answered fails as a network error instead of touching the new state.
   */
  reset() {
    this.generation++;
    this.sessions.clear();
    this.ended.clear();
    this.faults = [];
    this.requests.length = 0;
    this.currentId = null;
    this.accessExpired = false;
  }

  /** The msw request handlers serving this server. */
  get handlers(): HttpHandler[] {
    const route = (method: 'get' | 'post' | 'delete', path: string, answer: (body: unknown, params: Record<string, string>) => Response) =>
      http[method](this.baseUrl + path, async ({ request, params }) => {
        const generation = this.generation;
        const relative = new URL(request.url).pathname.slice(new URL(this.baseUrl, 'http://x').pathname.length);
        const text = request.method === 'GET' ? '' : await request.clone().text();
        this.requests.push({
          method: request.method,
          path: relative,
          headers: Object.fromEntries(request.headers),
          body: text ? safeJson(text) : undefined,
        });
        if (this.latency) await delay(this.latency);
        const fault = this.takeFault(request.method, relative);
        const faulty = fault && (await this.faultResponse(fault));
        if (generation !== this.generation) return HttpResponse.error();
        if (faulty) return faulty;
        if (this.csrf && request.method !== 'GET' && request.headers.get(this.csrf.header) !== this.csrf.value) {
          return this.json(errorBody('csrf_failed'), 403);
        }
        return answer(text ? safeJson(text) : undefined, params as Record<string, string>);
      });

    return [
      route('get', '/session', () => {
        const session = this.authenticate();
        if (typeof session === 'string') return this.json(errorBody(session), 401);
        session.lastActiveAt = this.now();
        session.expiresAt = this.now() + this.sessionTtl;
        return this.json({ session: this.serialize(session) }, 200);
      }),
      route('get', '/sessions', () => {
        if (this.noList) return this.json(errorBody('not_found'), 404);
        const current = this.authenticate();
        if (typeof current === 'string') return this.json(errorBody(current), 401);
        const sessions = this.sessionsOf(current.userId)
          .filter((session) => this.alive(session))
          .map((session) => this.serialize(session));
        return this.json({ sessions }, 200);
      }),
      route('post', '/sessions/revoke-others', () => {
        const current = this.authenticate();
        if (typeof current === 'string') return this.json(errorBody(current), 401);
        const others = this.sessionsOf(current.userId).filter((session) => session.id !== current.id && this.alive(session));
        for (const session of others) this.end(session.id, 'session_revoked');
        return this.json({ revoked: others.length }, 200);
      }),
      route('delete', '/sessions/:id', (_request, params) => {
        const current = this.authenticate();
        if (typeof current === 'string') return this.json(errorBody(current), 401);
        const target = this.sessions.get(params.id);
        if (!target || target.userId !== current.userId || !this.alive(target)) return this.json(errorBody('not_found'), 404);
        this.end(target.id, 'session_revoked');
        return new HttpResponse(null, { status: 204, headers: { date: new Date(this.now()).toUTCString() } });
      }),
      route('post', '/signout', (body) => {
        const current = this.authenticate();
        if (typeof current === 'string') return this.json(errorBody(current), 401);
        const scope = (body as { scope?: string } | undefined)?.scope;
        const ending = scope === 'all' ? this.sessionsOf(current.userId) : [current];
        for (const session of ending) this.end(session.id, 'session_revoked');
        this.currentId = null;
        return new HttpResponse(null, { status: 204, headers: { date: new Date(this.now()).toUTCString() } });
      }),
      route('post', '/session/refresh', () => {
        if (this.noRefresh) return this.json(errorBody('not_found'), 404);
        const session = this.current();
        if (!session || !this.alive(session)) return this.json(errorBody(this.endReason()), 401);
        this.accessExpired = false;
        session.lastActiveAt = this.now();
        session.expiresAt = this.now() + this.sessionTtl;
        return this.json({ session: this.serialize(session) }, 200);
      }),
    ];
  }

  private json(body: unknown, status: number, headers?: Record<string, string>) {
    return json(body, status, this.now(), headers);
  }

  private alive(session: FakeSession) {
    return !this.ended.has(session.id) && session.expiresAt > this.now();
  }

  private end(id: string, why: 'session_revoked' | 'session_expired') {
    this.ended.set(id, why);
    if (id === this.currentId) this.accessExpired = false;
  }

  private endReason(): string {
    if (!this.currentId) return 'unauthenticated';
    return this.ended.get(this.currentId) ?? (this.current() ? 'session_expired' : 'unauthenticated');
  }

  /**
   * The current session, or the 401 code that explains why there is none. Use it to guard your
   * own app routes in tests.
   */
  authenticate(): FakeSession | string {
    const session = this.current();
    if (!session || !this.alive(session)) return this.endReason();
    if (this.accessExpired) return 'unauthenticated';
    return session;
  }

  private serialize(session: FakeSession) {
    return {
      id: session.id,
      current: session.id === this.currentId,
      createdAt: new Date(session.createdAt).toISOString(),
      // Epoch milliseconds here on purpose: the protocol allows both forms.
      lastActiveAt: session.lastActiveAt,
      expiresAt: new Date(session.expiresAt).toISOString(),
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
      location: session.location,
      authMethods: session.authMethods,
      device: session.deviceName ? { name: session.deviceName } : undefined,
    };
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && (!f.path || matches(f.path, path)));
    if (fault && --fault.times! <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private async faultResponse(fault: Fault): Promise<Response | undefined> {
    if (fault.delay) await delay(fault.delay);
    if (fault.status === undefined) return undefined;
    if (fault.status === 'network') return HttpResponse.error();
    if (fault.status === 'hang') {
      await delay('infinite');
      return HttpResponse.error();
    }
    const body = fault.body !== undefined ? fault.body : errorBody(fault.code ?? `http_${fault.status}`);
    if (fault.status === 204) return new HttpResponse(null, { status: 204 });
    if (typeof body === 'string') {
      return new HttpResponse(body, { status: fault.status, headers: { date: new Date(this.now()).toUTCString(), ...fault.headers } });
    }
    return this.json(body, fault.status, fault.headers);
  }
}

function matches(pattern: string | RegExp, path: string) {
  return typeof pattern === 'string' ? path === pattern || (pattern.endsWith('/') && path.startsWith(pattern)) : pattern.test(path);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
