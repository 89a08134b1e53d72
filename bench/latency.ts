import type { Browser } from 'playwright';
import { loadBench, openBench } from './browser.js';
import type { TabTimes } from './page/latency.js';
import { summarize, type Summary } from './stats.js';

export const CROSS_TAB_GOAL_MS = 100;
export const EXPIRY_GOAL_MS = 1000;
export const EXPIRY_TTL_MS = 3000;

export interface LatencyResult {
  crossTab: {
    runs: number;
    /** Click on tab A's logout button → tab B's client `signed-out`. */
    clickToSignedOut: Summary;
    /** Click → `sk-session-expired` in tab B. */
    clickToEvent: Summary;
    /** Tab A's own `signed-out` (after the server answered) → tab B's. */
    tabToTab: Summary;
    samples: Array<{ a: TabTimes; b: TabTimes }>;
  };
  expiry: {
    runs: number;
    ttlMs: number;
    /** `sk-session-expired` time minus the server's `expiresAt`. */
    afterExpiresAt: Summary;
    samples: Array<{ expiresAt: number; times: TabTimes }>;
  };
}

async function waitFor<T>(read: () => Promise<T | undefined>, timeout: number, what: string): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sign-out in one tab → the other tab signed out (two pages of one browser context), and a server
 * expiry → `sk-session-expired` (a fake server with a 3 s session). Times come from the pages
 * themselves, on the browser-wide clock (`performance.timeOrigin + performance.now()`).
 */
export async function benchLatency(browser: Browser, url: string, runs: number, log: (line: string) => void, expiryRuns = runs): Promise<LatencyResult> {
  const context = await browser.newContext();
  const a = await openBench(context, url);
  const b = await openBench(context, url);
  const samples: LatencyResult['crossTab']['samples'] = [];
  try {
    for (let run = 0; run < runs; run++) {
      await Promise.all([loadBench(a, url), loadBench(b, url)]);
      await b.evaluate(() => window.bench.signedInTab());
      await a.evaluate(() => window.bench.signedInTab());
      await a.evaluate(() => window.bench.clickLogout());
      const bTimes = await waitFor(
        () => b.evaluate(() => (window.bench.tabTimes().ended !== undefined && window.bench.tabTimes().expiredEvent !== undefined ? window.bench.tabTimes() : undefined)),
        5000,
        'tab B to sign out',
      );
      const aTimes = await waitFor(() => a.evaluate(() => (window.bench.tabTimes().ended !== undefined ? window.bench.tabTimes() : undefined)), 5000, 'tab A to sign out');
      samples.push({ a: aTimes, b: bTimes });
    }
  } finally {
    await context.close();
  }
  const crossTab = {
    runs,
    clickToSignedOut: summarize(samples.map(({ a, b }) => b.ended! - a.clicked!)),
    clickToEvent: summarize(samples.map(({ a, b }) => b.expiredEvent! - a.clicked!)),
    tabToTab: summarize(samples.map(({ a, b }) => b.ended! - a.ended!)),
    samples,
  };
  log(`latency: sign-out in tab A → tab B signed out ${crossTab.clickToSignedOut.median.toFixed(1)} ms (reason ${samples[0]?.b.reason})`);

  // Each run waits for a 3 s session to run out: in parallel, one context each.
  const expirySamples = await Promise.all(
    Array.from({ length: expiryRuns }, async () => {
      const own = await browser.newContext();
      try {
        const page = await openBench(own, url);
        await page.evaluate((ttl) => window.bench.signedInTab({ sessionTtl: ttl }), EXPIRY_TTL_MS);
        const times = await waitFor(
          () => page.evaluate(() => (window.bench.tabTimes().expiredEvent !== undefined ? window.bench.tabTimes() : undefined)),
          EXPIRY_TTL_MS + 10_000,
          'sk-session-expired',
        );
        const expiresAt = (await page.evaluate(() => window.bench.serverExpiresAt()))!;
        return { expiresAt, times };
      } finally {
        await own.close();
      }
    }),
  );
  const expiry = {
    runs: expiryRuns,
    ttlMs: EXPIRY_TTL_MS,
    afterExpiresAt: summarize(expirySamples.map(({ expiresAt, times }) => times.expiredEvent! - expiresAt)),
    samples: expirySamples,
  };
  log(`latency: server expiry → sk-session-expired ${expiry.afterExpiresAt.median.toFixed(0)} ms after expiresAt (reason ${expirySamples[0]?.times.expiredReason})`);
  return { crossTab, expiry };
}
