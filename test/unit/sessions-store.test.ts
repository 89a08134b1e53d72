import { describe, expect, it, vi } from 'vitest';
import { SessionsController, type ReactiveControllerHost } from '../../core/controllers/index.js';
import { ServerError } from '../../core/index.js';
import { setup, useFakeTime } from './setup.js';

const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

/** A signed-in client with `others` other devices, and a view subscribed to its sessions store. */
async function watching(others = 2, options: Parameters<typeof setup>[0] = {}) {
  const harness = setup(options);
  harness.fake.signIn();
  const devices = harness.fake.addOtherDevices(others);
  await harness.client.getSession();
  const store = harness.client.sessions;
  let changes = 0;
  const stop = store.subscribe(() => changes++);
  const ids = () => store.getSnapshot().sessions.map((session) => session.id);
  await until(() => expect(store.getSnapshot().status).toBe('ready'));
  return { ...harness, store, devices, ids, stop, changes: () => changes };
}

describe('the sessions store', () => {
  it('loads once for every view on the page, and a view that comes later sees the same list at once', async () => {
    const { fake, store, ids } = await watching(2);
    const stop = store.subscribe(() => {});
    const laterSaw = ids();

    expect(laterSaw).toHaveLength(3);
    expect(store.getSnapshot().sessions[0].current).toBe(true);
    expect(fake.count('GET', '/sessions')).toBe(1);
    stop();
  });

  it('hides a session being revoked from every view at once, and keeps it hidden once revoked', async () => {
    const { fake, store, ids, devices } = await watching(2);
    fake.fail({ method: 'DELETE', path: '/sessions/', delay: 100 });

    const revoked = store.revoke(devices[0].id);
    expect(ids()).not.toContain(devices[0].id);
    await revoked;

    await until(() => expect(fake.count('GET', '/sessions')).toBe(2));
    expect(ids()).toHaveLength(2);
    expect(ids()).not.toContain(devices[0].id);
  });

  it('puts a session whose revoke fails back in its place, and rejects with the error', async () => {
    const { fake, store, ids, devices } = await watching(2);
    const before = ids();
    fake.fail({ method: 'DELETE', path: '/sessions/', status: 500 });

    await expect(store.revoke(devices[1].id)).rejects.toBeInstanceOf(ServerError);

    expect(ids()).toEqual(before);
  });

  it('revokes every other session optimistically, and shows them all again when that fails', async () => {
    const { fake, store, ids } = await watching(3);
    const before = ids();
    fake.fail({ path: '/sessions/revoke-others', status: 500 });

    const revoking = store.revokeOthers();
    expect(ids()).toEqual([before[0]]);
    await expect(revoking).rejects.toBeInstanceOf(ServerError);

    expect(ids()).toEqual(before);
  });

  it('a failed load is status error with the error; a quiet refetch that fails keeps the rows', async () => {
    const { fake, store, env, ids } = await watching(1, { backend: { retries: 0 } });
    fake.fail({ path: '/sessions', status: 500 });
    const rows = ids();

    await store.refetch(true);
    expect(store.getSnapshot().status).toBe('ready');
    expect(ids()).toEqual(rows);

    fake.fail({ path: '/sessions', status: 500 });
    await store.refetch();
    expect(store.getSnapshot().status).toBe('error');
    expect(store.getSnapshot().error).toBeInstanceOf(ServerError);

    env.goOnline();
    await until(() => expect(store.getSnapshot().status).toBe('ready'));
    expect(store.getSnapshot().error).toBeUndefined();
  });

  it('refetches on focus through the client’s environment at most once per focus throttle', async () => {
    const { fake, env } = await watching(1);
    useFakeTime();
    await vi.advanceTimersByTimeAsync(5_000);

    for (let i = 0; i < 20; i++) {
      env.focus();
      await vi.advanceTimersByTimeAsync(50);
    }

    expect(fake.count('GET', '/sessions')).toBe(2);
  });

  it('polls with one timer at the shortest interval any view asked for, and stops with the last view', async () => {
    useFakeTime();
    const { fake, store, stop } = await watching(1);
    const slow = store.subscribe(() => {}, 60);
    const fast = store.subscribe(() => {}, 10);
    const before = fake.count('GET', '/sessions');

    await vi.advanceTimersByTimeAsync(30_500);
    expect(fake.count('GET', '/sessions') - before).toBe(3);

    fast();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fake.count('GET', '/sessions') - before).toBe(3);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fake.count('GET', '/sessions') - before).toBe(4);

    slow();
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.count('GET', '/sessions') - before).toBe(4);
  });

  it('drops every row when the session ends, and loads again when it comes back', async () => {
    const { fake, client, store } = await watching(1);

    await client.signOut();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', sessions: [], error: undefined });

    fake.signIn();
    await client.notifySignedIn();
    await until(() => expect(store.getSnapshot().status).toBe('ready'));
    expect(store.getSnapshot().sessions[0]).toMatchObject({ id: client.getState().session!.id, current: true });
  });

  it('says unsupported, and sends nothing, when the backend cannot list', async () => {
    const { fake, client } = setup({ backend: { capabilities: { list: false } } });
    fake.signIn();
    await client.getSession();

    const stop = client.sessions.subscribe(() => {});

    expect(client.sessions.getSnapshot().status).toBe('unsupported');
    expect(fake.count('GET', '/sessions')).toBe(0);
    stop();
  });
});

