/**
 * supertokensBackend without SuperTokens' SDK on the page: anti-CSRF `VIA_TOKEN` kept where the
 * SDK keeps it (the `sAntiCsrf` cookie), so a reload's first write is not refused; and a changed
 * session-expired status.
 */
import { describe, expect, it } from 'vitest';
import { supertokensBackend } from '../../core/backends/supertokens.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { fakeSupertokens, signInHere } from './support/supertokens-page.js';
import { newClient } from './support.js';

const backendFor = (sessionExpiredStatusCode?: number) =>
  supertokensBackend({ apiDomain: location.origin, sessionExpiredStatusCode, retries: 0 });

describe('supertokensBackend speaking SuperTokens’ protocol itself, in the browser', () => {
  it('with anti-CSRF VIA_TOKEN, a reloaded page sends the anti-CSRF token on its first write: no 401, no refresh', async () => {
    const { fake, otherSessions } = fakeSupertokens(2, { antiCsrf: 'VIA_TOKEN' });
    await signInHere(fake, { headers: { rid: 'emailpassword', 'st-auth-mode': 'cookie' } });
    // The first page learns the token from a refresh, as the SDK would from the sign-in.
    const first = newClient({ backend: backendFor(), environment: manualEnvironment() });
    await first.refresh();
    first.dispose();

    const reloaded = newClient({ backend: backendFor(), environment: manualEnvironment() });
    await reloaded.getSession();
    const refreshes = fake.count('POST', '/auth/session/refresh');
    await reloaded.revokeSession(otherSessions[0].handle);

    expect(fake.isAlive(otherSessions[0].handle)).toBe(false);
    expect(fake.count('POST', '/auth/session/refresh')).toBe(refreshes);
    const token = fake.sessions.get(fake.currentHandle()!)!.antiCsrf!;
    expect(fake.requests.at(-1)!.headers['anti-csrf']).toBe(token);
    // Kept as SuperTokens' SDK keeps it, and never in web storage.
    expect(document.cookie).toContain(`sAntiCsrf=${token}`);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(token);
  });

  it('signing out forgets the anti-CSRF cookie', async () => {
    const { fake } = fakeSupertokens(0, { antiCsrf: 'VIA_TOKEN' });
    await signInHere(fake, { headers: { rid: 'emailpassword', 'st-auth-mode': 'cookie' } });
    const client = newClient({ backend: backendFor(), environment: manualEnvironment() });
    await client.refresh();
    expect(document.cookie).toContain('sAntiCsrf=');

    await client.signOut();

    expect(document.cookie).not.toContain('sAntiCsrf=');
  });

  it('honours a changed sessionExpiredStatusCode: 440 means try refresh, and 440 from the refresh ends the session', async () => {
    const { fake, otherSessions } = fakeSupertokens(1, { sessionExpiredStatusCode: 440 });
    const current = await signInHere(fake, { headers: { rid: 'emailpassword', 'st-auth-mode': 'cookie' } });
    const client = newClient({ backend: backendFor(440), environment: manualEnvironment() });
    await client.getSession();

    fake.expireAccessToken();
    await client.revokeSession(otherSessions[0].handle);
    expect(fake.count('POST', '/auth/session/refresh')).toBe(1);

    fake.revoke(current.handle);
    fake.expireAccessToken();
    await expect(client.listSessions()).rejects.toMatchObject({ name: 'SessionExpiredError' });
    expect(client.getState()).toMatchObject({ status: 'expired', reason: 'revoked' });
    expect(fake.count('POST', '/auth/session/refresh')).toBe(2);
  });
});
