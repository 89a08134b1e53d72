import { sleep } from './retry.js';

/** Longer than a request's timeout, so a live holder never loses its lease. */
const LEASE_MS = 15_000;

interface Lease {
  owner: string;
  until: number;
}

function readLease(key: string): Lease | undefined {
  try {
    const lease = JSON.parse(localStorage.getItem(key) ?? 'null') as Lease | null;
    return lease && typeof lease.owner === 'string' && typeof lease.until === 'number' ? lease : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `task` while holding a lock shared by every tab of this origin: Web Locks where present,
 * otherwise a lease in localStorage (write, wait, read back). The lease is not airtight — two tabs
 * may both win a close race — so callers must tolerate one extra run.
 */
export async function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(name, task) as Promise<T>;
  if (typeof localStorage !== 'object') return task();
  const key = `sessionkit:lock:${name}`;
  const owner = Math.random().toString(36).slice(2);
  for (;;) {
    const lease = readLease(key);
    if (!lease || lease.until < Date.now()) {
      try {
        localStorage.setItem(key, JSON.stringify({ owner, until: Date.now() + LEASE_MS }));
      } catch {
        return task();
      }
      await sleep(30);
      if (readLease(key)?.owner === owner) break;
    }
    await sleep(50 + Math.random() * 50);
  }
  try {
    return await task();
  } finally {
    if (readLease(key)?.owner === owner) localStorage.removeItem(key);
  }
}
