import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import { afterEach, beforeEach } from 'vitest';
import { createSessionClient, restBackend, type SessionClient, type SessionClientOptions } from '../../core/index.js';
import { FakeAuthServer } from '../../core/msw/index.js';

/** One fake auth server for the whole file, served by msw's service worker. */
export const fake = new FakeAuthServer({ baseUrl: '/api/auth' });
/** Vendor suites add their own handlers with `worker.use(...)`; they are reset after each test. */
export const worker = setupWorker(...fake.handlers);
await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });

const clients: SessionClient[] = [];
const cleanups: Array<() => void> = [];
let host: HTMLElement | undefined;

beforeEach(() => {
  fake.reset();
  fake.latency = 0;
  fake.noRefresh = false;
  fake.noList = false;
  fake.sessionTtl = 3_600_000;
  fake.csrf = undefined;
});

afterEach(async () => {
  while (cleanups.length) cleanups.pop()!();
  host?.remove();
  host = undefined;
  while (clients.length) clients.pop()!.dispose();
  // What the test's clients still had on the way lands now, not in the next test's counts.
  await serverCaughtUp();
  worker.resetHandlers();
});

export function newClient(options: Partial<SessionClientOptions> = {}): SessionClient {
  const client = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }), ...options });
  clients.push(client);
  return client;
}

/** Renders `markup` into the page, gives every sessionkit element `client`, and returns the first element. */
export async function mount<T extends HTMLElement>(markup: string, client: SessionClient = newClient()): Promise<T> {
  host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const element = host.firstElementChild as T;
  for (const el of host.querySelectorAll<HTMLElement & { client?: SessionClient; updateComplete?: Promise<unknown> }>('*')) {
    if (el.localName.startsWith('sk-') && el.localName !== 'sk-session-provider') el.client = client;
    await el.updateComplete;
  }
  return element;
}

/**
 * The browser's own fetch, taken before any test runs: a vendor SDK under test (SuperTokens') wraps
 * `window.fetch` and would answer the 401 of this probe with refreshes of its own.
 */
const pageFetch = window.fetch.bind(window);

/** A macrotask turn that fake timers do not control, so network answers can arrive meanwhile. */
const yieldToBrowser = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/**
 * Resolves once a request sent now has been answered (a `GET /session`, recorded like any other).
 * Requests the page sent before it reach the fake server first, so a test that then counts them
 * knows none is still on its way: "nothing was sent" is checked after something that was.
 */
export async function serverCaughtUp(): Promise<void> {
  await yieldToBrowser();
  // A test may have told the fake to fail it: a failed answer is an answer all the same.
  await pageFetch(new URL(`${fake.baseUrl}/session`, location.href), { credentials: 'same-origin' }).catch(() => undefined);
}

/** Waits until `check` stops throwing (default 2 s of real time, fake timers or not). */
export async function until(check: () => unknown, timeout = 2000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      if ((await check()) !== false) return;
    } catch (error) {
      if (performance.now() - start > timeout) throw error;
    }
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await yieldToBrowser();
  }
}

/** A part inside an element's shadow root. */
export function part<T extends HTMLElement = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(element: Element, name: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** Runs axe with the WCAG 2.2 AA rules on `element` (shadow DOM included) and returns the violations. */
export async function axeViolations(element: Element) {
  const result = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe under fake timers: axe waits on timers of its own, so time is moved along until it answers. */
export async function axeViolationsWithFakeTimers(element: Element, advance: (ms: number) => Promise<unknown>) {
  let done = false;
  const result = axeViolations(element).finally(() => (done = true));
  for (let i = 0; i < 500 && !done; i++) await advance(2);
  return result;
}

/** Records every event of `types` that reaches the document. */
export function recordEvents(...types: string[]) {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  cleanups.push(() => types.forEach((type) => document.removeEventListener(type, listener)));
  return events;
}
