import { onAbort } from './abort.js';
import { NetworkError, ServerError } from './errors.js';

const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** A server's `Retry-After` in milliseconds (seconds or an HTTP date), capped at 60 s. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** About 1 s, 2 s, 4 s… (±25 % jitter, so tabs that failed together do not retry together), capped at 30 s. */
export function backoffDelay(attempt: number, random = Math.random): number {
  return Math.min(1000 * 2 ** attempt * (0.75 + random() / 2), MAX_BACKOFF_MS);
}

/** Resolves after `ms`, or rejects with an `aborted` NetworkError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
    const stopListening = onAbort(signal, () => {
      clearTimeout(timer);
      reject(new NetworkError('aborted'));
    });
  });
}

/** Transient failures worth another try for an idempotent request. 401 and 403 never are. */
function retryDelay(error: unknown, attempt: number): number | undefined {
  if (error instanceof NetworkError) return error.code === 'aborted' ? undefined : backoffDelay(attempt);
  if (error instanceof ServerError) {
    if (error.status === 429) return error.retryAfter ?? backoffDelay(attempt);
    if ((error.status ?? 0) >= 500) return backoffDelay(attempt);
  }
  return undefined;
}

/** Runs an idempotent request, retrying transient failures up to `retries` times. */
export async function withRetry<T>(run: () => Promise<T>, retries: number, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const delay = attempt < retries ? retryDelay(error, attempt) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }
}
