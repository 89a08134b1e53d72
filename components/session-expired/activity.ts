const KEY = 'sessionkit:activity';
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'visibilitychange'];
/** Writes to storage at most this often: enough for an idle timeout, cheap for the page. */
const WRITE_EVERY_MS = 1000;

export type ActivityTracker = ReturnType<typeof trackActivity>;

/**
 * Tracks the user's last activity in every tab of this origin: pointer, key, wheel and touch input,
 * or a tab becoming visible. Each tab writes a timestamp (no personal data) to localStorage, and
 * hears the others through `storage` events.
 *
 * @param onActivity Called on activity in this tab or another.
 * @param ignoreWithin Activity inside this node (the warning dialog itself) does not count: its buttons decide.
 */
export function trackActivity(onActivity: () => void, ignoreWithin: () => Node | null | undefined) {
  let lastActivity = Date.now();
  let lastWrite = 0;
  let listening = false;

  /** Activity here, now: shared with the other tabs (at most once per `WRITE_EVERY_MS`) and reported. */
  const record = () => {
    lastActivity = Date.now();
    if (lastActivity - lastWrite >= WRITE_EVERY_MS) {
      lastWrite = lastActivity;
      try {
        localStorage.setItem(KEY, String(lastActivity));
      } catch {
        // Storage blocked: activity then counts in this tab only.
      }
    }
    onActivity();
  };

  const onLocal = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'visible') return;
    const inside = ignoreWithin();
    if (inside && event.composedPath().includes(inside)) return;
    record();
  };

  const onStorage = (event: StorageEvent) => {
    const time = event.key === KEY ? Math.min(Number(event.newValue), Date.now()) : 0;
    if (time > lastActivity) {
      lastActivity = time;
      onActivity();
    }
  };

  return {
    /** When the user was last active, in any tab (ms since the epoch). */
    get lastActivity() {
      return lastActivity;
    },

    /** Starts listening; does nothing when already listening. */
    start() {
      if (listening) return;
      listening = true;
      // Starting (the page loaded, the element connected) is activity now: a stamp another tab left is
      // older, and one from the future (a clock set back) must not keep the timeout from running out.
      lastActivity = Date.now();
      for (const type of EVENTS) document.addEventListener(type, onLocal, { capture: true, passive: true });
      addEventListener('storage', onStorage);
    },

    /** Stops listening; does nothing when not listening. */
    stop() {
      if (!listening) return;
      listening = false;
      for (const type of EVENTS) document.removeEventListener(type, onLocal, { capture: true });
      removeEventListener('storage', onStorage);
    },

    /** Counts as activity now (e.g. "Stay signed in"), and is shared with the other tabs at once. */
    touch() {
      lastWrite = 0;
      record();
    },
  };
}
