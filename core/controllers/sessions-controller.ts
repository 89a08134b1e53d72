import type { SessionClient } from '../client.js';
import type { SessionsSnapshot, SessionsStore } from '../sessions-store.js';

/** The part of Lit's `ReactiveControllerHost` the controller uses (declared here, so nothing of Lit is imported). */
export interface ReactiveControllerHost {
  addController(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
  requestUpdate(): void;
}

const LOADING: SessionsSnapshot = { status: 'loading', sessions: [] };

/**
 * The user's sessions for an element of your own: a Lit `ReactiveController` over the client's
 * sessions store (the one `<sk-session-list>` and `useSessions()` show), so every view on the page
 * agrees at once and there is one request and one poller. The host re-renders on every change while
 * connected; `onChange` runs first, with the snapshot before it.
 *
 * ```ts
 * sessions = new SessionsController(this, client);
 * render() { return this.sessions.sessions.map((s) => html`<li>${s.id}</li>`); }
 * ```
 */
export class SessionsController {
  /** The list as shown now: `status`, `sessions`, `error`. */
  snapshot = LOADING;
  private current?: SessionClient;
  private interval = 0;
  /** The store subscribed to while the host is connected. */
  private store?: SessionsStore;
  private unsubscribe?: () => void;
  private release?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    client?: SessionClient,
    private readonly onChange?: (snapshot: SessionsSnapshot, previous: SessionsSnapshot) => void,
  ) {
    host.addController(this);
    this.current = client;
  }

  /** The client whose sessions are shown; setting another one switches to its store. */
  get client() {
    return this.current;
  }
  set client(client: SessionClient | undefined) {
    if (client === this.current) return;
    this.current = client;
    if (this.unsubscribe) this.hostConnected();
  }

  /** Refetch every this many seconds while the page is visible; 0 (the default) turns it off. */
  get refreshInterval() {
    return this.interval;
  }
  set refreshInterval(seconds: number) {
    this.interval = seconds;
    this.release?.();
    this.release = this.store?.poll(seconds);
  }

  get status() {
    return this.snapshot.status;
  }
  get sessions() {
    return this.snapshot.sessions;
  }
  get error() {
    return this.snapshot.error;
  }

  /** Revokes one session optimistically; rejects (and shows it again) when the revoke fails. */
  revoke = (id: string) => this.run((store) => store.revoke(id));
  /** Revokes every other session optimistically. */
  revokeOthers = () => this.run((store) => store.revokeOthers());
  /** Loads the list again, showing `loading` meanwhile. */
  refetch = () => this.run((store) => store.refetch());

  hostConnected() {
    this.hostDisconnected();
    const store = (this.store = this.current?.sessions);
    if (!store) return;
    const update = () => {
      const previous = this.snapshot;
      this.snapshot = store.getSnapshot();
      if (previous === this.snapshot) return;
      this.onChange?.(this.snapshot, previous);
      this.host.requestUpdate();
    };
    this.unsubscribe = store.subscribe(update);
    this.refreshInterval = this.interval;
    update();
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.release?.();
    this.store = this.unsubscribe = this.release = undefined;
  }

  private run(action: (store: SessionsStore) => Promise<void>) {
    const store = this.current?.sessions;
    return store ? action(store) : Promise.reject(new Error('SessionsController: no client'));
  }
}
