import { ServerError, SessionExpiredError } from './errors.js';
import { sendRequest, type HttpRequest } from './http.js';
import { withRetry } from './retry.js';
import type { BackendCapabilities, CallOptions, Session, SessionBackend, SignOutScope } from './types.js';
import { assertSessionId, parseSessionBody, parseSessionList } from './validate.js';

/** Paths under `baseUrl`; `:id` is replaced by the URL-encoded session id. */
export interface RestEndpoints {
  session: string;
  sessions: string;
  revokeSession: string;
  revokeOthers: string;
  signOut: string;
  refresh: string;
}

export interface RestBackendOptions {
  /** Where the protocol lives. Default `/api/auth`. */
  baseUrl?: string;
  /** Default `include`, so cookies reach a separate auth origin too. */
  credentials?: RequestCredentials;
  /** Adds `header: value()` to every non-GET request. */
  csrf?: { header: string; value: () => string | null | undefined };
  /** Per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Retries of GETs on network errors, 5xx and 429. Default 3. */
  retries?: number;
  endpoints?: Partial<RestEndpoints>;
  /** Declare what the server does not support, e.g. `{ list: false }`. */
  capabilities?: Partial<BackendCapabilities>;
}

const DEFAULT_ENDPOINTS: RestEndpoints = {
  session: '/session',
  sessions: '/sessions',
  revokeSession: '/sessions/:id',
  revokeOthers: '/sessions/revoke-others',
  signOut: '/signout',
  refresh: '/session/refresh',
};

const isStatus = (error: unknown, status: number) => (error as { status?: number }).status === status;

/** A backend speaking sessionkit's REST protocol (see README, "REST protocol"). */
export function restBackend(options: RestBackendOptions = {}): SessionBackend {
  const base = (options.baseUrl ?? '/api/auth').replace(/\/+$/, '');
  const endpoints = { ...DEFAULT_ENDPOINTS, ...options.endpoints };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const capabilities: BackendCapabilities = {
    list: true,
    revoke: true,
    revokeOthers: true,
    signOutAll: true,
    refresh: true,
    ...options.capabilities,
  };
  let offset = 0;

  const csrfHeaders = (method: string): Record<string, string> => {
    const value = method === 'GET' ? undefined : options.csrf?.value();
    return value ? { [options.csrf!.header]: value } : {};
  };

  async function call(method: HttpRequest['method'], path: string, extra: Partial<HttpRequest> = {}) {
    const send = () =>
      sendRequest({
        method,
        url: base + path,
        headers: csrfHeaders(method),
        credentials: options.credentials ?? 'include',
        timeoutMs,
        ...extra,
      });
    const response = await withRetry(send, method === 'GET' ? retries : 0, extra.signal);
    if (response.clockOffset !== undefined) offset = response.clockOffset;
    return response.body;
  }

  return {
    key: `rest:${typeof location === 'object' ? new URL(base, location.href).href : base}`,
    capabilities,
    clockOffset: () => offset,
    decorateRequest(headers, method) {
      for (const [name, value] of Object.entries(csrfHeaders(method))) headers.set(name, value);
    },

    // Call options are request options: `call` takes them as they are.
    async getSession(callOptions?: CallOptions) {
      return parseSessionBody(await call('GET', endpoints.session, callOptions), true);
    },

    async listSessions(callOptions?: CallOptions): Promise<Session[]> {
      return parseSessionList(await call('GET', endpoints.sessions, callOptions));
    },

    async revokeSession(id: string) {
      assertSessionId(id);
      try {
        await call('DELETE', endpoints.revokeSession.replace(':id', encodeURIComponent(id)), { keepalive: true });
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },

    async revokeOtherSessions() {
      const body = await call('POST', endpoints.revokeOthers, { keepalive: true });
      const revoked = (body as { revoked?: unknown } | undefined)?.revoked;
      return typeof revoked === 'number' && revoked >= 0 ? revoked : undefined;
    },

    async signOut(scope: SignOutScope) {
      try {
        await call('POST', endpoints.signOut, { body: { scope }, keepalive: true });
      } catch (error) {
        // Already signed out is what was wanted.
        if (!(error instanceof SessionExpiredError)) throw error;
      }
    },

    async refresh(callOptions?: CallOptions) {
      try {
        return parseSessionBody(await call('POST', endpoints.refresh, callOptions), false) as Session;
      } catch (error) {
        if (error instanceof ServerError && isStatus(error, 404)) capabilities.refresh = false;
        throw error;
      }
    },
  };
}
