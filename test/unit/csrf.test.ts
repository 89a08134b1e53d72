import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ORIGIN, setup } from './setup.js';

const csrf = { header: 'x-csrf-token', value: 'csrf-123' };

describe('state-changing calls (RELIABILITY 20)', () => {
  it('use POST or DELETE, never GET, and every one carries the CSRF header', async () => {
    const { fake, client } = setup({ fake: { csrf }, backend: { csrf: { header: csrf.header, value: () => csrf.value } } });
    fake.signIn();
    const [a] = fake.addOtherDevices(3);
    await client.getSession();

    await client.refresh();
    await client.revokeSession(a.id);
    await client.revokeOtherSessions();
    // Each call did its job on the server: this device is the only session left.
    expect((await client.listSessions()).map((session) => session.id)).toEqual([fake.current()!.id]);
    await client.signOut({ scope: 'all' });

    const changing = fake.requests.filter((r) => r.path !== '/session' && r.path !== '/sessions');
    expect(changing.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /session/refresh',
      `DELETE /sessions/${a.id}`,
      'POST /sessions/revoke-others',
      'POST /signout',
    ]);
    expect(changing.every((r) => r.headers[csrf.header] === csrf.value)).toBe(true);
    expect(fake.requests.filter((r) => r.method === 'GET').every((r) => !(csrf.header in r.headers))).toBe(true);
    expect(fake.requests.find((r) => r.path === '/signout')?.body).toEqual({ scope: 'all' });
  });

  it('a server that rejects a missing CSRF header is refused, and the session is kept', async () => {
    const { fake, client } = setup({ fake: { csrf } });
    fake.signIn();
    await client.getSession();

    await expect(client.signOut()).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
    expect(client.getState().status).toBe('active');
  });

  it('client.fetch adds credentials and the CSRF header to same-origin calls, and neither to other origins', async () => {
    const { fake, client, server } = setup({ backend: { csrf: { header: csrf.header, value: () => csrf.value } } });
    fake.signIn();
    await client.getSession();
    const seen: Array<{ url: string; csrf: string | null }> = [];
    server.use(
      http.post('https://api.other.example/data', ({ request }) => {
        seen.push({ url: request.url, csrf: request.headers.get(csrf.header) });
        return HttpResponse.json({ error: { code: 'unauthenticated' } }, { status: 401 });
      }),
    );
    const own = await client.fetch(`${ORIGIN}/api/data`, { method: 'POST', body: '{}' });
    expect(await own.json()).toEqual({ ok: true, csrf: csrf.value });

    // A 401 from another origin is that origin's business: returned as is, no refresh.
    const foreign = await client.fetch('https://api.other.example/data', { method: 'POST', body: '{}' });
    expect(foreign.status).toBe(401);
    expect(seen).toEqual([{ url: 'https://api.other.example/data', csrf: null }]);
    expect(fake.count('POST', '/session/refresh')).toBe(0);
    expect(client.getState().status).toBe('active');
  });

  it('an allowed origin written as a URL (a trailing slash, a path) counts as that origin', async () => {
    const { fake, client } = setup({ client: { allowedOrigins: [`${ORIGIN}/`, 'https://cdn.example/assets/', 'not a url'] } });
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;

    const response = await client.fetch(`${ORIGIN}/api/data`, { method: 'POST', body: '{}' });

    // Trusted: the 401 was refreshed and the call retried.
    expect(response.status).toBe(200);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(client.allowedOrigins).toEqual([ORIGIN, 'https://cdn.example', 'not a url']);
  });

  it('client.fetch retries a same-origin call once after refreshing, body included', async () => {
    const { fake, client, appCalls } = setup();
    fake.signIn();
    await client.getSession();
    fake.accessExpired = true;

    const response = await client.fetch(`${ORIGIN}/api/data`, { method: 'POST', body: JSON.stringify({ a: 1 }) });

    expect(response.status).toBe(200);
    expect(appCalls()).toBe(2);
    expect(fake.count('POST', '/session/refresh')).toBe(1);
  });
});
