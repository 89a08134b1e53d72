const KEY = 'sessionkit:activity';
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'visibilitychange'];
/** Writes to storage at most this often: enough for an idle timeout, cheap for the page. */
const WRITE_EVERY_MS = 1000;

/**
 * Tracks the user's last activity in every tab of this origin: pointer, key, wheel and touch input,
 * or a tab becoming visible. Each tab writes a timestamp (no personal data) to localStorage, and
 * hears the others through `storage` events.
 */
export class ActivityTracker {
  lastActivity = Date.now();
  private lastWrite = 0;

  constructor(
    /** Called on activity in this tab or another. */
    private readonly onActivity: () => void,
    /** Activity inside this node (the warning dialog itself) does not count: its buttons decide. */
    private readonly ignoreWithin: () => Node | undefined,
  ) {}

  start() {
    this.lastActivity = Math.max(Date.now(), this.stored());
    for (const type of EVENTS) document.addEventListener(type, this.onLocal, { capture: true, passive: true });
    addEventListener('storage', this.onStorage);
  }

  stop() {
    for (const type of EVENTS) document.removeEventListener(type, this.onLocal, { capture: true });
    removeEventListener('storage', this.onStorage);
  }

  /** Counts as activity now (e.g. "Stay signed in"). */
  touch() {
    this.lastActivity = Date.now();
    this.lastWrite = 0;
    this.write();
    this.onActivity();
  }

  private stored(): number {
    try {
      return Number(localStorage.getItem(KEY)) || 0;
    } catch {
      return 0;
    }
  }

  private write() {
    if (this.lastActivity - this.lastWrite < WRITE_EVERY_MS) return;
    this.lastWrite = this.lastActivity;
    try {
      localStorage.setItem(KEY, String(this.lastActivity));
    } catch {
      // Storage blocked: activity then counts in this tab only.
    }
  }

  private readonly onLocal = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'visible') return;
    const inside = this.ignoreWithin();
    if (inside && event.composedPath().includes(inside)) return;
    this.lastActivity = Date.now();
    this.write();
    this.onActivity();
  };

  private readonly onStorage = (event: StorageEvent) => {
    const time = event.key === KEY ? Number(event.newValue) : 0;
    if (time > this.lastActivity) {
      this.lastActivity = time;
      this.onActivity();
    }
  };
}
