/** Every main flow with the keyboard alone: sign in, revoke a device (confirming), log out. */
import { expect, test } from '@playwright/test';
import { row, status } from './support/account-page.js';
import { focused, tabTo } from './support/keyboard.js';
import { signUp } from './support/users.js';

test('sign in, revoke a device and log out with Tab and Enter only', async ({ page, context, baseURL }) => {
  const user = await signUp(context, baseURL!);
  await context.clearCookies();

  await page.goto('/login');
  await tabTo(page, { name: 'Email' });
  await page.keyboard.type(user.email);
  await tabTo(page, { name: 'Password' });
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL('/account');
  await expect(status(page)).toHaveAttribute('data-status', 'active');

  await tabTo(page, { name: 'Sign in from a phone' });
  await page.keyboard.press('Enter');
  await expect(row(page, 'Safari on iOS')).toBeVisible();

  // The list is above the buttons: back up to the phone's revoke button.
  await tabTo(page, { name: 'Sign out of Safari on iOS', host: 'sk-session-list' }, { backwards: true });
  await page.keyboard.press('Enter');
  // The confirmation takes focus, on its safe choice.
  expect(await focused(page)).toEqual({ name: 'Cancel', host: 'sk-session-list' });
  await tabTo(page, { name: 'Sign out', host: 'sk-session-list' }, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(row(page, 'Safari on iOS')).toHaveCount(0);
  await expect(page.locator('sk-session-list').getByRole('status')).toHaveText('Signed out of Safari on iOS.');

  await tabTo(page, { name: 'Log out', host: 'sk-logout-button' }, { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForURL('/login');
});
