import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, vi } from 'vitest';
import { createSessionClient, restBackend, type SessionClientOptions, type SessionState } from '../../core/index.js';
import type { RestBackendOptions } from '../../core/rest-backend.js';
import { FakeAuthServer, type FakeAuthServerOptions } from '../../core/msw/index.js';
import { manualEnvironment } from '../support/manual-environment.js';

export const ORIGIN = 'http://localhost';
export const BASE = `${ORIGIN}/api/auth`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Fakes only the timer functions and Date, so msw and Node's fetch keep their own machinery. */
export function useFakeTime() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

export interface Harness {
  fake: FakeAuthServer;
  client: ReturnType<typeof createSessionClient>;
  env: ReturnType<typeof manualEnvironment>;
  /** Every state the client passed through. */
  states: SessionState[];
  /** How many requests the app route `/api/data` received. */
  appCalls: () => number;
  /** The msw server, for extra handlers (`server.use(...)`). */
  server: ReturnType<typeof setupServer>;
}

/**
 * A fake auth server under msw/node, a client on it, and an app route `GET|POST /api/data` that
 * answers 401 whenever the fake says the caller is not authenticated.
 */
export function setup(
  options: { fake?: FakeAuthServerOptions; backend?: RestBackendOptions; client?: Partial<SessionClientOptions>; appAlways401?: boolean } = {},
): Harness {
  const fake = new FakeAuthServer({ baseUrl: BASE, ...options.fake });
  let appCalls = 0;
  const app = async ({ request }: { request: Request }) => {
    appCalls++;
    const who = fake.authenticate();
    if (options.appAlways401 || typeof who === 'string') {
      return HttpResponse.json({ error: { code: typeof who === 'string' ? who : 'unauthenticated' } }, { status: 401 });
    }
    return HttpResponse.json({ ok: true, csrf: request.headers.get('x-csrf-token') });
  };
  const server = setupServer(...fake.handlers, http.get(`${ORIGIN}/api/data`, app), http.post(`${ORIGIN}/api/data`, app));
  server.listen({ onUnhandledRequest: 'error' });
  const env = manualEnvironment();
  const client = createSessionClient({
    backend: restBackend({ baseUrl: BASE, ...options.backend }),
    environment: env,
    allowedOrigins: [ORIGIN],
    ...options.client,
  });
  const states: SessionState[] = [];
  const unsubscribe = client.subscribe((state) => states.push(state));
  cleanups.push(() => {
    unsubscribe();
    client.dispose();
    server.close();
  });
  return { fake, client, env, states, appCalls: () => appCalls, server };
}

/** Waits for a promise while fake time runs, so retries and timeouts can elapse. */
export async function settle<T>(promise: Promise<T>, ms = 120_000): Promise<PromiseSettledResult<T>> {
  const result = Promise.allSettled([promise]).then(([r]) => r);
  await vi.advanceTimersByTimeAsync(ms);
  return result;
}

export const expiries = (states: SessionState[]) => states.filter((s) => s.status === 'expired' || (s.status === 'signed-out' && s.reason));
