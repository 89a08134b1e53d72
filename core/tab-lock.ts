import { sleep } from './retry.js';
import { readStored, writeStored } from './storage.js';

/**
 * How long a lease lasts unless renewed. The holder renews it while its task runs (a refresh may
 * wait for retries first), so only a tab that closed mid-task leaves a lease to lapse.
 */
const LEASE_MS = 15_000;

interface Lease {
  owner: number;
  until: number;
}

const readLease = (key: string) => readStored(key) as Partial<Lease> | null | undefined;

/**
 * Runs `task` while holding a lock shared by every tab of this origin: Web Locks where present,
 * otherwise a lease in localStorage (write, wait, read back). The lease is not airtight — two tabs
 * may both win a close race — so callers must tolerate one extra run. Without storage, `task`
 * runs at once.
 *
 * `task` learns whether it waited for another holder. What that holder wrote to storage just
 * before releasing may not have reached this tab yet (Chromium delivers another tab's writes
 * asynchronously, and a lock grant can overtake them), so a waiter cannot trust storage alone.
 */
export async function withTabLock<T>(name: string, task: (waited: boolean) => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) {
    return locks.request(name, { ifAvailable: true }, (lock) =>
      lock ? task(false) : locks.request(name, () => task(true)),
    ) as Promise<T>;
  }
  const key = `sessionkit:lock:${name}`;
  const owner = Math.random(); // survives the JSON round trip exactly
  const owned = () => readLease(key)?.owner === owner;
  let waited = false;
  for (;;) {
    // A lease that is missing, lapsed or malformed is free (Number() of anything odd is NaN).
    if (!(Number(readLease(key)?.until) > Date.now())) {
      if (!writeStored(key, { owner, until: Date.now() + LEASE_MS } satisfies Lease)) return task(waited);
      await sleep(30);
      if (owned()) break;
    }
    waited = true;
    await sleep(50 + Math.random() * 50);
  }
  const renew = setInterval(() => owned() && writeStored(key, { owner, until: Date.now() + LEASE_MS } satisfies Lease), LEASE_MS / 3);
  try {
    return await task(waited);
  } finally {
    clearInterval(renew);
    if (owned()) writeStored(key, undefined);
  }
}
