import { SkSessionExpired } from './session-expired.js';

export { SkSessionExpired };
export type * from './events.js';
export type { SkErrorAction, SkErrorDetail } from '../internal/events.js';
export type { SessionExpiredStrings } from './strings.js';

if (!customElements.get('sk-session-expired')) customElements.define('sk-session-expired', SkSessionExpired);
