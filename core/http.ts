import { onAbort } from './abort.js';
import { NetworkError, ProtocolError, ReauthRequiredError, ServerError, SessionExpiredError } from './errors.js';
import { parseRetryAfter, withRetry } from './retry.js';
import { parseJson } from './storage.js';

const DAY_MS = 86_400_000;
/** The `Date` header has whole seconds; smaller differences are rounding, not skew. */
const MIN_SKEW_MS = 2000;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  headers: Record<string, string>;
  credentials: RequestCredentials;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sign-out and revoke must reach the server even if the page is closing. */
  keepalive?: boolean;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  /** Parsed JSON; undefined for an empty body (or an unparseable error body). */
  body: unknown;
  headers: Headers;
  /** Server clock minus browser clock, in ms (0 when close enough), from the `Date` header. */
  clockOffset?: number;
}

/** Server clock minus ours, from a `Date` header; whole-second rounding is not skew. */
export function clockOffsetFrom(header: string | null): number | undefined {
  const serverTime = header ? Date.parse(header) : NaN;
  if (isNaN(serverTime)) return undefined;
  const offset = serverTime + 500 - Date.now();
  return Math.abs(offset) < MIN_SKEW_MS ? 0 : Math.max(-DAY_MS, Math.min(DAY_MS, offset));
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** A server's error code, kept only when it looks like a code (bodies are never kept). */
export function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && CODE.test(value) ? value : undefined;
}

/** Maps a non-2xx answer to the kit's typed errors. A 403 is never an expiry. */
export function errorForStatus(status: number, body: unknown, retryAfter?: string | null): Error {
  const error = (body as { error?: { code?: unknown; claim?: unknown } } | null)?.error;
  const code = safeCode(error?.code);
  if (status === 401) return new SessionExpiredError(code ?? 'unauthenticated', 401);
  if (status === 403 && code && /reauth|not_fresh|claim/i.test(code)) {
    const claim = error!.claim;
    return new ReauthRequiredError(code, 403, typeof claim === 'string' ? claim : undefined);
  }
  return new ServerError(code ?? `http_${status}`, status, parseRetryAfter(retryAfter));
}

/**
 * Auth endpoints answer directly. A redirect could carry the CSRF header and the request to another
 * origin, and hand back that origin's answer as if it were the auth server's: it is not followed
 * (`redirect: 'manual'`) and becomes a `ProtocolError` with code `redirected`, never retried.
 */
export function refuseRedirect(response: Response) {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ProtocolError('redirected', undefined, response.status);
  }
}

/**
 * One HTTP exchange with a timeout, resolving for every status: protocols that put state in
 * headers (SuperTokens) read them, and classify a failure by the error body's shape. The body is
 * parsed JSON (undefined when empty, or an unparseable error body); a 2xx that is not JSON is a
 * `ProtocolError`, a failed connection a `NetworkError` (`aborted`, `timeout` or `network`).
 */
export async function exchange(request: HttpRequest): Promise<HttpResponse> {
  const { signal, body } = request;
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, request.timeoutMs);
  const stopListening = onAbort(signal, abort);
  try {
    let response: Response;
    let text: string;
    try {
      // Looked up per call, so test doubles, SDK interceptors and service-worker shims installed later still apply.
      response = await globalThis.fetch(request.url, {
        ...request, // its method, credentials and keepalive; fetch ignores the other fields
        headers: body === undefined ? request.headers : { ...request.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body), // undefined for undefined
        signal: controller.signal,
        cache: 'no-store',
        redirect: 'manual',
      });
      text = await response.text();
    } catch {
      // The caller's abort and the timeout both abort `controller`; the caller's signal tells which.
      throw new NetworkError(signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network');
    }
    refuseRedirect(response);
    // JSON is never undefined: undefined from a body with text is a body that is not JSON.
    const parsed = parseJson(text);
    if (parsed === undefined && text && response.ok) throw new ProtocolError('invalid_json', undefined, response.status);
    const { headers, status, ok } = response;
    return { status, ok, body: parsed, headers, clockOffset: clockOffsetFrom(headers.get('date')) };
  } finally {
    clearTimeout(timer);
    stopListening();
  }
}

export interface JsonCallerOptions {
  credentials: RequestCredentials;
  timeoutMs: number;
  /** Retries of GETs on network errors, 5xx and 429; writes are never retried blindly. */
  retries: number;
  /** Extra headers for a request with this method (a CSRF header on writes, say). */
  headers?(method: HttpRequest['method']): Record<string, string>;
}

/**
 * The JSON calls a REST-shaped backend makes: non-2xx answers thrown as typed errors, GETs retried,
 * writes not, and the server's clock
 * offset kept from the last answer.
 */
export function jsonCaller(options: JsonCallerOptions) {
  let offset = 0;
  async function call(method: HttpRequest['method'], url: string, extra: Partial<HttpRequest> = {}): Promise<unknown> {
    const send = async () => {
      const response = await exchange({ method, url, headers: options.headers?.(method) ?? {}, credentials: options.credentials, timeoutMs: options.timeoutMs, ...extra });
      // Every non-2xx answer is thrown as the kit's typed error.
      if (!response.ok) throw errorForStatus(response.status, response.body, response.headers.get('retry-after'));
      return response;
    };
    const response = await withRetry(send, method === 'GET' ? options.retries : 0, extra.signal);
    if (response.clockOffset !== undefined) offset = response.clockOffset;
    return response.body;
  }
  return { call, clockOffset: () => offset };
}
