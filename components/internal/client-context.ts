import { createContext, type ContextCallback } from '@lit/context';
import type { SessionClient } from '../../core/client.js';

/**
 * The key is global (`Symbol.for`), so two copies of the kit on one page still find each other's
 * provider. Undefined while a provider has no client (no `base-url` yet, or it was removed).
 */
export const clientContext = createContext<SessionClient | undefined>(Symbol.for('sessionkit.client'));

type ContextEventType = 'context-request' | 'context-provider';

/**
 * Dispatches a community-protocol context event for the client from `target` (bubbling, composed):
 * `context-request` with the callback that follows the client, or `context-provider` to say a
 * provider arrived. The same events `@lit/context` sends, without its classes.
 */
export function dispatchContextEvent(type: ContextEventType, target: EventTarget, callback?: ContextCallback<SessionClient | undefined>) {
  const event = new Event(type, { bubbles: true, composed: true });
  target.dispatchEvent(Object.assign(event, { context: clientContext, contextTarget: target, callback, subscribe: true }));
}
