/**
 * stytchBackend over the real `@stytch/vanilla-js` SDK, with Stytch's API answered in its own wire
 * shapes (see support/fake-stytch-api.ts), and sessionkit's elements on the page.
 */
import { StytchClient } from '@stytch/vanilla-js';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import '../../components/logout-button/define.js';
import '../../components/session-expired/define.js';
import type { SkLogoutButton } from '../../components/logout-button/define.js';
import { stytchBackend } from '../../core/backends/stytch.js';
import type { SessionClient } from '../../core/index.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { runBackendContract } from '../unit/backends/contract.js';
import { APP_SESSIONS, FakeStytchApi, STYTCH_API } from './support/fake-stytch-api.js';
import { mount, newClient, part, recordEvents, until, worker } from './support.js';

let page = 0;
const stytchClients: StytchClient[] = [];

/** A fresh Stytch SDK on this page: its own public token and cookie, so tests do not share state. */
function newStytch(api?: FakeStytchApi) {
  page++;
  const fake = api ?? new FakeStytchApi(`stytch_session_${page}_${Date.now()}`);
  if (!api) worker.use(...fake.handlers);
  const publicToken = `public-token-test-${crypto.randomUUID()}`;
  const stytch = new StytchClient(publicToken, { cookieOptions: { opaqueTokenCookieName: fake.cookieName, jwtCookieName: `${fake.cookieName}_jwt` } });
  stytchClients.push(stytch);
  return { fake, stytch, publicToken };
}

/** This browser signed in through the SDK (a password sign-in), and `others` more devices of the same user. */
async function signedIn(others = 2) {
  const { fake, stytch, publicToken } = newStytch();
  await stytch.passwords.authenticate({ email: 'ada@example.com', password: 'correct horse battery staple', session_duration_minutes: 60 });
  const otherSessions = ['Firefox on Linux', 'Safari on iPhone', 'Edge on Windows'].slice(0, others).map((agent) => fake.signInElsewhere(agent));
  const backend = stytchBackend(stytch, { listUrl: APP_SESSIONS, signOutAllUrl: `${APP_SESSIONS}/signout-all`, retries: 0 });
  return { fake, stytch, publicToken, backend, otherSessions, current: stytch.session.getSync()! };
}

afterEach(() => {
  // The SDK keeps its cookies and a state copy in storage: the next test starts from nothing.
  for (const cookie of document.cookie.split('; ')) document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
  localStorage.clear();
  while (stytchClients.length) stytchClients.pop();
});

runBackendContract('stytchBackend + the real Stytch SDK', async () => {
  const { fake, backend, otherSessions } = await signedIn();
  return {
    backend,
    otherIds: otherSessions.map((session) => session.session_id),
    signedOutBackend: () => stytchBackend(newStytch(fake).stytch, { listUrl: APP_SESSIONS, retries: 0 }),
    isAlive: async (id) => fake.isAlive(id),
    breakServer: (kind) => (fake.fault = kind),
    heal: () => (fake.fault = undefined),
    secrets: () => fake.secrets(),
    capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: false, revocationDelay: 300 },
    localGetSession: true,
    dispose: () => undefined,
  };
});

