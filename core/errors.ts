/**
 * Errors carry a code, an HTTP status and a field path, never a response body: bodies can hold
 * tokens or personal data, and errors end up in logs and events.
 */
export class SessionKitError extends Error {
  // Written out, not `new.target.name`: minifiers rename classes.
  override name = 'SessionKitError';
  constructor(
    /** A machine-readable code such as `session_revoked` or `timeout`. */
    readonly code: string,
    /** The HTTP status that caused it, when one did. */
    readonly status?: number,
  ) {
    super(code);
  }
}

/** The session has ended; the call cannot succeed without signing in again. */
export class SessionExpiredError extends SessionKitError {
  override name = 'SessionExpiredError';
}

/** The server wants a fresh sign-in before this action. Not an expiry. */
export class ReauthRequiredError extends SessionKitError {
  override name = 'ReauthRequiredError';
  constructor(
    code = 'reauth_required',
    status = 403,
    /** The claim the server wants satisfied, where it names one. */
    readonly claim?: string,
  ) {
    super(code, status);
  }
}

/** Offline, timed out or aborted: `code` is `network`, `timeout` or `aborted`. */
export class NetworkError extends SessionKitError {
  override name = 'NetworkError';
}

/** A response that does not match the protocol; `path` names the field. */
export class ProtocolError extends SessionKitError {
  override name = 'ProtocolError';
  constructor(
    code: string,
    readonly path?: string,
    status?: number,
  ) {
    super(code, status);
  }
}

/** Any other non-2xx answer; `status` says which. */
export class ServerError extends SessionKitError {
  override name = 'ServerError';
  constructor(
    code: string,
    status?: number,
    /** For a 429: how long the server asked to wait, in milliseconds. */
    readonly retryAfter?: number,
  ) {
    super(code, status);
  }
}
