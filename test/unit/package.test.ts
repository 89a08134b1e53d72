import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a consumer meets it: `npm pack`, installed into a fresh project, imported from
 * plain Node. Needs `npm run build` first (npm test does it).
 */
const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
let app: string;

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });

const node = (code: string) => run(process.execPath, ['--input-type=module', '-e', code], app).trim();

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'sessionkit-consumer-'));
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', app], root).trim().split('\n').at(-1)!;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(app, tarball), `msw@${versions.msw}`, `react@${versions.react}`, `react-dom@${versions['react-dom']}`], app);
}, 180_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('the published package', () => {
  it('ships ESM and types for every export, and no tests, stories or sources', () => {
    const installed = join(app, 'node_modules/sessionkit');
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        expect(existsSync(join(installed, target)), name).toBe(true);
        continue;
      }
      const { types, default: js } = target as { types: string; default: string };
      expect(existsSync(join(installed, js)), `${name} → ${js}`).toBe(true);
      expect(existsSync(join(installed, types)), `${name} → ${types}`).toBe(true);
    }
    const files = run('find', ['.', '-type', 'f'], installed);
    expect(files).not.toMatch(/\/(test|stories|demo|bench)\//);
    expect(files).not.toMatch(/\.ts$(?<!\.d\.ts)/m);
    expect(existsSync(join(installed, 'custom-elements.json'))).toBe(true);
  });

  it('sessionkit/core imports in plain Node without a DOM and does not import Lit', () => {
    const out = node(`
      const core = await import('sessionkit/core');
      const client = core.createSessionClient({ backend: core.restBackend({ baseUrl: 'http://localhost/api/auth' }) });
      console.log(JSON.stringify({
        state: client.getState(),
        exports: Object.keys(core).sort(),
        dom: typeof document,
      }));
      client.dispose();
    `);
    const result = JSON.parse(out);
    expect(result.state).toEqual({ status: 'unknown', session: null });
    expect(result.dom).toBe('undefined');
    expect(result.exports).toEqual(expect.arrayContaining(['createSessionClient', 'setDefaultClient', 'restBackend', 'SessionExpiredError', 'ReauthRequiredError', 'NetworkError', 'ProtocolError', 'ServerError']));
    const files = run('find', ['node_modules/sessionkit/dist/core', '-name', '*.js'], app).trim().split('\n');
    const importingLit = files.filter((file) => /from ["'](lit|@lit\/)/.test(readFileSync(join(app, file), 'utf8')));
    expect(files.length).toBeGreaterThan(5);
    expect(importingLit).toEqual([]);
  }, 30_000);

  it('sessionkit/msw serves a fake server that the client talks to, in plain Node', () => {
    const out = node(`
      import { setupServer } from 'msw/node';
      import { FakeAuthServer } from 'sessionkit/msw';
      import { createSessionClient, restBackend } from 'sessionkit/core';
      const fake = new FakeAuthServer({ baseUrl: 'http://localhost/api/auth' });
      fake.signIn();
      fake.addOtherDevices(2);
      const server = setupServer(...fake.handlers);
      server.listen();
      const client = createSessionClient({ backend: restBackend({ baseUrl: 'http://localhost/api/auth' }) });
      const sessions = await client.listSessions();
      await client.signOut();
      console.log(JSON.stringify({ count: sessions.length, status: client.getState().status }));
      client.dispose();
      server.close();
    `);
    expect(JSON.parse(out)).toEqual({ count: 3, status: 'signed-out' });
  }, 30_000);

  it('sessionkit/react renders on the server with react-dom/server', () => {
    const out = node(`
      import { createElement as h } from 'react';
      import { renderToString } from 'react-dom/server';
      import { SessionProvider, LogoutButton, SessionList, SessionExpiredHandler } from 'sessionkit/react';
      console.log(renderToString(h(SessionProvider, { baseUrl: '/api/auth' }, h(LogoutButton), h(SessionList), h(SessionExpiredHandler, { loginUrl: '/login' }))));
    `);
    expect(out).toContain('<sk-logout-button');
    expect(out).toContain('<sk-session-list');
  }, 30_000);

  it('the backends import on their own in plain Node', () => {
    const out = node(`
      const names = [];
      for (const entry of ['better-auth', 'supertokens', 'stytch']) names.push(...Object.keys(await import('sessionkit/backends/' + entry)));
      console.log(names.sort().join(','));
    `);
    expect(out).toBe('betterAuthBackend,stytchBackend,supertokensBackend,supertokensSessionEvents');
  }, 30_000);
});
