'use client';
/**
 * `sessionkit/react`: the elements as React components (made with `@lit/react`, no behaviour
 * re-implemented), a provider with a React context, `useSession()` and `useSessions()`. Each
 * component lives in its own module and registers only its own element, so a bundler keeps only the
 * ones a page uses.
 */
export { LogoutButton } from './components/logout-button.js';
export { SessionList } from './components/session-list.js';
export { SessionExpiredHandler } from './components/session-expired.js';
export { SessionProvider, useSession, useSessionClient } from './session-provider.js';
export type { SessionProviderProps } from './session-provider.js';
export { useSessions } from './use-sessions.js';
export type { UseSessionsResult } from './use-sessions.js';
