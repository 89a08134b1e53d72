import { http, HttpResponse } from 'msw';
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
    const { fake, client, states, appCalls } = setup({ appAlways401: true });
    fake.signIn();
    await client.getSession();

    // One refresh and one retry per call: the retry's 401 is the endpoint's answer, and one cycle.
    for (const cycle of [1, 2]) {
      const response = await callApp(client);
      expect(response.status).toBe(401);
      expect(fake.count('POST', '/session/refresh')).toBe(cycle);
      expect(appCalls()).toBe(cycle * 2);
      expect(client.getState().status).toBe('active');
    }
    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);

    expect(fake.count('POST', '/session/refresh')).toBe(3);
    expect(appCalls()).toBe(6);
    expect(expiries(states)).toEqual([{ status: 'expired', session: null, reason: 'refresh-failed' }]);
    // After the end, a 401 causes no further refresh.
    await expect(callApp(client)).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fake.count('POST', '/session/refresh')).toBe(3);
  });

  it('a retry that succeeds starts the count of cycles again', async () => {
    const { fake, client, server } = setup();
    fake.signIn();
    await client.getSession();
    // Refused every time, or only the first time (the retry after the refresh gets through).
    let mode: 'always' | 'first' = 'always';
    let sent = 0;
    server.use(http.post(`${ORIGIN}/api/data`, () => (mode === 'always' || sent++ % 2 === 0 ? HttpResponse.json({}, { status: 401 }) : HttpResponse.json({ ok: true }))));
    const post = () => client.fetch(`${ORIGIN}/api/data`, { method: 'POST', body: '{}' });

    for (let i = 0; i < 2; i++) expect((await post()).status).toBe(401);
    mode = 'first';
    expect((await post()).status).toBe(200);
    mode = 'always';
    for (let i = 0; i < 2; i++) expect((await post()).status).toBe(401);

    expect(client.getState().status).toBe('active');
    expect(fake.count('POST', '/session/refresh')).toBe(5);
  });

  it('client.fetch sends a request at most twice: a 401 after the refresh comes back to the app as it came', async () => {
    const { fake, client, server } = setup();
    fake.signIn();
    await client.getSession();
    let sent = 0;
    server.use(http.post(`${ORIGIN}/api/data`, () => (sent++, HttpResponse.json({ error: { code: 'wrong_api_key' } }, { status: 401 }))));

    const response = await client.fetch(`${ORIGIN}/api/data`, { method: 'POST', body: '{}' });

    expect(sent).toBe(2);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'wrong_api_key' } });
    expect(client.getState().status).toBe('active');
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

describe('a refresh refused with 403', () => {
  it('leaves the 401 standing: a visitor with no session is signed out, and the list says so instead of failing', async () => {
    const { fake, client } = setup();
    fake.fail({ path: '/session/refresh', status: 403, times: Infinity });
    const store = client.sessions;
    const stop = store.subscribe(() => {});

    await expect(client.getSession()).resolves.toBeNull();

    expect(client.getState()).toEqual({ status: 'signed-out', session: null });
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('signed-out'));
    expect(store.getSnapshot().error).toBeUndefined();
    stop();
  });
});
