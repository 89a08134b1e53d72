import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    /** Every `sk-session-expired` reason this document saw, in order. */
    expiryReasons: string[];
  }
}

/** Records every `sk-session-expired` event (they bubble and are composed) in each page of `context`. */
export function recordExpiries(context: BrowserContext) {
  return context.addInitScript(() => {
    window.expiryReasons = [];
    document.addEventListener('sk-session-expired', (event) => window.expiryReasons.push((event as CustomEvent<{ reason: string }>).detail.reason));
  });
}

export const expiryReasons = (page: Page) => page.evaluate(() => window.expiryReasons);
