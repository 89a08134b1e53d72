import { html, svg } from 'lit';
import type { DeviceType } from '../../core/types.js';

const shapes: Record<DeviceType, ReturnType<typeof svg>> = {
  desktop: svg`<rect x="2" y="3" width="16" height="11" rx="1.5"/><path d="M7 17h6M10 14v3"/>`,
  mobile: svg`<rect x="6" y="2" width="8" height="16" rx="1.5"/><path d="M9.5 15h1"/>`,
  tablet: svg`<rect x="3.5" y="2" width="13" height="16" rx="1.5"/><path d="M9.5 15h1"/>`,
  unknown: svg`<circle cx="10" cy="10" r="7.5"/><path d="M8 8a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6 1v.6M10 14v.1"/>`,
};

/** A small line icon for a device type; decorative, since the label says what the device is. */
export const deviceIcon = (type: DeviceType) =>
  html`<svg part="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round">${shapes[type] ?? shapes.unknown}</svg>`;
