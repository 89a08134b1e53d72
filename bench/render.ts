import type { Browser } from 'playwright';
import { openBench } from './browser.js';
import type { RenderSample } from './page/render.js';
import { summarize, type Summary } from './stats.js';

export const RENDER_SIZES = [10, 100, 1_000, 10_000];
/** A frame at 60 Hz. */
export const RENDER_GOAL_MS = 16;

export interface RenderResult {
  count: number;
  runs: number;
  firstRows: Summary;
  firstRowsScript: Summary;
  showMore: Summary;
  revoke: Summary;
  /** Revoke after the "show more" steps, with `rowsForDeepRevoke` rows shown. */
  revokeDeep: Summary;
  rowsForDeepRevoke?: number;
  refetch: Summary;
  /** Context, not part of the goal: request → data through msw (network stand-in, JSON, validation). */
  fetch: Summary;
  rowsShown: number;
  samples: RenderSample[];
}

/**
 * `<sk-session-list>` with 10 … 10 000 sessions. Each run mounts a fresh list on a real client and
 * the msw fake (latency 0), so rows come through the real code path. First rows are timed from the
 * list response's `responseEnd` (Resource Timing, as the side-by-side harness measures), to the rows
 * in the DOM and to the DOM committed and laid out; later steps from the data's arrival or the click.
 */
export async function benchRender(browser: Browser, url: string, runs: number, log: (line: string) => void): Promise<RenderResult[]> {
  const context = await browser.newContext();
  const page = await openBench(context, url);
  const results: RenderResult[] = [];
  try {
    // One throwaway run so the JIT has seen the code before anything is timed.
    await page.evaluate(() => window.bench.renderRun(100, 1, 1));
    for (const count of RENDER_SIZES) {
      const samples: RenderSample[] = [];
      for (let run = 0; run < runs; run++) samples.push(await page.evaluate((n) => window.bench.renderRun(n), count));
      const result: RenderResult = {
        count,
        runs,
        firstRows: summarize(samples.map((sample) => sample.firstRows)),
        firstRowsScript: summarize(samples.map((sample) => sample.firstRowsScript)),
        showMore: summarize(samples.flatMap((sample) => sample.showMore)),
        revoke: summarize(samples.flatMap((sample) => sample.revoke)),
        revokeDeep: summarize(samples.flatMap((sample) => (sample.revokeDeep === undefined ? [] : [sample.revokeDeep]))),
        rowsForDeepRevoke: samples[0].rowsForDeepRevoke,
        refetch: summarize(samples.flatMap((sample) => sample.refetch)),
        fetch: summarize(samples.map((sample) => sample.fetch)),
        rowsShown: samples[0].rowsShown,
        samples,
      };
      results.push(result);
      log(
        `render ${count}: first rows ${result.firstRows.median.toFixed(1)} ms, show more ${result.showMore.median.toFixed(1)} ms, revoke ${result.revoke.median.toFixed(1)} ms (${result.revokeDeep.median.toFixed(1)} ms with ${result.rowsForDeepRevoke ?? '–'} rows), refetch ${result.refetch.median.toFixed(1)} ms (fetch ${result.fetch.median.toFixed(0)} ms)`,
      );
    }
  } finally {
    await context.close();
  }
  return results;
}
