import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createSessionClient, restBackend, ServerError, type SessionState } from '../../core/index.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { BASE, ORIGIN, expiries, setup } from './setup.js';

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

/** A second "tab": another client on the same backend key, in the same process. */
function secondTab() {
  const client = createSessionClient({ backend: restBackend({ baseUrl: BASE }), environment: manualEnvironment(), allowedOrigins: [ORIGIN] });
  const states: SessionState[] = [];
  client.subscribe((state) => states.push(state));
  return { client, states };
}

/** This tab (the harness) and a second one, both signed in and aware of it. */
async function twoSignedInTabs() {
  const harness = setup();
  harness.fake.signIn();
  await harness.client.getSession();
  const other = secondTab();
  await other.client.getSession();
  return { ...harness, other };
}

describe('across tabs', () => {
  it('signing out in one tab signs the other out with reason signed-out-elsewhere, and it sends nothing more', async () => {
    const { fake, client, other } = await twoSignedInTabs();
    const requestsBefore = fake.requests.length;

    await client.signOut();
    await until(() => expect(other.client.getState().status).toBe('signed-out'));

    expect(other.client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out-elsewhere' });
    expect(expiries(other.states)).toHaveLength(1);
    await expect(other.client.listSessions()).rejects.toThrow();
    expect(fake.requests.length).toBe(requestsBefore + 1); // the sign-out itself
    other.client.dispose();
  });

  it('a session end the other tab finds while this tab signs out is that sign-out (signed-out-elsewhere), not a revocation', async () => {
    const { fake, client, server, other } = await twoSignedInTabs();
    // What an SDK does: the other tab learns the session is gone before this tab's sign-out returns.
    const heard: unknown[] = [];
    const listener = new BroadcastChannel(`sessionkit:${restBackend({ baseUrl: BASE }).key}`);
    listener.onmessage = (event) => heard.push(event.data.type);
    server.use(
      http.post(`${BASE}/signout`, async () => {
        // Once this tab's cue has gone out (a kit without the cue goes on without it, and fails below).
        await until(() => expect(heard).toContain('signing-out')).catch(() => {});
        await tick(0);
        fake.revokeFromElsewhere();
        await other.client.getSession();
        return new HttpResponse(null, { status: 204 });
      }),
    );

    await client.signOut();

    expect(other.client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out-elsewhere' });
    expect(expiries(other.states)).toEqual([{ status: 'signed-out', session: null, reason: 'signed-out-elsewhere' }]);
    expect(client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out' });
    listener.close();
    other.client.dispose();
  });

  it('a sign-in announced by one tab makes the other check the server and become active', async () => {
    const { fake, client } = setup();
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    expect(other.client.getState().status).toBe('signed-out');

    fake.signIn();
    await client.notifySignedIn();

    await until(() => expect(other.client.getState().status).toBe('active'));
    other.client.dispose();
  });

  it('a revoke in one tab makes the other tab refetch its sessions, which then lack the revoked one', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [device] = fake.addOtherDevices(1);
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    const ids = () => other.client.sessions.getSnapshot().sessions.map((session) => session.id);
    const unsubscribe = other.client.sessions.subscribe(() => {});
    await until(() => expect(ids()).toContain(device.id));
    const lists = fake.count('GET', '/sessions');

    await client.revokeSession(device.id);

    await until(() => expect(ids()).not.toContain(device.id));
    expect(fake.count('GET', '/sessions')).toBe(lists + 1);
    unsubscribe();
    other.client.dispose();
  });

  it('a refresh that fails in one tab ends the session in the other with the same reason, and the other repeats neither the check nor the refresh', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    fake.accessExpired = true;
    fake.fail({ path: '/session/refresh', status: 401, code: 'session_revoked' });
    const checks = fake.count('GET', '/session');

    await expect(client.fetch(`${ORIGIN}/api/data`)).rejects.toThrow();
    await until(() => expect(other.client.getState().status).toBe('expired'));
    await tick();

    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
    expect(expiries(other.states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(fake.count('GET', '/session')).toBe(checks);
    other.client.dispose();
  });

  it('a check that finds the session revoked in one tab ends it in the other without a request of its own', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    fake.revokeFromElsewhere();
    const requests = fake.requests.length;

    await client.getSession();
    const sentByFirstTab = fake.requests.length - requests;
    await until(() => expect(other.client.getState()).toEqual({ status: 'expired', session: null, reason: 'revoked' }));
    await tick();

    expect(client.getState()).toEqual({ status: 'expired', session: null, reason: 'revoked' });
    expect(fake.requests.length - requests).toBe(sentByFirstTab);
    other.client.dispose();
  });

  it('an end another tab tells of while this tab signs out is that sign-out: one transition, with this tab’s reason', async () => {
    const { fake, client, server, states } = setup();
    fake.signIn();
    await client.getSession();
    const channel = new BroadcastChannel(`sessionkit:rest:${BASE}`);
    server.use(
      http.post(`${BASE}/signout`, async () => {
        // Another tab's idle sign-out is told first; then a cue this tab answers with a request,
        // so once that request comes, the message before it was read.
        channel.postMessage({ sk: 1, type: 'signed-out-idle', n: 1 });
        const checks = fake.count('GET', '/session');
        channel.postMessage({ sk: 1, type: 'check', n: 2 });
        await until(() => expect(fake.count('GET', '/session')).toBe(checks + 1));
        fake.revokeFromElsewhere();
        return new HttpResponse(null, { status: 204 });
      }),
    );

    await client.signOut();

    expect(expiries(states)).toEqual([{ status: 'signed-out', session: null, reason: 'signed-out' }]);
    channel.close();
  });

  it('after another tab’s sign-out fails, a revocation found here is told as a revocation, not as that sign-out', async () => {
    const { fake, client, other } = await twoSignedInTabs();
    fake.fail({ path: '/signout', status: 500 });
    const checks = fake.count('GET', '/session');

    await expect(client.signOut()).rejects.toBeInstanceOf(ServerError);
    // The failed tab says so: the other tab asks the server.
    await until(() => expect(fake.count('GET', '/session')).toBe(checks + 1));
    fake.revokeFromElsewhere();
    await other.client.getSession();

    expect(other.client.getState()).toEqual({ status: 'expired', session: null, reason: 'revoked' });
    other.client.dispose();
  });

  it('messages of the wrong shape are ignored', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    const channel = new BroadcastChannel(`sessionkit:rest:${BASE}`);
    channel.postMessage({ type: 'signed-out' });
    channel.postMessage('signed-out');
    channel.postMessage({ sk: 1, type: 'explode' });
    // Then a well-formed cue to ask the server: once its request comes, the messages before it were read.
    const checks = fake.count('GET', '/session');
    channel.postMessage({ sk: 1, type: 'signed-in' });
    await until(() => expect(fake.count('GET', '/session')).toBe(checks + 1));
    expect(client.getState().status).toBe('active');
    channel.postMessage({ sk: 1, type: 'signed-out' });
    await until(() => expect(client.getState().reason).toBe('signed-out-elsewhere'));
    channel.close();
  });
});
