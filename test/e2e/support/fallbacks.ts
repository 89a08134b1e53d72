import type { BrowserContext } from '@playwright/test';

/** The two ways a browser can coordinate tabs: the kit's first choice, and its storage fallback. */
export const TAB_MODES = ['BroadcastChannel and Web Locks', 'the storage fallback'] as const;
export type TabMode = (typeof TAB_MODES)[number];

/** In every page of `context`, removes `BroadcastChannel` and `navigator.locks` (RELIABILITY 14). */
export async function useTabMode(context: BrowserContext, mode: TabMode) {
  if (mode !== 'the storage fallback') return;
  await context.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    delete (Navigator.prototype as { locks?: unknown }).locks;
  });
}
