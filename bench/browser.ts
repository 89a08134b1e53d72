import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../test/chromium.js';

/** Headless Chromium as the tests launch it, with `gc()` exposed for the memory bench. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    ...chromiumLaunchOptions,
    headless: true,
    args: [...chromiumLaunchOptions.args, '--js-flags=--expose-gc'],
  });
}

/** Opens the bench page and waits until msw's worker serves the fake. */
export async function openBench(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    // msw re-registers its worker now and then; a context closed meanwhile makes that fail. Harmless.
    if (!/Failed to update a ServiceWorker/.test(error.message)) console.error(`[page] ${error.message}`);
  });
  await loadBench(page, url);
  return page;
}

export async function loadBench(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 15_000 });
}
