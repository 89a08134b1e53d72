/** RELIABILITY 18: after logging out, Back shows the signed-out state, never the old account page. */
import { expect, test } from '@playwright/test';
import { headerLogout, openAccount, rows } from './support/account-page.js';
import { signUp } from './support/users.js';

test('Back after logging out does not show the account again', async ({ page, context, baseURL }) => {
  await signUp(context, baseURL!);
  await openAccount(page);
  await headerLogout(page).click();
  await page.waitForURL(/\/login/);

  await page.goBack();
  // Reloaded (the page is no-store) and sent to sign in, or restored and re-checked: either way signed out.
  await expect(page.getByRole('heading', { name: 'Sign in' }).or(page.getByText("You're signed out."))).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('This device')).toHaveCount(0);
});
