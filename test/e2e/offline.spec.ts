/** RELIABILITY 7: a network outage of a few seconds is not a sign-out. */
import { expect, test } from '@playwright/test';
import { SESSIONKIT_BASE } from '../../demo/shared/paths.js';
import { expiredDialog, openAccount, rows, status } from './support/account-page.js';
import { expiryReasons, recordExpiries } from './support/events.js';
import { signUp } from './support/users.js';

test('an outage of a few seconds keeps the user signed in; the first check after it succeeds', async ({ context, page, baseURL }) => {
  await recordExpiries(context);
  await signUp(context, baseURL!);
  await openAccount(page);

  await context.setOffline(true);
  // The app's own call fails as a network error, which is not a reason to sign anyone out.
  await page.getByRole('button', { name: 'Sign in from a phone' }).click();
  await expect(page.locator('#device-status')).toHaveText("Couldn't sign in on a phone. Try again.");
  await page.waitForTimeout(3_000);

  // Coming back online, the kit checks the session at once.
  const firstCheck = page.waitForResponse((response) => response.url().endsWith(`${SESSIONKIT_BASE}/session`));
  await context.setOffline(false);
  expect((await firstCheck).status()).toBe(200);

  await expect(status(page)).toHaveAttribute('data-status', 'active');
  await expect(rows(page)).toHaveCount(1);
  await expect(expiredDialog(page)).toBeHidden();
  expect(await expiryReasons(page)).toEqual([]);
  // And the server agrees: the account page is still served.
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-status', 'active');
});
