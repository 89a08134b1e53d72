/**
 * SuperTokens through its own frontend SDK, for the pages that load it (every page that signs in
 * with SuperTokens does): the Session recipe of `supertokens-web-js` (or of
 * `supertokens-auth-react`) refreshes (`attemptRefreshingSession`), tells whether a session exists
 * (`doesSessionExist`), signs out (`signOut`) and reports changes (its events). The SDK's fetch
 * interceptor adds `rid`, the anti-CSRF token and, in header mode, the `Authorization` header to
 * every request to the API domain, stores the tokens SuperTokens answers with, and refreshes on
 * the session-expired status before the answer reaches this backend: so header mode, anti-CSRF and
 * the app's status codes work as the SDK is configured, and no refresh runs twice.
 */
import { SessionExpiredError } from '../errors.js';
import { exchange, type HttpRequest } from '../http.js';
import { withRetry } from '../retry.js';
import { withDeadline } from './shared.js';
import { failureFor } from './supertokens-protocol.js';
import type { StTransport, StTransportOptions } from './supertokens-transport.js';

/** A Session recipe event, as SuperTokens' SDK hands it to `onHandleEvent`. */
export interface SupertokensSessionEvent {
  action: string;
}

/** The part of SuperTokens' Session recipe this backend calls. */
export interface SupertokensSessionLike {
  attemptRefreshingSession(): Promise<boolean>;
  doesSessionExist(): Promise<boolean>;
  signOut(): Promise<void>;
  /** Where the recipe offers it (`supertokens-auth-react`); otherwise pass `events`. */
  addEventListener?(listener: (event: SupertokensSessionEvent) => void): (() => void) | void;
}

/** A source of Session recipe events, e.g. `supertokensSessionEvents()`. */
export interface SupertokensEventSource {
  addEventListener(listener: (event: SupertokensSessionEvent) => void): (() => void) | void;
}

/** The events after which the client asks again whether the session lives. */
const CHANGES = new Set(['SIGN_OUT', 'UNAUTHORISED', 'REFRESH_SESSION', 'SESSION_CREATED']);

/**
 * Bridges `supertokens-web-js`'s `onHandleEvent` option to `supertokensBackend({ events })`:
 * `Session.init({ onHandleEvent: events.onHandleEvent })`.
 */
export function supertokensSessionEvents() {
  const listeners = new Set<(event: SupertokensSessionEvent) => void>();
  return {
    onHandleEvent(event: SupertokensSessionEvent) {
      for (const listener of [...listeners]) listener(event);
    },
    addEventListener(listener: (event: SupertokensSessionEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export function sdkTransport(session: SupertokensSessionLike, events: SupertokensEventSource | undefined, options: StTransportOptions): StTransport {
  const { origin, timeoutMs } = options;
  const source = events ?? (typeof session.addEventListener === 'function' ? (session as SupertokensEventSource) : undefined);
  /** An SDK call with the kit's deadline; its failures are network failures. */
  const sdkCall = <T>(run: () => Promise<T>) => withDeadline(timeoutMs, undefined, run);

  async function request(method: HttpRequest['method'], path: string, _rid: unknown, extra: Partial<HttpRequest> = {}): Promise<unknown> {
    const send = async () => {
      // Through the SDK's interceptor, which adds its headers and refreshes on the session-expired status.
      const response = await exchange({ method, url: origin + path, headers: { accept: 'application/json' }, credentials: 'include', timeoutMs, ...extra });
      options.onClockOffset(response.clockOffset);
      if (response.ok) return response.body;
      // The interceptor has already tried to refresh: without a session left, this one is gone.
      const expired = response.status === options.sessionExpiredStatusCode;
      if (expired || !(await sdkCall(() => session.doesSessionExist()))) {
        throw new SessionExpiredError(expired ? 'try_refresh' : 'unauthenticated', 401);
      }
      throw failureFor(response, options.invalidClaimStatusCode);
    };
    return method === 'GET' ? withRetry(send, options.retries, extra.signal) : send();
  }

  return {
    request,
    async refresh() {
      // A session the SDK no longer holds cannot be refreshed: no request for it.
      const refreshed = (await sdkCall(() => session.doesSessionExist())) && (await sdkCall(() => session.attemptRefreshingSession()));
      if (!refreshed) throw new SessionExpiredError('unauthenticated', 401);
    },
    signOutHere: () => sdkCall(() => session.signOut()),
    exists: () => sdkCall(() => session.doesSessionExist()),
    watch(listener) {
      const stop = source?.addEventListener((event) => {
        if (CHANGES.has(event?.action)) listener();
      });
      return () => stop?.();
    },
    refreshesItself: true,
  };
}
