import { describe, expect, it, vi } from 'vitest';
import { expiries, setup, useFakeTime } from './setup.js';

describe('re-checks on focus, online and polling (RELIABILITY 10, 24)', () => {
  it('20 focus or visibility changes within a second cause at most one re-check', async () => {
    const { fake, client, env } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    await vi.advanceTimersByTimeAsync(5_000);
    const before = fake.count('GET', '/session');

    for (let i = 0; i < 20; i++) {
      env.focus();
      await vi.advanceTimersByTimeAsync(50);
    }

    expect(fake.count('GET', '/session') - before).toBe(1);
  });

  it('focus re-checks are at least 5 s apart', async () => {
    const { fake, client, env } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    const before = fake.count('GET', '/session');

    env.focus();
    await vi.advanceTimersByTimeAsync(4_900);
    env.focus();
    await vi.advanceTimersByTimeAsync(200);
    env.focus();
    await vi.advanceTimersByTimeAsync(10);

    expect(fake.count('GET', '/session') - before).toBe(1);
  });

  it('a clock set back an hour does not stall focus re-checks or polling until it catches up', async () => {
    useFakeTime();
    const { fake, client, env } = setup({ client: { pollInterval: 10 } });
    fake.signIn();
    const unsubscribe = client.subscribe(() => {});
    await client.getSession();
    await vi.advanceTimersByTimeAsync(10);
    vi.setSystemTime(Date.now() - 3_600_000);
    const before = fake.count('GET', '/session');

    env.focus();
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.count('GET', '/session') - before).toBe(1);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.count('GET', '/session') - before).toBe(2);
    unsubscribe();
  });

  it('while offline nothing is polled; coming back online triggers exactly one re-check', async () => {
    useFakeTime();
    const { fake, client, env } = setup({ client: { pollInterval: 10 } });
    fake.signIn();
    await client.getSession();
    const before = fake.count('GET', '/session');

    env.goOffline();
    await vi.advanceTimersByTimeAsync(60_000);
    env.focus();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.count('GET', '/session')).toBe(before);

    env.goOnline();
    env.focus();
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.count('GET', '/session')).toBe(before + 1);
  });

  it('polls at the interval while online', async () => {
    useFakeTime();
    const { fake, client } = setup({ client: { pollInterval: 10 } });
    fake.signIn();
    await client.getSession();
    const before = fake.count('GET', '/session');

    await vi.advanceTimersByTimeAsync(30_500);

    expect(fake.count('GET', '/session') - before).toBe(3);
  });

  it('a revocation found by polling ends the session with reason revoked', async () => {
    useFakeTime();
    const { fake, client, states } = setup({ client: { pollInterval: 10 } });
    fake.signIn();
    await client.getSession();
    fake.revokeFromElsewhere();

    await vi.advanceTimersByTimeAsync(10_500);

    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
  });

  it('the last unsubscribe removes every focus and online listener, and dispose the rest', async () => {
    const { fake, client, env } = setup();
    fake.signIn();
    await client.getSession();
    const unsubscribers = Array.from({ length: 1000 }, () => client.subscribe(() => {}));
    unsubscribers.forEach((off) => off());
    expect(env.listeners()).toBe(2); // the harness's own subscription remains
    client.dispose();
    expect(env.listeners()).toBe(0);
  });
});

describe('expiry by the clock (RELIABILITY 11)', () => {
  for (const skew of [3_600_000, -3_600_000]) {
    it(`a server clock ${skew > 0 ? 'ahead' : 'behind'} by an hour causes no early expiry and no refresh storm`, async () => {
      useFakeTime();
      const { fake, client, states } = setup({ fake: { clockOffset: skew, sessionTtl: 3_600_000 } });
      fake.signIn();
      await vi.advanceTimersByTimeAsync(100);
      expect(client.getState().status).toBe('active');
      const checks = fake.count('GET', '/session');

      await vi.advanceTimersByTimeAsync(59 * 60_000);
      expect(fake.count('GET', '/session')).toBe(checks);
      expect(fake.count('POST', '/session/refresh')).toBe(0);
      expect(client.getState().status).toBe('active');
      expect(client.expiresIn()).toBeGreaterThan(50_000);
      // Within the Date header's one-second rounding.
      expect(client.expiresIn()).toBeLessThanOrEqual(61_000);

      await vi.advanceTimersByTimeAsync(2 * 60_000);
      expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'expired' }]);
      expect(fake.count('POST', '/session/refresh')).toBeLessThanOrEqual(1);
    });
  }

  it('a sliding session extended on the server stays active when its old expiry passes', async () => {
    useFakeTime();
    const { fake, client, states } = setup({ fake: { sessionTtl: 60_000 } });
    fake.signIn();
    await vi.advanceTimersByTimeAsync(100);
    // Activity elsewhere slid the session on the server.
    fake.current()!.expiresAt = fake.now() + 10 * 60_000;

    await vi.advanceTimersByTimeAsync(61_000);

    expect(client.getState().status).toBe('active');
    expect(expiries(states)).toHaveLength(0);
    expect(client.expiresIn()).toBeGreaterThan(55_000);
  });
});

describe('a server whose sessions outlive their expiresAt', () => {
  it('is asked again after 1, 2 and 4 s, then no more by the clock: no request loop', async () => {
    useFakeTime();
    const { fake, client } = setup();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    fake.fail({ path: '/session', status: 200, body: { session: { id: 'sess_past', current: true, expiresAt: past } }, times: Infinity });

    await client.getSession();
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    expect(client.getState().status).toBe('active');
    expect(fake.count('GET', '/session')).toBe(1 + 3);
  });
});

describe('dates in the browser’s clock', () => {
  for (const skew of [2 * 3_600_000, -2 * 3_600_000]) {
    it(`sessions from a server ${skew > 0 ? '2 h ahead' : '2 h behind'} come out in this browser's clock, so "active now" and event details agree with Date.now()`, async () => {
      const { fake, client } = setup({ fake: { clockOffset: skew, sessionTtl: 3_600_000 } });
      fake.signIn();
      fake.addOtherDevices(1);

      const session = (await client.getSession())!;
      const [current, other] = await client.listSessions();

      // The Date header has whole seconds: within a couple of seconds of the truth.
      expect(Math.abs(session.lastActiveAt!.getTime() - Date.now())).toBeLessThan(2500);
      expect(Math.abs(session.expiresAt!.getTime() - (Date.now() + 3_600_000))).toBeLessThan(2500);
      expect(Math.abs(current.lastActiveAt!.getTime() - Date.now())).toBeLessThan(2500);
      expect(Math.abs(other.lastActiveAt!.getTime() - (Date.now() - 7 * 60_000))).toBeLessThan(2500);
      expect(Math.abs(client.expiresIn()! - 3_600_000)).toBeLessThan(2500);
    });
  }
});
