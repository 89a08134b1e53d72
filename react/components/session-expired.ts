'use client';
// Generated from custom-elements.json by scripts/generate-react.mjs (`npm run analyze`): do not edit.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { SkSessionExpired } from '../../components/session-expired/define.js';
import { on } from './events.js';

/**
 * `<sk-session-expired>` for React: every property a prop, every event an `on*` prop.
 * Notices that the session ended — by a 401, by the clock, in another tab, on focus — and tells the person why in a modal dialog, with a way to sign in again that keeps their page.
 */
export const SessionExpiredHandler = createComponent({
  tagName: 'sk-session-expired',
  elementClass: SkSessionExpired,
  react: React,
  events: {
    onSessionExpired: on('sk-session-expired'),
    onSessionExpiring: on('sk-session-expiring'),
    onSessionExtended: on('sk-session-extended'),
    onError: on('sk-error'),
  },
});
