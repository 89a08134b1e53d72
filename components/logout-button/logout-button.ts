import { html, nothing } from 'lit';
import type { SessionClient } from '../../core/client.js';
import type { SignOutScope } from '../../core/index.js';
import { confirmation } from '../internal/confirmation.js';
import { emit, type SkErrorDetail, type SkLogoutDetail, type SkLogoutRequestDetail } from '../internal/events.js';
import { navigate } from '../internal/navigate.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import { logoutButtonStrings, type LogoutButtonStrings } from './strings.js';
import { logoutButtonStyles } from './styles.js';

/**
 * A button that really ends the session on the server — once, however many clicks — and tells
 * every other tab. It stays usable and says so when the server cannot be reached.
 *
 * @tag sk-logout-button
 * @slot - The button's label. Default: "Log out" (or the scope's label).
 *
 * @event {CustomEvent<SkLogoutRequestDetail>} sk-logout-request - Detail: `{ scope }`. Before the request; cancel it to stop the logout.
 * @event {CustomEvent<SkLogoutDetail>} sk-logout - Detail: `{ scope, serverRevoked }`. Once the logout is done (after the server confirmed, or cleared locally with `force-clear`).
 * @event {CustomEvent<SkErrorDetail>} sk-error - Detail: `{ error, action }`. The logout failed (`action` is `sign-out`, or `revoke-others` for `scope="others"`); the session is kept and the button works again.
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The logout button.
 * @csspart spinner - The spinner shown while the request is pending.
 * @csspart confirm - The in-place confirmation (with `confirm`).
 * @csspart confirm-message - The confirmation question.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that cancels.
 * @csspart message - The status line: pending, done, failed, or the `force-clear` note.
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
  };

  /** `current` ends this session; `others` revokes every other session and keeps this one; `all` ends every session. */
  scope: SignOutScope | 'others' = 'current';
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
  /** The status line, as the key of its string: drawn in the language of the moment. `failed` is shown as an error. */
  private message?: 'pending' | 'done' | 'othersDone' | 'serverNotReached' | 'failed';

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
    this.pending = true;
    this.message = 'pending';
    if (returnFocus) void this.#focusPart('button');
    try {
      let serverRevoked = true;
      if (scope === 'others') await client.revokeOtherSessions();
      else ({ serverRevoked } = await client.signOut({ scope: scope === 'all' ? 'all' : 'current', forceClear: this.forceClear }));
      this.message = !serverRevoked ? 'serverNotReached' : scope === 'others' ? 'othersDone' : 'done';
      emit<SkLogoutDetail>(this, 'sk-logout', { scope, serverRevoked });
      // A refused target does not undo the logout; it only keeps the page where it is.
      if (this.redirectTo) navigate(this.localName, 'redirect-to', this.redirectTo, client.allowedOrigins);
    } catch (error) {
      this.message = 'failed';
      emit<SkErrorDetail>(this, 'sk-error', { error, action: scope === 'others' ? 'revoke-others' : 'sign-out' });
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
        ? confirmation(question, '', t.confirmAction, t.cancel, () => this.#logOut(client), () => this.#cancelConfirm())
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
      <div part="message" role="status" class=${this.message === 'failed' ? 'error' : 'muted'}>${this.message && t[this.message]}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sk-logout-button': SkLogoutButton;
  }
}
