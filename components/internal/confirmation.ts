import { html, nothing } from 'lit';

/**
 * The in-place confirmation of the list and the logout button: a question, an optional note, the
 * destructive confirm button and Cancel; Escape cancels. The texts are flex items of the group,
 * each on a line of its own where the element's styles say so.
 */
export const confirmation = (question: string, note: string, confirmLabel: string, cancelLabel: string, confirm: () => void, cancel: () => void) =>
  html`<div part="confirm" role="group" aria-labelledby="question" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && cancel()}>
    <span part="confirm-message" id="question">${question}</span>
    ${note ? html`<span part="confirm-note">${note}</span>` : nothing}
    <button part="confirm-button" class="danger" @click=${confirm}>${confirmLabel}</button>
    <button part="cancel-button" @click=${cancel}>${cancelLabel}</button>
  </div>`;
