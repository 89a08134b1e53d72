export { createSessionClient } from './client.js';
export type { SessionClient, SessionClientOptions, SignOutOptions } from './client.js';
export { setDefaultClient, getDefaultClient, onDefaultClientChange } from './default-client.js';
export { restBackend } from './rest-backend.js';
export type { RestBackendOptions, RestEndpoints } from './rest-backend.js';
export {
  SessionKitError,
  SessionExpiredError,
  ReauthRequiredError,
  NetworkError,
  ProtocolError,
  ServerError,
} from './errors.js';
export { parseSession, parseSessionList } from './validate.js';
export type { Environment } from './environment.js';
export type { SessionsStore, SessionsSnapshot, SessionsStatus } from './sessions-store.js';
export { hasEnded } from './types.js';
export type {
  Session,
  SessionState,
  SessionStatus,
  ExpiryReason,
  DeviceType,
  SignOutScope,
  SessionBackend,
  BackendCapabilities,
  CallOptions,
} from './types.js';
