/**
 * RELIABILITY 21: navigation targets that leave the site are never followed — not by the kit's
 * `redirect-to` and `login-url`, not by the demo's `return_to` after signing in.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expiredDialog, headerLogout, openAccount, status } from './support/account-page.js';
import { signIn, signUp } from './support/users.js';

const HOSTILE = ['https://evil.example/', '//evil.example/', 'javascript:alert(1)'];

/** Records every attempt to reach evil.example (and blocks it), and every `alert()` from `javascript:`. */
async function watchForEscapes(context: BrowserContext) {
  const escapes: string[] = [];
  await context.route((url) => url.hostname === 'evil.example', (route) => {
    escapes.push(route.request().url());
    return route.abort();
  });
  const watchDialogs = (page: Page) =>
    page.on('dialog', (dialog) => {
      escapes.push(`${dialog.type()}: ${dialog.message()}`);
      return dialog.dismiss();
    });
  context.pages().forEach(watchDialogs);
  context.on('page', watchDialogs);
  return escapes;
}

/** Sets `attribute` on the first `selector` inside the page, as a page author would. */
const setAttribute = (page: Page, selector: string, attribute: string, value: string) =>
  page.locator(selector).first().evaluate((element, [name, target]) => element.setAttribute(name, target), [attribute, value]);

/** Resolves with the kit's console error for a refused target. */
const refusal = (page: Page) => page.waitForEvent('console', (message) => message.type() === 'error' && message.text().includes('refused'));

// One test per target: each case signs in and loads pages, and on a busy machine four of them in one
// test's time budget ran out of it.
for (const target of HOSTILE) {
  test(`redirect-to outside the site (${target}): the logout happens, the navigation does not`, async ({ context, page, baseURL }) => {
    const escapes = await watchForEscapes(context);
    await signUp(context, baseURL!);
    await openAccount(page);
    await setAttribute(page, 'header sk-logout-button', 'redirect-to', target);
    const refused = refusal(page);
    await headerLogout(page).click();
    await refused;
    await expect(status(page)).toHaveAttribute('data-status', 'signed-out');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(escapes).toEqual([]);
  });
}

const LOGIN_URL_CASES = [...HOSTILE.map((target) => ({ target, autoRedirect: false })), { target: HOSTILE[0], autoRedirect: true }];
for (const { target, autoRedirect } of LOGIN_URL_CASES) {
  test(`login-url outside the site (${target}${autoRedirect ? ', auto-redirect' : ''}): "Sign in again" stays on the site`, async ({ context, baseURL }) => {
    const escapes = await watchForEscapes(context);
    await signUp(context, baseURL!);
    const [page, other] = [await context.newPage(), await context.newPage()];
    await openAccount(page);
    await openAccount(other);
    await setAttribute(page, 'sk-session-expired', 'login-url', target);
    if (autoRedirect) await setAttribute(page, 'sk-session-expired', 'auto-redirect', '');

    // Signing out in the other tab ends this tab's session: the dialog offers "Sign in again".
    const refused = refusal(page);
    await headerLogout(other).click();
    await refused;
    const signInAgain = expiredDialog(page).getByRole('button', { name: 'Sign in again' });
    await expect(signInAgain).toBeVisible();
    // Refused, it reloads this page instead, and the server sends the signed-out visitor to sign in.
    await signInAgain.click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(escapes).toEqual([]);
  });
}

test('after signing in, return_to is followed only within the site', async ({ context, page, baseURL }) => {
  const escapes = await watchForEscapes(context);
  const user = await signUp(context, baseURL!);
  for (const target of [...HOSTILE, '/\\evil.example/']) {
    await context.clearCookies();
    await page.goto(`/login?return_to=${encodeURIComponent(target)}`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
  }
  expect(escapes).toEqual([]);
});

test('auto-redirect with a login-url on the site goes straight there, carrying this page as return_to, and back after signing in', async ({ context, baseURL }) => {
  const user = await signUp(context, baseURL!);
  const [page, other] = [await context.newPage(), await context.newPage()];
  await signIn(context, baseURL!, user);
  await openAccount(page);
  await openAccount(other);
  await page.evaluate(() => history.replaceState(null, '', '/account?tab=devices'));
  await setAttribute(page, 'sk-session-expired', 'login-url', '/login');
  await setAttribute(page, 'sk-session-expired', 'auto-redirect', '');

  await headerLogout(other).click();

  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('return_to')).toBe('/account?tab=devices');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/account' && url.search === '?tab=devices');
});
