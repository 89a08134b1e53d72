/** The demo's own pages: signing up and in through the forms, and where `/` and `/account` lead. */
import { expect, test } from '@playwright/test';
import { rows, status } from './support/account-page.js';
import { newUser, signUp } from './support/users.js';

test('sign up through the form, land on the account page, and find / leading there', async ({ page }) => {
  const user = newUser();
  await page.goto('/');
  await page.waitForURL('/login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await page.waitForURL('/account');
  await expect(status(page)).toHaveAttribute('data-status', 'active');
  await expect(rows(page)).toHaveCount(1);
  await page.goto('/');
  await page.waitForURL('/account');
});

test('a signed-out visitor is sent from /account to sign in, and brought back after', async ({ page, context, baseURL }) => {
  const user = await signUp(context, baseURL!);
  await context.clearCookies();

  await page.goto('/account?backend=better-auth');
  await page.waitForURL('/login?return_to=%2Faccount%3Fbackend%3Dbetter-auth');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');

  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('/account?backend=better-auth');
  await expect(status(page)).toHaveAttribute('data-status', 'active');
});
