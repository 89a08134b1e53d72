import { NetworkError } from './errors.js';

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers that can still go away; the request is aborted when the last one does. */
  cancellable: number;
  /** True once a caller without a signal joined: it never goes away. */
  pinned: boolean;
}

/**
 * One promise shared by every caller of the same in-flight request (TanStack Query's idea).
 * Each caller may pass its own signal: aborting it rejects only that caller, and the request
 * itself is aborted when no caller is left waiting for it.
 */
export class SharedRequests {
  private readonly flights = new Map<string, Flight>();

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
      flight = { promise, controller, cancellable: 0, pinned: false };
      this.flights.set(key, flight);
    }
    const shared = flight.promise as Promise<T>;
    if (!signal) {
      flight.pinned = true;
      return shared;
    }
    if (signal.aborted) return Promise.reject(new NetworkError('aborted'));
    const current = flight;
    current.cancellable++;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        reject(new NetworkError('aborted'));
        if (--current.cancellable === 0 && !current.pinned) current.controller.abort();
      };
      signal.addEventListener('abort', leave, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }

  /** Aborts every request still in flight. */
  abortAll() {
    for (const flight of this.flights.values()) flight.controller.abort();
    this.flights.clear();
  }
}
