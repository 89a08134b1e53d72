/**
 * The account page after its session ended elsewhere: once the dialog is closed, the page shows the
 * signed-out state, not buttons that can only fail. And the demo's "Signed in on a phone" note
 * goes when that phone is signed out.
 */
import { expect, test } from '@playwright/test';
import { addPhone, expiredDialog, headerLogout, openAccount, revoke } from './support/account-page.js';
import { signUp } from './support/users.js';

test('after being signed out in another tab and closing the dialog, the page offers no logout or device buttons', async ({ context, baseURL }) => {
  await signUp(context, baseURL!);
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openAccount(a);
  await openAccount(b);
  await expect(b.getByRole('button', { name: 'Log out everywhere' })).toBeVisible();

  await headerLogout(a).click();
  await expect(expiredDialog(b)).toContainText('You signed out in another tab');
  await expiredDialog(b).getByRole('button', { name: 'Close' }).click();
  await expect(expiredDialog(b)).toBeHidden();

  await expect(b.locator('sk-session-list').getByRole('status')).toHaveText("You're signed out.");
  for (const name of ['Log out', 'Log out everywhere', 'Sign in from a phone', 'Sign in from a tablet']) {
    await expect(b.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
});

test('"Signed in on a phone (simulated)." goes when that phone is signed out from the list', async ({ context, baseURL, page }) => {
  await signUp(context, baseURL!);
  await openAccount(page);
  await addPhone(page);
  const note = page.locator('#device-status');
  await expect(note).toHaveText('Signed in on a phone (simulated).');

  await revoke(page, 'Safari on iOS');
  await expect(page.locator('sk-session-list').getByRole('status')).toHaveText('Signed out of Safari on iOS.');
  await expect(note).toHaveText('');
});
