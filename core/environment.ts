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

function listen(target: EventTarget, type: string, listener: (event: Event) => void) {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

export const browserEnvironment: Environment = {
  onFocus(listener) {
    if (!hasWindow()) return () => {};
    const offFocus = listen(window, 'focus', listener);
    const offVisible = listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') listener();
    });
    return () => {
      offFocus();
      offVisible();
    };
  },
  onResume(listener) {
    if (!hasWindow()) return () => {};
    const offOnline = listen(window, 'online', listener);
    const offPageShow = listen(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) listener();
    });
    return () => {
      offOnline();
      offPageShow();
    };
  },
  isOnline: () => (globalThis.navigator as Navigator | undefined)?.onLine !== false,
  isVisible: () => !hasWindow() || document.visibilityState !== 'hidden',
};
