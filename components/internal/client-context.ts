import { createContext } from '@lit/context';
import type { SessionClient } from '../../core/client.js';

/** The key is global (`Symbol.for`), so two copies of the kit on one page still find each other's provider. */
export const clientContext = createContext<SessionClient>(Symbol.for('sessionkit.client'));
