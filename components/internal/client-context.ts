import { createContext } from '@lit/context';
import type { SessionClient } from '../../core/client.js';

/**
 * The key is global (`Symbol.for`), so two copies of the kit on one page still find each other's
 * provider. Undefined while a provider has no client (no `base-url` yet, or it was removed).
 */
export const clientContext = createContext<SessionClient | undefined>(Symbol.for('sessionkit.client'));
