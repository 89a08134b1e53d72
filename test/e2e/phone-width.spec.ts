/**
 * At a phone's width (375 × 667) the session list's rows reflow: no text of a row is clipped,
 * ellipsised or cut mid-phrase, in English and in German (whose phrases run longer).
 */
import { expect, test, type Page } from '@playwright/test';
import { addPhone, openAccount, rows } from './support/account-page.js';
import { signUp } from './support/users.js';

test.use({ viewport: { width: 375, height: 667 } });

/** Every element of every row whose text is cut: wider or taller than its box with overflow hidden, or ellipsised. */
function cutText(page: Page) {
  return page.locator('sk-session-list').evaluate((list) => {
    const cut: string[] = [];
    for (const row of list.shadowRoot!.querySelectorAll<HTMLElement>('[part~=row]')) {
      const bounds = row.getBoundingClientRect();
      for (const element of [row, ...row.querySelectorAll<HTMLElement>('*')]) {
        if (!element.textContent?.trim() || element.closest('svg')) continue;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible';
        const what = `${element.getAttribute('part') ?? element.localName}: "${element.textContent.trim().slice(0, 60)}"`;
        if (style.textOverflow === 'ellipsis') cut.push(`ellipsis on ${what}`);
        if (hides && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) cut.push(`clipped ${what}`);
        if (box.left < bounds.left - 1 || box.right > bounds.right + 1) cut.push(`outside its row ${what}`);
      }
      // A phrase of the times line ("Active 7 minutes ago") is never broken across lines.
      for (const phrase of row.querySelectorAll<HTMLElement>('[part=times] > *')) {
        const lines = new Set([...phrase.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) cut.push(`broken phrase "${phrase.textContent}"`);
      }
    }
    return cut;
  });
}

for (const lang of ['en', 'de']) {
  test(`at 375 × 667 no text of a row is clipped or ellipsised (${lang})`, async ({ context, baseURL, page }) => {
    await signUp(context, baseURL!);
    await openAccount(page);
    await addPhone(page);
    await page.getByRole('button', { name: 'Sign in from a tablet' }).click();
    await expect(rows(page)).toHaveCount(3);
    if (lang !== 'en') {
      await page.locator('sk-session-list').evaluate((list, lang) => list.setAttribute('lang', lang), lang);
      await expect(page.locator('sk-session-list').getByRole('heading')).toHaveText('Wo Sie angemeldet sind');
    }
    await expect(rows(page).first()).toContainText(lang === 'en' ? 'Active now' : 'Jetzt aktiv');

    expect(await cutText(page)).toEqual([]);
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
}
