import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { stytchBackend, type StytchBackendOptions } from '../../../core/backends/stytch.js';
import { createSessionClient, NetworkError, ProtocolError, ServerError } from '../../../core/index.js';
import { manualEnvironment } from '../../support/manual-environment.js';
import { runBackendContract } from './contract.js';
import { FakeStytch, StytchAPIError, StytchAPIUnreachableError } from './fake-stytch.js';

const ORIGIN = 'http://localhost';
const LIST_URL = `${ORIGIN}/api/sessions`;

/** A fake Stytch project with this browser signed in and `others` more devices, under msw. */
function start(others = 2) {
  const fake = new FakeStytch(ORIGIN);
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const current = fake.signIn({
    userAgent: 'This browser',
    ipAddress: '203.0.113.1',
    factors: [
      { type: 'password', delivery_method: 'knowledge', last_authenticated_at: new Date().toISOString() },
      { type: 'totp', delivery_method: 'authenticator_app', last_authenticated_at: new Date().toISOString() },
    ],
  });
  const otherSessions = Array.from({ length: others }, (_, index) =>
    fake.signIn({ current: false, userAgent: `Device ${index + 2}`, ipAddress: `203.0.113.${index + 2}` }),
  );
  const backend = (options: Partial<StytchBackendOptions> = {}, client = fake.client) =>
    stytchBackend(client, { listUrl: LIST_URL, signOutAllUrl: `${LIST_URL}/signout-all`, retries: 0, ...options });
  return { fake, server, current, otherSessions, backend };
}

runBackendContract('stytchBackend + fake Stytch SDK', async () => {
  const { fake, server, otherSessions, backend } = start();
  return {
    backend: backend(),
    otherIds: otherSessions.map((session) => session.session_id),
    signedOutBackend: () => backend({}, new FakeStytch(ORIGIN).client),
    isAlive: async (id) => fake.isAlive(id),
    breakServer: (kind) => (fake.fault = kind),
    heal: () => (fake.fault = undefined),
    secrets: () => fake.secrets(),
    capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: false, revocationDelay: 300 },
    localGetSession: true,
    dispose: () => server.close(),
  };
});

