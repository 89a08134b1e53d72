import { html, nothing, type PropertyValues } from 'lit';
import { SessionExpiredError } from '../../core/errors.js';
import { hasEnded, type ExpiryReason, type SessionState } from '../../core/types.js';
import { emit, type SkErrorAction, type SkErrorDetail } from '../internal/events.js';
import { currentPath, safeUrl } from '../internal/navigate.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import type { SkSessionExpiredDetail } from './events.js';
import { endedStrings } from './ended-strings.js';
import type { SessionExpiredStrings } from './strings.js';
import { sessionExpiredStyles } from './styles.js';
import type { WarningPhase, Warnings } from './warnings.js';

/** What the element is telling the user about, shown or not: nothing, a countdown, or the end. */
type Phase = 'none' | WarningPhase | 'ended';

/** The reasons the dialog explains: every end but this tab's own sign-out. */
type ToldReason = Exclude<ExpiryReason, 'signed-out'>;

/** The string that explains each reason, where its key is not the reason itself. */
const REASON_TEXT: Partial<Record<ToldReason, keyof SessionExpiredStrings>> = {
  'signed-out-elsewhere': 'signedOutElsewhere',
  'refresh-failed': 'refreshFailed',
};

/** Every end but this tab's own sign-out (that one is `sk-logout`'s) is one to explain. */
const toTell = (reason: ExpiryReason | undefined): reason is ToldReason => !!reason && reason !== 'signed-out';

/** The focused element, looking into shadow roots, so focus can go back there after the dialog. */
function deepActiveElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return (element as HTMLElement | null) ?? undefined;
}

/**
 * Notices that the session ended — by a 401, by the clock, in another tab, on focus — and tells the
 * person why in a modal dialog, with a way to sign in again that keeps their page. Optionally warns
 * before the session expires and signs out after a period of inactivity, with a countdown they can
 * stop. The code of those countdowns (`warnings.ts`) loads only when `warn-before` or
 * `idle-timeout` is set; `updateComplete` waits for it.
 *
 * The dialog opens by itself when there is something to tell; `open` says whether it is shown, and
 * `show()` / `close()` let the page decide too (with `headless`, say, or after cancelling
 * `sk-session-expired`): `show()` shows the dialog for the session as it is now — the ended dialog
 * once the session has ended, a warning while its countdown runs — and `close()` only hides it.
 *
 * @tag sk-session-expired
 * @slot reauth - A sign-in form shown inside the dialog. After signing in, call `client.notifySignedIn()`: every tab's dialog closes once the server confirms.
 *
 * @event {CustomEvent<SkSessionExpiredDetail>} sk-session-expired - Detail: `{ reason }`. The session ended for `reason`. Cancel it to show nothing.
 * @event {CustomEvent<SkSessionExpiringDetail>} sk-session-expiring - Detail: `{ expiresAt, secondsLeft }`. The pre-expiry or idle warning opened.
 * @event {CustomEvent<SkSessionExtendedDetail>} sk-session-extended - Detail: `{ expiresAt }`. The session was extended while a warning was running.
 * @event {CustomEvent<SkErrorDetail>} sk-error - Detail: `{ error, action }`. A request failed: `extend` ("Stay signed in"), `sign-out` (a warning's "Log out", or the idle sign-out) or `check` (asking the server after a warning came too late). The session ending itself is `sk-session-expired`, not an error.
 *
 * @csspart dialog - The modal dialog.
 * @csspart title - The dialog's heading.
 * @csspart body - The text that says why, or the warning.
 * @csspart countdown - The time left in a warning.
 * @csspart actions - The row of buttons.
 * @csspart login-link - "Sign in again".
 * @csspart close-button - Closes the expired dialog.
 * @csspart stay-button - "Stay signed in".
 * @csspart logout-button - "Log out" in a warning.
 * @csspart status - Announcements for screen readers, and a failed "Stay signed in" or "Log out".
 */
export class SkSessionExpired extends SkElement<SessionExpiredStrings> {
  static override styles = [baseStyles, sessionExpiredStyles];

  static override properties = {
    open: { type: Boolean, reflect: true },
    loginUrl: { attribute: 'login-url' },
    returnToParam: { attribute: 'return-to-param' },
    warnBefore: { attribute: 'warn-before', type: Number },
    idleTimeout: { attribute: 'idle-timeout', type: Number },
    headless: { type: Boolean },
    autoRedirect: { attribute: 'auto-redirect', type: Boolean },
    phase: { state: true },
    announcement: { state: true },
  };

