import { noop } from './noop.js';

/**
 * The browser signals the client reacts to, behind one small interface so tests (and hosts such as
 * webviews) can drive them. Nothing here touches the DOM until a subscription is made.
 */
export interface Environment {
  /** The tab gained focus or became visible. */
  onFocus(listener: () => void): () => void;
  /** The browser came back online, or the page was restored from the back/forward cache. */
  onResume(listener: () => void): () => void;
  isOnline(): boolean;
  isVisible(): boolean;
}

const hasWindow = () => typeof window === 'object' && typeof document === 'object';

/**
 * Calls `listener` on `type` at `window`, and on `otherType` at `other()` when `when` agrees; nothing
 * outside a browser. Returns the function that removes both.
 */
function listen(listener: () => void, type: string, other: () => EventTarget, otherType: string, when: (event: Event) => boolean) {
  if (!hasWindow()) return noop;
  const target = other();
  const filtered = (event: Event) => when(event) && listener();
  window.addEventListener(type, listener);
  target.addEventListener(otherType, filtered);
  return () => {
    window.removeEventListener(type, listener);
    target.removeEventListener(otherType, filtered);
  };
}

export const browserEnvironment: Environment = {
  onFocus: (listener) => listen(listener, 'focus', () => document, 'visibilitychange', () => document.visibilityState === 'visible'),
  onResume: (listener) => listen(listener, 'online', () => window, 'pageshow', (event) => (event as PageTransitionEvent).persisted),
  isOnline: () => (globalThis.navigator as Navigator | undefined)?.onLine !== false,
  isVisible: () => !hasWindow() || document.visibilityState !== 'hidden',
};
