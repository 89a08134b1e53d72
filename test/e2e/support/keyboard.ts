import type { Page } from '@playwright/test';

export interface Focused {
  /** The accessible name, roughly: `aria-label`, else the label of an input, else the text. */
  name: string;
  /** The custom element whose shadow root holds the focused element, if any (e.g. `sk-session-list`). */
  host?: string;
}

/** What has keyboard focus, looking into shadow roots. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return { name: '' };
    const root = element.getRootNode();
    const text = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
    return { name: text.trim().replace(/\s+/g, ' '), host: root instanceof ShadowRoot ? root.host.localName : undefined };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `limit` presses. */
export async function tabTo(page: Page, target: Focused, { backwards = false, limit = 40 } = {}) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.name === target.name && (!target.host || now.host === target.host)) return;
  }
  throw new Error(`${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${JSON.stringify(target)}`);
}
