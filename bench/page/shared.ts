import { createSessionClient, FakeAuthServer, http, HttpResponse, restBackend, setupWorker, type SessionClient } from './kit.js';

/**
 * The fake auth server (sessionkit/msw) served to this page by msw's service worker, latency 0.
 * `/api/orders` stands for the app's own API: 401 unless the fake says the session is good.
 */
export const fake = new FakeAuthServer({ baseUrl: '/api/auth', latency: 0 });
export let ordersRequests = 0;

const worker = setupWorker(
  ...fake.handlers,
  http.get('/api/orders', () => {
    ordersRequests++;
    const session = fake.authenticate();
    return typeof session === 'string' ? HttpResponse.json({ error: { code: session } }, { status: 401 }) : HttpResponse.json({ orders: [] });
  }),
);

export const ready = worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } }).then(() => true);

export function resetFake({ others = 3, sessionTtl = 3_600_000 } = {}) {
  fake.reset();
  fake.latency = 0;
  fake.sessionTtl = sessionTtl;
  ordersRequests = 0;
  fake.signIn();
  if (others) fake.addOtherDevices(others);
}

export const newClient = (): SessionClient => createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });

/** One macrotask turn that uses no timer (so it is not counted by the memory bench's timer tracking). */
export const macrotask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });

/** Real time passing. (A timer that fires is not left behind, so the memory bench does not count it.) */
export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is truthy; throws after `timeout` ms. */
export async function until(check: () => unknown, timeout = 5000, what = 'condition') {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await macrotask();
  }
}

/** Milliseconds on a clock shared by every page of the browser (epoch ms, sub-ms resolution). */
export const absNow = () => performance.timeOrigin + performance.now();

/** A fresh container in the page, emptied by `clearHost()`. */
export function host(): HTMLElement {
  clearHost();
  const element = document.createElement('div');
  element.id = 'bench-host';
  document.body.append(element);
  return element;
}

export function clearHost() {
  document.getElementById('bench-host')?.remove();
}

/** Forces style and layout now, so a measurement includes them (not paint). */
export function layout(element: Element) {
  element.getBoundingClientRect();
  return document.body.offsetHeight;
}

/** Counts requests the fake saw since `from` (an index into `fake.requests`). */
export function requestsSince(from: number, method: string, path: string) {
  return fake.requests.slice(from).filter((request) => request.method === method && request.path === path).length;
}
