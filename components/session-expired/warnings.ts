import type { html, nothing } from 'lit';
import type { SessionClient } from '../../core/client.js';
import type { SessionState } from '../../core/types.js';
import type { emit, SkErrorAction } from '../internal/events.js';
import type { Plural } from '../internal/localize.js';
import { trackActivity } from './activity.js';
import type { SkSessionExpiringDetail, SkSessionExtendedDetail } from './events.js';
import type { SessionExpiredStrings } from './strings.js';

export { warningStrings } from './warning-strings.js';

/** The least warning a person gets (WCAG 2.2.1 asks for at least 20 s to react). */
const MIN_WARNING_S = 20;
/** The idle warning's length when `warn-before` is not set. */
const DEFAULT_IDLE_WARNING_S = 60;
/** Longest pause before a tab signs out for inactivity, so tabs do not all send it at once. */
const IDLE_SIGN_OUT_SPREAD_MS = 500;
const MAX_TIMER_MS = 2_147_483_647;

export type WarningPhase = 'warning' | 'idle';

/**
 * What the countdowns need of `<sk-session-expired>`: its settings, the parts of its state they
 * change, and the few shared functions they call (Lit's html tag and its nothing, and emit). Those are
 * handed over rather than imported so that this chunk shares no module with the element's: a
 * shared module would become a third file, and every page would download the element in two.
 */
export interface WarningsHost {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly emit: typeof emit;
  readonly element: HTMLElement & { warnBefore?: number; idleTimeout?: number; headless: boolean; open: boolean; requestUpdate(): void };
  client(): SessionClient | undefined;
  strings(): SessionExpiredStrings;
  plural(message: string | Plural, count: number): string;
  /** The phase shown now; `none` when nothing is. */
  phase(): WarningPhase | 'none' | 'ended';
  startWarning(phase: WarningPhase): void;
  /** Closes the warning: nothing left to tell. */
  end(): void;
  announce(text: string, failed?: boolean): void;
  fail(error: unknown, action: SkErrorAction, message?: string): void;
  dialog(): Node | null | undefined;
}

/**
 * The pre-expiry warning (`warn-before`) and the idle timeout (`idle-timeout`) of
 * `<sk-session-expired>`: their timers, the activity they follow, the countdown and its
 * announcements, and the warning's buttons. Loaded only by pages that turn either on.
 */
