import { html, nothing, type PropertyValues } from 'lit';
import { SessionExpiredError } from '../../core/errors.js';
import type { ExpiryReason, SessionState } from '../../core/types.js';
import { emit, type SkErrorAction, type SkErrorDetail } from '../internal/events.js';
import { currentPath, safeUrl } from '../internal/navigate.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import { trackActivity } from './activity.js';
import type { SkSessionExpiredDetail, SkSessionExpiringDetail, SkSessionExtendedDetail } from './events.js';
import { sessionExpiredStrings, type SessionExpiredStrings } from './strings.js';
import { sessionExpiredStyles } from './styles.js';

/** What the element is telling the user about, shown or not: nothing, a countdown, or the end. */
type Phase = 'none' | 'warning' | 'idle' | 'ended';

const REASON_TEXT: Record<ExpiryReason, keyof SessionExpiredStrings> = {
  expired: 'expired',
  revoked: 'revoked',
  'signed-out': 'expired',
  'signed-out-elsewhere': 'signedOutElsewhere',
  idle: 'idle',
  'refresh-failed': 'refreshFailed',
};

/** The least warning a person gets (WCAG 2.2.1 asks for at least 20 s to react). */
const MIN_WARNING_S = 20;
/** The idle warning's length when `warn-before` is not set. */
const DEFAULT_IDLE_WARNING_S = 60;
/** Longest pause before a tab signs out for inactivity, so tabs do not all send it at once. */
const IDLE_SIGN_OUT_SPREAD_MS = 500;
const MAX_TIMER_MS = 2_147_483_647;

const ended = (state: SessionState): state is SessionState & { status: 'expired' | 'signed-out' } =>
  state.status === 'expired' || state.status === 'signed-out';
