import { html, nothing, render, type PropertyValues } from 'lit';
import type { SessionClient } from '../../core/client.js';
import { SessionsController } from '../../core/controllers/sessions-controller.js';
import { ReauthRequiredError } from '../../core/errors.js';
import { LOADING, type SessionsSnapshot } from '../../core/sessions-store.js';
import { hasEnded, type Session, type SessionState } from '../../core/types.js';
import { confirmation } from '../internal/confirmation.js';
import { emit, type SkErrorDetail, type SkLogoutDetail, type SkLogoutRequestDetail } from '../internal/events.js';
import { format } from '../internal/localize.js';
import { SkElement } from '../internal/sk-element.js';
import { baseStyles } from '../internal/styles.js';
import { describeDevice, describeRows, formatters, type Formatters, type RowText } from './describe.js';
import { sessionRow } from './row.js';
import { sessionListStrings, type SessionListStrings } from './strings.js';
import { sessionListStyles } from './styles.js';
import { skeleton, stateMessage } from './templates.js';
import type {
  SessionListAction,
  SkOtherSessionsRevokeDetail,
  SkOtherSessionsRevokedDetail,
  SkReauthRequiredDetail,
  SkSessionRevokeDetail,
  SkSessionRevokedDetail,
} from './types.js';

export type * from './types.js';

/** How often relative times ("5 minutes ago") are brought up to date. */
const TICK_MS = 30_000;
/**
 * Runs `task` in a task of its own, once the current one is over. A message, not a timer: fake
 * timers in an app's tests and the throttling of background tabs leave it alone.
 */
function afterThisTask(task: () => void) {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    task();
  };
  port2.postMessage(undefined);
}

/** Locales whose rows have been drawn once off-screen (see `#prepareRows`). */
const prepared = new Set<string>();

/**
 * The devices where the user is signed in, with a way to sign each one out, or all others at once.
 * Revoking is optimistic and confirmed in place; the list stays fresh on focus, after revokes here
 * or in other tabs, and on an optional interval. Once the session has ended it shows only the
 * heading and "You're signed out.", never stale rows.
 *
 * @tag sk-session-list
 * @slot heading - The heading's text. Default: "Where you're signed in".
 * @slot empty - Shown when this is the only device. Default: "You're only signed in on this device."
 *
 * @event {CustomEvent<SkSessionRevokeDetail>} sk-session-revoke - Detail: `{ session }`. After confirmation, before the request; cancel it to stop (e.g. to ask for step-up authentication).
 * @event {CustomEvent<SkSessionRevokedDetail>} sk-session-revoked - Detail: `{ session }`. The server signed that session out.
 * @event {CustomEvent<SkOtherSessionsRevokeDetail>} sk-other-sessions-revoke - Detail: `{ count }`. After confirmation, before signing out every other session; cancel it to stop.
 * @event {CustomEvent<SkOtherSessionsRevokedDetail>} sk-other-sessions-revoked - Detail: `{ count }`. The server signed every other session out.
 * @event {CustomEvent<SkReauthRequiredDetail>} sk-reauth-required - Detail: `{ action, session?, claim? }`. The server wants a fresh sign-in before this action.
 * @event {CustomEvent<SkErrorDetail>} sk-error - Detail: `{ error, action }`. Listing, revoking or logging out failed; the list shows what it could.
 * @event {CustomEvent<SkLogoutRequestDetail>} sk-logout-request - Detail: `{ scope }`. "Log out" on this device's row, before the request; cancel it to stop.
 * @event {CustomEvent<SkLogoutDetail>} sk-logout - Detail: `{ scope, serverRevoked }`. This device is logged out.
 *
 * @csspart heading - The heading.
 * @csspart base - Everything below the heading; `aria-busy` while loading.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart list - The list of sessions.
 * @csspart row - One session.
 * @csspart current - This device's row (besides `row`).
 * @csspart icon - The device icon.
 * @csspart label - The device label, e.g. "Chrome on macOS".
 * @csspart badge - The "This device" badge.
 * @csspart details - The line with IP address, location and sign-in methods.
 * @csspart ip - The IP address.
 * @csspart location - The location.
 * @csspart methods - The sign-in methods.
 * @csspart times - The line with last activity and sign-in date.
 * @csspart last-active - When the session was last active (a `<time>`).
 * @csspart created - When the session signed in (a `<time>`).
 * @csspart revoke-button - Signs one other session out.
 * @csspart logout-button - Logs this device out.
 * @csspart spinner - Shown while logging out.
 * @csspart confirm - The in-place confirmation.
 * @csspart confirm-message - The confirmation question.
 * @csspart confirm-note - How long a revocation can take to reach everywhere, where the backend says.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that cancels.
 * @csspart revoke-others-button - "Sign out of all other devices".
 * @csspart show-more - Reveals the next page of sessions.
 * @csspart empty - The only-this-device message.
 * @csspart message - The error, sign-in-again or cannot-list message.
 * @csspart retry-button - Loads the list again.
 * @csspart status - The live region announcing progress, results and failures.
 */
