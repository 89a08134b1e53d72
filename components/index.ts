/**
 * `sessionkit`: the client core plus every element, registered.
 * For one element only, import `sessionkit/logout-button` (etc.) instead.
 */
export * from '../core/index.js';
// Lived in the core before; still exported here so `sessionkit` keeps its API.
export { safeUrl } from './internal/navigate.js';
export * from './session-provider/define.js';
export * from './logout-button/define.js';
export * from './session-list/define.js';
export * from './session-expired/define.js';
