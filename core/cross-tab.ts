import { parseJson, writeStored } from './storage.js';
import type { ExpiryReason } from './types.js';

/**
 * What one tab tells the others. Messages carry no ids, tokens or URLs. An end of the session is
 * acted on directly (every tab shares the browser's cookies, so the server's answer to one is its
 * answer to all): `signed-out` (`signed-out-idle` for inactivity), or the server no longer accepting
 * the session (`expired`, `revoked`, `refresh-failed`), so no other tab repeats the request that
 * found it. `signing-out` (`signing-out-idle`) comes before a sign-out's request: an end the
 * receiving tab meets meanwhile (its SDK may learn of the sign-out before the sign-out's own
 * message arrives) is that sign-out. The rest are cues for the receiving tab to ask the server
 * itself: `signed-in`, `extended`, `sessions-changed` (a revoke changed the list), `check`.
 */
export type TabMessage = keyof typeof ENDINGS | 'signing-out' | 'signing-out-idle' | 'signed-in' | 'extended' | 'sessions-changed' | 'check';

/** The messages that end the session in the tab that hears them, and the reason that tab gives. */
export const ENDINGS = {
  'signed-out': 'signed-out-elsewhere',
  'signed-out-idle': 'idle',
  expired: 'expired',
  revoked: 'revoked',
  'refresh-failed': 'refresh-failed',
} as const satisfies Record<string, ExpiryReason>;

const MESSAGES: readonly unknown[] = [...Object.keys(ENDINGS), 'signing-out', 'signing-out-idle', 'signed-in', 'extended', 'sessions-changed', 'check'];

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
  let open = true;
  const onStorage = (event: StorageEvent) => {
    if (event.key === name) receive(parseJson(event.newValue));
  };
  globalThis.addEventListener?.('storage', onStorage);
  return {
    post(type) {
      // As a closed BroadcastChannel, a closed channel tells no one.
      if (!open) return;
      // Written and removed at once: only the event matters. If storage is full or blocked, the
      // other tabs learn on their next check.
      writeStored(name, wire(type));
      writeStored(name, undefined);
    },
    close() {
      open = false;
      globalThis.removeEventListener?.('storage', onStorage);
    },
  };
}
