/**
 * Two browser contexts are two devices of one user. Revoking a device, or signing out everywhere,
 * must end the session there too, and that device must say why.
 */
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { expiredDialog, openAccount, revoke, status, type BackendName } from './support/account-page.js';
import { expiryReasons, recordExpiries } from './support/events.js';
import { signIn, signUp } from './support/users.js';

/** Device B: another browser, by its user agent, so its row is easy to tell apart. */
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const REVOKED_TEXT = 'This device was signed out from another device.';
/** The kit checks the session on focus at most once per 5 s. */
const FOCUS_THROTTLE_MS = 5_000;

async function twoDevices(browser: Browser, baseURL: string, backend: BackendName) {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS })];
  const user = await signUp(contexts[0], baseURL);
  await signIn(contexts[1], baseURL, user);
  await recordExpiries(contexts[1]);
  const [a, b] = await Promise.all(contexts.map((context) => context.newPage()));
  await openAccount(b, backend);
  const bCheckedAt = Date.now();
  await openAccount(a, backend);
  return { a, b, bCheckedAt, close: () => Promise.all(contexts.map((context) => context.close())) };
}

for (const backend of ['rest', 'better-auth'] as const) {
  test.describe(`with the ${backend} backend`, () => {
    test('device A revokes device B; B learns it on its next request', async ({ browser, baseURL }) => {
      const { a, b, close } = await twoDevices(browser, baseURL!, backend);

      await revoke(a, 'Firefox on Windows');
      await expect(a.locator('sk-session-list').getByRole('status')).toHaveText('Signed out of Firefox on Windows.');

      // B's next call to the app's own API meets the 401 and ends the session there.
      await b.getByRole('button', { name: 'Sign in from a tablet' }).click();
      await expect(expiredDialog(b)).toContainText(REVOKED_TEXT);
      await expect(status(b)).toHaveAttribute('data-status', 'expired');
      expect(await expiryReasons(b)).toEqual(['revoked']);
      await close();
    });

    test('device A signs out everywhere; B learns it when it gets focus', async ({ browser, baseURL }) => {
      const { a, b, bCheckedAt, close } = await twoDevices(browser, baseURL!, backend);

      await a.getByRole('button', { name: 'Log out everywhere' }).click();
      await a.getByRole('button', { name: 'Yes, log out' }).click();
      await a.waitForURL('/login');

      await b.waitForTimeout(Math.max(0, FOCUS_THROTTLE_MS + 100 - (Date.now() - bCheckedAt)));
      await b.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect(expiredDialog(b)).toContainText(REVOKED_TEXT);
      expect(await expiryReasons(b)).toEqual(['revoked']);
      await close();
    });
  });
}
