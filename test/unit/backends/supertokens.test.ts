import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { supertokensBackend, type SupertokensBackendOptions } from '../../../core/backends/supertokens.js';
import { createSessionClient, ProtocolError, ReauthRequiredError, SessionExpiredError } from '../../../core/index.js';
import { manualEnvironment } from '../../support/manual-environment.js';
import { runBackendContract } from './contract.js';
import { FakeSupertokens, type FakeStOptions } from './fake-supertokens.js';

const ORIGIN = 'http://localhost';

/** A fake SuperTokens API with this browser signed in and `others` more devices, under msw. */
function start(others = 2, options: Partial<FakeStOptions> = {}) {
  const fake = new FakeSupertokens({ origin: ORIGIN, ...options });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const current = fake.signIn({ userAgent: 'This browser', ipAddress: '203.0.113.1' });
  const otherSessions = Array.from({ length: others }, (_, index) =>
    fake.signIn({ current: false, userAgent: `Device ${index + 2}`, ipAddress: `203.0.113.${index + 2}` }),
  );
  const backend = (extra: SupertokensBackendOptions = {}) => supertokensBackend({ apiDomain: ORIGIN, retries: 0, ...extra });
  return { fake, server, current, otherSessions, backend };
}

runBackendContract('supertokensBackend + fake SuperTokens (cookie mode)', async () => {
  const { fake, server, otherSessions, backend } = start();
  return {
    backend: backend(),
    otherIds: otherSessions.map((session) => session.handle),
    signedOutBackend: () => {
      fake.browser = {};
      return backend();
    },
    isAlive: async (id) => fake.isAlive(id),
    breakServer: (kind) => (fake.fault = kind),
    heal: () => (fake.fault = undefined),
    secrets: () => fake.issued,
    capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: true, revocationDelay: 3600 },
    dispose: () => server.close(),
  };
});

