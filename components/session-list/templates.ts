import { html, nothing } from 'lit';
import type { SessionListStrings } from './strings.js';

/** Placeholder rows while loading; the words are for screen readers. */
export const skeleton = (t: SessionListStrings) =>
  html`<span class="sr-only">${t.loading}</span>${[0, 1, 2].map(() => html`<div part="skeleton" aria-hidden="true"><span></span></div>`)}`;

/** The error, sign-in-again and cannot-list states; the first two can be retried. */
export const stateMessage = (view: 'error' | 'reauth' | 'unsupported', t: SessionListStrings, retry: () => void) =>
  html`<p part="message" class=${view === 'error' ? 'error' : ''}>${view === 'error' ? t.loadFailed : view === 'reauth' ? t.reauth : t.unsupported}</p>
    ${view === 'unsupported' ? nothing : html`<button part="retry-button" @click=${retry}>${t.retry}</button>`}`;

/** The in-place confirmation: a question, an optional note, Confirm (destructive) and Cancel; Escape cancels. */
export const confirmation = (question: string, note: string, confirm: () => void, cancel: () => void, t: SessionListStrings) =>
  html`<div part="confirm" role="group" aria-labelledby="question" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && cancel()}>
    <p part="confirm-message" id="question">${question}</p>
    ${note ? html`<p part="confirm-note">${note}</p>` : nothing}
    <button part="confirm-button" class="danger" @click=${confirm}>${t.confirm}</button>
    <button part="cancel-button" @click=${cancel}>${t.cancel}</button>
  </div>`;
