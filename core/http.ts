import { NetworkError, ProtocolError, ReauthRequiredError, ServerError, SessionExpiredError } from './errors.js';
import { parseRetryAfter } from './retry.js';

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
  body: unknown;
  /** Server clock minus browser clock, in ms (0 when close enough), from the `Date` header. */
  clockOffset?: number;
}

/** Error codes come from the body only when they look like codes; the rest of the body is never kept. */
function errorCode(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
}

function clockOffsetFrom(header: string | null): number | undefined {
  const serverTime = header ? Date.parse(header) : NaN;
  if (Number.isNaN(serverTime)) return undefined;
  const offset = serverTime + 500 - Date.now();
  return Math.abs(offset) < MIN_SKEW_MS ? 0 : Math.max(-DAY_MS, Math.min(DAY_MS, offset));
}

/** Maps a non-2xx answer to the kit's typed errors. A 403 is never an expiry. */
export function errorForStatus(status: number, body: unknown, retryAfter?: string | null): Error {
  const code = errorCode(body);
  if (status === 401) return new SessionExpiredError(code ?? 'unauthenticated', 401);
  if (status === 403 && code && /reauth|not_fresh|claim/i.test(code)) {
    const claim = (body as { error?: { claim?: unknown } }).error?.claim;
    return new ReauthRequiredError(code, 403, typeof claim === 'string' ? claim : undefined);
  }
  return new ServerError(code ?? `http_${status}`, status, parseRetryAfter(retryAfter ?? null));
}

/**
 * One HTTP exchange with a timeout. Reads the body as JSON (empty bodies are undefined), and
 * throws the kit's typed errors for failures.
 */
export async function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, request.timeoutMs);
  if (request.signal?.aborted) abort();
  request.signal?.addEventListener('abort', abort, { once: true });
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    let response: Response;
    try {
      // Looked up per call, so test doubles and service-worker shims installed later still apply.
      response = await globalThis.fetch(request.url, {
        method: request.method,
        headers,
        credentials: request.credentials,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        keepalive: request.keepalive,
        cache: 'no-store',
      });
    } catch {
      const code = request.signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network';
      throw new NetworkError(code);
    }
    const text = await response.text().catch(() => {
      throw new NetworkError(controller.signal.aborted ? 'timeout' : 'network');
    });
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) throw new ProtocolError('invalid_json', undefined, response.status);
      }
    }
    if (!response.ok) throw errorForStatus(response.status, body, response.headers.get('retry-after'));
    return { status: response.status, body, clockOffset: clockOffsetFrom(response.headers.get('date')) };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', abort);
  }
}
