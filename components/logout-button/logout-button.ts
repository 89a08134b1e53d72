import { html, nothing } from 'lit';
import type { SessionClient } from '../../core/client.js';
import { emit } from '../internal/events.js';
import { navigate } from '../internal/navigate.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import { logoutButtonStrings, type LogoutButtonStrings } from './strings.js';
import { logoutButtonStyles } from './styles.js';

export type LogoutScope = 'current' | 'others' | 'all';

export interface SkLogoutRequestDetail {
  scope: LogoutScope;
}
export interface SkLogoutDetail {
  scope: LogoutScope;
  /** False when `force-clear` cleared the session here but the server was not reached. */
  serverRevoked: boolean;
}
export interface SkLogoutErrorDetail {
  error: unknown;
}

/**
 * A button that really ends the session on the server — once, however many clicks — and tells
 * every other tab. It stays usable and says so when the server cannot be reached.
 *
 * @tag sk-logout-button
 * @slot - The button's label. Default: "Log out" (or the scope's label).
 *
 * @event {CustomEvent<SkLogoutRequestDetail>} sk-logout-request - Detail: `{ scope }`. Before the request; cancel it to stop the logout.
 * @event {CustomEvent<SkLogoutDetail>} sk-logout - Detail: `{ scope, serverRevoked }`. Once the logout is done (after the server confirmed, or cleared locally with `force-clear`).
 * @event {CustomEvent<SkLogoutErrorDetail>} sk-logout-error - Detail: `{ error }`. The logout failed; the session is kept.
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The logout button.
 * @csspart spinner - The spinner shown while the request is pending.
 * @csspart confirm - The in-place confirmation (with `confirm`).
 * @csspart confirm-message - The confirmation question.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that cancels.
 * @csspart message - The status line: pending, done, failed, or the `force-clear` note.
 *
 * @cssproperty [--sk-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif] - Font family.
 * @cssproperty [--sk-font-size=0.875rem] - Base font size.
 * @cssproperty [--sk-color-text=#1f2328] - Text colour (dark: `#f0f6fc`).
 * @cssproperty [--sk-color-muted=#59636e] - Secondary text colour (dark: `#9198a1`).
 * @cssproperty [--sk-color-surface=#ffffff] - Background colour (dark: `#0d1117`).
 * @cssproperty [--sk-color-border=#d1d9e0] - Border colour (dark: `#3d444d`).
 * @cssproperty [--sk-color-accent=#0969da] - Focus ring and primary actions (dark: `#4493f8`).
 * @cssproperty [--sk-color-danger=#cf222e] - Destructive actions and errors (dark: `#f85149`).
 * @cssproperty [--sk-radius=6px] - Corner radius.
 * @cssproperty [--sk-space=0.75rem] - Base spacing unit.
 */
export class SkLogoutButton extends SkElement<LogoutButtonStrings> {
  static override styles = [baseStyles, logoutButtonStyles];

  static override properties = {
    scope: { reflect: true },
    redirectTo: { attribute: 'redirect-to' },
    confirm: { type: Boolean },
    forceClear: { type: Boolean, attribute: 'force-clear' },
    disabled: { type: Boolean, reflect: true },
    pending: { state: true },
    confirming: { state: true },
    message: { state: true },
    failed: { state: true },
  };

  /** `current` ends this session; `others` revokes every other session and keeps this one; `all` ends every session. */
  scope: LogoutScope = 'current';
  /** Where to go after logging out: this origin or one in the provider's `allowed-origins` only. */
  redirectTo?: string;
  /** Ask for confirmation in place before logging out. */
  confirm = false;
  /** When the server cannot be reached, log out here anyway and finish on the server later. */
  forceClear = false;
  /** The button does nothing and cannot be focused. */
  disabled = false;

  protected readonly defaultStrings = logoutButtonStrings;
  protected readonly stringsKey = 'logoutButton';
  private pending = false;
  private confirming = false;
  private message = '';
  private failed = false;

  async #focusPart(part: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part=${part}]`)?.focus();
  }

  #onClick() {
    if (this.pending || this.disabled) return;
    if (this.confirm) {
      this.confirming = true;
      void this.#focusPart('cancel-button');
    } else void this.#logOut(this.sessionClient!);
  }

  #cancelConfirm() {
    this.confirming = false;
    void this.#focusPart('button');
  }

  async #logOut(client: SessionClient) {
    const { scope } = this;
    const returnFocus = this.confirming;
    this.confirming = false;
    if (!emit<SkLogoutRequestDetail>(this, 'sk-logout-request', { scope }, true)) return;
    const t = this.t;
    this.pending = true;
    this.failed = false;
    this.message = t.pending;
    if (returnFocus) void this.#focusPart('button');
    try {
      let serverRevoked = true;
      if (scope === 'others') await client.revokeOtherSessions();
      else ({ serverRevoked } = await client.signOut({ scope: scope === 'all' ? 'all' : 'current', forceClear: this.forceClear }));
      this.message = !serverRevoked ? t.serverNotReached : scope === 'others' ? t.othersDone : t.done;
      emit<SkLogoutDetail>(this, 'sk-logout', { scope, serverRevoked });
      // A refused target does not undo the logout; it only keeps the page where it is.
      if (this.redirectTo) navigate(this.localName, 'redirect-to', this.redirectTo, client.allowedOrigins);
    } catch (error) {
      this.failed = true;
      this.message = t.failed;
      emit<SkLogoutErrorDetail>(this, 'sk-logout-error', { error });
    } finally {
      this.pending = false;
    }
  }

  protected override render() {
    const client = this.sessionClient;
    if (!client) return nothing;
    const t = this.t;
    // The scope's label and confirmation question; any other value reads as `current`.
    const [label, question] =
      this.scope === 'others' ? [t.logOutOthers, t.confirmOthers] : this.scope === 'all' ? [t.logOutAll, t.confirmAll] : [t.logOut, t.confirmCurrent];
    return html`<div part="base">
      ${this.confirming
        ? html`<div part="confirm" role="group" aria-labelledby="question" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#cancelConfirm()}>
            <span part="confirm-message" id="question">${question}</span>
            <button part="confirm-button" class="danger" @click=${() => this.#logOut(client)}>${t.confirmAction}</button>
            <button part="cancel-button" @click=${this.#cancelConfirm}>${t.cancel}</button>
          </div>`
        : html`<button
            part="button"
            ?disabled=${this.disabled}
            aria-busy=${this.pending}
            aria-disabled=${this.pending}
            @click=${this.#onClick}
          >
            ${this.pending ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
            <slot>${label}</slot>
          </button>`}
      <div part="message" role="status" class=${this.failed ? 'error' : 'muted'}>${this.message}</div>
    </div>`;
  }
}
