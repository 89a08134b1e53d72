/**
 * The bench page: the built package (kit.js, from dist/), the fake auth server behind msw's service
 * worker, and the page side of every browser benchmark, on `window.bench` for Playwright to call.
 */
import { clickLogout, serverExpiresAt, signedInTab, tabTimes } from './latency.js';
import { mountCycles, prepareMemory } from './memory.js';
import { renderRun } from './render.js';
import { concurrent401, elementsRequests, focusStorm } from './requests.js';
import { ready } from './shared.js';

const bench = {
  ready,
  renderRun,
  elementsRequests,
  concurrent401,
  focusStorm,
  signedInTab,
  clickLogout,
  tabTimes,
  serverExpiresAt,
  prepareMemory,
  mountCycles,
};

export type Bench = typeof bench;

declare global {
  interface Window {
    bench: Bench;
    benchReady?: boolean;
  }
}

window.bench = bench;
void ready.then(() => (window.benchReady = true));
