import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumer, requireInstalled, writeFiles } from './consumer.js';
import { staticSite } from './static-server.js';

/**
 * `sessionkit/cdn/sessionkit.js` from the installed tarball, loaded by a static page with one
 * `<script type="module" src>`: no bundler, no import map, no bare specifier anywhere.
 */
const site = join(consumer, 'cdn-site');
const script = '/node_modules/sessionkit/cdn/sessionkit.js';

const page = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>sessionkit without a bundler</title><link rel="icon" href="data:,">
<script type="module" src="${script}"></script>
</head>
<body>
<sk-session-provider base-url="/api/auth">
  <sk-logout-button></sk-logout-button>
  <sk-session-list></sk-session-list>
  <sk-session-expired login-url="/login"></sk-session-expired>
</sk-session-provider>
<script type="module">
  import { createSessionClient, restBackend, SkLogoutButton } from '${script}';
  const client = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
  const session = await client.getSession();
  window.coreResult = { current: session.current, sameClass: customElements.get('sk-logout-button') === SkLogoutButton };
  client.dispose();
</script>
</body>
</html>
`;

beforeAll(() => {
  requireInstalled();
  writeFiles(site, { 'index.html': page });
});
const served = staticSite(2);

describe('sessionkit/cdn/sessionkit.js on a static page', () => {
  it('registers every element, speaks the page language from a lazy chunk, and exposes the core API', async () => {
    const tab = await served.browser.newPage();
    const problems: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${served.server.origin}/cdn-site/`);

    await expect.poll(() => tab.locator('sk-session-list').getByRole('listitem').count()).toBe(3);
    await expect.poll(() => tab.locator('sk-session-list').getByText('Dieses Gerät').count()).toBe(1);
    await expect.poll(() => tab.locator('sk-logout-button').getByRole('button').textContent()).toContain('Abmelden');
    expect(await tab.evaluate(() => ['sk-session-provider', 'sk-logout-button', 'sk-session-list', 'sk-session-expired'].map((tag) => !!customElements.get(tag)))).toEqual([true, true, true, true]);
    await expect.poll(() => tab.evaluate(() => (window as unknown as { coreResult?: object }).coreResult)).toEqual({ current: true, sameClass: true });
    expect(await tab.locator('script[type=importmap]').count()).toBe(0);

    const scripts = served.server.requests.filter((path) => path.endsWith('.js'));
    expect(scripts[0]).toBe(script);
    // One module and the German chunk beside it: Lit is inside, other languages are not fetched.
    expect(scripts.slice(1)).toEqual([expect.stringMatching(/^\/node_modules\/sessionkit\/cdn\/chunks\/de-\w+\.js$/)]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('an English page fetches the one module and no locale', async () => {
    writeFiles(site, { 'en.html': page.replace('lang="de"', 'lang="en"') });
    const before = served.server.requests.length;
    const tab = await served.browser.newPage();
    await tab.goto(`${served.server.origin}/cdn-site/en.html`);
    await expect.poll(() => tab.locator('sk-logout-button').getByRole('button').textContent()).toContain('Log out');
    await expect.poll(() => tab.locator('sk-session-list').getByText('This device').count()).toBe(1);
    expect(served.server.requests.slice(before).filter((path) => path.endsWith('.js'))).toEqual([script]);
    await tab.close();
  });

  it('a page that turns on a countdown fetches its code beside the module, and the countdown runs', async () => {
    // An idle timeout as short as its warning opens the warning at once.
    writeFiles(site, { 'idle.html': page.replace('lang="de"', 'lang="en"').replace('login-url="/login"', 'login-url="/login" idle-timeout="20"') });
    const before = served.server.requests.length;
    const tab = await served.browser.newPage();
    await tab.goto(`${served.server.origin}/cdn-site/idle.html`);
    await expect.poll(() => tab.locator('sk-session-expired').getByRole('dialog').textContent()).toContain('Are you still there?');
    const scripts = served.server.requests.slice(before).filter((path) => path.endsWith('.js'));
    expect(scripts).toEqual([script, expect.stringMatching(/^\/node_modules\/sessionkit\/cdn\/chunks\/warnings-\w+\.js$/)]);
    await tab.close();
  });
});
