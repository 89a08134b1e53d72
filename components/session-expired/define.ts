import { SkSessionExpired } from './session-expired.js';
import type { SkSessionExpiredDetail, SkSessionExpiringDetail, SkSessionExtendedDetail } from './session-expired.js';

export { SkSessionExpired };
export type { SkSessionExpiredDetail, SkSessionExpiringDetail, SkSessionExtendedDetail } from './session-expired.js';

if (!customElements.get('sk-session-expired')) customElements.define('sk-session-expired', SkSessionExpired);

declare global {
  interface HTMLElementTagNameMap {
    'sk-session-expired': SkSessionExpired;
  }
  interface GlobalEventHandlersEventMap {
    'sk-session-expired': CustomEvent<SkSessionExpiredDetail>;
    'sk-session-expiring': CustomEvent<SkSessionExpiringDetail>;
    'sk-session-extended': CustomEvent<SkSessionExtendedDetail>;
  }
}
