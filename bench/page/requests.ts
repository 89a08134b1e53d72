import type { SkSessionProvider } from './kit.js';
import { fake, host, newClient, ordersRequests, requestsSince, resetFake, until, wait } from './shared.js';

export interface ElementsRequests {
  perKind: number;
  elements: number;
  /** `GET /session` requests (goal: 1). */
  session: number;
  /** `GET /sessions` requests (goal: 1). */
  sessions: number;
}

/** A provider with `base-url` holding `perKind` of each element: what the page asks of the server. */
function kitMarkup(perKind: number) {
  const one = '<sk-logout-button></sk-logout-button><sk-session-list></sk-session-list><sk-session-expired></sk-session-expired>';
  return `<sk-session-provider base-url="/api/auth">${one.repeat(perKind)}</sk-session-provider>`;
}

/** Mounts the page and waits until every list shows its rows and nothing was asked for `quietMs`. */
async function mountKit(perKind: number, quietMs = 500) {
  const root = host();
  root.innerHTML = kitMarkup(perKind);
  const lists = [...root.querySelectorAll('sk-session-list')];
  await until(() => lists.every((list) => list.shadowRoot?.querySelector('[part~=row]')), 10_000, 'every list to show rows');
  let seen = -1;
  while (seen !== fake.requests.length) {
    seen = fake.requests.length;
    await wait(quietMs);
  }
  return root;
}

export async function elementsRequests(perKind: number): Promise<ElementsRequests> {
  resetFake();
  const root = await mountKit(perKind);
  const result = {
    perKind,
    elements: root.querySelectorAll('*').length,
    session: fake.count('GET', '/session'),
    sessions: fake.count('GET', '/sessions'),
  };
  root.remove();
  return result;
}

export interface Concurrent401 {
  calls: number;
  /** `POST /session/refresh` requests (goal: 1). */
  refresh: number;
  /** Calls that ended with a 2xx answer (all should). */
  succeeded: number;
  /** Requests that reached the app's API (calls + retries; ideally 2 × calls). */
  apiRequests: number;
  status: string;
}

/** `calls` concurrent `client.fetch('/api/orders')` while the access has lapsed: every call gets 401. */
export async function concurrent401(calls: number): Promise<Concurrent401> {
  resetFake();
  const client = newClient();
  try {
    await client.getSession();
    fake.accessExpired = true;
    const from = fake.requests.length;
    const api = ordersRequests;
    const results = await Promise.allSettled(Array.from({ length: calls }, () => client.fetch('/api/orders')));
    return {
      calls,
      refresh: requestsSince(from, 'POST', '/session/refresh'),
      succeeded: results.filter((result) => result.status === 'fulfilled' && result.value.ok).length,
      apiRequests: ordersRequests - api,
      status: client.getState().status,
    };
  } finally {
    client.dispose();
  }
}

export interface FocusStorm {
  changes: number;
  windowMs: number;
  /** `GET /session` re-checks the burst caused (goal: ≤ 1). */
  session: number;
  /** `GET /sessions` refetches by the list (goal: ≤ 1). */
  sessions: number;
}

/**
 * A provider with one of each element, settled; then, once the 5 s focus throttle since the last
 * check has passed, `changes` focus / visibility events (alternating `focus` on window and
 * `visibilitychange` on document while visible) spread over `windowMs`.
 */
export async function focusStorm(changes: number, windowMs: number, throttleMs = 5000): Promise<FocusStorm> {
  resetFake();
  const root = await mountKit(1);
  try {
    const provider = root.querySelector('sk-session-provider') as SkSessionProvider;
    if (provider.providedClient?.getState().status !== 'active') throw new Error('the session is not active');
    await wait(throttleMs + 250);
    const from = fake.requests.length;
    for (let i = 0; i < changes; i++) {
      if (i % 2) document.dispatchEvent(new Event('visibilitychange'));
      else window.dispatchEvent(new Event('focus'));
      await wait(windowMs / changes);
    }
    await wait(500);
    return { changes, windowMs, session: requestsSince(from, 'GET', '/session'), sessions: requestsSince(from, 'GET', '/sessions') };
  } finally {
    root.remove();
  }
}
