import { html, nothing, type PropertyValues } from 'lit';
import { SessionExpiredError } from '../../core/errors.js';
import type { ExpiryReason, SessionState } from '../../core/types.js';
import { emit } from '../internal/events.js';
import { currentPath, safeUrl } from '../internal/navigate.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import { trackActivity } from './activity.js';
import { sessionExpiredStrings, type SessionExpiredStrings } from './strings.js';
import { sessionExpiredStyles } from './styles.js';

export interface SkSessionExpiredDetail {
  reason: ExpiryReason;
}
export interface SkSessionExpiringDetail {
  expiresAt: Date;
  secondsLeft: number;
}
export interface SkSessionExtendedDetail {
  expiresAt: Date;
}

type Mode = 'closed' | 'expired' | 'warning' | 'idle';

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

const ended = (state: SessionState) => state.status === 'expired' || state.status === 'signed-out';

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
 * @tag sk-session-expired
 * @slot reauth - A sign-in form shown inside the dialog. After signing in, call `client.notifySignedIn()`: every tab's dialog closes once the server confirms.
 *
 * @event {CustomEvent<SkSessionExpiredDetail>} sk-session-expired - Detail: `{ reason }`. The session ended for `reason`. Cancel it to show nothing.
 * @event {CustomEvent<SkSessionExpiringDetail>} sk-session-expiring - Detail: `{ expiresAt, secondsLeft }`. The pre-expiry or idle warning opened.
 * @event {CustomEvent<SkSessionExtendedDetail>} sk-session-extended - Detail: `{ expiresAt }`. The session was extended while a warning was open.
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
 * @csspart status - Announcements for screen readers and the extend error.
 *
 * @cssproperty [--sk-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif] - Font family.
 * @cssproperty [--sk-font-size=0.875rem] - Base font size.
 * @cssproperty [--sk-color-text=#1f2328] - Text colour (dark: `#f0f6fc`).
 * @cssproperty [--sk-color-muted=#59636e] - Secondary text colour (dark: `#9198a1`).
 * @cssproperty [--sk-color-surface=#ffffff] - Dialog background (dark: `#0d1117`).
 * @cssproperty [--sk-color-border=#d1d9e0] - Border colour (dark: `#3d444d`).
 * @cssproperty [--sk-color-accent=#0969da] - Focus ring and primary actions (dark: `#4493f8`).
 * @cssproperty [--sk-color-danger=#cf222e] - Errors (dark: `#f85149`).
 * @cssproperty [--sk-radius=6px] - Corner radius.
 * @cssproperty [--sk-space=0.75rem] - Base spacing unit.
 */
export class SkSessionExpired extends SkElement<SessionExpiredStrings> {
  static override styles = [baseStyles, sessionExpiredStyles];

  static override properties = {
    loginUrl: { attribute: 'login-url' },
    returnToParam: { attribute: 'return-to-param' },
    warnBefore: { attribute: 'warn-before', type: Number },
    idleTimeout: { attribute: 'idle-timeout', type: Number },
    headless: { type: Boolean },
    autoRedirect: { attribute: 'auto-redirect', type: Boolean },
    mode: { state: true },
    secondsLeft: { state: true },
    announcement: { state: true },
  };

  /** The sign-in page. "Sign in again" links there with `?return_to=<this page>`. Without it, the button reloads the page. */
  loginUrl?: string;
  /** Name of the query parameter that carries the page to come back to. */
  returnToParam = 'return_to';
  /** Seconds before expiry to warn, with a countdown (at least 20). Unset: no pre-expiry warning. */
  warnBefore?: number;
  /** Seconds of inactivity, in every tab, after which the user is signed out (after a warning). */
  idleTimeout?: number;
  /** Fire events only; show no dialog. */
  headless = false;
  /** Go to `login-url` at once instead of showing the dialog. */
  autoRedirect = false;

  protected readonly defaultStrings = sessionExpiredStrings;
  protected readonly stringsKey = 'sessionExpired';
  private mode: Mode = 'closed';
  #reason: ExpiryReason = 'expired';
  #deadline = 0;
  private secondsLeft = 0;
  private announcement = '';
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

  get #dialog() {
    return this.renderRoot?.querySelector('dialog');
  }

  get #warningSeconds(): number | undefined {
    return this.warnBefore ? Math.max(MIN_WARNING_S, this.warnBefore) : undefined;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopTimers();
    this.#activity.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('warnBefore') || changed.has('idleTimeout')) this.#schedule();
  }

  protected override clientConnected() {
    this.#schedule();
  }

  protected override stateChanged(state: SessionState, previous: SessionState) {
    if (ended(state)) {
      this.#stopTimers();
      if (!ended(previous) && state.reason && state.reason !== 'signed-out') this.#expire(state.reason);
      else if (this.mode !== 'expired') this.#close();
      return;
    }
    if (state.status !== 'active') return;
    if (this.mode === 'expired') this.#close();
    const left = this.sessionClient!.expiresIn() ?? Infinity;
    if (this.mode === 'warning' && left > this.#warningSeconds! * 1000) this.#extended(state.session?.expiresAt);
    // The server still calls the session active after its own expiresAt: nothing left to count down.
    else if (this.mode === 'warning' && left <= 0) this.#close();
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
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#idleTimer);
    // Activity only matters with an idle timeout: without one, no listeners are left on the page.
    if (this.idleTimeout && this.isConnected) this.#activity.start();
    else this.#activity.stop();
    if (!client || client.getState().status !== 'active' || this.mode !== 'closed') return;
    const left = client.expiresIn();
    const warning = this.#warningSeconds;
    if (warning && left !== undefined && left > 0) {
      this.#warnTimer = setTimeout(
        () => {
          const remaining = client.expiresIn() ?? 0;
          // No time left (the computer slept through the warning): ask the server, do not count down from 0.
          if (remaining > 0) this.#openWarning('warning', Date.now() + remaining);
          else client.getSession().catch(() => {});
        },
        Math.min(Math.max(left - warning * 1000, 0), MAX_TIMER_MS),
      );
    }
    if (this.idleTimeout) this.#idleTimer = setTimeout(() => this.#checkIdle(), Math.max(this.#idleWarningDue() - Date.now(), 0));
  }

  #idleWarningDue() {
    const warning = Math.min(this.#warningSeconds ?? DEFAULT_IDLE_WARNING_S, this.idleTimeout!);
    return this.#activity.lastActivity + (this.idleTimeout! - warning) * 1000;
  }

  /** When inactivity signs the user out: `idle-timeout` after the last activity in any tab. */
  get #idleDeadline() {
    return this.#activity.lastActivity + this.idleTimeout! * 1000;
  }

  #checkIdle() {
    if (this.#idleWarningDue() > Date.now()) this.#schedule();
    else this.#openWarning('idle', this.#idleDeadline);
  }

  #onActivity() {
    if (this.mode === 'idle') this.#extended(new Date(this.#idleDeadline));
    else if (this.mode === 'closed') this.#schedule();
  }

  #openWarning(mode: 'warning' | 'idle', deadline: number) {
    if (this.mode !== 'closed') return;
    this.#deadline = deadline;
    this.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const expiresAt = mode === 'warning' ? this.sessionClient!.getState().session?.expiresAt : undefined;
    emit<SkSessionExpiringDetail>(this, 'sk-session-expiring', { expiresAt: expiresAt ?? new Date(deadline), secondsLeft: this.secondsLeft });
    if (!this.headless) this.mode = mode;
    this.#tick();
  }

  /** Counts down once a second; speaks at the start, each minute, and at 30 and 10 seconds. */
  #tick() {
    const seconds = Math.max(0, Math.round((this.#deadline - Date.now()) / 1000));
    const changed = seconds !== this.secondsLeft;
    this.secondsLeft = seconds;
    if (!this.announcement || (changed && seconds > 0 && (seconds % 60 === 0 || seconds === 30 || seconds === 10))) {
      this.announcement = this.#spoken(seconds);
    }
    if (seconds > 0) this.#tickTimer = setTimeout(() => this.#tick(), 1000);
    // Idle: this tab acts. Pre-expiry: the client's own check at expiresAt decides.
    else if (this.idleTimeout && Date.now() >= this.#idleDeadline) void this.#signOutIdle();
  }

  #spoken(seconds: number) {
    const t = this.t;
    const time = seconds >= 60 ? this.plural(t.minutes, Math.ceil(seconds / 60)) : this.plural(t.seconds, seconds);
    return (this.mode === 'idle' ? t.idleWarning : t.warning).replace('{time}', time);
  }

  async #signOutIdle() {
    const client = this.sessionClient;
    // Every tab reaches 0 at once: a random pause lets the first one's sign-out reach the others,
    // so the server usually sees one request rather than one per tab (a late one meets a 401,
    // which counts as signed out already).
    await new Promise((resolve) => setTimeout(resolve, Math.random() * IDLE_SIGN_OUT_SPREAD_MS));
    if (!client || !this.isConnected || ended(client.getState())) return;
    await client.signOut({ reason: 'idle', forceClear: true }).catch(() => {});
  }

  #extended(expiresAt: Date | undefined) {
    this.#close();
    if (expiresAt) emit<SkSessionExtendedDetail>(this, 'sk-session-extended', { expiresAt });
    this.#schedule();
  }

  #expire(reason: ExpiryReason) {
    this.#close();
    if (!emit<SkSessionExpiredDetail>(this, 'sk-session-expired', { reason }, true) || this.headless) return;
    const href = this.#loginHref();
    if (this.autoRedirect && href) location.assign(href);
    else {
      // A warning that turns into the ended dialog is closed and shown again, so focus moves onto
      // "Sign in again" and screen readers announce the new dialog, rather than focus falling to
      // <body> with the warning's buttons.
      this.#dialog?.close();
      this.#reason = reason;
      this.mode = 'expired';
    }
  }

  #close() {
    clearTimeout(this.#tickTimer);
    this.mode = 'closed';
    this.announcement = '';
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
    if (this.mode === 'idle') {
      this.#activity.touch();
      return;
    }
    try {
      this.#activity.touch();
      const session = await this.sessionClient!.refresh();
      // Usually the new state has already closed the warning and said so (see stateChanged).
      if (this.mode === 'warning') this.#extended(session.expiresAt);
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) this.announcement = this.t.extendFailed;
    }
  }

  async #logOut() {
    await this.sessionClient!.signOut().catch(() => {});
    this.#close();
  }

  #onCancel(event: Event) {
    event.preventDefault();
    // Escape closes the expired dialog; on a warning it means "stay", the choice that loses nothing.
    if (this.mode === 'expired') this.#close();
    else void this.#stay();
  }

  protected override updated(changed: PropertyValues<this>) {
    const dialog = this.#dialog;
    if (!changed.has('mode' as keyof SkSessionExpired) || !dialog) return;
    if (this.mode !== 'closed' && !dialog.open) {
      this.#returnFocus ??= deepActiveElement();
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (this.mode === 'closed' && dialog.open) {
      dialog.close();
      if (this.#returnFocus?.isConnected) this.#returnFocus.focus();
      this.#returnFocus = undefined;
    }
  }

  #renderBody(t: SessionExpiredStrings) {
    if (this.mode === 'expired') return t[REASON_TEXT[this.#reason]] as string;
    const [before, after = ''] = (this.mode === 'idle' ? t.idleWarning : t.warning).split('{time}');
    const minutes = Math.floor(this.secondsLeft / 60);
    const seconds = String(this.secondsLeft % 60).padStart(2, '0');
    return html`${before}<strong part="countdown">${minutes}:${seconds}</strong>${after}`;
  }

  #renderActions(t: SessionExpiredStrings) {
    if (this.mode === 'expired') {
      const href = this.#loginHref();
      return html`<button part="close-button" @click=${this.#close}>${t.close}</button>
        ${href
          ? html`<a part="login-link" class="button primary" href=${href} autofocus>${t.signInAgain}</a>`
          : html`<button part="login-link" class="primary" autofocus @click=${() => location.reload()}>${t.signInAgain}</button>`}`;
    }
    const { capabilities } = this.sessionClient!;
    const canStay = this.mode === 'idle' || capabilities.refresh || capabilities.sliding;
    return html`<button part="logout-button" @click=${this.#logOut}>${t.logOut}</button>
      ${canStay ? html`<button part="stay-button" class="primary" autofocus @click=${this.#stay}>${t.staySignedIn}</button>` : nothing}`;
  }

  protected override render() {
    if (!this.sessionClient) return nothing;
    const t = this.t;
    const mode = this.mode;
    const title = mode === 'expired' ? t.expiredTitle : mode === 'idle' ? t.idleTitle : t.warningTitle;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="body" @cancel=${this.#onCancel}>
      ${mode === 'closed'
        ? nothing
        : html`<h2 part="title" id="title">${title}</h2>
            <p part="body" id="body">${this.#renderBody(t)}</p>
            ${mode === 'expired' ? html`<slot name="reauth"></slot>` : nothing}
            <p part="status" role="status" class=${mode !== 'expired' && this.announcement === t.extendFailed ? 'error' : 'sr-only'}>${this.announcement}</p>
            <div part="actions">${this.#renderActions(t)}</div>`}
    </dialog>`;
  }
}
