'use client';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionClient } from '../core/client.js';
import { getDefaultClient } from '../core/default-client.js';
import { createRestClient } from '../components/internal/rest-client.js';
import type { SessionState } from '../core/types.js';
import { SessionProviderElement } from './components/session-provider.js';

const ClientContext = createContext<SessionClient | undefined>(undefined);

export interface SessionProviderProps {
  /** A client you created. Takes precedence over `baseUrl`. */
  client?: SessionClient;
  /** Base URL of sessionkit's REST protocol; the provider builds (and disposes) a client for it. */
  baseUrl?: string;
  /** Header that carries the CSRF token on non-GET requests, e.g. `x-csrf-token` (with `csrfCookie`). */
  csrfHeader?: string;
  /** Cookie the CSRF token is read from, at each request (double-submit; with `csrfHeader`). */
  csrfCookie?: string;
  /** Origins besides the page's own that may be navigated to and receive credentials. */
  allowedOrigins?: string[];
  children?: ReactNode;
}

/**
 * Gives its children — React components and sessionkit elements alike — one session client.
 * With `baseUrl` the client is created in an effect, so server rendering and hydration see no
 * client (state `unknown`) and agree.
 */
export function SessionProvider({ client, baseUrl, csrfHeader, csrfCookie, allowedOrigins, children }: SessionProviderProps) {
  const [ownClient, setOwnClient] = useState<SessionClient>();
  const origins = allowedOrigins?.join(' ');
  useEffect(() => {
    if (client || !baseUrl) return;
    // Built exactly as <sk-session-provider base-url> builds it.
    const created = createRestClient({ baseUrl, csrfHeader, csrfCookie, allowedOrigins: origins });
    setOwnClient(created);
    return () => {
      created.dispose();
      setOwnClient(undefined);
    };
  }, [client, baseUrl, csrfHeader, csrfCookie, origins]);
  const provided = client ?? ownClient;
  return (
    <ClientContext.Provider value={provided}>
      <SessionProviderElement client={provided}>
        {children}
      </SessionProviderElement>
    </ClientContext.Provider>
  );
}

/** The client from the nearest `SessionProvider`, else the default client. */
export function useSessionClient(): SessionClient | undefined {
  return useContext(ClientContext) ?? getDefaultClient();
}

const UNKNOWN: SessionState = { status: 'unknown', session: null };
const noSubscription = () => () => {};

/** The session state, re-rendering on every change. `unknown` on the server and before a client exists. */
export function useSession(): SessionState {
  const client = useSessionClient();
  return useSyncExternalStore(
    client ? client.subscribe : noSubscription,
    () => client?.getState() ?? UNKNOWN,
    () => UNKNOWN,
  );
}
