import { absoluteKey, alreadyGone, alreadySignedOut, callDefaults, capabilitiesOf, revokedCount } from './backends/shared.js';
import { jsonCaller, type HttpRequest } from './http.js';
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
  /** Seconds each attempt may take before it fails as a `timeout`. Default 10. */
  timeout?: number;
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

/** A backend speaking sessionkit's REST protocol (see README, "REST protocol"). */
export function restBackend(options: RestBackendOptions = {}): SessionBackend {
  const base = (options.baseUrl ?? '/api/auth').replace(/\/+$/, '');
  const endpoints = { ...DEFAULT_ENDPOINTS, ...options.endpoints };
  // A refresh answering 404 turns `refresh` off: the client learns it (it does so for every backend).
  const capabilities = capabilitiesOf(options.capabilities);

  const csrfHeaders = (method: string): Record<string, string> => {
    const value = method === 'GET' ? undefined : options.csrf?.value();
    return value ? { [options.csrf!.header]: value } : {};
  };
  const { call: callUrl, clockOffset } = jsonCaller({ credentials: options.credentials ?? 'include', headers: csrfHeaders, ...callDefaults(options) });
  const call = (method: HttpRequest['method'], path: string, extra?: Partial<HttpRequest>) => callUrl(method, base + path, extra);

  return {
    key: `rest:${absoluteKey(base)}`,
    capabilities,
    clockOffset,
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
      await call('DELETE', endpoints.revokeSession.replace(':id', encodeURIComponent(id)), { keepalive: true }).catch(alreadyGone);
    },

    async revokeOtherSessions() {
      return revokedCount(await call('POST', endpoints.revokeOthers, { keepalive: true }));
    },

    async signOut(scope: SignOutScope) {
      await call('POST', endpoints.signOut, { body: { scope }, keepalive: true }).catch(alreadySignedOut);
    },

    async refresh(callOptions?: CallOptions) {
      return parseSessionBody(await call('POST', endpoints.refresh, callOptions), false) as Session;
    },
  };
}