describe('supertokensBackend speaking the SuperTokens protocol', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function setup(others = 1, options: Partial<FakeStOptions> = {}, backendOptions: SupertokensBackendOptions = {}) {
    const started = start(others, options);
    const backend = started.backend(backendOptions);
    const client = createSessionClient({ backend, environment: manualEnvironment() });
    cleanups.push(() => started.server.close(), () => client.dispose());
    return { ...started, backend, client };
  }

  it('sends st-auth-mode: cookie everywhere, rid: session and fdi-version to SuperTokens’ routes, rid: anti-csrf to the app’s', async () => {
    const { fake, backend } = setup(1, {}, { fdiVersion: '3.0' });
    await backend.getSession();
    await backend.refresh!();
    await backend.signOut('current');

    for (const request of fake.requests) expect(request.headers['st-auth-mode']).toBe('cookie');
    const own = fake.requests.filter((request) => /\/auth\/(signout|session\/refresh)$/.test(request.path));
    expect(own.map((request) => [request.headers.rid, request.headers['fdi-version']])).toEqual([
      ['session', '3.0'],
      ['session', '3.0'],
    ]);
    const app = fake.requests.filter((request) => request.path === '/auth/session');
    expect(app.every((request) => request.headers.rid === 'anti-csrf' && !request.headers['fdi-version'])).toBe(true);
  });

  it('with anti-CSRF VIA_TOKEN: a new page’s first write meets 401, the client refreshes once, and the token learnt is sent back on writes only', async () => {
    // Working storage that remembers every value written to it.
    const written: string[] = [];
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void (written.push(value), values.set(key, value)),
      removeItem: (key: string) => void values.delete(key),
    };
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('sessionStorage', storage);
    const { fake, backend, client, otherSessions } = setup(1, { antiCsrf: 'VIA_TOKEN' });
    await client.getSession();

    await expect(backend.revokeOtherSessions()).rejects.toMatchObject({ code: 'try_refresh', status: 401 });
    await client.revokeSession(otherSessions[0].handle);

    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);
    expect(fake.isAlive(otherSessions[0].handle)).toBe(false);
    const deletes = fake.requests.filter((request) => request.method === 'DELETE');
    const token = fake.sessions.get(fake.currentHandle()!)!.antiCsrf;
    expect(deletes.at(-1)!.headers['anti-csrf']).toBe(token);
    const gets = fake.requests.filter((request) => request.method === 'GET');
    expect(gets.some((request) => 'anti-csrf' in request.headers)).toBe(false);
    // Kept in memory only: sessionkit's own bookkeeping keys may be written, never the token.
    for (const value of written) expect(value).not.toContain(token!);
  });

  it('adds rid, st-auth-mode and the anti-CSRF token to the app’s own requests (the token on writes only)', async () => {
    const { backend } = setup(0, { antiCsrf: 'VIA_TOKEN' });
    await backend.refresh!();
    const post = new Headers();
    backend.decorateRequest!(post, 'POST');
    const get = new Headers();
    backend.decorateRequest!(get, 'GET');

    expect(post.get('rid')).toBe('anti-csrf');
    expect(post.get('st-auth-mode')).toBe('cookie');
    expect(post.get('anti-csrf')).toMatch(/^csrf-/);
    expect(get.get('anti-csrf')).toBeNull();
  });

  it('never takes the access token’s expiry for the session’s, so no warning opens before each silent refresh', async () => {
    const { backend } = setup(0, { accessTokenTtl: 600_000 });
    await backend.refresh!();
    const session = await backend.getSession();
    expect(session!.expiresAt).toBeUndefined();
  });

  it('front-token: remove forgets the anti-CSRF token', async () => {
    const { backend } = setup(0, { antiCsrf: 'VIA_TOKEN' });
    await backend.refresh!();
    await backend.signOut('current');
    const headers = new Headers();
    backend.decorateRequest!(headers, 'POST');
    expect(headers.get('anti-csrf')).toBeNull();
  });

  it('a lapsed access token is 401 try_refresh; the client refreshes once and carries on', async () => {
    const { fake, backend, client } = setup();
    await client.getSession();
    fake.expireAccessToken();

    await expect(backend.getSession()).rejects.toMatchObject({ code: 'try_refresh', status: 401 });
    const sessions = await client.listSessions();

    expect(sessions).toHaveLength(2);
    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);
    expect(client.getState().status).toBe('active');
  });

  it('a refresh that answers 401 means the session is gone: SessionExpiredError, and the client ends it', async () => {
    const { fake, current, backend, client } = setup();
    await client.getSession();
    fake.revoke(current.handle);
    fake.expireAccessToken();

    await expect(client.getSession()).resolves.toBeNull();
    expect(client.getState()).toMatchObject({ status: 'expired' });
    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);
    const error = await backend.refresh!().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error).not.toMatchObject({ code: 'try_refresh' });
  });

  it('a 403 invalid claim is ReauthRequiredError with the claim id, not an expiry', async () => {
    const { fake, backend, client } = setup();
    await client.getSession();
    fake.failingClaim = 'st-ev';

    const error = await backend.listSessions().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect(error).toMatchObject({ code: 'invalid_claim', status: 403, claim: 'st-ev' });
    await expect(client.listSessions()).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(client.getState().status).toBe('active');
  });

  it('signing out with a lapsed access token refreshes first, so the server session really ends', async () => {
    const { fake, current, backend } = setup();
    fake.expireAccessToken();

    await backend.signOut('current');

    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);
    expect(fake.isAlive(current.handle)).toBe(false);
    await expect(backend.getSession()).resolves.toBeNull();
  });

  it("signOut('all') revokes through the app's route, then clears this browser's cookies with /signout", async () => {
    const { fake, backend } = setup(2);
    await backend.signOut('all');
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /auth/sessions/signout-all', 'POST /auth/signout']);
    expect(fake.browser).toEqual({});
  });

  it('retries a GET that meets a transient 503', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, backend } = setup(0, {}, { retries: 3 });
    fake.fault = 'status-503';
    const pending = backend.getSession();
    await vi.advanceTimersByTimeAsync(10);
    fake.fault = undefined;
    await vi.advanceTimersByTimeAsync(2000);
    await expect(pending).resolves.toMatchObject({ current: true });
    expect(fake.count('GET', '/auth/session')).toBe(2);
  });

  it('refuses an apiDomain that is not an http(s) URL and paths without a leading slash, naming the option', () => {
    expect(() => supertokensBackend({ apiBasePath: 'auth' })).toThrow(/apiBasePath must start with '\/'/);
    expect(() => supertokensBackend({ sessionsPath: 'api/sessions' })).toThrow(/sessionsPath must start with '\/'/);
    expect(() => supertokensBackend({ apiDomain: 'api.example.com' })).toThrow(/apiDomain must be an http\(s\) URL/);
    expect(() => supertokensBackend({ apiDomain: 'https://api.example.com', apiBasePath: '/auth' })).not.toThrow();
  });

  it('refuses a session that is not a Session recipe and status codes that are not error statuses, naming the option', () => {
    expect(() => supertokensBackend({ session: {} as never })).toThrow(/session must be SuperTokens' Session recipe/);
    expect(() => supertokensBackend({ sessionExpiredStatusCode: 200 })).toThrow(/sessionExpiredStatusCode must be an HTTP error status/);
    expect(() => supertokensBackend({ invalidClaimStatusCode: 4.5 })).toThrow(/invalidClaimStatusCode must be an HTTP error status/);
  });

  it('honours a changed invalidClaimStatusCode: that status with claimValidationErrors asks for a fresh sign-in, and a 401 is then no expiry signal of its own', async () => {
    const { fake, backend } = setup(1, { invalidClaimStatusCode: 400 }, { invalidClaimStatusCode: 400 });
    fake.failingClaim = 'st-mfa';

    await expect(backend.listSessions()).rejects.toMatchObject({ name: 'ReauthRequiredError', status: 400, claim: 'st-mfa' });

    const moved = setup(0, { sessionExpiredStatusCode: 440 }, { sessionExpiredStatusCode: 440 });
    moved.server.use(http.get(`${ORIGIN}/auth/sessions`, () => HttpResponse.json({ message: 'unauthorised' }, { status: 401 })));
    await expect(moved.backend.listSessions()).rejects.toMatchObject({ name: 'ServerError', status: 401 });
  });

  it("client.fetch refreshes on the configured sessionExpiredStatusCode (440) from the app's own API, and retries once", async () => {
    const { fake, server, backend } = setup(0, { sessionExpiredStatusCode: 440 }, { sessionExpiredStatusCode: 440 });
    const client = createSessionClient({ backend, environment: manualEnvironment(), allowedOrigins: [ORIGIN] });
    cleanups.push(() => client.dispose());
    await client.getSession();
    // The app's route, behind verifySession: 440 until the access token is refreshed.
    server.use(
      http.get(`${ORIGIN}/api/orders`, () =>
        fake.count('POST', '/auth/session/refresh') ? HttpResponse.json({ orders: [] }) : HttpResponse.json({ message: 'try refresh token' }, { status: 440 }),
      ),
    );

    const response = await client.fetch(`${ORIGIN}/api/orders`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orders: [] });
    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);
    expect(client.getState().status).toBe('active');
  });

  it('honours the configured paths and capabilities', async () => {
    const backend = supertokensBackend({ apiDomain: 'https://api.example.com', apiBasePath: '/st', capabilities: { signOutAll: false }, revocationDelay: 0 });
    expect(backend.key).toBe('supertokens:https://api.example.com/st');
    expect(backend.capabilities).toEqual({ list: true, revoke: true, revokeOthers: true, signOutAll: false, refresh: true, revocationDelay: 0 });
  });

  it('an app route answering the wrong shape is ProtocolError; one that never answers times out', async () => {
    const { server, backend } = setup(0);
    server.use(http.get(`${ORIGIN}/auth/sessions`, () => HttpResponse.json({ sessions: 'all of them' })));
    await expect(backend.listSessions()).rejects.toBeInstanceOf(ProtocolError);

    server.use(http.get(`${ORIGIN}/auth/session`, () => delay('infinite')));
    const slow = supertokensBackend({ apiDomain: ORIGIN, retries: 0, timeout: 0.03 });
    await expect(slow.getSession()).rejects.toMatchObject({ name: 'NetworkError', code: 'timeout' });
  });
});
