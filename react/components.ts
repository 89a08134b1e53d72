import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { SkLogoutButton } from '../components/logout-button/define.js';
import type { SkLogoutDetail, SkLogoutRequestDetail } from '../components/logout-button/define.js';
import { SkSessionExpired } from '../components/session-expired/define.js';
import type { SkSessionExpiredDetail, SkSessionExpiringDetail, SkSessionExtendedDetail } from '../components/session-expired/define.js';
import { SkSessionList } from '../components/session-list/define.js';
import type {
  SkErrorDetail,
  SkOtherSessionsRevokeDetail,
  SkOtherSessionsRevokedDetail,
  SkReauthRequiredDetail,
  SkSessionRevokeDetail,
  SkSessionRevokedDetail,
} from '../components/session-list/define.js';
import { SkSessionProvider } from '../components/session-provider/define.js';

/** A typed React event prop for a sessionkit CustomEvent. */
const on = <Detail>(type: string) => type as EventName<CustomEvent<Detail>>;

const logoutEvents = {
  onLogoutRequest: on<SkLogoutRequestDetail>('sk-logout-request'),
  onLogout: on<SkLogoutDetail>('sk-logout'),
};

/** `<sk-logout-button>` for React: every attribute a camelCase prop, every event an `on*` prop. */
export const LogoutButton = createComponent({
  tagName: 'sk-logout-button',
  elementClass: SkLogoutButton,
  react: React,
  events: { ...logoutEvents, onError: on<SkErrorDetail>('sk-error') },
});

/** `<sk-session-list>` for React. */
export const SessionList = createComponent({
  tagName: 'sk-session-list',
  elementClass: SkSessionList,
  react: React,
  events: {
    ...logoutEvents,
    onSessionRevoke: on<SkSessionRevokeDetail>('sk-session-revoke'),
    onSessionRevoked: on<SkSessionRevokedDetail>('sk-session-revoked'),
    onOtherSessionsRevoke: on<SkOtherSessionsRevokeDetail>('sk-other-sessions-revoke'),
    onOtherSessionsRevoked: on<SkOtherSessionsRevokedDetail>('sk-other-sessions-revoked'),
    onReauthRequired: on<SkReauthRequiredDetail>('sk-reauth-required'),
    onError: on<SkErrorDetail>('sk-error'),
  },
});

/** `<sk-session-expired>` for React. */
export const SessionExpiredHandler = createComponent({
  tagName: 'sk-session-expired',
  elementClass: SkSessionExpired,
  react: React,
  events: {
    onSessionExpired: on<SkSessionExpiredDetail>('sk-session-expired'),
    onSessionExpiring: on<SkSessionExpiringDetail>('sk-session-expiring'),
    onSessionExtended: on<SkSessionExtendedDetail>('sk-session-extended'),
  },
});

/** The provider element itself; `SessionProvider` wraps it with a React context. */
export const SessionProviderElement = createComponent({
  tagName: 'sk-session-provider',
  elementClass: SkSessionProvider,
  react: React,
});
