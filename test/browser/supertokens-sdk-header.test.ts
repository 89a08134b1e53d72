/**
 * supertokensBackend({ session }) over the real `supertokens-web-js` SDK in header mode
 * (`st-access-token` / `st-refresh-token` answers, `Authorization: Bearer` requests), with the
 * app's session-expired status changed to 440: the SDK's own configuration is what counts.
 */
import SuperTokens from 'supertokens-web-js';
import Session from 'supertokens-web-js/recipe/session';
import { describe, expect, it } from 'vitest';
import '../../components/session-expired/define.js';
import { supertokensBackend, supertokensSessionEvents } from '../../core/backends/supertokens.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { fakeSupertokens, signInHere } from './support/supertokens-page.js';
import { mount, newClient, recordEvents, until } from './support.js';

const events = supertokensSessionEvents();
SuperTokens.init({
  appInfo: { appName: 'sessionkit tests', apiDomain: location.origin, apiBasePath: '/auth' },
  recipeList: [Session.init({ tokenTransferMethod: 'header', sessionExpiredStatusCode: 440, onHandleEvent: events.onHandleEvent })],
});

describe('supertokensBackend with the real SuperTokens SDK in header mode, expired status 440', () => {
  async function page(others = 1) {
    const { fake, otherSessions } = fakeSupertokens(others, { sessionExpiredStatusCode: 440 });
    const current = await signInHere(fake);
    const backend = supertokensBackend({ apiDomain: location.origin, session: Session, events, sessionExpiredStatusCode: 440, retries: 0 });
    const client = newClient({ backend, environment: manualEnvironment() });
    await client.getSession();
    await mount('<sk-session-expired headless></sk-session-expired>', client);
    const seen = recordEvents('sk-session-expired');
    const refreshesBefore = fake.count('POST', '/auth/session/refresh');
    return { fake, otherSessions, current, client, seen, refreshesSince: () => fake.count('POST', '/auth/session/refresh') - refreshesBefore };
  }

  it('sends the access token as Authorization: Bearer, never a cookie, and lists and revokes with it', async () => {
    const { fake, client, current, otherSessions } = await page(2);
    fake.browser = {}; // header mode: the fake's cookie jar must not be what authenticates

    const listed = await client.listSessions();
    await client.revokeSession(otherSessions[0].handle);

    expect(listed.find((session) => session.current)?.id).toBe(current.handle);
    expect(fake.isAlive(otherSessions[0].handle)).toBe(false);
    const appCalls = fake.requests.filter((request) => request.path === '/auth/session' || request.path.startsWith('/auth/sessions'));
    expect(appCalls.length).toBeGreaterThanOrEqual(3);
    expect(appCalls.every((request) => /^Bearer eyJ/.test(request.headers.authorization ?? ''))).toBe(true);
    expect(appCalls.every((request) => request.headers['st-auth-mode'] === 'header')).toBe(true);
  });

  it('a 440 for a lapsed access token is refreshed once by the SDK and the call succeeds', async () => {
    const { fake, client, refreshesSince } = await page();
    fake.expireAccessToken();

    await expect(client.listSessions()).resolves.toHaveLength(2);

    expect(refreshesSince()).toBe(1);
    expect(client.getState().status).toBe('active');
  });

  it('a refresh answered 440 ends the session once, as revoked, with one sk-session-expired', async () => {
    const { fake, client, current, seen, refreshesSince } = await page();
    fake.revoke(current.handle);
    fake.expireAccessToken();

    await expect(client.listSessions()).rejects.toMatchObject({ name: 'SessionExpiredError' });
    await until(() => expect(seen).toHaveLength(1));

    expect(seen[0].detail).toEqual({ reason: 'revoked' });
    expect(refreshesSince()).toBe(1);
  });

  it('signs out through the SDK: the server session ends, the SDK forgets its tokens, no expiry', async () => {
    const { fake, client, current, seen } = await page();

    await expect(client.signOut()).resolves.toEqual({ serverRevoked: true });
    await client.getSession();

    expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
    expect(fake.isAlive(current.handle)).toBe(false);
    await expect(Session.doesSessionExist()).resolves.toBe(false);
    expect(seen).toHaveLength(0);
  });
});
