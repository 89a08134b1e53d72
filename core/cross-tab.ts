import { parseJson, writeStored } from './storage.js';

/**
 * What one tab tells the others. Only `signed-out` is acted on directly; the rest are cues for
 * the receiving tab to ask the server itself, so a forged message can at worst cause a request.
 * Messages carry no ids, tokens or URLs. `signed-out-idle` is a sign-out for inactivity, so every
 * tab can tell the user the same reason.
 */
export type TabMessage = 'signed-out' | 'signed-out-idle' | 'signed-in' | 'extended' | 'revoked' | 'check';

const MESSAGES: readonly unknown[] = ['signed-out', 'signed-out-idle', 'signed-in', 'extended', 'revoked', 'check'];

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

/**
 * A BroadcastChannel where the browser has one, otherwise `storage` events; nothing outside a
 * browser. On the wire a message is `{ sk: 1, type, n }`: `sk` marks it as ours, and the nonce `n`
 * makes a repeated message a change, so storage events fire for it again.
 */
export function openTabChannel(key: string, onMessage: (message: TabMessage) => void): TabChannel {
  const name = `sessionkit:${key}`;
  const receive = (data: unknown) => {
    const { sk, type } = (data ?? {}) as { sk?: unknown; type?: unknown };
    if (sk === 1 && MESSAGES.includes(type)) onMessage(type as TabMessage);
  };
  const wire = (type: TabMessage) => ({ sk: 1, type, n: Math.random() });
  if (typeof BroadcastChannel === 'function') {
    let channel: BroadcastChannel | undefined = new BroadcastChannel(name);
    channel.onmessage = (event) => receive(event.data);
    return {
      // A closed channel throws on post; a request that finishes after its client was disposed has no one to tell.
      post: (type) => channel?.postMessage(wire(type)),
      close() {
        channel?.close();
        channel = undefined;
      },
    };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key === name) receive(parseJson(event.newValue));
  };
  globalThis.addEventListener?.('storage', onStorage);
  return {
    post(type) {
      // Written and removed at once: only the event matters. If storage is full or blocked, the
      // other tabs learn on their next check.
      writeStored(name, wire(type));
      writeStored(name, undefined);
    },
    close: () => globalThis.removeEventListener?.('storage', onStorage),
  };
}
