import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../chromium.js';
import { requireInstalled, root, run, tarball } from './consumer.js';

/**
 * examples/next, a Next.js App Router app, with the packed tarball installed: `next build` must
 * pass (the kit is used from a Server Component layout and page), and the built server
 * (`next start`) serves pages whose elements work in Chromium, `onSessionExpired` included.
 */
const example = join(root, 'examples/next');
const next = join(example, 'node_modules/.bin/next');

let server: ChildProcess;
let origin: string;
let browser: Browser;
let serverLog = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function started(url: string) {
  for (let tries = 0; tries < 600; tries++) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${serverLog}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next start did not answer:\n${serverLog}`);
}

beforeAll(async () => {
  requireInstalled();
  // The example's own lockfile for Next and React, plus the tarball (not saved: package.json stays as committed).
  run('npm', ['install', '--no-save', '--prefer-offline', tarball], example);
  run(next, ['build'], example, { NEXT_TELEMETRY_DISABLED: '1' });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Its own process group, so stopping it stops whatever it started.
  server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: example, detached: true, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  server.stdout!.on('data', (chunk) => (serverLog += chunk));
  server.stderr!.on('data', (chunk) => (serverLog += chunk));
  await started(`${origin}/`);
  browser = await chromium.launch(chromiumLaunchOptions);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) process.kill(-server.pid);
});

describe('the Next.js App Router example, built from the packed package', () => {
  it('server-renders the elements from the Server Component layout and page', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    // @lit/react sets props as properties once the element upgrades, so the tags come bare.
    expect(html).toMatch(/<body>.*<sk-session-provider>.*<sk-logout-button><\/sk-logout-button><sk-session-list><\/sk-session-list>.*<sk-session-expired><\/sk-session-expired>.*<\/sk-session-provider>/s);
    // The state is unknown on the server, as README says: the client is created in the browser.
    expect(html).toContain('<output data-testid="status">unknown</output>');
  });

  it('signs in, lists the session, and tells the other tab through onSessionExpired when one tab logs out', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const problems: string[] = [];
    first.on('pageerror', (error) => problems.push(error.message));
    await first.goto(`${origin}/api/auth/sign-in`);
    expect(new URL(first.url()).pathname).toBe('/');
    await expect.poll(() => first.getByTestId('status').textContent()).toBe('active');
    await expect.poll(() => first.locator('sk-session-list').getByRole('listitem').count()).toBe(1);

    const second = await context.newPage();
    await second.goto(`${origin}/`);
    await expect.poll(() => second.getByTestId('status').textContent()).toBe('active');
    await second.locator('sk-logout-button').getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => second.getByTestId('status').textContent()).toBe('signed-out');

    await expect.poll(() => first.getByTestId('status').textContent()).toBe('signed-out');
    await expect.poll(() => first.getByTestId('ended').textContent()).toBe('Your session ended (signed-out-elsewhere).');
    // The handler ran and the element still showed its dialog, which it does unless cancelled.
    expect(await first.locator('sk-session-expired').getByRole('dialog').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
