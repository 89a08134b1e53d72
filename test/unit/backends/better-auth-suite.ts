/**
 * `betterAuthBackend` against a real better-auth server (each version this package is tested with) in this process: PGlite (Postgres in
 * WASM) behind Kysely, served over node:http on an ephemeral port, and better-auth's own client
 * whose fetch carries a per-device cookie jar (Node's fetch keeps no cookies).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import type { betterAuth as BetterAuth } from 'better-auth';
import type { createAuthClient as CreateAuthClient } from 'better-auth/client';
import type { getMigrations as GetMigrations } from 'better-auth/db/migration';
import type { toNodeHandler as ToNodeHandler } from 'better-auth/node';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { betterAuthBackend, type BetterAuthClientLike } from '../../../core/backends/better-auth.js';
import { createSessionClient, ProtocolError, ReauthRequiredError, ServerError, SessionExpiredError } from '../../../core/index.js';
import { manualEnvironment } from '../../support/manual-environment.js';
import { runBackendContract } from './contract.js';

/** The version npm installed under `node_modules/{name}` (an alias's name included). */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
}

/** One better-auth release, as its modules export it. */
export interface BetterAuthRelease {
  version: string;
  betterAuth: typeof BetterAuth;
  createAuthClient: typeof CreateAuthClient;
  getMigrations: typeof GetMigrations;
  toNodeHandler: typeof ToNodeHandler;
}

const fastPasswordHashing = {
  hash: async (password: string) => {
    const salt = randomBytes(16).toString('hex');
    return `${salt}:${createHash('sha256').update(salt + password).digest('hex')}`;
  },
  verify: async ({ hash, password }: { hash: string; password: string }) => {
    const [salt, digest] = hash.split(':');
    return createHash('sha256').update(salt + password).digest('hex') === digest;
  },
};

