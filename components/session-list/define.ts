import { SkSessionList } from './session-list.js';

export { SkSessionList };
export type * from './types.js';
export type { SkErrorAction, SkErrorDetail, SkLogoutDetail, SkLogoutRequestDetail } from '../internal/events.js';
export type { SessionListStrings } from './strings.js';

if (!customElements.get('sk-session-list')) customElements.define('sk-session-list', SkSessionList);
