import type { Browser } from 'playwright';
import { loadBench, openBench } from './browser.js';
import type { Concurrent401, ElementsRequests, FocusStorm } from './page/requests.js';
import { summarize, type Summary } from './stats.js';

export const ELEMENT_COUNTS = [1, 5, 20];

export interface RequestsResult {
  elements: Array<{ perKind: number; elements: number; session: Summary; sessions: Summary; samples: ElementsRequests[] }>;
  concurrent401: { calls: number; refresh: Summary; succeeded: Summary; apiRequests: Summary; samples: Concurrent401[] };
  focus: { changes: number; windowMs: number; session: Summary; sessions: Summary; samples: FocusStorm[] };
}

/**
 * Requests the page makes: N of each element under one provider; 100 concurrent `client.fetch`
 * calls meeting 401; a burst of focus / visibility changes. Counted by the fake (every request it
 * answered), on a fresh page load per run.
 */
export async function benchRequests(browser: Browser, url: string, runs: number, log: (line: string) => void): Promise<RequestsResult> {
  const context = await browser.newContext();
  const page = await openBench(context, url);
  try {
    const elements: RequestsResult['elements'] = [];
    for (const perKind of ELEMENT_COUNTS) {
      const samples: ElementsRequests[] = [];
      for (let run = 0; run < runs; run++) {
        await loadBench(page, url);
        samples.push(await page.evaluate((n) => window.bench.elementsRequests(n), perKind));
      }
      const row = {
        perKind,
        elements: samples[0].elements,
        session: summarize(samples.map((sample) => sample.session)),
        sessions: summarize(samples.map((sample) => sample.sessions)),
        samples,
      };
      elements.push(row);
      log(`requests: ${perKind} of each element → GET /session ${row.session.median}, GET /sessions ${row.sessions.median}`);
    }

    const calls = 100;
    const concurrent: Concurrent401[] = [];
    for (let run = 0; run < runs; run++) {
      await loadBench(page, url);
      concurrent.push(await page.evaluate((n) => window.bench.concurrent401(n), calls));
    }
    const concurrent401 = {
      calls,
      refresh: summarize(concurrent.map((sample) => sample.refresh)),
      succeeded: summarize(concurrent.map((sample) => sample.succeeded)),
      apiRequests: summarize(concurrent.map((sample) => sample.apiRequests)),
      samples: concurrent,
    };
    log(`requests: ${calls} concurrent 401s → ${concurrent401.refresh.median} refresh, ${concurrent401.succeeded.median} succeeded`);

    // Each run waits out the 5 s focus throttle, so the runs go in parallel, one browser context each
    // (contexts share no storage and no BroadcastChannel).
    const changes = 20;
    const windowMs = 1000;
    const storms = await Promise.all(
      Array.from({ length: runs }, async () => {
        const own = await browser.newContext();
        try {
          const stormPage = await openBench(own, url);
          return await stormPage.evaluate(([n, ms]) => window.bench.focusStorm(n, ms), [changes, windowMs] as const);
        } finally {
          await own.close();
        }
      }),
    );
    const focus = {
      changes,
      windowMs,
      session: summarize(storms.map((sample) => sample.session)),
      sessions: summarize(storms.map((sample) => sample.sessions)),
      samples: storms,
    };
    log(`requests: ${changes} focus/visibility changes in ${windowMs} ms → ${focus.session.median} re-check(s), ${focus.sessions.median} list refetch(es)`);
    return { elements, concurrent401, focus };
  } finally {
    await context.close();
  }
}