export function betterAuthSuite({ version, betterAuth, createAuthClient, getMigrations, toNodeHandler }: BetterAuthRelease) {
  let server: Server;
  let pglite: PGlite;
  let baseURL = '';
  let fault: 'status-503' | 'network' | undefined;
  let users = 0;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pglite = new PGlite();
    const options = {
      database: { dialect: new PGliteDialect(pglite), type: 'postgres' as const },
      // Hashed cheaply: these tests are about sessions, and better-auth's scrypt (about 32 MB and
      // 0.1-1 s of CPU per sign-in on a busy machine) made the ~80 sign-ins here time out under load.
      emailAndPassword: { enabled: true, password: fastPasswordHashing },
      session: { cookieCache: { enabled: false } },
      trustedOrigins: [baseURL],
      secret: 'test-secret-sessionkit-0123456789abcdef',
      baseURL,
      logger: { disabled: true },
    };
    await (await getMigrations(options)).runMigrations();
    const handler = toNodeHandler(betterAuth(options));
    server.on('request', (request, response) => {
      if (fault === 'network') return request.socket.destroy();
      if (fault === 'status-503') {
        response.writeHead(503, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ code: 'UNAVAILABLE', message: 'down for maintenance' }));
      }
      void handler(request, response);
    });
    // Starting PGlite and migrating is seconds on an idle machine and took over a minute at a load of 38
    // on 2 cores: the limit is there to catch a hang.
  }, 300_000);

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pglite.close();
  });

  /** One browser: a cookie jar, a user agent and an IP, and a better-auth client that uses them. */
  function device(userAgent: string, ip: string) {
    const jar = new Map<string, string>();
    const customFetchImpl = async (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
      headers.set('user-agent', userAgent);
      headers.set('x-forwarded-for', ip);
      // better-auth refuses cookie-carrying POSTs without a trusted Origin.
      headers.set('origin', baseURL);
      const response = await globalThis.fetch(input, { ...init, headers });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair, ...attributes] = cookie.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        if (!value || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    };
    const authClient = createAuthClient({ baseURL, fetchOptions: { customFetchImpl } });
    return { authClient, jar, userAgent, ip };
  }

  const backendFor = (authClient: BetterAuthClientLike) => betterAuthBackend(authClient, { baseURL, retries: 0 });

  /** A new user signed in on `count` devices; the first is "this browser". */
  async function signedInUser(count: number) {
    const email = `user${++users}@example.com`;
    const password = 'correct horse battery staple';
    const devices = Array.from({ length: count }, (_, index) => device(`TestBrowser/${index + 1}.0 (Device ${index + 1})`, `203.0.113.${index + 1}`));
    const tokens: string[] = [];
    const signUp = await devices[0].authClient.signUp.email({ email, password, name: 'Test User' });
    tokens.push(signUp.data!.token!);
    for (const other of devices.slice(1)) tokens.push((await other.authClient.signIn.email({ email, password })).data!.token);
    const sessionIds = await Promise.all(devices.map(async ({ authClient }) => (await authClient.getSession()).data!.session.id));
    return { devices, tokens, sessionIds, userId: signUp.data!.user.id };
  }

  runBackendContract(`betterAuthBackend + better-auth ${version}`, async () => {
    const { devices, tokens, sessionIds } = await signedInUser(3);
    return {
      backend: backendFor(devices[0].authClient),
      otherIds: sessionIds.slice(1),
      signedOutBackend: () => backendFor(device('Nobody/1.0', '198.51.100.1').authClient),
      async isAlive(id) {
        const owner = devices[sessionIds.indexOf(id)];
        return (await owner.authClient.getSession()).data?.session.id === id;
      },
      breakServer: (kind) => (fault = kind),
      heal: () => (fault = undefined),
      // The raw tokens and the signed cookie values that carry them.
      secrets: () => [...tokens, ...devices.flatMap(({ jar }) => [...jar.values()])],
      capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: false, sliding: true },
      dispose: () => undefined,
    };
  });

  describe(`betterAuthBackend with better-auth ${version} specifics`, () => {
    it('uses better-auth session ids as opaque ids and keeps the tokens private', async () => {
      const { devices, tokens } = await signedInUser(2);
      const raw = (await devices[0].authClient.listSessions()).data as Array<{ id: string; token: string }>;
      const sessions = await backendFor(devices[0].authClient).listSessions();

      expect(sessions.map((session) => session.id).sort()).toEqual(raw.map((row) => row.id).sort());
      for (const token of tokens) {
        expect(sessions.map((session) => session.id)).not.toContain(token);
        expect(JSON.stringify(sessions)).not.toContain(token);
      }
    });

    it('normalizes dates, the user agent and the IP address', async () => {
      const { devices } = await signedInUser(2);
      const sessions = await backendFor(devices[0].authClient).listSessions();
      const other = sessions.find((session) => !session.current)!;

      expect(other.createdAt).toBeInstanceOf(Date);
      expect(other.lastActiveAt).toBeInstanceOf(Date);
      expect(other.expiresAt!.getTime()).toBeGreaterThan(Date.now());
      expect(other.userAgent).toBe(devices[1].userAgent);
      expect(other.ipAddress).toBe(devices[1].ip);
    });

    it('get-session answers 200 null for a browser with no session, and the backend returns null', async () => {
      const response = await fetch(`${baseURL}/api/auth/get-session`);
      expect(response.status).toBe(200);
      expect(await response.json()).toBeNull();

      await expect(backendFor(device('Nobody/1.0', '198.51.100.2').authClient).getSession()).resolves.toBeNull();
    });

    it("maps list-sessions' 403 SESSION_NOT_FRESH to ReauthRequiredError, which the client does not treat as an expiry", async () => {
      const { devices, userId } = await signedInUser(1);
      await pglite.query(`UPDATE "session" SET "createdAt" = now() - interval '2 days' WHERE "userId" = $1`, [userId]);
      const backend = backendFor(devices[0].authClient);

      const error = await backend.listSessions().catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ReauthRequiredError);
      expect(error).toMatchObject({ code: 'SESSION_NOT_FRESH', status: 403 });

      const client = createSessionClient({ backend, environment: manualEnvironment() });
      try {
        await client.getSession();
        await expect(client.listSessions()).rejects.toBeInstanceOf(ReauthRequiredError);
        expect(client.getState().status).toBe('active');
      } finally {
        client.dispose();
      }
    });

    it('reports a revoke that better-auth answered 200 to but did not apply as revoke_not_confirmed', async () => {
      const { devices, sessionIds } = await signedInUser(2);
      const real = devices[0].authClient;
      // better-auth answers 200 for a token it does not know; here every revoke is such a no-op.
      const ignoring: BetterAuthClientLike = {
        getSession: (input) => real.getSession(input),
        listSessions: (input) => real.listSessions(input),
        revokeSession: async () => ({ data: { status: true }, error: null }),
        revokeOtherSessions: (input) => real.revokeOtherSessions(input),
        revokeSessions: (input) => real.revokeSessions(input),
        signOut: (input) => real.signOut(input),
      };
      const backend = backendFor(ignoring);
      await backend.listSessions();

      const error = await backend.revokeSession(sessionIds[1]).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ code: 'revoke_not_confirmed', status: 409 });
    });

    it('revokes a session it has not listed yet by listing first', async () => {
      const { devices, sessionIds } = await signedInUser(2);
      await backendFor(devices[0].authClient).revokeSession(sessionIds[1]);
      expect((await devices[1].authClient.getSession()).data).toBeNull();
    });

    it('a 401 is SessionExpiredError, and a session revoked elsewhere ends the client with reason revoked', async () => {
      const { devices } = await signedInUser(2);
      const backend = backendFor(devices[0].authClient);
      const client = createSessionClient({ backend, environment: manualEnvironment() });
      try {
        await client.getSession();
        await devices[1].authClient.revokeOtherSessions();

        const error = await backend.revokeOtherSessions().catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(SessionExpiredError);
        expect(error).toMatchObject({ status: 401 });
        await expect(client.getSession()).resolves.toBeNull();
        expect(client.getState()).toEqual({ status: 'expired', session: null, reason: 'revoked' });
      } finally {
        client.dispose();
      }
    });

    it('has no refresh; the client slides the session with a get-session instead', async () => {
      const { devices } = await signedInUser(1);
      const backend = backendFor(devices[0].authClient);
      expect(backend.refresh).toBeUndefined();
      const client = createSessionClient({ backend, environment: manualEnvironment() });
      try {
        await client.getSession();
        await expect(client.refresh()).resolves.toMatchObject({ current: true });
      } finally {
        client.dispose();
      }
    });

    it('is keyed by the auth server’s base URL', () => {
      expect(backendFor(device('x', '192.0.2.1').authClient).key).toBe(`better-auth:${baseURL}`);
      expect(betterAuthBackend(device('x', '192.0.2.1').authClient).key).toBe('better-auth');
    });

    it('revoking the current session by id signs out, even before anything was listed', async () => {
      const { devices, sessionIds } = await signedInUser(2);
      await backendFor(devices[0].authClient).revokeSession(sessionIds[0]);
      expect(devices[0].jar.size).toBe(0);
      expect((await devices[1].authClient.getSession()).data?.session.id).toBe(sessionIds[1]);
    });
  });

  describe(`betterAuthBackend with other better-auth ${version} client configurations`, () => {
    /** A client stub answering every call with `data`. */
    const answering = (session: unknown, list: unknown): BetterAuthClientLike => {
      const ok = (data: unknown) => async () => ({ data, error: null });
      return {
        getSession: ok(session),
        listSessions: ok(list),
        revokeSession: ok({ status: true }),
        revokeOtherSessions: ok({ status: true }),
        revokeSessions: ok({ status: true }),
        signOut: ok({ success: true }),
      };
    };
    const row = { id: 'sess-1', token: 'secret-token', userId: 'u', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: 1767323045000, expiresAt: '2099-01-01T00:00:00.000Z', userAgent: 'UA', ipAddress: '' };

    it('refuses something that is not a better-auth client when created, naming what is missing', () => {
      expect(() => betterAuthBackend(undefined as never)).toThrow(/authClient must be better-auth's createAuthClient\(\)/);
      const { listSessions: _omitted, ...partial } = answering(null, []);
      expect(() => betterAuthBackend(partial as never)).toThrow(/missing listSessions/);
    });

    it('accepts ISO strings and epoch numbers as well as Date objects, and drops empty strings', async () => {
      const backend = betterAuthBackend(answering({ session: row, user: {} }, [row]), { retries: 0 });
      const [session] = await backend.listSessions();
      expect(session).toEqual({
        id: 'sess-1',
        current: true,
        createdAt: new Date('2026-01-02T03:04:05.000Z'),
        lastActiveAt: new Date(1767323045000),
        expiresAt: new Date('2099-01-01T00:00:00.000Z'),
        userAgent: 'UA',
      });
    });

    it('answers of the wrong shape are ProtocolError', async () => {
      await expect(betterAuthBackend(answering('nonsense', []), { retries: 0 }).getSession()).rejects.toBeInstanceOf(ProtocolError);
      await expect(betterAuthBackend(answering({ session: { id: 7 } }, []), { retries: 0 }).getSession()).rejects.toBeInstanceOf(ProtocolError);
      await expect(betterAuthBackend(answering({ session: row }, { sessions: [] }), { retries: 0 }).listSessions()).rejects.toBeInstanceOf(ProtocolError);
    });

    it('a call that never answers times out as NetworkError timeout', async () => {
      const hanging: BetterAuthClientLike = {
        ...answering(null, []),
        getSession: (input) =>
          new Promise((_, reject) => input?.fetchOptions?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      };
      await expect(betterAuthBackend(hanging, { retries: 0, timeout: 0.02 }).getSession()).rejects.toMatchObject({ name: 'NetworkError', code: 'timeout' });
    });
  });
}
