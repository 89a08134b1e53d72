import { SkLogoutButton } from './logout-button.js';
import type { SkLogoutDetail, SkLogoutErrorDetail, SkLogoutRequestDetail } from './logout-button.js';

export { SkLogoutButton };
export type { LogoutScope, SkLogoutDetail, SkLogoutErrorDetail, SkLogoutRequestDetail } from './logout-button.js';

if (!customElements.get('sk-logout-button')) customElements.define('sk-logout-button', SkLogoutButton);

declare global {
  interface HTMLElementTagNameMap {
    'sk-logout-button': SkLogoutButton;
  }
  interface GlobalEventHandlersEventMap {
    'sk-logout-request': CustomEvent<SkLogoutRequestDetail>;
    'sk-logout': CustomEvent<SkLogoutDetail>;
    'sk-logout-error': CustomEvent<SkLogoutErrorDetail>;
  }
}
