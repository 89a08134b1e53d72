import { expect, type Page } from '@playwright/test';

export type BackendName = 'rest' | 'better-auth';

/** The account page's URL for a backend (the page's toggle: `?backend=better-auth`). */
export const accountUrl = (backend: BackendName = 'rest') => (backend === 'rest' ? '/account' : '/account?backend=better-auth');

/** Opens the account page and waits until the client is signed in and the list has loaded. */
export async function openAccount(page: Page, backend: BackendName = 'rest') {
  await page.goto(accountUrl(backend));
  await expect(status(page)).toHaveAttribute('data-status', 'active');
  await expect(rows(page).first()).toBeVisible();
}

/** The page's live view of the client state; its `data-status` is the raw status. */
export const status = (page: Page) => page.locator('#session-status');

/** The session list's rows (inside its shadow root; Playwright's locators pierce it). */
export const rows = (page: Page) => page.locator('sk-session-list').getByRole('listitem');

/** The row of the session whose device label is `label`, e.g. "Safari on iOS". */
export const row = (page: Page, label: string) => rows(page).filter({ hasText: label });

/** The modal <sk-session-expired> shows when a session ends. */
export const expiredDialog = (page: Page) => page.locator('sk-session-expired').getByRole('dialog');

/** The header's logout button (the page also has "Log out everywhere" and the list's "Log out"). */
export const headerLogout = (page: Page) => page.locator('header sk-logout-button').getByRole('button', { name: 'Log out' });

/** Adds a simulated phone session for the signed-in user and waits for its row. */
export async function addPhone(page: Page) {
  await page.getByRole('button', { name: 'Sign in from a phone' }).click();
  await expect(row(page, 'Safari on iOS')).toBeVisible();
}

/** Revokes the session labelled `label` from the list, confirming in place. */
export async function revoke(page: Page, label: string) {
  await page.locator('sk-session-list').getByRole('button', { name: `Sign out of ${label}` }).click();
  await page.locator('sk-session-list').getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(row(page, label)).toHaveCount(0);
}
