/**
 * supertokensBackend({ session }) over the real `supertokens-web-js` SDK in cookie mode: its fetch
 * interceptor, `attemptRefreshingSession`, `doesSessionExist`, `signOut` and events, against a fake
 * SuperTokens that speaks its frontend protocol (`front-token`, `anti-csrf`, `rid`, 401 = try refresh).
 */
import SuperTokens from 'supertokens-web-js';
import Session from 'supertokens-web-js/recipe/session';
import { describe, expect, it } from 'vitest';
import '../../components/session-expired/define.js';
import { supertokensBackend, supertokensSessionEvents } from '../../core/backends/supertokens.js';
import type { SessionClient } from '../../core/index.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { runBackendContract } from '../unit/backends/contract.js';
import { clearPageCookies, fakeSupertokens, signInHere } from './support/supertokens-page.js';
import { mount, newClient, recordEvents, until } from './support.js';

const events = supertokensSessionEvents();
SuperTokens.init({
  appInfo: { appName: 'sessionkit tests', apiDomain: location.origin, apiBasePath: '/auth' },
  recipeList: [Session.init({ tokenTransferMethod: 'cookie', onHandleEvent: events.onHandleEvent })],
});

const backendFor = () => supertokensBackend({ apiDomain: location.origin, session: Session, events, retries: 0 });

async function signedIn(others = 2) {
  const { fake, otherSessions } = fakeSupertokens(others);
  const current = await signInHere(fake);
  return { fake, otherSessions, current, backend: backendFor() };
}

runBackendContract('supertokensBackend + the real supertokens-web-js SDK (cookie mode)', async () => {
  const { fake, otherSessions, backend } = await signedIn();
  return {
    backend,
    otherIds: otherSessions.map((session) => session.handle),
    signedOutBackend: () => {
      fake.browser = {};
      clearPageCookies();
      return backendFor();
    },
    isAlive: async (id) => fake.isAlive(id),
    breakServer: (kind) => (fake.fault = kind),
    heal: () => (fake.fault = undefined),
    secrets: () => fake.issued,
    capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: true, revocationDelay: 3600 },
    dispose: () => undefined,
  };
});

describe('supertokensBackend with the real SuperTokens SDK on the page', () => {
  async function page(others = 2) {
    const setup = await signedIn(others);
    const client = newClient({ backend: setup.backend, environment: manualEnvironment() });
    await client.getSession();
    await mount('<sk-session-expired headless></sk-session-expired>', client);
    const seen = recordEvents('sk-session-expired', 'sk-error');
    // The SDK may try a refresh of its own before the first sign-in (no front token yet): counted from here.
    const refreshesBefore = refreshes(setup.fake);
    return { ...setup, client, seen, refreshesSince: () => refreshes(setup.fake) - refreshesBefore };
  }
  /** The client's session check after the SDK's last event has run (it shares the flight in progress). */
  const settled = (client: SessionClient) => client.getSession().catch(() => null);
  const refreshes = (fake: { count(method: string, path: string): number }) => fake.count('POST', '/auth/session/refresh');

  it('signs in, lists, revokes one and the others, and sends the SDK’s rid and anti-CSRF headers', async () => {
    const { fake, client, current, otherSessions } = await page(3);

    const listed = await client.listSessions();
    expect(listed.find((session) => session.current)?.id).toBe(current.handle);
    await client.revokeSession(otherSessions[0].handle);
    await client.revokeOtherSessions();

    expect(otherSessions.map((session) => fake.isAlive(session.handle))).toEqual([false, false, false]);
    expect(fake.isAlive(current.handle)).toBe(true);
    const writes = fake.requests.filter((request) => request.method !== 'GET' && request.path.startsWith('/auth/sessions'));
    expect(writes.every((request) => request.headers.rid === 'anti-csrf')).toBe(true);
  });

  for (const forceClear of [false, true]) {
    for (const scope of ['current', 'all'] as const) {
      it(`signOut({ scope: '${scope}', forceClear: ${forceClear} }) goes through the SDK and ends as signed-out, though the SDK fires SIGN_OUT first`, async () => {
        const { fake, client, current, otherSessions, seen } = await page(1);

        await expect(client.signOut({ scope, forceClear })).resolves.toEqual({ serverRevoked: true });
        await settled(client);

        expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
        expect(seen).toHaveLength(0);
        expect(fake.isAlive(current.handle)).toBe(false);
        expect(fake.isAlive(otherSessions[0].handle)).toBe(scope === 'current');
        await expect(Session.doesSessionExist()).resolves.toBe(false);
      });
    }
  }

  it('a lapsed access token is refreshed once, by the SDK’s interceptor, not again by the kit', async () => {
    const { fake, client, refreshesSince } = await page(1);
    fake.expireAccessToken();

    await expect(client.listSessions()).resolves.toHaveLength(2);

    expect(refreshesSince()).toBe(1);
    expect(client.getState().status).toBe('active');
  });

  it('a session revoked elsewhere ends at the next call: one refresh, one sk-session-expired, reason revoked', async () => {
    const { fake, client, current, seen, refreshesSince } = await page(1);
    fake.revoke(current.handle);
    fake.expireAccessToken();

    await expect(client.listSessions()).rejects.toMatchObject({ name: 'SessionExpiredError' });
    await until(() => expect(seen).toHaveLength(1));
    await settled(client);

    expect(seen.map((event) => event.detail)).toEqual([{ reason: 'revoked' }]);
    expect(client.getState()).toMatchObject({ status: 'expired', reason: 'revoked' });
    expect(refreshesSince()).toBe(1);
  });

  it('a reload mid-session finds the same session from the SDK’s state, with no refresh and no expiry', async () => {
    const { current, refreshesSince } = await page(1);
    const reloaded = newClient({ backend: backendFor(), environment: manualEnvironment() });
    const seen = recordEvents('sk-session-expired');

    await expect(reloaded.getSession()).resolves.toMatchObject({ id: current.handle, current: true });
    await reloaded.revokeOtherSessions();

    expect(reloaded.getState().status).toBe('active');
    expect(refreshesSince()).toBe(0);
    expect(seen).toHaveLength(0);
  });
});