describe('SessionsController', () => {
  /** A host as Lit drives one: connected, updated on request, disconnected. */
  function host() {
    const controllers: { hostConnected?(): void; hostUpdate?(): void; hostDisconnected?(): void }[] = [];
    let updates = 0;
    const fakeHost: ReactiveControllerHost & { connect(): void; update(): void; disconnect(): void; updates(): number } = {
      addController: (controller) => void controllers.push(controller),
      requestUpdate: () => void updates++,
      connect: () => controllers.forEach((c) => c.hostConnected?.()),
      update: () => controllers.forEach((c) => (c as { hostUpdate?(): void }).hostUpdate?.()),
      disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
      updates: () => updates,
    };
    return fakeHost;
  }

  it('shows the store’s sessions while connected, re-rendering its host, and lets go on disconnect', async () => {
    const { client, devices, store, stop } = await watching(1);
    const element = host();
    const controller = new SessionsController(element, client);

    element.connect();
    expect(controller.status).toBe('ready');
    expect(controller.sessions).toHaveLength(2);

    const updates = element.updates();
    await controller.revoke(devices[0].id);
    expect(element.updates()).toBeGreaterThan(updates);
    expect(controller.sessions).toHaveLength(1);

    element.disconnect();
    stop();
    // No view is left: the store went quiet (its request signal is aborted, nothing polls).
    expect(store.getSnapshot().sessions).toHaveLength(1);
  });

  it('follows a new refresh interval without dropping the list or loading it again', async () => {
    useFakeTime();
    const { client, fake, stop } = await watching(1);
    stop();
    const element = host();
    const controller = new SessionsController(element, client);
    element.connect();
    await vi.advanceTimersByTimeAsync(10);
    const before = fake.count('GET', '/sessions');

    controller.refreshInterval = 10;
    element.update();
    expect(controller.status).toBe('ready');
    await vi.advanceTimersByTimeAsync(20_500);

    expect(fake.count('GET', '/sessions') - before).toBe(2);
    element.disconnect();
  });
});

describe('the sessions store, left and joined again', () => {
  it('a view that leaves and comes back while the first load is on its way gets the rows, not an abort error', async () => {
    const harness = setup();
    harness.fake.signIn();
    harness.fake.addOtherDevices(2);
    await harness.client.getSession();
    harness.fake.fail({ method: 'GET', path: '/sessions', delay: 100 });
    const store = harness.client.sessions;
    const errors: unknown[] = [];
    const listener = () => store.getSnapshot().error && errors.push(store.getSnapshot().error);
    // As React's StrictMode does, and a list moved in the page: subscribe, leave, subscribe again.
    const first = store.subscribe(listener);
    await until(() => expect(harness.fake.count('GET', '/sessions')).toBe(1));
    first();
    const stop = store.subscribe(listener);

    await until(() => expect(store.getSnapshot().status).toBe('ready'));
    expect(store.getSnapshot().sessions).toHaveLength(3);
    expect(errors).toEqual([]);
    stop();
  });
});

describe('the sessions store of a disposed client', () => {
  it('keeps no listener, poller or request: focus and intervals send nothing more', async () => {
    useFakeTime();
    const { fake, client, env, store } = await watching(1);
    store.subscribe(() => {}, 10);
    expect(env.listeners()).toBeGreaterThan(0);
    const lists = fake.count('GET', '/sessions');

    client.dispose();

    expect(env.listeners()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    env.focus();
    // Something that is sent: once it is answered, a list request sent before it would have been too.
    await client.getSession().catch(() => {});
    expect(fake.count('GET', '/sessions')).toBe(lists);
  });
});

