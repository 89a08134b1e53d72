/**
 * `sessionkit`: the client core plus every element, registered.
 * For one element only, import `sessionkit/logout-button` (etc.) instead.
 */
export * from '../core/index.js';
export * from './session-provider/define.js';
export * from './logout-button/define.js';
export * from './session-list/define.js';
export * from './session-expired/define.js';
