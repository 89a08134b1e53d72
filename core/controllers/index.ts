/** `sessionkit/controllers`: Lit reactive controllers over the core, for elements of your own. Imports nothing of Lit. */
export { SessionsController } from './sessions-controller.js';
export type { ReactiveControllerHost } from './sessions-controller.js';
export type { SessionsSnapshot, SessionsStatus } from '../sessions-store.js';
