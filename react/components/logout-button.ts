'use client';
// Generated from custom-elements.json by scripts/generate-react.mjs (`npm run analyze`): do not edit.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { SkLogoutButton } from '../../components/logout-button/define.js';
import { on } from './events.js';

/**
 * `<sk-logout-button>` for React: every property a prop, every event an `on*` prop.
 * A button that really ends the session on the server — once, however many clicks — and tells every other tab.
 */
export const LogoutButton = createComponent({
  tagName: 'sk-logout-button',
  elementClass: SkLogoutButton,
  react: React,
  events: {
    onLogoutRequest: on('sk-logout-request'),
    onLogout: on('sk-logout'),
    onError: on('sk-error'),
  },
});