export class SkSessionList extends SkElement<SessionListStrings> {
  static override styles = [baseStyles, sessionListStyles];

  static override properties = {
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    noConfirm: { type: Boolean, attribute: 'no-confirm' },
    hideIp: { type: Boolean, attribute: 'hide-ip', reflect: true },
    hideLocation: { type: Boolean, attribute: 'hide-location', reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    confirming: { state: true },
    pages: { state: true },
    loggingOut: { state: true },
  };

  /** Refetch every this many seconds while the page is visible; 0 turns it off. */
  refreshInterval = 0;
  /** Revoke a single session without asking first. "Sign out of all other devices" always asks. */
  noConfirm = false;
  /** Hide IP addresses. */
  hideIp = false;
  /** Hide locations. */
  hideLocation = false;
  /** Rows shown at first, and added by each "Show more". */
  pageSize = 20;

  protected readonly defaultStrings = sessionListStrings;
  protected readonly stringsKey = 'sessionList';
  /** The client's sessions store, which holds the rows, the optimistic revokes and the refetching; this element is a view of it. */
  readonly #sessions = new SessionsController(this, undefined, (next, previous) => this.#sessionsChanged(next, previous));
  /** `others` for the `sessions` array it was worked out from; see `visible`. */
  #memo?: { rows: readonly Session[]; others: readonly Session[] };
  /** The list, and the `<li>` of each shown row by key: kept across renders (see `#body`). */
  #list?: HTMLUListElement;
  #rowElements = new Map<string | Session, HTMLLIElement>();
  /** Each shown session's device name as its row says it (told apart from the others), for announcements. */
  #names = new WeakMap<Session, string>();
  /** The id of the session whose revoke is being confirmed; '' (no session has an empty id) for all others. */
  private confirming?: string;
  private pages = 1;
  private loggingOut = false;
  #status = '';
  #failed = false;
  #tick?: ReturnType<typeof setInterval>;

  override connectedCallback() {
    super.connectedCallback();
    this.#tick = setInterval(() => this.requestUpdate(), TICK_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#tick);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    this.#sessions.refreshInterval = this.refreshInterval;
    // A client taken away (property cleared, provider gone) is no longer followed.
    if (!this.sessionClient) this.#sessions.client = undefined;
  }

  protected override clientConnected(client: SessionClient) {
    this.#prepareRows();
    // The same client (moved in the page) keeps its store; a different one starts over with its own.
    // A first load is asked for once the placeholder is drawn: the page's start-up (defining and
    // drawing the elements) is then over when a fast server answers, and the rows follow at once.
    if (client.sessions.getSnapshot() !== LOADING) this.#sessions.client = client;
    else
      afterThisTask(() => {
        if (this.sessionClient !== client) return;
        this.#sessions.client = client;
        this.requestUpdate();
      });
  }

  protected override stateChanged(state: SessionState) {
    if (hasEnded(state)) this.confirming = undefined;
  }

  /**
   * A new snapshot from the store, before it renders: a failed load is reported (once per failure),
   * and the focused row keeps focus when a refetch moves it (rows are keyed by session, but a row
   * that moves loses focus).
   */
  #sessionsChanged(next: SessionsSnapshot, previous: SessionsSnapshot) {
    const { status, error } = next;
    if (error && (status !== previous.status || error !== previous.error)) this.#report(error, 'list');
    const root = this.renderRoot as ShadowRoot | undefined;
    const focused = root ? [...root.querySelectorAll('[part~=row]')].findIndex((row) => row.contains(root.activeElement)) : -1;
    const id = previous.sessions[focused]?.id;
    if (id && next.sessions.some((session) => session.id === id)) void this.#focusRow(id);
  }

