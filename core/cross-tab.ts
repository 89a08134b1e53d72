/**
 * What one tab tells the others. Only `signed-out` is acted on directly; the rest are cues for
 * the receiving tab to ask the server itself, so a forged message can at worst cause a request.
 * Messages carry no ids, tokens or URLs. `signed-out-idle` is a sign-out for inactivity, so every
 * tab can tell the user the same reason.
 */
export type TabMessage = 'signed-out' | 'signed-out-idle' | 'signed-in' | 'extended' | 'revoked' | 'check';

const MESSAGES: readonly string[] = ['signed-out', 'signed-out-idle', 'signed-in', 'extended', 'revoked', 'check'];

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

function parse(data: unknown): TabMessage | undefined {
  const type = (data as { sk?: unknown; type?: unknown } | null)?.type;
  return (data as { sk?: unknown }).sk === 1 && typeof type === 'string' && MESSAGES.includes(type)
    ? (type as TabMessage)
    : undefined;
}

const noChannel: TabChannel = { post() {}, close() {} };

/** A BroadcastChannel where the browser has one, otherwise `storage` events; nothing outside a browser. */
export function openTabChannel(key: string, onMessage: (message: TabMessage) => void): TabChannel {
  const name = `sessionkit:${key}`;
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (event) => {
      const message = parse(event.data);
      if (message) onMessage(message);
    };
    return { post: (type) => channel.postMessage({ sk: 1, type }), close: () => channel.close() };
  }
  if (typeof localStorage !== 'object' || typeof addEventListener !== 'function') return noChannel;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || !event.newValue) return;
    try {
      const message = parse(JSON.parse(event.newValue));
      if (message) onMessage(message);
    } catch {
      // Not ours, or mangled: ignored.
    }
  };
  addEventListener('storage', onStorage);
  return {
    post(type) {
      try {
        // A nonce makes a repeated message a change, so the other tabs hear it again.
        localStorage.setItem(name, JSON.stringify({ sk: 1, type, n: Math.random() }));
        localStorage.removeItem(name);
      } catch {
        // Storage full or blocked: the other tabs learn on their next check.
      }
    },
    close: () => removeEventListener('storage', onStorage),
  };
}