describe('stytchBackend over the Stytch SDK', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  function setup(others = 1, options: Partial<StytchBackendOptions> = {}) {
    const started = start(others);
    const backend = started.backend(options);
    cleanups.push(() => started.server.close());
    return { ...started, backend };
  }

  it("maps the SDK's session: id, times, user agent, IP, sign-in methods, and nothing else", async () => {
    const { fake, current, backend } = setup(0);
    fake.local!.session.custom_claims = { note: 'not for the page' };
    fake.local!.session.authentication_factors.push(
      { type: 'oauth', delivery_method: 'oauth_google', last_authenticated_at: current.started_at },
      { type: 'otp', delivery_method: 'sms', last_authenticated_at: current.started_at },
      { type: 'password', delivery_method: 'knowledge', last_authenticated_at: current.started_at },
    );

    const session = await backend.getSession();

    expect(session).toEqual({
      id: current.session_id,
      current: true,
      createdAt: new Date(current.started_at),
      lastActiveAt: new Date(current.last_accessed_at),
      expiresAt: new Date(current.expires_at),
      userAgent: 'This browser',
      ipAddress: '203.0.113.1',
      authMethods: ['password', 'totp', 'google', 'otp_sms'],
    });
  });

  it('marks the current row from the SDK, whatever the app’s list says', async () => {
    const { current, backend } = setup(2);
    const sessions = await backend.listSessions();
    expect(sessions.filter((session) => session.current).map((session) => session.id)).toEqual([current.session_id]);
  });

  it('signs out here with session.revoke, passing forceClear as configured', async () => {
    const { fake, backend } = setup(0);
    await backend.signOut('current');
    const forced = setup(0, { forceClear: true });
    await forced.backend.signOut('current');
    expect(fake.revokeCalls).toEqual([{ forceClear: false }]);
    expect(forced.fake.revokeCalls).toEqual([{ forceClear: true }]);
  });

  it('a client signOut({ forceClear: true }) clears the SDK’s session too, even when Stytch cannot be reached', async () => {
    const { fake, backend } = setup(0);
    const client = createSessionClient({ backend, environment: manualEnvironment() });
    await client.getSession();
    fake.fault = 'network';

    await expect(client.signOut({ forceClear: true })).resolves.toEqual({ serverRevoked: false });

    expect(fake.revokeCalls.at(-1)).toEqual({ forceClear: true });
    expect(fake.client.session.getSync()).toBeNull();
    client.dispose();
  });

  it('refuses a missing client or listUrl when created, naming what is wrong', () => {
    const { fake } = setup(0);
    expect(() => stytchBackend(fake.client, {} as StytchBackendOptions)).toThrow(/options\.listUrl is required/);
    expect(() => stytchBackend(fake.client, undefined as unknown as StytchBackendOptions)).toThrow(/options\.listUrl is required/);
    expect(() => stytchBackend(undefined as never, { listUrl: LIST_URL })).toThrow(/stytchClient must be a Stytch client/);
  });

  it('a session Stytch no longer knows (404 session_not_found) is signed out already', async () => {
    const { fake, current, backend } = setup(0);
    fake.revokeFromElsewhere(current.session_id);
    await expect(backend.signOut('current')).resolves.toBeUndefined();
    await expect(backend.getSession()).resolves.toBeNull();
  });

  it('revoking the current session by id signs out here', async () => {
    const { fake, current, backend } = setup(1);
    await backend.revokeSession(current.session_id);
    expect(fake.revokeCalls).toHaveLength(1);
    expect(fake.isAlive(current.session_id)).toBe(false);
  });

  it('maps SDK errors: unreachable → NetworkError, a 429 → ServerError with its status', async () => {
    const { backend } = setup(0);
    const failing = (error: Error) => ({
      session: { getSync: () => null, onChange: () => () => undefined, revoke: () => Promise.reject(error) },
    });
    const unreachable = await stytchBackend(failing(new StytchAPIUnreachableError('Failed to fetch')), { listUrl: LIST_URL })
      .signOut('current')
      .catch((reason: unknown) => reason);
    const limited = await stytchBackend(failing(new StytchAPIError(429, 'too_many_requests')), { listUrl: LIST_URL })
      .signOut('current')
      .catch((reason: unknown) => reason);

    expect(unreachable).toBeInstanceOf(NetworkError);
    expect(limited).toBeInstanceOf(ServerError);
    expect(limited).toMatchObject({ code: 'too_many_requests', status: 429 });
    expect(backend.capabilities.refresh).toBe(false);
  });

  it('declares the 5-minute revocation delay, no refresh, and sign out everywhere only with its URL', () => {
    const { fake } = setup(0);
    const plain = stytchBackend(fake.client, { listUrl: LIST_URL });
    expect(plain.capabilities).toEqual({ list: true, revoke: true, revokeOthers: true, signOutAll: false, refresh: false, revocationDelay: 300 });
    expect(plain.refresh).toBeUndefined();
    return expect(plain.signOut('all')).rejects.toMatchObject({ code: 'unsupported', status: 501 });
  });

  it('watch follows session.onChange and returns its unsubscribe', () => {
    const { fake, backend } = setup(0);
    let calls = 0;
    const stop = backend.watch!(() => calls++);
    fake.sdkRefresh();
    stop();
    fake.sdkRefresh();
    expect(calls).toBe(1);
  });

  it('a session revoked elsewhere stays active until the SDK notices, then the client ends it as revoked', async () => {
    const { fake, current, backend } = setup(1);
    const client = createSessionClient({ backend, environment: manualEnvironment() });
    cleanups.push(() => client.dispose());
    await client.getSession();
    fake.revokeFromElsewhere(current.session_id);

    // Within the revocation delay the SDK still holds the session.
    await expect(client.getSession()).resolves.toMatchObject({ id: current.session_id });

    fake.sdkRefresh();
    await expect.poll(() => client.getState().status).toBe('expired');
    expect(client.getState().reason).toBe('revoked');
  });

  it('an SDK session without an id is ProtocolError', async () => {
    const broken = { session: { getSync: () => ({ session_id: '' }), onChange: () => () => undefined, revoke: async () => undefined } };
    await expect(stytchBackend(broken, { listUrl: LIST_URL }).getSession()).rejects.toBeInstanceOf(ProtocolError);
  });
});
