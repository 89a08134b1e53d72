import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../components/internal/navigate.js';
import { ProtocolError, parseSession, parseSessionList } from '../../core/index.js';
import { BASE, setup } from './setup.js';

describe('validating what the server sends', () => {
  it('a list that is not an array is a ProtocolError naming the field', () => {
    expect(() => parseSessionList({ sessions: 'nope' })).toThrow(ProtocolError);
    expect(() => parseSessionList(null)).toThrow(expect.objectContaining({ path: 'sessions' }));
  });

  it('drops rows without a string id and repeated ids, and keeps one current row', () => {
    const sessions = parseSessionList({
      sessions: [
        { id: 'a', current: true },
        { id: 7 },
        { current: true },
        null,
        'text',
        { id: 'a', current: false },
        { id: 'b', current: true },
      ],
    });
    expect(sessions).toEqual([
      { id: 'a', current: true },
      { id: 'b', current: false },
    ]);
  });

  it('reads ISO strings and epoch milliseconds as dates, and drops invalid ones', () => {
    const session = parseSession({
      id: 's',
      createdAt: '2026-11-01T10:00:00Z',
      lastActiveAt: 1_793_000_000_000,
      expiresAt: 'not a date',
    })!;
    expect(session.createdAt?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(session.lastActiveAt?.getTime()).toBe(1_793_000_000_000);
    expect(session).not.toHaveProperty('expiresAt');
  });

  it('turns fields of the wrong type and unknown enum values into absent ones and ignores unknown fields', () => {
    const session = parseSession({
      id: 's',
      current: 'yes',
      userAgent: 42,
      ipAddress: ['1.2.3.4'],
      location: { city: 'x' },
      authMethods: ['password', 3, null, 'totp'],
      device: { type: 'fridge', browser: 'Chrome', os: 5 },
      token: 'eyJhbGciOi.secret',
    });
    expect(session).toEqual({ id: 's', current: false, authMethods: ['password', 'totp'], device: { browser: 'Chrome' } });
    // Absent means absent, not a key holding undefined: spreads, `in` and structuredClone see only what was sent.
    expect(Object.keys(session!)).toEqual(['id', 'current', 'authMethods', 'device']);
    expect(Object.keys(session!.device!)).toEqual(['browser']);
  });

  it('leaves out a device and sign-in methods with nothing usable in them', () => {
    for (const device of [{ type: 'fridge', os: '' }, 'phone', ['desktop'], null]) {
      const session = parseSession({ id: 's', device, authMethods: [1, ''] })!;
      expect(session).not.toHaveProperty('device');
      expect(session).not.toHaveProperty('authMethods');
    }
  });

  it('a session body without a session is a ProtocolError, and `{"session": null}` means no session', async () => {
    const { fake, client } = setup();
    fake.fail({ path: '/session', status: 200, body: { user: {} } });
    await expect(client.getSession()).rejects.toBeInstanceOf(ProtocolError);

    fake.fail({ path: '/session', status: 200, body: { session: null } });
    await expect(client.getSession()).resolves.toBeNull();
    expect(client.getState()).toEqual({ status: 'signed-out', session: null });
  });

  it('a body that is not JSON is a ProtocolError, never an untyped error', async () => {
    const { fake, client } = setup();
    fake.signIn();
    fake.fail({ path: '/sessions', status: 200, body: '<html>oops</html>' });
    await client.getSession();
    await expect(client.listSessions()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('errors keep only a code and a status, never the response body', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    fake.fail({ path: '/sessions', status: 409, body: { error: { code: 'conflict', message: 'secret eyJabc', token: 'eyJabc' } } });
    const error = await client.listSessions().catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('eyJ');
    expect(String(error)).not.toContain('eyJ');
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('refuses session ids that would change the request path, and encodes the rest', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    for (const id of ['.', '..', 'a/b', '']) {
      await expect(client.revokeSession(id)).rejects.toBeInstanceOf(ProtocolError);
    }
    await client.revokeSession('x y?z#');
    expect(fake.requests.at(-1)?.path).toBe('/sessions/x%20y%3Fz%23');
  });
});

describe('navigation targets', () => {
  const page = 'https://app.example/account?tab=1';
  it('accepts paths and same-origin URLs', () => {
    expect(safeUrl('/login', [], page)?.href).toBe('https://app.example/login');
    expect(safeUrl('https://app.example/x', [], page)?.pathname).toBe('/x');
  });
  it('refuses other origins, protocol-relative URLs and script URLs unless allowed', () => {
    for (const target of ['https://evil.example', '//evil.example/login', 'javascript:alert(1)', 'data:text/html,x', ' javascript:alert(1)']) {
      expect(safeUrl(target, [], page)).toBeUndefined();
    }
    expect(safeUrl('https://auth.example/login', ['https://auth.example'], page)?.origin).toBe('https://auth.example');
  });
});

describe('error names', () => {
  it('survive minification: each error names its class', async () => {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: ['core/index.ts'], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
    const core = await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
    const errors = [new core.NetworkError('timeout'), new core.ServerError('x', 500), new core.SessionExpiredError('y', 401), new core.ReauthRequiredError(), new core.ProtocolError('z')];
    expect(errors.map((e) => e.name)).toEqual(['NetworkError', 'ServerError', 'SessionExpiredError', 'ReauthRequiredError', 'ProtocolError']);
  });
});

describe('large lists', () => {
  it('keeps the first of each id and one current row among 20 000 rows (its time is in npm run bench)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i % 10_000}`, current: i === 5 || i === 10_005 }));
    const sessions = parseSessionList({ sessions: rows });
    expect(sessions).toHaveLength(10_000);
    expect(sessions.filter((s) => s.current).map((s) => s.id)).toEqual(['s5']);
  });
});

describe('lists from careless servers', () => {
  it('rows with ids the kit could not send back are dropped', () => {
    const sessions = parseSessionList({ sessions: [{ id: '..' }, { id: 'a/b' }, { id: '.' }, { id: 'ok' }] });
    expect(sessions.map((s) => s.id)).toEqual(['ok']);
  });

  it('when no row is marked current, the one the session check returned is', async () => {
    const { fake, client } = setup();
    const mine = fake.signIn();
    fake.addOtherDevices(2);
    await client.getSession();
    const rows = fake.sessionsOf(mine.userId).map((s) => ({ id: s.id }));
    fake.fail({ path: '/sessions', status: 200, body: { sessions: rows } });

    const sessions = await client.listSessions();

    expect(sessions.filter((s) => s.current).map((s) => s.id)).toEqual([mine.id]);
  });
});

describe('redirects', () => {
  it('a 3xx from an auth endpoint is a ProtocolError `redirected`, not followed and not retried', async () => {
    const { fake, client, server } = setup();
    fake.signIn();
    await client.getSession();
    let followed = 0;
    server.use(
      http.get(`${BASE}/sessions`, () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example/sessions' } })),
      http.get('https://evil.example/sessions', () => {
        followed++;
        return HttpResponse.json({ sessions: [{ id: 'evil', current: true }] });
      }),
    );

    const error = await client.listSessions().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'redirected' });
    expect(followed).toBe(0);
  });
});