  /**
   * Whether the dialog is shown (reflected). Setting it is `show()` or `close()`: set to true with
   * nothing to tell, it goes back to false.
   */
  open = false;
  /** The sign-in page. "Sign in again" links there with `?return_to=<this page>`. Without it, the button reloads the page. */
  loginUrl?: string;
  /** Name of the query parameter that carries the page to come back to. */
  returnToParam = 'return_to';
  /** Seconds before expiry to warn, with a countdown (at least 20). Unset or 0: no pre-expiry warning. */
  warnBefore?: number;
  /** Seconds of inactivity, in every tab, after which the user is signed out (after a warning). Unset or 0: off. */
  idleTimeout?: number;
  /** Fire events only; show no dialog unless the page calls `show()`. */
  headless = false;
  /** Go to `login-url` at once instead of showing the dialog. */
  autoRedirect = false;

  /**
   * The ended dialog's strings; the countdowns' join them when the countdowns load, and only the
   * countdowns read those.
   */
  protected defaultStrings = endedStrings as SessionExpiredStrings;
  protected readonly stringsKey = 'sessionExpired';
  private phase: Phase = 'none';
  #reason: ToldReason = 'expired';
  private announcement = '';
  /** The announcement is a failure, shown as well as spoken. */
  #failed = false;
  #returnFocus?: HTMLElement;
  /** The last `login-url` refused, so the refusal is logged once, not at every render. */
  #refusedLoginUrl?: string;
  /** The countdowns, once `warn-before` or `idle-timeout` asked for them, and their loading. */
  #warnings?: Warnings;
  #loadingWarnings?: Promise<unknown>;

  /**
   * Shows the dialog for the session as it is now: the ended dialog once the session has ended for
   * a reason the user is told (also after `sk-session-expired` was cancelled, with `headless`, or
   * after `close()`), or the warning while its countdown runs. Returns whether a dialog is shown:
   * while signed in with no countdown running, or after this tab's own sign-out, there is nothing
   * to show and it stays closed.
   */
  show(): boolean {
    const state = this.sessionClient?.getState();
    if (this.phase === 'none' && state && hasEnded(state) && toTell(state.reason)) {
      this.#reason = state.reason;
      this.phase = 'ended';
    }
    if (this.phase === 'warning' || this.phase === 'idle') this.#warnings?.announceTime();
    return (this.open = this.phase !== 'none');
  }

  /**
   * Closes the dialog, and focus returns where it was. It ends and extends nothing: a warning's
   * countdown goes on (inactivity still signs out at its end, and activity outside the dialog still
   * counts), and `show()` brings the dialog back.
   */
  close(): void {
    this.open = false;
  }

