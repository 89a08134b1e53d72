/**
 * `sessionkit/react`: the elements as React components (made with `@lit/react`, no behaviour
 * re-implemented), a provider with a React context, `useSession()` and `useSessions()`.
 */
export { LogoutButton, SessionList, SessionExpiredHandler } from './components.js';
export { SessionProvider, useSession, useSessionClient } from './session-provider.js';
export type { SessionProviderProps } from './session-provider.js';
export { useSessions } from './use-sessions.js';
export type { UseSessionsResult } from './use-sessions.js';
