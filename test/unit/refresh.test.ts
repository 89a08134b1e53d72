import { describe, expect, it, vi } from 'vitest';
import { ProtocolError, SessionExpiredError } from '../../core/index.js';
import { ORIGIN, expiries, setup } from './setup.js';

const callApp = (client: ReturnType<typeof setup>['client']) => client.fetch(`${ORIGIN}/api/data`);

describe('refreshing on 401 (RELIABILITY 1–5)', () => {
  for (const n of [10, 100]) {
    it(`${n} concurrent calls that meet 401 share exactly one refresh, each is retried once, and all succeed`, async () => {
      const { fake, client, states, appCalls } = setup();
      fake.signIn();
      await client.getSession();
      fake.accessExpired = true;

      const responses = await Promise.all(Array.from({ length: n }, () => callApp(client)));

      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(fake.count('POST', '/session/refresh')).toBe(1);
      expect(appCalls()).toBe(2 * n);
      expect(expiries(states)).toHaveLength(0);
      expect(client.getState().status).toBe('active');
    });
  }

  it('when the refresh answers 401, there is one refresh, one expiry, and every caller gets SessionExpiredError', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;
    fake.fail({ path: '/session/refresh', status: 401, code: 'session_revoked' });

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => callApp(client)));

    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof SessionExpiredError)).toBe(true);
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
  });

  it('50 calls arriving while a slow refresh is in flight start no second refresh', async () => {
    const { fake, client, appCalls } = setup();
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;
    fake.fail({ path: '/session/refresh', delay: 200 });

    const first = callApp(client);
    await vi.waitFor(() => expect(fake.count('POST', '/session/refresh')).toBe(1), { interval: 1 });
    const later = Array.from({ length: 50 }, () => callApp(client));
    const responses = await Promise.all([first, ...later]);

    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
    // The 50 waited for the refresh instead of sending stale credentials.
    expect(appCalls()).toBe(2 + 50);
  });

  it('an endpoint that answers 401 after every refresh stops at the cap of 3 with refresh-failed', async () => {
    const { fake, client, states } = setup({ appAlways401: true });
    fake.signIn();
    await client.getSession();

    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);

    expect(fake.count('POST', '/session/refresh')).toBe(3);
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'refresh-failed' }]);
    // After the end, a 401 causes no further refresh.
    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fake.count('POST', '/session/refresh')).toBe(3);
  });

  it('a refresh cap of 0 never refreshes: the first 401 ends the session', async () => {
    const { fake, client, states } = setup({ client: { refreshCap: 0 } });
    fake.signIn();
    await client.getSession();
    fake.revokeFromElsewhere();

    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);

    expect(fake.count('POST', '/session/refresh')).toBe(0);
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
  });

  it('a refresh answering 200 with a malformed body raises one ProtocolError and does not loop', async () => {
    const { fake, client, states } = setup();
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;
    fake.fail({ path: '/session/refresh', status: 200, body: { session: { no: 'id' } } });

    const results = await Promise.allSettled([callApp(client), callApp(client)]);

    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(results.map((r) => r.status === 'rejected' && r.reason instanceof ProtocolError)).toEqual([true, true]);
    expect(expiries(states)).toHaveLength(0);
  });

  it('a server without refresh (404) goes straight to the end the 401 says', async () => {
    const { fake, client, states } = setup({ fake: { noRefresh: true } });
    fake.signIn();
    await client.getSession();
    fake.revokeFromElsewhere();

    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);

    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(client.capabilities.refresh).toBe(false);
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'revoked' }]);
  });

  it('client.refresh() extends the session and shares one request between concurrent callers', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();

    const [a, b] = await Promise.all([client.refresh(), client.refresh()]);

    expect(a).toBe(b);
    expect(a.current).toBe(true);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
  });
});
