/**
 * Two tabs of one browser share one session: a sign-out in one reaches the other within a second
 * (RELIABILITY 13), and 401s in both at once cost one refresh (12) — with BroadcastChannel and Web
 * Locks, and without them, through the storage fallback (14).
 */
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { SESSIONKIT_BASE } from '../../demo/shared/paths.js';
import { expiredDialog, headerLogout, openAccount, status } from './support/account-page.js';
import { TAB_MODES, useTabMode, type TabMode } from './support/fallbacks.js';
import { signUp } from './support/users.js';

async function twoTabs(context: BrowserContext, baseURL: string, mode: TabMode): Promise<[Page, Page]> {
  await useTabMode(context, mode);
  await signUp(context, baseURL);
  const tabs: [Page, Page] = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openAccount(tab);
  const fallback = mode === 'the storage fallback';
  for (const tab of tabs) expect(await tab.evaluate(() => 'BroadcastChannel' in window || 'locks' in navigator)).toBe(!fallback);
  return tabs;
}

/** Everything `page` asks of the auth server from now on. */
function recordAuthRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(`${request.method()} ${request.url()}`);
  });
  return seen;
}

for (const mode of TAB_MODES) {
  test.describe(`with ${mode}`, () => {
    test('signing out in one tab ends the session in the other within 1 s, which then stays quiet', async ({ context, baseURL }) => {
      const [a, b] = await twoTabs(context, baseURL!, mode);
      const requestsFromB = recordAuthRequests(b);

      const signedOut = a.waitForResponse((response) => response.url().endsWith(`${SESSIONKIT_BASE}/signout`));
      await headerLogout(a).click();
      await signedOut;
      await expect(expiredDialog(b)).toContainText('You signed out in another tab', { timeout: 1_000 });
      await expect(status(b)).toHaveAttribute('data-status', 'signed-out');

      // Whatever would normally make a tab check its session: none of it may reach the server now.
      // A check would start within the task that handles the event; a request sent a task later, once
      // seen, shows that everything the events caused has been sent.
      const marker = '/api/after-the-events';
      await b.evaluate(async (marker) => {
        window.dispatchEvent(new Event('focus'));
        window.dispatchEvent(new Event('online'));
        document.dispatchEvent(new Event('visibilitychange'));
        await new Promise((resolve) => setTimeout(resolve, 0));
        await fetch(marker).catch(() => undefined);
      }, marker);
      await expect.poll(() => requestsFromB.some((request) => request.endsWith(marker))).toBe(true);
      expect(requestsFromB).toEqual([`GET ${new URL(marker, b.url()).href}`]);
    });

    test('401s in both tabs at the same moment cause one refresh, and both stay signed in', async ({ context, baseURL }) => {
      const tabs = await twoTabs(context, baseURL!, mode);
      const refreshes: string[] = [];
      context.on('request', (request) => {
        if (request.url().endsWith(`${SESSIONKIT_BASE}/session/refresh`)) refreshes.push(request.url());
      });

      // Each tab's next session check is held until the other tab's arrives; then both get a 401.
      const held = new Map<Page, Route>();
      await context.route(`**${SESSIONKIT_BASE}/session`, async (route) => {
        const tab = route.request().frame().page();
        if (held.size === tabs.length || held.has(tab)) return route.fallback();
        held.set(tab, route);
        if (held.size < tabs.length) return;
        await Promise.all([...held.values()].map((r) => r.fulfill({ status: 401, json: { error: { code: 'unauthenticated', message: 'No session.' } } })));
      });
      // Each tab ends signed in once a session check succeeds after its 401.
      const recovered = tabs.map((tab) =>
        tab.waitForResponse((response) => response.url().endsWith(`${SESSIONKIT_BASE}/session`) && response.status() === 200),
      );
      // Coming back online makes every tab check its session at once.
      await context.setOffline(true);
      await context.setOffline(false);

      await Promise.all(recovered);
      expect(held.size).toBe(2);
      for (const tab of tabs) await expect(status(tab)).toHaveAttribute('data-status', 'active');
      // The storage fallback's lease is not airtight: one extra refresh is tolerated there.
      expect(refreshes.length).toBeGreaterThanOrEqual(1);
      expect(refreshes.length).toBeLessThanOrEqual(mode === 'the storage fallback' ? 2 : 1);
      for (const tab of tabs) await expect(expiredDialog(tab)).toBeHidden();
    });
  });
}

test('a tab on the better-auth client and a tab on the REST protocol share sign-outs, as they share the session', async ({ context, baseURL }) => {
  await signUp(context, baseURL!);
  const betterAuthTab = await context.newPage();
  const restTab = await context.newPage();
  await openAccount(betterAuthTab, 'better-auth');
  await openAccount(restTab);

  await headerLogout(betterAuthTab).click();

  await expect(expiredDialog(restTab)).toContainText('You signed out in another tab', { timeout: 1_000 });
  await expect(status(restTab)).toHaveAttribute('data-status', 'signed-out');
});