  get #dialog() {
    return this.renderRoot?.querySelector('dialog');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#warnings?.stop();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    // Loading the countdowns ends with an update of its own, when there is one to draw.
    await this.#loadingWarnings;
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // Set by the page (or the attribute): shown only with something to show.
    if (changed.has('open') && this.open) this.show();
    if (changed.has('warnBefore') || changed.has('idleTimeout')) this.#schedule();
  }

  protected override clientConnected() {
    this.#schedule();
  }

  /** Arms the countdowns that are on, loading their code the first time one is. */
  #schedule() {
    if (this.#warnings || !((this.warnBefore ?? 0) > 0 || (this.idleTimeout ?? 0) > 0)) return void this.#warnings?.schedule();
    this.#loadingWarnings ??= import('./warnings.js').then(({ Warnings, warningStrings }) => {
      this.defaultStrings = { ...endedStrings, ...warningStrings };
      this.#warnings = new Warnings({
        html,
        nothing,
        emit,
        element: this,
        client: () => this.sessionClient,
        strings: () => this.t,
        plural: (message, count) => this.plural(message, count),
        phase: () => this.phase,
        startWarning: (phase) => {
          this.phase = phase;
          if (!this.headless) this.open = true;
        },
        end: () => this.#end(),
        announce: (text, failed) => this.#announce(text, failed),
        fail: (error, action, message) => this.#reportFailure(error, action, message),
        dialog: () => this.#dialog,
      });
      this.#warnings.schedule();
    }, () => {
      // Not loaded (offline, say): the next change of the attributes or of the client tries again.
      this.#loadingWarnings = undefined;
    });
  }

  protected override stateChanged(state: SessionState, previous: SessionState) {
    if (hasEnded(state)) {
      this.#warnings?.stop();
      if (!hasEnded(previous) && toTell(state.reason)) this.#expire(state.reason);
      else if (this.phase !== 'ended') this.#end();
      return;
    }
    if (state.status !== 'active') return;
    if (this.phase === 'ended') this.#end();
    this.#warnings?.activeStateChanged(state);
  }

  #announce(text: string, failed = false) {
    this.announcement = text;
    this.#failed = failed;
  }

  /**
   * A request failed: `sk-error`, and, where the person asked for it, the reason in the dialog. A
   * `SessionExpiredError` is the session ending, which the state change reports (`sk-session-expired`).
   */
  #reportFailure(error: unknown, action: SkErrorAction, message?: string) {
    if (error instanceof SessionExpiredError) return;
    if (message) this.#announce(message, true);
    emit<SkErrorDetail>(this, 'sk-error', { error, action });
  }

  #expire(reason: ToldReason) {
    this.#end();
    // Kept even when nothing is shown now, so `show()` can show it later.
    this.#reason = reason;
    this.phase = 'ended';
    if (!emit<SkSessionExpiredDetail>(this, 'sk-session-expired', { reason }, true) || this.headless) return;
    const href = this.#loginHref();
    if (this.autoRedirect && href) location.assign(href);
    else {
      // A warning that turns into the ended dialog is closed and shown again, so focus moves onto
      // "Sign in again" and screen readers announce the new dialog, rather than focus falling to
      // <body> with the warning's buttons.
      this.#dialog?.close();
      this.open = true;
    }
  }

  /** Nothing left to tell: the countdown stops and the dialog closes. */
  #end() {
    this.#warnings?.stopCountdown();
    this.phase = 'none';
    this.open = false;
    this.#announce('');
  }

  /** `login-url` with `return_to` set to this page; undefined (and logged) when the URL is refused. */
  #loginHref(): string | undefined {
    if (!this.loginUrl) return undefined;
    const url = safeUrl(this.loginUrl, this.sessionClient?.allowedOrigins);
    if (!url) {
      // Asked at every render of the dialog: said once per refused value.
      if (this.#refusedLoginUrl !== this.loginUrl) {
        console.error(`<${this.localName}>: refused login-url="${this.loginUrl}": only http(s) URLs on this origin or in allowed-origins are followed.`);
      }
      this.#refusedLoginUrl = this.loginUrl;
      return undefined;
    }
    // Never send the user back to the sign-in page itself.
    if (url.origin !== location.origin || url.pathname !== location.pathname) url.searchParams.set(this.returnToParam, currentPath());
    return url.href;
  }

  #onCancel(event: Event) {
    event.preventDefault();
    // Escape closes the expired dialog; on a warning it means "stay", the choice that loses nothing.
    if (this.phase === 'ended') this.close();
    else void this.#warnings?.stay();
  }

  protected override updated(changed: PropertyValues<this>) {
    const dialog = this.#dialog;
    if (!dialog || !(changed.has('open') || changed.has('phase' as keyof SkSessionExpired))) return;
    if (this.open && !dialog.open) {
      this.#returnFocus ??= deepActiveElement();
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
      if (this.#returnFocus?.isConnected) this.#returnFocus.focus();
      this.#returnFocus = undefined;
    }
  }

  #renderBody(t: SessionExpiredStrings) {
    return this.phase === 'ended' ? (t[REASON_TEXT[this.#reason] ?? (this.#reason as keyof SessionExpiredStrings)] as string) : this.#warnings?.renderBody(t);
  }

  #renderActions(t: SessionExpiredStrings) {
    if (this.phase === 'ended') {
      const href = this.#loginHref();
      return html`<button part="close-button" @click=${this.close}>${t.close}</button>
        ${href
          ? html`<a part="login-link" class="button primary" href=${href} autofocus>${t.signInAgain}</a>`
          : html`<button part="login-link" class="primary" autofocus @click=${() => location.reload()}>${t.signInAgain}</button>`}`;
    }
    return this.#warnings?.renderActions(t);
  }

  protected override render() {
    if (!this.sessionClient) return nothing;
    const t = this.t;
    const { phase } = this;
    const title = phase === 'ended' ? t.expiredTitle : phase === 'idle' ? t.idleTitle : t.warningTitle;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="body" @cancel=${this.#onCancel}>
      ${!this.open || phase === 'none'
        ? nothing
        : html`<h2 part="title" id="title">${title}</h2>
            <p part="body" id="body">${this.#renderBody(t)}</p>
            ${phase === 'ended' ? html`<slot name="reauth"></slot>` : nothing}
            <p part="status" role="status" class=${phase !== 'ended' && this.#failed ? 'error' : 'sr-only'}>${this.announcement}</p>
            <div part="actions">${this.#renderActions(t)}</div>`}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sk-session-expired': SkSessionExpired;
  }
}
