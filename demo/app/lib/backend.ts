import { createSessionClient, restBackend, type SessionBackend, type SessionClient } from '../../../core/index.js';
import { SESSIONKIT_BASE } from '../../shared/paths.js';

/** The two ways the account page can reach the server, by their `?backend=` value. */
export const BACKENDS = {
  rest: `sessionkit's REST protocol (${SESSIONKIT_BASE})`,
  'better-auth': 'the better-auth client (betterAuthBackend)',
} as const;

export type BackendName = keyof typeof BACKENDS;

export const chosenBackend = (params: URLSearchParams): BackendName => (params.get('backend') === 'better-auth' ? 'better-auth' : 'rest');

async function betterAuth(): Promise<SessionBackend> {
  // Loaded only when chosen: the REST flavour of the page downloads no better-auth code.
  const [{ createAuthClient }, { betterAuthBackend }] = await Promise.all([
    import('better-auth/client'),
    import('../../../core/backends/better-auth.js'),
  ]);
  return betterAuthBackend(createAuthClient({ baseURL: location.origin }), { baseURL: location.origin });
}

export async function createClient(name: BackendName): Promise<SessionClient> {
  const backend = name === 'better-auth' ? await betterAuth() : restBackend({ baseUrl: SESSIONKIT_BASE });
  // Both ways reach the same better-auth session, so tabs on either share one key (the cross-tab
  // channel and storage): a sign-out in a better-auth tab reaches a REST tab at once, and the
  // other way round. An app with one backend never needs this.
  return createSessionClient({ backend: { ...backend, key: 'demo-session' } });
}