  /**
   * The rows (the store leaves out those being revoked), in order, and the other devices among
   * them. Worked out once per change, not per render or per read: a list can hold thousands. The
   * store replaces its `sessions` array on every change, so a new array means new rows.
   */
  get #visible() {
    const rows = this.#sessions.sessions;
    if (this.#memo?.rows !== rows) this.#memo = { rows, others: rows.filter((session) => !session.current) };
    return this.#memo;
  }

  get #size() {
    const size = Math.floor(this.pageSize);
    return size > 0 ? size : 20;
  }

  /**
   * Focuses the `index`th match of `selector` (or the button inside it, Cancel first), else the
   * heading; resolves to what it focused.
   */
  async #moveFocus(selector: string, index = 0) {
    await this.updateComplete;
    const root = this.renderRoot;
    const found = root.querySelectorAll(selector)[index];
    const target =
      (found?.localName === 'button' ? found : (found?.querySelector('[part=cancel-button]') ?? found?.querySelector('button'))) ?? root.querySelector('#heading');
    (target as HTMLElement | null)?.focus();
    return target;
  }

  /** After a failed change: focus returns to `selector` if it is still where the optimistic change put it. */
  async #restoreFocus(moved: Promise<Element | null>, selector: string, index = 0) {
    const focusedByUs = await moved;
    if (focusedByUs && (this.renderRoot as ShadowRoot).activeElement === focusedByUs) await this.#moveFocus(selector, index);
  }

  /** Where the row of session `id` is among the rows; -1 when it is not there (any more). */
  #rowIndex(id?: string) {
    return this.#visible.rows.findIndex((session) => session.id === id);
  }

  #focusRow(id?: string) {
    return this.#moveFocus('[part~=row]', this.#rowIndex(id));
  }

  #say(message: string, failed = false) {
    this.#status = message;
    this.#failed = failed;
    this.requestUpdate();
  }

  #fail(error: unknown, action: SessionListAction, message: string, session?: Session) {
    this.#say(error instanceof ReauthRequiredError ? this.t.reauth : message, true);
    this.#report(error, action, session);
  }

  /** `sk-reauth-required` when the server wants a fresh sign-in first, else `sk-error`. */
  #report(error: unknown, action: SessionListAction, session?: Session) {
    if (error instanceof ReauthRequiredError) emit<SkReauthRequiredDetail>(this, 'sk-reauth-required', { action, session: session && structuredClone(session), claim: error.claim });
    else emit<SkErrorDetail>(this, 'sk-error', { error, action });
  }

  /** Opens the confirmation for `session`, or for all other sessions when none is given. */
  #ask(session?: Session) {
    if (session && this.noConfirm) return void this.#revoke(session);
    this.confirming = session?.id ?? '';
    void this.#moveFocus('[part=cancel-button]');
  }

  #cancel() {
    const id = this.confirming;
    this.confirming = undefined;
    void (id ? this.#focusRow(id) : this.#moveFocus('[part=revoke-others-button]'));
  }

  async #revoke(session: Session) {
    const t = this.t;
    const device = this.#names.get(session) ?? describeDevice(session, t).label;
    const index = this.#rowIndex(session.id);
    this.confirming = undefined;
    if (!emit<SkSessionRevokeDetail>(this, 'sk-session-revoke', { session: structuredClone(session) }, true)) return void this.#focusRow(session.id);
    const revoked = this.#sessions.revoke(session.id);
    this.#say(format(t.revoking, { device }));
    // The row now at this index is the next one; past the end, the heading.
    const moved = this.#moveFocus('[part~=row]', index);
    try {
      await revoked;
      this.#say(format(t.revoked, { device }));
      emit<SkSessionRevokedDetail>(this, 'sk-session-revoked', { session: structuredClone(session) });
    } catch (error) {
      this.#fail(error, 'revoke', format(t.revokeFailed, { device }), session);
      await this.#restoreFocus(moved, '[part~=row]', this.#rowIndex(session.id));
    }
  }

  async #revokeOthers() {
    const t = this.t;
    const count = this.#visible.others.length;
    this.confirming = undefined;
    if (!emit<SkOtherSessionsRevokeDetail>(this, 'sk-other-sessions-revoke', { count }, true)) return void this.#moveFocus('[part=revoke-others-button]');
    const revoked = this.#sessions.revokeOthers();
    this.#say(t.revokingOthers);
    const moved = this.#moveFocus('#heading');
    try {
      await revoked;
      this.#say(this.plural(t.othersRevoked, count));
      emit<SkOtherSessionsRevokedDetail>(this, 'sk-other-sessions-revoked', { count });
    } catch (error) {
      this.#fail(error, 'revoke-others', t.othersFailed);
      await this.#restoreFocus(moved, '[part=revoke-others-button]');
    }
  }

  async #logOut() {
    if (this.loggingOut || !emit<SkLogoutRequestDetail>(this, 'sk-logout-request', { scope: 'current' }, true)) return;
    this.loggingOut = true;
    try {
      const { serverRevoked } = await this.sessionClient!.signOut();
      void this.#moveFocus('#heading');
      emit<SkLogoutDetail>(this, 'sk-logout', { scope: 'current', serverRevoked });
    } catch (error) {
      this.#fail(error, 'sign-out', this.t.logOutFailed);
    } finally {
      this.loggingOut = false;
    }
  }

  #showMore() {
    const first = this.pages * this.#size;
    this.pages++;
    void this.#moveFocus('[part~=row]', first);
  }

  #retry() {
    void this.#sessions.refetch();
    void this.#moveFocus('#heading');
  }

  protected override render() {
    const client = this.sessionClient;
    if (!client) return nothing;
    const t = this.t;
    const out = hasEnded(this.sessionState);
    // Signed out: the status line says so (and announces it); no rows are left behind.
    return html`<h2 part="heading" id="heading" tabindex="-1"><slot name="heading">${t.heading}</slot></h2>
      <div part="base" aria-busy=${!out && this.#sessions.status === 'loading'}>${out ? nothing : this.#body(client, t)}</div>
      <div part="status" role="status" class=${this.#failed && !out ? 'error' : 'muted'}>${out ? t.signedOut : this.#status}</div>`;
  }

  #body(client: SessionClient, t: SessionListStrings) {
    // The view the store's status asks for.
    const view = this.#sessions.status;
    // `signed-out` lasts only until the state that ended it renders.
    if (view === 'loading' || view === 'signed-out') return skeleton(t);
    if (view !== 'ready') return stateMessage(view, t, () => this.#retry());
    const { revoke, revokeOthers } = client.capabilities;
    const { rows } = this.#visible;
    const others = this.#visible.others.length;
    const shown = rows.slice(0, this.pages * this.#size);
    return this.#listView(shown.length ? this.#renderRows(shown, t, revoke) : nothing, shown.length < rows.length, others, revokeOthers, t);
  }

  /** The list, "Show more" when more rows are left, and below them the empty note or "Sign out of all other devices". */
  #listView(list: unknown, more: boolean, others: number, revokeOthers: boolean, t: SessionListStrings) {
    return html`${list}
    ${more ? html`<button part="show-more" @click=${this.#showMore}>${t.showMore}</button>` : nothing}
    ${!others
      ? html`<p part="empty" class="muted"><slot name="empty">${t.empty}</slot></p>`
      : revokeOthers
        ? html`<div class="others">
            ${this.confirming === ''
              ? this.#confirm(this.plural(t.confirmOthers, others), () => this.#revokeOthers())
              : html`<button part="revoke-others-button" @click=${() => this.#ask()}>${t.revokeOthers}</button>`}
          </div>`
        : nothing}`;
  }

  /**
   * The rows, keyed by session id: each row is its own `<li>`, kept by key and rendered on its own,
   * so a revoke removes one row's DOM and a refetch moves rows, instead of every row below the change
   * taking the next one's values (and focus). Keys must be unique, and a custom backend may repeat an
   * id (the kit's own drop repeats): a repeat is keyed by its object.
   */
  #renderRows(shown: Session[], t: SessionListStrings, revoke: boolean) {
    const fmt = formatters(this.locale);
    const list = this.#list ?? this.#createList();
    const previous = this.#rowElements;
    const elements = (this.#rowElements = new Map());
    const texts = describeRows(shown, t, fmt, this);
    const items = shown.map((session, index) => {
      const key = elements.has(session.id) ? session : session.id;
      const li = previous.get(key) ?? document.createElement('li');
      previous.delete(key);
      elements.set(key, li);
      li.setAttribute('part', session.current ? 'row current' : 'row');
      this.#names.set(session, texts[index].name);
      render(this.#row(texts[index], t, fmt, revoke), li, { host: this });
      return li;
    });
    // Rows no longer shown leave; of the rest, only those out of place move.
    previous.forEach((li) => li.remove());
    items.forEach((li, index) => list.children[index] !== li && list.insertBefore(li, list.children[index] ?? null));
    return list;
  }

  /**
   * Before the list is asked for, draws a row of this device, three of others and what surrounds
   * them off-screen, once per locale: the page's first `Intl` formatters (tens of milliseconds of ICU
   * set-up in Chromium), every template of a list (each device icon, a numbered row, a device's own
   * name, "Show more"…) and the code that fills them are then ready when the data arrives, and the rows
   * follow the response at once. Done before the request, not while it is on its way: a fast server
   * answers within that set-up, and its answer would wait for it.
   */
  #prepareRows() {
    const { locale, t } = this;
    if (prepared.has(locale)) return;
    prepared.add(locale);
    const fmt = formatters(locale);
    const createdAt = new Date();
    // Two alike other devices: alike rows show their time of day, whose formatter is built too, and
    // are numbered. Every device type has its icon, and a device's own name its isolation.
    const devices = [{ type: 'desktop' }, { type: 'mobile' }, { type: 'tablet' }, { type: 'unknown', name: '-' }] as const;
    const samples = devices.map((device, index) => ({ id: `\0${index}`, current: !index, device, createdAt, lastActiveAt: createdAt, ipAddress: '-', location: '-', authMethods: ['password'] }));
    const scratch = () => document.createElement('li');
    for (const row of describeRows(samples, t, fmt, this)) render(this.#row(row, t, fmt, true), scratch(), { host: this });
    // And what surrounds the rows: "Show more", "Sign out of all other devices", the empty note.
    for (const others of [0, 1]) render(this.#listView(nothing, true, others, true, t), scratch(), { host: this });
  }

  #createList() {
    const list = (this.#list = document.createElement('ul'));
    list.setAttribute('role', 'list');
    list.setAttribute('part', 'list');
    list.setAttribute('aria-labelledby', 'heading');
    return list;
  }

  #confirm(question: string, onConfirm: () => void) {
    const delay = this.sessionClient!.capabilities.revocationDelay;
    const t = this.t;
    return confirmation(question, delay ? this.plural(t.delayNote, Math.ceil(delay / 60)) : '', t.confirm, t.cancel, onConfirm, () => this.#cancel());
  }

  #row(row: RowText, t: SessionListStrings, fmt: Formatters, canRevoke: boolean) {
    const { session } = row;
    const actions =
      this.confirming === session.id
        ? this.#confirm(format(t.confirmRevoke, { device: row.name }), () => this.#revoke(session))
        : session.current
          ? html`<button part="logout-button" aria-busy=${this.loggingOut} aria-disabled=${this.loggingOut} @click=${this.#logOut}>
              ${this.loggingOut ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}${t.logOut}
            </button>`
          : canRevoke
            ? html`<button part="revoke-button" aria-label=${format(t.revokeLabel, { device: row.name })} @click=${() => this.#ask(session)}>
                ${t.revoke}
              </button>`
            : nothing;
    return sessionRow(row, t, fmt, actions);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sk-session-list': SkSessionList;
  }
}
