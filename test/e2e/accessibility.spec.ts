/** axe-core finds no WCAG 2.2 AA violation on the demo's pages, in the states people see, light and dark. */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { addPhone, expiredDialog, headerLogout, openAccount } from './support/account-page.js';
import { signUp } from './support/users.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** The violations, as rule id → offending elements, so a failure says what to fix. */
async function violations(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }));
  }, WCAG_22_AA);
}

// The pages' Content-Security-Policy allows no inline script, and axe is injected as one.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const path of ['/login', '/signup']) {
      test(`${path} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }

    test('/account has no WCAG 2.2 AA violations: the list, a confirmation, the expired dialog', async ({ page, context, baseURL }) => {
      await signUp(context, baseURL!);
      await openAccount(page);
      await addPhone(page);
      expect(await violations(page)).toEqual([]);

      await page.locator('sk-session-list').getByRole('button', { name: 'Sign out of Safari on iOS' }).click();
      expect(await violations(page)).toEqual([]);

      const other = await context.newPage();
      await openAccount(other);
      await headerLogout(other).click();
      await expect(expiredDialog(page)).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