/** Every end but this tab's own sign-out (that one is `sk-logout`'s) is one to explain. */
const toTell = (reason: ExpiryReason | undefined): reason is ExpiryReason => !!reason && reason !== 'signed-out';

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
 * stop.
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
    secondsLeft: { state: true },
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

  protected readonly defaultStrings = sessionExpiredStrings;
  protected readonly stringsKey = 'sessionExpired';
  private phase: Phase = 'none';
  #reason: ExpiryReason = 'expired';
  #deadline = 0;
  private secondsLeft = 0;
  private announcement = '';
  /** The announcement is a failure, shown as well as spoken. */
  #failed = false;
  #warnTimer?: ReturnType<typeof setTimeout>;
  #idleTimer?: ReturnType<typeof setTimeout>;
  #tickTimer?: ReturnType<typeof setTimeout>;
  #returnFocus?: HTMLElement;
  /** The last `login-url` refused, so the refusal is logged once, not at every render. */
  #refusedLoginUrl?: string;
  readonly #activity = trackActivity(
    () => this.#onActivity(),
    () => this.#dialog ?? undefined,
  );

  /**
   * Shows the dialog for the session as it is now: the ended dialog once the session has ended for
   * a reason the user is told (also after `sk-session-expired` was cancelled, with `headless`, or
   * after `close()`), or the warning while its countdown runs. Returns whether a dialog is shown:
   * while signed in with no countdown running, or after this tab's own sign-out, there is nothing
   * to show and it stays closed.
   */
  show(): boolean {
    const state = this.sessionClient?.getState();
    if (this.phase === 'none' && state && ended(state) && toTell(state.reason)) {
      this.#reason = state.reason;
      this.phase = 'ended';
    }
    if (this.phase === 'warning' || this.phase === 'idle') this.#announce(this.#spoken(this.secondsLeft));
    this.open = this.phase !== 'none';
    return this.open;
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

  get #warningSeconds(): number | undefined {
    return this.warnBefore && this.warnBefore > 0 ? Math.max(MIN_WARNING_S, this.warnBefore) : undefined;
  }

  /** `idle-timeout` in seconds, when it is on. */
  get #idleSeconds(): number | undefined {
    return this.idleTimeout && this.idleTimeout > 0 ? this.idleTimeout : undefined;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopTimers();
    this.#activity.stop();
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

  protected override stateChanged(state: SessionState, previous: SessionState) {
    if (ended(state)) {
      this.#stopTimers();
      if (!ended(previous) && toTell(state.reason)) this.#expire(state.reason);
      else if (this.phase !== 'ended') this.#end();
      return;
    }
    if (state.status !== 'active') return;
    if (this.phase === 'ended') this.#end();
    const left = this.sessionClient!.expiresIn() ?? Infinity;
    if (this.phase === 'warning' && left > this.#warningSeconds! * 1000) this.#extended(state.session?.expiresAt);
    // The server still calls the session active after its own expiresAt: nothing left to count down.
    else if (this.phase === 'warning' && left <= 0) this.#end();
    this.#schedule();
  }

  #stopTimers() {
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#tickTimer);
  }

  /** Arms the pre-expiry and idle warnings for the session as it is now. */
  #schedule() {
    const client = this.sessionClient;
    const idle = this.#idleSeconds;
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#idleTimer);
    // Activity only matters with an idle timeout: without one, no listeners are left on the page.
    if (idle && this.isConnected) this.#activity.start();
    else this.#activity.stop();
    if (!client || client.getState().status !== 'active' || this.phase !== 'none') return;
    const left = client.expiresIn();
    const warning = this.#warningSeconds;
    if (warning && left !== undefined && left > 0) {
      this.#warnTimer = setTimeout(
        () => {
          const remaining = client.expiresIn() ?? 0;
          // No time left (the computer slept through the warning): ask the server, do not count down from 0.
          if (remaining > 0) this.#openWarning('warning', Date.now() + remaining);
          else client.getSession().catch((error: unknown) => this.#reportFailure(error, 'check'));
        },
        Math.min(Math.max(left - warning * 1000, 0), MAX_TIMER_MS),
      );
    }
    if (idle) this.#idleTimer = setTimeout(() => this.#checkIdle(), Math.max(this.#idleWarningDue(idle) - Date.now(), 0));
  }

  #idleWarningDue(idle: number) {
    const warning = Math.min(this.#warningSeconds ?? DEFAULT_IDLE_WARNING_S, idle);
    return this.#activity.lastActivity + (idle - warning) * 1000;
  }

  /** When inactivity signs the user out: `idle-timeout` after the last activity in any tab. */
  #idleDeadline(idle: number) {
    return this.#activity.lastActivity + idle * 1000;
  }

  #checkIdle() {
    const idle = this.#idleSeconds;
    if (!idle) return;
    if (this.#idleWarningDue(idle) > Date.now()) this.#schedule();
    else this.#openWarning('idle', this.#idleDeadline(idle));
  }

  #onActivity() {
    const idle = this.#idleSeconds;
    if (this.phase === 'idle' && idle) this.#extended(new Date(this.#idleDeadline(idle)));
    else if (this.phase === 'none') this.#schedule();
  }

  #openWarning(phase: 'warning' | 'idle', deadline: number) {
    if (this.phase !== 'none') return;
    this.#deadline = deadline;
    this.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const expiresAt = phase === 'warning' ? this.sessionClient!.getState().session?.expiresAt : undefined;
    emit<SkSessionExpiringDetail>(this, 'sk-session-expiring', { expiresAt: expiresAt ?? new Date(deadline), secondsLeft: this.secondsLeft });
    this.phase = phase;
    if (!this.headless) this.open = true;
    this.#tick();
  }

  /** Counts down once a second; speaks at the start, each minute, and at 30 and 10 seconds. */
  #tick() {
    const seconds = Math.max(0, Math.round((this.#deadline - Date.now()) / 1000));
    const changed = seconds !== this.secondsLeft;
    this.secondsLeft = seconds;
    if (!this.announcement || (changed && seconds > 0 && (seconds % 60 === 0 || seconds === 30 || seconds === 10))) {
      this.#announce(this.#spoken(seconds));
    }
    const idle = this.#idleSeconds;
    if (seconds > 0) this.#tickTimer = setTimeout(() => this.#tick(), 1000);
    // Idle: this tab acts. Pre-expiry: the client's own check at expiresAt decides.
    else if (idle && Date.now() >= this.#idleDeadline(idle)) void this.#signOutIdle();
  }

  #spoken(seconds: number) {
    const t = this.t;
    const time = seconds >= 60 ? this.plural(t.minutes, Math.ceil(seconds / 60)) : this.plural(t.seconds, seconds);
    return (this.phase === 'idle' ? t.idleWarning : t.warning).replace('{time}', time);
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

  async #signOutIdle() {
    const client = this.sessionClient;
    // Every tab reaches 0 at once: a random pause lets the first one's sign-out reach the others,
    // so the server usually sees one request rather than one per tab (a late one meets a 401,
    // which counts as signed out already).
    await new Promise((resolve) => setTimeout(resolve, Math.random() * IDLE_SIGN_OUT_SPREAD_MS));
    if (!client || !this.isConnected || ended(client.getState())) return;
    await client.signOut({ reason: 'idle', forceClear: true }).catch((error: unknown) => this.#reportFailure(error, 'sign-out'));
  }

  #extended(expiresAt: Date | undefined) {
    this.#end();
    if (expiresAt) emit<SkSessionExtendedDetail>(this, 'sk-session-extended', { expiresAt });
    this.#schedule();
  }

  #expire(reason: ExpiryReason) {
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
    clearTimeout(this.#tickTimer);
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

  async #stay() {
    this.#activity.touch();
    if (this.phase === 'idle') return;
    try {
      const session = await this.sessionClient!.refresh();
      // Usually the new state has already closed the warning and said so (see stateChanged).
      if (this.phase === 'warning') this.#extended(session.expiresAt);
    } catch (error) {
      this.#reportFailure(error, 'extend', this.t.extendFailed);
    }
  }

  async #logOut() {
    try {
      await this.sessionClient!.signOut();
      this.#end();
    } catch (error) {
      // The session is kept: the warning stays, so the person can try again or stay.
      this.#reportFailure(error, 'sign-out', this.t.logOutFailed);
    }
  }

  #onCancel(event: Event) {
    event.preventDefault();
    // Escape closes the expired dialog; on a warning it means "stay", the choice that loses nothing.
    if (this.phase === 'ended') this.close();
    else void this.#stay();
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
    if (this.phase === 'ended') return t[REASON_TEXT[this.#reason]] as string;
    const [before, after = ''] = (this.phase === 'idle' ? t.idleWarning : t.warning).split('{time}');
    const minutes = Math.floor(this.secondsLeft / 60);
    const seconds = String(this.secondsLeft % 60).padStart(2, '0');
    return html`${before}<strong part="countdown">${minutes}:${seconds}</strong>${after}`;
  }

  #renderActions(t: SessionExpiredStrings) {
    if (this.phase === 'ended') {
      const href = this.#loginHref();
      return html`<button part="close-button" @click=${this.close}>${t.close}</button>
        ${href
          ? html`<a part="login-link" class="button primary" href=${href} autofocus>${t.signInAgain}</a>`
          : html`<button part="login-link" class="primary" autofocus @click=${() => location.reload()}>${t.signInAgain}</button>`}`;
    }
    const { capabilities } = this.sessionClient!;
    const canStay = this.phase === 'idle' || capabilities.refresh || capabilities.sliding;
    return html`<button part="logout-button" @click=${this.#logOut}>${t.logOut}</button>
      ${canStay ? html`<button part="stay-button" class="primary" autofocus @click=${this.#stay}>${t.staySignedIn}</button>` : nothing}`;
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
