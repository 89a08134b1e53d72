import type { SkLogoutDetail, SkLogoutRequestDetail } from '../logout-button/logout-button.js';
import { SkSessionList } from './session-list.js';
import type {
  SkErrorDetail,
  SkOtherSessionsRevokeDetail,
  SkOtherSessionsRevokedDetail,
  SkReauthRequiredDetail,
  SkSessionRevokeDetail,
  SkSessionRevokedDetail,
} from './types.js';

export { SkSessionList };
export type * from './types.js';
export type { SessionListStrings } from './strings.js';

if (!customElements.get('sk-session-list')) customElements.define('sk-session-list', SkSessionList);

declare global {
  interface HTMLElementTagNameMap {
    'sk-session-list': SkSessionList;
  }
  interface GlobalEventHandlersEventMap {
    'sk-session-revoke': CustomEvent<SkSessionRevokeDetail>;
    'sk-session-revoked': CustomEvent<SkSessionRevokedDetail>;
    'sk-other-sessions-revoke': CustomEvent<SkOtherSessionsRevokeDetail>;
    'sk-other-sessions-revoked': CustomEvent<SkOtherSessionsRevokedDetail>;
    'sk-reauth-required': CustomEvent<SkReauthRequiredDetail>;
    'sk-error': CustomEvent<SkErrorDetail>;
    'sk-logout-request': CustomEvent<SkLogoutRequestDetail>;
    'sk-logout': CustomEvent<SkLogoutDetail>;
  }
}
