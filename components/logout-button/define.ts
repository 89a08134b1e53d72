import { SkLogoutButton } from './logout-button.js';

export { SkLogoutButton };
// Its events (sk-logout-request, sk-logout, sk-error) are the ones the list fires too: declared once, with the shared ones.
export type { SkErrorAction, SkErrorDetail, SkLogoutDetail, SkLogoutRequestDetail } from '../internal/events.js';
export type { LogoutButtonStrings } from './strings.js';

if (!customElements.get('sk-logout-button')) customElements.define('sk-logout-button', SkLogoutButton);
