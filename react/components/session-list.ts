'use client';
// Generated from custom-elements.json by scripts/generate-react.mjs (`npm run analyze`): do not edit.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { SkSessionList } from '../../components/session-list/define.js';
import { on } from './events.js';

/**
 * `<sk-session-list>` for React: every property a prop, every event an `on*` prop.
 * The devices where the user is signed in, with a way to sign each one out, or all others at once.
 */
export const SessionList = createComponent({
  tagName: 'sk-session-list',
  elementClass: SkSessionList,
  react: React,
  events: {
    onSessionRevoke: on('sk-session-revoke'),
    onSessionRevoked: on('sk-session-revoked'),
    onOtherSessionsRevoke: on('sk-other-sessions-revoke'),
    onOtherSessionsRevoked: on('sk-other-sessions-revoked'),
    onReauthRequired: on('sk-reauth-required'),
    onError: on('sk-error'),
    onLogoutRequest: on('sk-logout-request'),
    onLogout: on('sk-logout'),
  },
});
