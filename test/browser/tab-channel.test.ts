/** The tab channel's fallback where BroadcastChannel is missing: `storage` events, in real localStorage. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTabChannel } from '../../core/cross-tab.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the tab channel without BroadcastChannel', () => {
  it('posts through storage while open, and tells no one once closed, as a closed BroadcastChannel', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const writes = () => setItem.mock.calls.filter(([key]) => key === 'sessionkit:tab-channel-test').length;
    const channel = openTabChannel('tab-channel-test', () => {});

    channel.post('check');
    expect(writes()).toBe(1);
    expect(localStorage.getItem('sessionkit:tab-channel-test')).toBeNull();

    channel.close();
    channel.post('check');
    expect(writes()).toBe(1);
  });
});
