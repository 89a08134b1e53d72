/**
 * What every backend shares besides the transport (`../http.ts`): the defaults, the answers that
 * count as success ("already gone", "already signed out"), the `revoked` count, a deadline around
 * SDK calls, and value normalizers.
 */
import { onAbort } from '../abort.js';
import { NetworkError, SessionExpiredError, SessionKitError } from '../errors.js';
import type { BackendCapabilities } from '../types.js';

export { safeCode } from '../http.js';

/** Every backend's per-attempt timeout and GET retries, unless its options say otherwise. */
export function callDefaults(options: { timeout?: number; retries?: number }) {
  return { timeoutMs: (options.timeout ?? 10) * 1000, retries: options.retries ?? 3 };
}

/**
 * A backend's capabilities: it lists, revokes one and revokes the others, signs out everywhere and
 * refreshes, unless `capabilities` says otherwise.
 */
export const capabilitiesOf = (capabilities?: Partial<BackendCapabilities>): BackendCapabilities => ({
  list: true,
  revoke: true,
  revokeOthers: true,
  signOutAll: true,
  refresh: true,
  ...capabilities,
});

/** A revoke answered 404: the session is already gone, which is what was wanted. Rethrows anything else. */
export function alreadyGone(error: unknown): void {
  if ((error as { status?: number } | null)?.status !== 404) throw error;
}

/** A sign-out answered "no session" (401): signed out already, which is what was wanted. Rethrows anything else. */
export function alreadySignedOut(error: unknown): void {
  if (!(error instanceof SessionExpiredError)) throw error;
}

/** The `revoked` count of a revoke-others answer (`{ "revoked": n }`), when the server gives one. */
export function revokedCount(body: unknown): number | undefined {
  const revoked = (body as { revoked?: unknown } | undefined)?.revoked;
  return typeof revoked === 'number' && revoked >= 0 ? revoked : undefined;
}

/** Dates as `parseSession` accepts them: `Date` objects become epoch ms, strings and numbers pass. */
export function dateInput(value: unknown): string | number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

export { isRecord } from '../validate.js';

/**
 * Runs `run` (an SDK call) with a signal that aborts on the caller's signal or after `timeoutMs`.
 * Anything it throws that is not already one of the kit's errors is a failed transport:
 * `NetworkError` `aborted`, `timeout` or `network`.
 */
export async function withDeadline<T>(timeoutMs: number, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeoutMs);
  const stopListening = onAbort(signal, abort);
  try {
    if (controller.signal.aborted) throw new NetworkError('aborted');
    // A deadline that passes while the SDK still works must win: the SDK may never settle.
    return await Promise.race([
      run(controller.signal),
      new Promise<never>((_, reject) => onAbort(controller.signal, () => reject(new NetworkError(signal?.aborted ? 'aborted' : 'timeout')))),
    ]);
  } catch (error) {
    if (error instanceof SessionKitError) throw error;
    throw new NetworkError(signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    stopListening();
  }
}

/** `location`-relative URLs resolved for a stable cross-tab key; as given where there is no page. */
export function absoluteKey(url: string): string {
  try {
    return typeof location === 'object' ? new URL(url, location.href).href : url;
  } catch {
    return url;
  }
}
