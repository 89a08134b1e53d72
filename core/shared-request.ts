import { onAbort } from './abort.js';
import { NetworkError } from './errors.js';

export type RunShared = <T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** How one caller joins a request in flight: with its own signal, or none to wait for the end. */
type Join = (signal?: AbortSignal) => Promise<unknown>;

/**
 * One promise shared by every caller of the same in-flight request (TanStack Query's idea).
 * Each caller may pass its own signal: aborting it rejects only that caller, and the request
 * itself is aborted when no caller is left waiting for it. Returns the `run` function, one that
 * aborts every request still in flight, and one that lets the next caller of `key` start afresh
 * (its answer would be stale) while the callers already waiting keep theirs.
 */
export function sharedRequests(): [run: RunShared, abortAll: () => void, forget: (key: string) => void] {
  const flights = new Map<string, Join>();
  const controllers = new Set<AbortController>();

  function startFlight(key: string, start: (signal: AbortSignal) => Promise<unknown>): Join {
    const controller = new AbortController();
    /** Callers that can still go away; a caller without a signal never goes, and makes it Infinity. */
    let waiting = 0;
    const promise = start(controller.signal).finally(() => {
      controllers.delete(controller);
      if (flights.get(key) === join) flights.delete(key);
    });
    const join: Join = (signal) => {
      if (!signal) {
        waiting = Infinity;
        return promise;
      }
      if (signal.aborted) return Promise.reject(new NetworkError('aborted'));
      waiting++;
      return new Promise((resolve, reject) => {
        const stopListening = onAbort(signal, () => {
          reject(new NetworkError('aborted'));
          if (--waiting) return;
          // No one is left: the request is called off, and the next caller starts a new one rather
          // than joining one that can only fail (a list moved in the page, React's StrictMode).
          controller.abort();
          if (flights.get(key) === join) flights.delete(key);
        });
        promise.then(resolve, reject).finally(stopListening);
      });
    };
    controllers.add(controller);
    flights.set(key, join);
    return join;
  }

  const run = ((key, start, signal) => (flights.get(key) ?? startFlight(key, start))(signal)) as RunShared;

  function abortAll() {
    for (const controller of controllers) controller.abort();
    flights.clear();
  }

  return [run, abortAll, (key) => flights.delete(key)];
}
