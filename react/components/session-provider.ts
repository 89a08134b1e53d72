'use client';
// Generated from custom-elements.json by scripts/generate-react.mjs (`npm run analyze`): do not edit.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { SkSessionProvider } from '../../components/session-provider/define.js';

/**
 * `<sk-session-provider>` for React: every property a prop, every event an `on*` prop.
 * Gives every sessionkit element inside it — through shadow roots too — one shared session client.
 */
export const SessionProviderElement = createComponent({
  tagName: 'sk-session-provider',
  elementClass: SkSessionProvider,
  react: React,
});