export class Warnings {
  secondsLeft = 0;
  #deadline = 0;
  #warnTimer?: ReturnType<typeof setTimeout>;
  #idleTimer?: ReturnType<typeof setTimeout>;
  #tickTimer?: ReturnType<typeof setTimeout>;
  readonly #activity = trackActivity(
    () => this.#onActivity(),
    () => this.host.dialog(),
  );

  constructor(private readonly host: WarningsHost) {}

  get #warningSeconds(): number | undefined {
    const { warnBefore } = this.host.element;
    return warnBefore && warnBefore > 0 ? Math.max(MIN_WARNING_S, warnBefore) : undefined;
  }

  /** `idle-timeout` in seconds, when it is on. */
  get #idleSeconds(): number | undefined {
    const { idleTimeout } = this.host.element;
    return idleTimeout && idleTimeout > 0 ? idleTimeout : undefined;
  }

  /** Stops every timer and stops following activity (the element left the page, or the session ended). */
  stop() {
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#idleTimer);
    this.stopCountdown();
    this.#activity.stop();
  }

  stopCountdown() {
    clearTimeout(this.#tickTimer);
  }

  /** The session is active (again, or with a new expiry): a running warning may be over; the timers follow. */
  activeStateChanged(state: SessionState) {
    const left = this.host.client()?.expiresIn() ?? Infinity;
    const warning = this.host.phase() === 'warning';
    if (warning && left > this.#warningSeconds! * 1000) this.#extended(state.session?.expiresAt);
    // The server still calls the session active after its own expiresAt: nothing left to count down.
    else if (warning && left <= 0) this.host.end();
    this.schedule();
  }

  /** Arms the pre-expiry and idle warnings for the session as it is now. */
  schedule() {
    const { host } = this;
    const client = host.client();
    const idle = this.#idleSeconds;
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#idleTimer);
    // Activity only matters with an idle timeout: without one, no listeners are left on the page.
    if (idle && host.element.isConnected) this.#activity.start();
    else this.#activity.stop();
    const status = client?.getState().status;
    // With the server out of reach (degraded) the session is still there, and inactivity still
    // signs it out; only the pre-expiry warning waits for the server.
    if (!client || !(status === 'active' || status === 'degraded') || host.phase() !== 'none') return;
    const left = client.expiresIn();
    const warning = this.#warningSeconds;
    if (status === 'active' && warning && left !== undefined && left > 0) {
      this.#warnTimer = setTimeout(
        () => {
          const remaining = client.expiresIn() ?? 0;
          // No time left (the computer slept through the warning): ask the server, do not count down from 0.
          if (remaining > 0) this.#open('warning', Date.now() + remaining);
          else client.getSession().catch((error: unknown) => host.fail(error, 'check'));
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
    if (this.#idleWarningDue(idle) > Date.now()) this.schedule();
    else this.#open('idle', this.#idleDeadline(idle));
  }

  #onActivity() {
    const idle = this.#idleSeconds;
    const phase = this.host.phase();
    if (phase === 'idle' && idle) this.#extended(new Date(this.#idleDeadline(idle)));
    else if (phase === 'none') this.schedule();
  }

  #open(phase: WarningPhase, deadline: number) {
    const { host } = this;
    if (host.phase() !== 'none') return;
    this.#deadline = deadline;
    this.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const expiresAt = phase === 'warning' ? host.client()!.getState().session?.expiresAt : undefined;
    host.emit<SkSessionExpiringDetail>(host.element, 'sk-session-expiring', { expiresAt: expiresAt ?? new Date(deadline), secondsLeft: this.secondsLeft });
    host.startWarning(phase);
    this.#tick(true);
  }

  /** Counts down once a second; speaks at the start, each minute, and at 30 and 10 seconds. */
  #tick(first = false) {
    const seconds = Math.max(0, Math.round((this.#deadline - Date.now()) / 1000));
    const changed = seconds !== this.secondsLeft;
    this.secondsLeft = seconds;
    this.host.element.requestUpdate();
    if (first || (changed && seconds > 0 && (seconds % 60 === 0 || seconds === 30 || seconds === 10))) this.announceTime();
    const idle = this.#idleSeconds;
    if (seconds > 0) this.#tickTimer = setTimeout(() => this.#tick(), 1000);
    // Idle: this tab acts. Pre-expiry: the client's own check at expiresAt decides.
    else if (idle && Date.now() >= this.#idleDeadline(idle)) void this.#signOutIdle();
  }

  /** Says the time left, as the countdown does at its start. */
  announceTime() {
    const { host } = this;
    const t = host.strings();
    const seconds = this.secondsLeft;
    // Whole minutes left, never more than the countdown shows: 1:39 is spoken as "1 minute".
    const time = seconds >= 60 ? host.plural(t.minutes, Math.floor(seconds / 60)) : host.plural(t.seconds, seconds);
    host.announce((host.phase() === 'idle' ? t.idleWarning : t.warning).replace('{time}', time));
  }

  async #signOutIdle() {
    const { host } = this;
    const client = host.client();
    // Every tab reaches 0 at once: a random pause lets the first one's sign-out reach the others,
    // so the server usually sees one request rather than one per tab (a late one meets a 401,
    // which counts as signed out already).
    await new Promise((resolve) => setTimeout(resolve, Math.random() * IDLE_SIGN_OUT_SPREAD_MS));
    const status = client?.getState().status;
    if (!client || !host.element.isConnected || status === 'expired' || status === 'signed-out') return;
    await client.signOut({ reason: 'idle', forceClear: true }).catch((error: unknown) => host.fail(error, 'sign-out'));
  }

  #extended(expiresAt: Date | undefined) {
    this.host.end();
    if (expiresAt) this.host.emit<SkSessionExtendedDetail>(this.host.element, 'sk-session-extended', { expiresAt });
    this.schedule();
  }

  /** "Stay signed in" (or Escape): activity, and for a pre-expiry warning a refresh. */
  async stay() {
    const { host } = this;
    this.#activity.touch();
    if (host.phase() === 'idle') return;
    try {
      const session = await host.client()!.refresh();
      // Usually the new state has already closed the warning and said so (see activeStateChanged).
      if (host.phase() === 'warning') this.#extended(session.expiresAt);
    } catch (error) {
      host.fail(error, 'extend', host.strings().extendFailed);
    }
  }

  async #logOut() {
    const { host } = this;
    try {
      await host.client()!.signOut();
      host.end();
    } catch (error) {
      // The session is kept: the warning stays, so the person can try again or stay.
      host.fail(error, 'sign-out', host.strings().logOutFailed);
    }
  }

  renderBody(t: SessionExpiredStrings) {
    const [before, after = ''] = (this.host.phase() === 'idle' ? t.idleWarning : t.warning).split('{time}');
    const minutes = Math.floor(this.secondsLeft / 60);
    const seconds = String(this.secondsLeft % 60).padStart(2, '0');
    const { html } = this.host;
    return html`${before}<strong part="countdown">${minutes}:${seconds}</strong>${after}`;
  }

  renderActions(t: SessionExpiredStrings) {
    const { html, nothing, client } = this.host;
    const { capabilities } = client()!;
    const canStay = this.host.phase() === 'idle' || capabilities.refresh || capabilities.sliding;
    return html`<button part="logout-button" @click=${() => this.#logOut()}>${t.logOut}</button>
      ${canStay ? html`<button part="stay-button" class="primary" autofocus @click=${() => this.stay()}>${t.staySignedIn}</button>` : nothing}`;
  }
}
