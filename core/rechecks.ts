import type { Environment } from './environment.js';

/** setTimeout and setInterval cannot wait longer than 2^31 − 1 ms: past it a browser fires at once instead of never. */
export const timerMs = (ms: number) => Math.min(ms, 2_147_483_647);

/**
 * Whether `time` is less than `ms` ago. A time in the future (the clock was set back) is not: a
 * throttle must not stall until the clock catches up.
 */
export const within = (time: number, ms: number) => {
  const elapsed = Date.now() - time;
  return elapsed >= 0 && elapsed < ms;
};

/**
 * Runs `recheck` when the data it fetches may be stale, through the injected environment: on focus
 * or visibility (online, and at most once per `throttleMs` after `lastRunAt()`), on resume (back
 * online or from the back/forward cache, unthrottled: what was shown, or failed, may be stale), and
 * every `intervalMs` when `pollNow()` agrees. Shared by the session checks and the sessions store.
 * Returns the function that removes it all.
 */
export function watchEnvironment(
  env: Environment,
  recheck: () => void,
  lastRunAt: () => number,
  throttleMs: number,
  intervalMs = 0,
  pollNow: () => boolean = env.isVisible,
): () => void {
  const offFocus = env.onFocus(() => env.isOnline() && !within(lastRunAt(), throttleMs) && recheck());
  const offResume = env.onResume(recheck);
  const poll = intervalMs > 0 ? setInterval(() => pollNow() && recheck(), timerMs(intervalMs)) : undefined;
  return () => {
    offFocus();
    offResume();
    clearInterval(poll);
  };
}
