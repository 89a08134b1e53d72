/**
 * Small pieces the vendor backends share: a deadline around SDK calls, an HTTP exchange that
 * keeps the response headers (SuperTokens answers in headers), and value normalizers.
 */
import { NetworkError, ProtocolError, SessionKitError } from '../errors.js';
import { clockOffsetFrom, refuseRedirect } from '../http.js';

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** A server's error code, kept only when it looks like a code (bodies are never kept). */
export function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && CODE.test(value) ? value : undefined;
}

/** Dates as `parseSession` accepts them: `Date` objects become epoch ms, strings and numbers pass. */
export function dateInput(value: unknown): string | number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);


/**
 * Runs `run` with a signal that aborts on the caller's signal or after `timeoutMs`. Anything it
 * throws that is not already one of the kit's errors is a failed transport: `NetworkError`
 * `aborted`, `timeout` or `network`.
 */
export async function withDeadline<T>(timeoutMs: number, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeoutMs);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    if (controller.signal.aborted) throw new NetworkError('aborted');
    return await run(controller.signal);
  } catch (error) {
    if (error instanceof SessionKitError) throw error;
    throw new NetworkError(signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

export interface Exchange {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  credentials: RequestCredentials;
  timeoutMs: number;
  signal?: AbortSignal;
  keepalive?: boolean;
}

export interface ExchangeResult {
  status: number;
  ok: boolean;
  headers: Headers;
  /** Parsed JSON; undefined for an empty body (or an unparseable error body). */
  body: unknown;
  clockOffset?: number;
}

/**
 * Like `sendRequest`, but resolves for every status and keeps the headers, for protocols that put
 * state in headers and need the error body's shape (not its text) to classify a failure.
 */
export function exchange(request: Exchange): Promise<ExchangeResult> {
  return withDeadline(request.timeoutMs, request.signal, async (signal) => {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    // Looked up per call, so test doubles installed later still apply.
    const response = await globalThis.fetch(request.url, {
      method: request.method,
      headers,
      credentials: request.credentials,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      keepalive: request.keepalive,
      cache: 'no-store',
      redirect: 'manual',
    });
    refuseRedirect(response);
    const text = await response.text();
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) throw new ProtocolError('invalid_json', undefined, response.status);
      }
    }
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      body,
      clockOffset: clockOffsetFrom(response.headers.get('date')),
    };
  });
}

/** `location`-relative URLs resolved for a stable cross-tab key; as given where there is no page. */
export function absoluteKey(url: string): string {
  try {
    return typeof location === 'object' ? new URL(url, location.href).href : url;
  } catch {
    return url;
  }
}
