/** How `supertokensBackend` reaches SuperTokens: with SuperTokens' SDK on the page, or speaking its protocol itself. */
import type { HttpRequest } from '../http.js';

/** `session` on SuperTokens' own routes, `anti-csrf` on the app's (SuperTokens' SDK does the same). */
export type StRid = 'session' | 'anti-csrf';

export interface StTransportOptions {
  origin: string;
  basePath: string;
  fdiVersion?: string;
  sessionExpiredStatusCode: number;
  invalidClaimStatusCode: number;
  timeoutMs: number;
  retries: number;
  /** Each answer's clock offset (server minus browser), when it had a `Date` header. */
  onClockOffset(offset: number | undefined): void;
}

export interface StTransport {
  /** One JSON call; the session-expired status rejects with `SessionExpiredError('try_refresh')`. */
  request(method: HttpRequest['method'], path: string, rid: StRid, extra?: Partial<HttpRequest>): Promise<unknown>;
  /** Rotates the tokens; rejects with `SessionExpiredError` when the session is gone. */
  refresh(signal?: AbortSignal): Promise<void>;
  /** Ends this browser's session on the server and clears its tokens. */
  signOutHere(): Promise<void>;
  /** Whether this browser holds a session at all, where that is known without a request. */
  exists?(): Promise<boolean>;
  decorateRequest?(headers: Headers, method: string): void;
  watch?(listener: () => void): () => void;
  /** The SDK retries a lapsed access token itself; without it the backend does, once. */
  refreshesItself: boolean;
}