describe('stytchBackend with the real Stytch SDK and the elements', () => {
  async function page(others = 2) {
    const setup = await signedIn(others);
    const env = manualEnvironment();
    const client = newClient({ backend: setup.backend, environment: env });
    await client.getSession();
    const events = recordEvents('sk-session-expired', 'sk-logout', 'sk-error');
    return { ...setup, client, env, events };
  }

  /** The client's own session check after the SDK's last change has run (it shares the flight in progress). */
  const settled = (client: SessionClient) => client.getSession().catch(() => null);
  const types = (events: CustomEvent[]) => events.map((event) => event.type);

  it('signs in, lists, revokes one, revokes the others and logs out with exactly one sk-logout and no sk-session-expired', async () => {
    const { fake, client, current, otherSessions, events } = await page(3);
    await mount('<div><sk-session-expired></sk-session-expired><sk-logout-button></sk-logout-button></div>', client);

    const listed = await client.listSessions();
    expect(listed.map((session) => [session.id, session.current])).toEqual(
      expect.arrayContaining([[current.session_id, true], ...otherSessions.map((session) => [session.session_id, false])]),
    );
    await client.revokeSession(otherSessions[0].session_id);
    expect(fake.isAlive(otherSessions[0].session_id)).toBe(false);
    await client.revokeOtherSessions();
    expect(otherSessions.map((session) => fake.isAlive(session.session_id))).toEqual([false, false, false]);

    const button = document.querySelector<SkLogoutButton>('sk-logout-button')!;
    part(button, 'button')!.click();
    await until(() => expect(types(events)).toContain('sk-logout'));
    await settled(client);

    expect(types(events)).toEqual(['sk-logout']);
    expect(events[0].detail).toEqual({ scope: 'current', serverRevoked: true });
    expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
    expect(fake.isAlive(current.session_id)).toBe(false);
  });

  for (const forceClear of [false, true]) {
    for (const scope of ['current', 'all'] as const) {
      it(`signOut({ scope: '${scope}', forceClear: ${forceClear} }) ends as signed-out, never as an expiry, though the SDK fires onChange(null) first`, async () => {
        const { fake, client, current, otherSessions, events } = await page(1);
        await mount('<sk-session-expired></sk-session-expired>', client);

        await expect(client.signOut({ scope, forceClear })).resolves.toEqual({ serverRevoked: true });
        await settled(client);

        expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
        expect(types(events)).toEqual([]);
        expect(fake.isAlive(current.session_id)).toBe(false);
        expect(fake.isAlive(otherSessions[0].session_id)).toBe(scope === 'current');
      });
    }
  }

  it("the logout button's scope 'others' keeps this session and fires no expiry", async () => {
    const { fake, client, current, otherSessions, events } = await page(2);
    const button = await mount<SkLogoutButton>('<sk-logout-button scope="others"></sk-logout-button>', client);
    part(button, 'button')!.click();
    await until(() => expect(types(events)).toContain('sk-logout'));
    expect(types(events)).toEqual(['sk-logout']);
    expect(client.getState().status).toBe('active');
    expect(fake.isAlive(current.session_id)).toBe(true);
    expect(otherSessions.some((session) => fake.isAlive(session.session_id))).toBe(false);
  });

  it('a forced logout while Stytch is unreachable clears here, says serverRevoked: false, and revokes at Stytch once back online', async () => {
    const { fake, stytch, client, env, current, events } = await page(0);
    const button = await mount<SkLogoutButton>('<sk-logout-button force-clear></sk-logout-button>', client);
    fake.fault = 'network';

    part(button, 'button')!.click();
    await until(() => expect(types(events)).toContain('sk-logout'));

    expect(events.find((event) => event.type === 'sk-logout')!.detail).toEqual({ scope: 'current', serverRevoked: false });
    expect(stytch.session.getSync()).toBeNull();
    expect(fake.isAlive(current.session_id)).toBe(true);

    fake.fault = undefined;
    env.goOnline();
    await until(() => expect(fake.isAlive(current.session_id)).toBe(false));
    expect(types(events)).not.toContain('sk-session-expired');
    expect(stytch.session.getSync()).toBeNull();
    expect(JSON.stringify(localStorage)).not.toContain(fake.secrets()[0]);
  });

  it('a session revoked from another device ends here once the SDK learns it: one sk-session-expired, reason revoked', async () => {
    const { fake, stytch, client, current, events } = await page(1);
    await mount('<sk-session-expired headless></sk-session-expired>', client);
    fake.revokeFromElsewhere(current.session_id);

    // What the SDK's background refresh does every few minutes.
    await stytch.session.authenticate().catch(() => undefined);
    await until(() => expect(client.getState().status).toBe('expired'));
    await settled(client);

    expect(client.getState().reason).toBe('revoked');
    expect(types(events)).toEqual(['sk-session-expired']);
    expect(events[0].detail).toEqual({ reason: 'revoked' });
  });

  it("another tab's Stytch SDK that learns of this tab's sign-out first ends that tab as signed-out-elsewhere, not revoked", async () => {
    const { fake, publicToken, current, client } = await page(1);
    // The other tab: its own SDK and client on the same cookies and the same sessionkit channel.
    const otherStytch = new StytchClient(publicToken, { cookieOptions: { opaqueTokenCookieName: fake.cookieName, jwtCookieName: `${fake.cookieName}_jwt` } });
    stytchClients.push(otherStytch);
    const otherBackend = stytchBackend(otherStytch, { listUrl: APP_SESSIONS, retries: 0 });
    const other = newClient({ backend: otherBackend, environment: manualEnvironment() });
    await other.getSession();
    expect(other.getState().status).toBe('active');
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(`sessionkit:${otherBackend.key}`);
    channel.onmessage = (event) => heard.push(event.data.type);
    // Stytch revokes this tab's session, and before its answer reaches this tab, the other tab's SDK
    // finds the session gone (its background refresh).
    worker.use(
      http.post(`${STYTCH_API}/sessions/revoke`, async () => {
        await until(() => expect(heard).toContain('signing-out')).catch(() => {});
        fake.revokeFromElsewhere(current.session_id);
        await otherStytch.session.authenticate().catch(() => undefined);
        await until(() => expect(other.getState().status).not.toBe('active'));
        return HttpResponse.json({ data: { status_code: 200, request_id: 'request-id-test-revoke' } });
      }),
    );

    await expect(client.signOut()).resolves.toEqual({ serverRevoked: true });
    await settled(other);

    expect(other.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out-elsewhere' });
    expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
    channel.close();
  });

  it('a reload mid-session finds the same session, active, with no expiry', async () => {
    const { fake, publicToken, current } = await page(1);
    // A new page: the SDK's per-page cache is gone, its cookie and stored state remain.
    delete (window as unknown as Record<symbol, Record<string, unknown>>)[Symbol.for('__stytch_DataLayer')][publicToken];
    const reloaded = new StytchClient(publicToken, { cookieOptions: { opaqueTokenCookieName: fake.cookieName, jwtCookieName: `${fake.cookieName}_jwt` } });
    const client = newClient({ backend: stytchBackend(reloaded, { listUrl: APP_SESSIONS, retries: 0 }), environment: manualEnvironment() });
    const events = recordEvents('sk-session-expired');

    await expect(client.getSession()).resolves.toMatchObject({ id: current.session_id, current: true });
    await reloaded.session.authenticate();
    await settled(client);
    expect(client.getState().status).toBe('active');
    expect(events).toHaveLength(0);
  });
});
