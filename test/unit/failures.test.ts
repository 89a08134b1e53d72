import { describe, expect, it, vi } from 'vitest';
import { NetworkError, ServerError } from '../../core/index.js';
import { ORIGIN, expiries, settle, setup, useFakeTime } from './setup.js';

describe('server failures are not sign-outs (RELIABILITY 6)', () => {
  it('a session check answering 5xx leaves the session degraded, fires no expiry and rejects with ServerError', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    fake.fail({ path: '/session', status: 503, times: Infinity });

    const result = await settle(client.getSession());

    expect(result.status === 'rejected' && result.reason).toBeInstanceOf(ServerError);
    expect((result as PromiseRejectedResult).reason.status).toBe(503);
    expect(client.getState().status).toBe('degraded');
    expect(client.getState().session?.current).toBe(true);
    expect(expiries(states)).toHaveLength(0);
  });

  it('a refresh answering 5xx leaves the session degraded and the caller gets ServerError', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;
    fake.fail({ path: '/session/refresh', status: 500 });

    await expect(client.fetch(`${ORIGIN}/api/data`)).rejects.toBeInstanceOf(ServerError);

    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(client.getState().status).toBe('degraded');
    expect(expiries(states)).toHaveLength(0);
  });

  it('a degraded session is re-checked after 30 s and becomes active again', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/session', status: 'network', times: 4 });
    useFakeTime();
    await settle(client.getSession(), 10_000);
    expect(client.getState().status).toBe('degraded');
    const checks = fake.count('GET', '/session');

    await vi.advanceTimersByTimeAsync(30_000);

    expect(fake.count('GET', '/session')).toBe(checks + 1);
    expect(client.getState().status).toBe('active');
  });
});

describe('timeouts (RELIABILITY 8)', () => {
  it('a request that never answers is aborted at 10 s and the next call works', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [other] = fake.addOtherDevices(2);
    await client.getSession();
    useFakeTime();
    fake.fail({ method: 'DELETE', status: 'hang' });

    const revoke = client.revokeSession(other.id).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(9_900);
    let settled = false;
    void revoke.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    const error = await revoke;

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('timeout');
    await expect(client.revokeSession(other.id)).resolves.toBeUndefined();
    expect(fake.count('DELETE', '/sessions/')).toBe(2);
  });

  it('a GET that times out is retried and then succeeds', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    fake.fail({ path: '/sessions', status: 'hang' });

    const result = await settle(client.listSessions(), 20_000);

    expect(result.status).toBe('fulfilled');
    expect(fake.count('GET', '/sessions')).toBe(2);
  });
});

describe('retries (RELIABILITY 9)', () => {
  it('GETs retry network errors and 5xx three times at about 1 s, 2 s and 4 s', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter: exactly 1 s, 2 s, 4 s
    fake.fail({ path: '/sessions', status: 'network' });
    fake.fail({ path: '/sessions', status: 502 });
    fake.fail({ path: '/sessions', status: 503 });

    const list = client.listSessions();
    const at = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return fake.count('GET', '/sessions');
    };

    expect(await at(0)).toBe(1);
    expect(await at(990)).toBe(1);
    expect(await at(20)).toBe(2);
    expect(await at(1_980)).toBe(2);
    expect(await at(20)).toBe(3);
    expect(await at(3_980)).toBe(3);
    expect(await at(20)).toBe(4);
    await expect(list).resolves.toHaveLength(1);
  });

  it('gives up after three retries: the GET rejects with the last error', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    fake.fail({ path: '/sessions', status: 500, times: Infinity });

    const result = await settle(client.listSessions());

    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ServerError);
    expect(fake.count('GET', '/sessions')).toBe(4);
  });

  it('jitter keeps each delay within ±25 % and the backoff never exceeds 30 s', async () => {
    const { backoffDelay } = await import('../../core/retry.js');
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 1)).toBe(1250);
    expect(backoffDelay(2, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, () => 1)).toBe(30_000);
  });

  it('honours Retry-After on 429, capped at 60 s', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    useFakeTime();
    fake.fail({ path: '/sessions', status: 429, headers: { 'retry-after': '120' } });

    const list = client.listSessions();
    await vi.advanceTimersByTimeAsync(59_900);
    expect(fake.count('GET', '/sessions')).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.count('GET', '/sessions')).toBe(2);
    await expect(list).resolves.toHaveLength(1);
  });

  it('never retries a 403, and a 401 only through one refresh', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/sessions', status: 403, code: 'forbidden' });
    await expect(client.listSessions()).rejects.toBeInstanceOf(ServerError);
    expect(fake.count('GET', '/sessions')).toBe(1);

    fake.accessExpired = true;
    await expect(client.listSessions()).resolves.toHaveLength(1);
    expect(fake.count('GET', '/sessions')).toBe(3);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
  });

  it('never retries sign-out, revoke or revoke-others, whatever the failure', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [other] = fake.addOtherDevices(1);
    await client.getSession();
    fake.fail({ method: 'POST', path: '/signout', status: 503 });
    fake.fail({ method: 'DELETE', status: 'network' });
    fake.fail({ method: 'POST', path: '/sessions/revoke-others', status: 502 });

    await expect(client.signOut()).rejects.toBeInstanceOf(ServerError);
    await expect(client.revokeSession(other.id)).rejects.toBeInstanceOf(NetworkError);
    await expect(client.revokeOtherSessions()).rejects.toBeInstanceOf(ServerError);

    expect(fake.count('POST', '/signout')).toBe(1);
    expect(fake.count('DELETE', '/sessions/')).toBe(1);
    expect(fake.count('POST', '/sessions/revoke-others')).toBe(1);
    expect(client.getState().status).toBe('active');
  });
});
