import type { Environment } from './environment.js';
import { timerMs } from './rechecks.js';
import type { SessionState } from './types.js';

const DEGRADED_RECHECK_MS = 30_000;
/** A check at the very moment of expiry may still find the session alive: look again after this. */
const EXPIRY_GRACE_MS = 500;
/** Re-checks of a session still active after its expiresAt, before that expiresAt is given up on. */
const OVERDUE_RECHECKS = 3;

/**
 * The one timer that follows the state: an active session is checked when its `expiresAt` passes
 * (a sliding session the server extended stays active), a degraded one again after 30 s. Returns
 * the state listener that re-arms it, and the function that stops it.
 */
export function expiryScheduler(
  env: Environment,
  recheck: () => void,
  expiresIn: () => number | undefined,
): [schedule: (state: SessionState) => void, stop: () => void] {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Active answers in a row whose expiresAt had already passed. */
  let overdueAnswers = 0;
  const stop = () => clearTimeout(timer);
  const schedule = ({ status }: SessionState) => {
    stop();
    const remaining = expiresIn();
    if (status === 'active' && remaining !== undefined) {
      // Already due and yet active: the server may not agree yet (clock rounding), so ask again
      // after 1 s, 2 s, 4 s; a server that keeps answering so does not end sessions at expiresAt,
      // and the other re-checks (401s, focus, other tabs, polling) are left to notice the end.
      overdueAnswers = remaining > 0 ? 0 : overdueAnswers + 1;
      const delay = remaining > 0 ? remaining + EXPIRY_GRACE_MS : EXPIRY_GRACE_MS * 2 ** overdueAnswers;
      if (overdueAnswers <= OVERDUE_RECHECKS) timer = setTimeout(() => env.isOnline() && recheck(), timerMs(delay));
    }
    if (status === 'degraded') timer = setTimeout(recheck, DEGRADED_RECHECK_MS);
  };
  return [schedule, stop];
}
