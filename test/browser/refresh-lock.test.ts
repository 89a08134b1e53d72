/**
 * The refresh shared across tabs, under Chromium's real Web Locks. Another tab's storage writes and
 * channel messages reach a tab asynchronously, and a lock grant can overtake them (RELIABILITY 12
 * failed that way, one time in a few, in two real tabs). Here both are held back on purpose, so the
 * tab granted the lock after another tab's refresh cannot see its stamp.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withTabLock } from '../../core/tab-lock.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { fake, newClient, serverCaughtUp } from './support.js';

afterEach(() => vi.restoreAllMocks());

describe('withTabLock with Web Locks', () => {
  it('tells the task whether it had to wait for another holder', async () => {
    expect(await withTabLock('sk-test-free', async (waited) => waited)).toBe(false);

    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = navigator.locks.request('sk-test-held', () => new Promise<void>((resolve) => ((release = resolve), held())));
    await holding;
    const waiter = withTabLock('sk-test-held', async (waited) => waited);
    release();
    await holder;
    expect(await waiter).toBe(true);
  });
});

describe('withTabLock without Web Locks (the storage lease)', () => {
  it('a holder busy for longer than a lease keeps renewing it: another caller waits until it is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      let release!: () => void;
      const first = withTabLock('sk-test-lease', () => new Promise<void>((resolve) => (release = resolve)));
      await vi.advanceTimersByTimeAsync(100);
      let secondRan = false;
      const second = withTabLock('sk-test-lease', async () => void (secondRan = true));

      await vi.advanceTimersByTimeAsync(60_000);
      expect(secondRan).toBe(false);

      release();
      await first;
      await vi.advanceTimersByTimeAsync(1_000);
      await second;
      expect(secondRan).toBe(true);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      vi.useRealTimers();
    }
  });
});

describe('a refresh shared by two tabs', () => {
  it('the tab that waited for the lock, without the other tab’s stamp or message yet, reads the session instead of refreshing again', async () => {
    // Another tab's stamp has not arrived here yet...
    const getItem = Storage.prototype.getItem;
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(function (this: Storage, key: string) {
      return key.startsWith('sessionkit:refreshed:') ? null : getItem.call(this, key);
    });
    // ...nor its message (held back for the whole test).
    vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(() => undefined);
    fake.signIn();
    const tabs = [newClient({ environment: manualEnvironment() }), newClient({ environment: manualEnvironment() })];
    await Promise.all(tabs.map((tab) => tab.getSession()));
    fake.accessExpired = true;
    const refreshes = fake.count('POST', '/session/refresh');

    // Both tabs meet a 401 at once; the refresh lock decides which refreshes.
    const sessions = await Promise.all(tabs.map((tab) => tab.getSession()));
    await serverCaughtUp();

    expect(sessions.map((session) => session?.id)).toEqual([fake.currentId, fake.currentId]);
    expect(tabs.map((tab) => tab.getState().status)).toEqual(['active', 'active']);
    expect(fake.count('POST', '/session/refresh') - refreshes).toBe(1);
  });
});
