/**
 * RELIABILITY 17: no token-like value is ever written to web storage — not a JWT-looking string,
 * not the session cookie's value, not the raw session token better-auth's list-sessions returns.
 */
import { expect, test, type Page } from '@playwright/test';
import { SESSIONKIT_BASE } from '../../demo/shared/paths.js';
import { accountUrl, addPhone, headerLogout, openAccount, revoke, status } from './support/account-page.js';
import { dumpStorage } from './support/storage.js';
import { sessionCookie, signUp } from './support/users.js';

const JWT_LIKE = /eyJ[\w-]{8,}/;

async function expectNoSecrets(page: Page, secrets: string[]) {
  const stored = await dumpStorage(page);
  expect(stored).not.toMatch(JWT_LIKE);
  for (const secret of secrets) expect(stored).not.toContain(secret);
}

for (const backend of ['rest', 'better-auth'] as const) {
  test(`sign-in, list, revoke and sign-out leave no token in web storage (${backend} backend)`, async ({ page, context, baseURL }) => {
    const user = await signUp(context, baseURL!);
    await context.clearCookies();

    // Sign in through the page, as a person would.
    await page.goto(`/login?return_to=${encodeURIComponent(accountUrl(backend))}`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(status(page)).toHaveAttribute('data-status', 'active');
    const cookie = await sessionCookie(context);
    const secrets = [cookie.value, cookie.token];
    await expectNoSecrets(page, secrets);

    await addPhone(page);
    await revoke(page, 'Safari on iOS');
    await expectNoSecrets(page, secrets);

    await headerLogout(page).click();
    await page.waitForURL(/\/login/);
    await expectNoSecrets(page, secrets);
  });
}

test('the REST protocol shows the browser session ids, never tokens', async ({ page, context, baseURL }) => {
  await signUp(context, baseURL!);
  const { token } = await sessionCookie(context);
  await openAccount(page);
  await addPhone(page);
  const body = await (await context.request.get(`${SESSIONKIT_BASE}/sessions`)).text();
  expect(JSON.parse(body).sessions).toHaveLength(2);
  expect(body).not.toContain(token);
  expect(body).not.toContain('token');
});
