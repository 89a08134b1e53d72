import { html, nothing } from 'lit';
import type { SessionListStrings } from './strings.js';

/** Placeholder rows while loading; the words are for screen readers. */
export const skeleton = (t: SessionListStrings) =>
  html`<span class="sr-only">${t.loading}</span>${[0, 1, 2].map(() => html`<div part="skeleton" aria-hidden="true"><span></span></div>`)}`;

/** The error, sign-in-again and cannot-list states; the first two can be retried. */
export const stateMessage = (view: 'error' | 'reauth' | 'unsupported', t: SessionListStrings, retry: () => void) =>
  html`<p part="message" class=${view === 'error' ? 'error' : ''}>${view === 'error' ? t.loadFailed : view === 'reauth' ? t.reauth : t.unsupported}</p>
    ${view === 'unsupported' ? nothing : html`<button part="retry-button" @click=${retry}>${t.retry}</button>`}`;
