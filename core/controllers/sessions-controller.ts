import type { SessionClient } from '../client.js';
import { noop } from '../noop.js';
import { LOADING, type SessionsSnapshot } from '../sessions-store.js';

/** The part of Lit's `ReactiveControllerHost` the controller uses (declared here, so nothing of Lit is imported). */
export interface ReactiveControllerHost {
  addController(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
  requestUpdate(): void;
}

/**
 * The user's sessions for an element of your own: a Lit `ReactiveController` over the client's
 * sessions store (the one `<sk-session-list>` and `useSessions()` show), so every view on the page
 * agrees at once and there is one request and one poller. The host re-renders on every change while
 * connected; `onChange` runs then too, with the snapshot before it (the host update it may await
 * shows the new one). `client` and `refreshInterval` are read before each update of the host, so
 * set them as you would a reactive property.
 *
 * ```ts
 * sessions = new SessionsController(this, client);
 * render() { return this.sessions.sessions.map((s) => html`<li>${s.id}</li>`); }
 * ```
 */
export class SessionsController {
  /** The list as shown now: `status`, `sessions`, `error`. */
  snapshot = LOADING;
  /** Refetch every this many seconds while the page is visible; 0 (the default) turns it off. */
  refreshInterval = 0;
  /** What is followed now (client and interval), and how to stop. */
  private following?: [SessionClient | undefined, number, () => void];
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The client whose sessions are shown. */
    public client?: SessionClient,
    private readonly onChange?: (snapshot: SessionsSnapshot, previous: SessionsSnapshot) => void,
  ) {
    host.addController(this);
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
  revoke(id: string) {
    return this.client!.sessions.revoke(id);
  }
  /** Revokes every other session optimistically. */
  revokeOthers() {
    return this.client!.sessions.revokeOthers();
  }
  /** Loads the list again, showing `loading` meanwhile. */
  refetch() {
    return this.client!.sessions.refetch();
  }

  hostConnected() {
    this.connected = true;
    this.hostUpdate();
  }

  /** Follows a change of `client` or `refreshInterval`: the new subscription starts before the old one ends, so the store keeps its list and its request. */
  hostUpdate() {
    const { client, refreshInterval } = this;
    const [followed, seconds, stop] = this.following ?? [];
    if (!this.connected || (followed === client && seconds === refreshInterval)) return;
    const store = client?.sessions;
    const update = () => {
      const previous = this.snapshot;
      this.snapshot = store!.getSnapshot();
      if (previous === this.snapshot) return;
      // Asked first, so that `onChange` can await the update that shows the new snapshot.
      this.host.requestUpdate();
      this.onChange?.(this.snapshot, previous);
    };
    this.following = [client, refreshInterval, store ? store.subscribe(update, refreshInterval) : noop];
    stop?.();
    if (store) update();
  }

  hostDisconnected() {
    this.connected = false;
    this.following?.[2]();
    this.following = undefined;
  }
}
