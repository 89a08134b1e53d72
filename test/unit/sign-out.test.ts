import { describe, expect, it, vi } from 'vitest';
import { NetworkError, SessionExpiredError } from '../../core/index.js';
import { expiries, settle, setup, useFakeTime } from './setup.js';

describe('signing out', () => {
  it('concurrent sign-outs share one request and end in signed-out with reason signed-out', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();

    const results = await Promise.all([client.signOut(), client.signOut(), client.signOut()]);

    expect(results).toEqual([{ serverRevoked: true }, { serverRevoked: true }, { serverRevoked: true }]);
    expect(fake.count('POST', '/signout')).toBe(1);
    expect(client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out' });
    expect(states.filter((s) => s.status === 'signed-out')).toHaveLength(1);
  });

  it('a 401 answer counts as already signed out', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/signout', status: 401 });

    await expect(client.signOut()).resolves.toEqual({ serverRevoked: true });
    expect(client.getState().status).toBe('signed-out');
  });

  it('a failed sign-out rejects and keeps the session', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/signout', status: 'network' });

    await expect(client.signOut()).rejects.toBeInstanceOf(NetworkError);
    expect(client.getState().status).toBe('active');
  });

  it('with forceClear a failed sign-out clears local state, reports serverRevoked false, and retries once back online', async () => {
    const { fake, client, env } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/signout', status: 'network' });

    await expect(client.signOut({ forceClear: true })).resolves.toEqual({ serverRevoked: false });
    expect(client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out' });
    expect(fake.current()).toBeDefined();

    env.goOnline();
    await vi.waitFor(() => expect(fake.current()).toBeUndefined());
    expect(fake.count('POST', '/signout')).toBe(2);

    // Done: going online again sends nothing more (counted once the next request has been answered).
    env.goOnline();
    await client.getSession();
    expect(fake.count('POST', '/signout')).toBe(2);
  });

  it('revoking the current session is signing out', async () => {
    const { fake, client } = setup();
    const me = fake.signIn();
    await client.getSession();

    await client.revokeSession(me.id);

    expect(fake.count('POST', '/signout')).toBe(1);
    expect(fake.count('DELETE', '/sessions/')).toBe(0);
    expect(client.getState().reason).toBe('signed-out');
  });

  it('after the session ended, list and revoke calls reject without a request', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [other] = fake.addOtherDevices(1);
    await client.getSession();
    await client.signOut();
    const before = fake.requests.length;

    await expect(client.listSessions()).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(client.revokeSession(other.id)).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fake.requests.length).toBe(before);
  });
});

describe('the first check and session ends', () => {
  it('a first check that finds no session is signed-out without a reason or expiry', async () => {
    const { client, states } = setup();
    await expect(client.getSession()).resolves.toBeNull();
    expect(client.getState()).toEqual({ status: 'signed-out', session: null });
    expect(expiries(states)).toHaveLength(0);
  });

  it('a session that expired by time ends with reason expired', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();
    fake.expire();

    await expect(client.getSession()).resolves.toBeNull();
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'expired' }]);
  });

  it('notifySignedIn brings an ended session back once the server confirms it', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.revokeFromElsewhere();
    await client.getSession();
    expect(client.getState().status).toBe('expired');

    fake.signIn();
    const session = await client.notifySignedIn();

    expect(session?.current).toBe(true);
    expect(client.getState().status).toBe('active');
  });

  it('exactly one expiry transition however many calls fail at once', async () => {
    const { fake, client, states } = setup({ fake: { noRefresh: true } });
    fake.signIn();
    fake.addOtherDevices(1);
    await client.getSession();
    fake.revokeFromElsewhere();

    await Promise.allSettled([client.getSession(), client.listSessions(), client.revokeOtherSessions(), client.refresh()]);

    expect(expiries(states)).toHaveLength(1);
  });
});

describe('lists after a change', () => {
  it('a list requested after a revoke is fetched afresh, not joined to one that started before it', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [device] = fake.addOtherDevices(2);
    await client.getSession();
    fake.fail({ path: '/sessions', delay: 100 });

    const before = client.listSessions();
    // The first list is at the server (and answers in 100 ms) when the revoke goes out.
    await vi.waitFor(() => expect(fake.count('GET', '/sessions')).toBe(1), { interval: 1 });
    await client.revokeSession(device.id);
    const after = await client.listSessions();

    await before;
    expect(after.map((s) => s.id)).not.toContain(device.id);
    expect(fake.count('GET', '/sessions')).toBe(2);
  });
});

describe('a client disposed mid-request', () => {
  it('a sign-out that finishes after dispose settles without throwing', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.latency = 30;

    const signingOut = client.signOut();
    client.dispose();

    await expect(signingOut).resolves.toEqual({ serverRevoked: true });
  });

  it('a refresh that finishes after dispose arms no expiry timer', async () => {
    useFakeTime();
    const { fake, client } = setup();
    fake.signIn();
    await settle(client.getSession(), 10);
    fake.latency = 30;

    const refreshing = client.refresh();
    client.dispose();

    expect(await settle(refreshing, 100)).toMatchObject({ status: 'fulfilled' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the fake server', () => {
  it('a request still being answered when the fake is reset fails and leaves the new state alone', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.latency = 300;

    const signingOut = client.signOut();
    // Reset while the server is answering: the request has arrived, its answer is 300 ms away.
    await vi.waitFor(() => expect(fake.count('POST', '/signout')).toBe(1), { interval: 1 });
    fake.reset();
    const fresh = fake.signIn();

    await expect(signingOut).rejects.toBeInstanceOf(NetworkError);
    expect(fake.current()).toBe(fresh);
  });
});
