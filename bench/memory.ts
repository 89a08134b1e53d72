import type { Browser, CDPSession, Page } from 'playwright';
import { openBench } from './browser.js';
import type { LiveCounts, LiveItem } from './page/instrument.js';
import type { MemoryScenario } from './page/memory.js';

export const MEMORY_SCENARIOS: MemoryScenario[] = [
  'sk-logout-button',
  'sk-session-list',
  'sk-session-expired',
  'sk-session-provider base-url',
  'provider base-url + all three',
];
/** Enough for the JIT, and for the browser's per-request buffers (resource timing: 250) to fill, before the baseline. */
const WARMUP = 200;
const SETTLE_MS = 1500;

/**
 * Per-request objects of the harness, not of the kit: every answer msw's service worker gives leaves
 * a MessagePort and a transferred ReadableStream alive in the page (a plain `fetch()` of the fake,
 * body read to the end, does it too), and Playwright's DevTools network log keeps a record per request.
 */
const HARNESS = /NetworkResourcesData|MessagePort|ReadableStream|CrossRealmTransform|QueueWithSizes|DefaultSizeAlgorithm|EventTargetData|EventListener|BasicHeapVector|PerformanceResourceTiming/;

export interface Survivor {
  /** Heap snapshot node type and constructor name, e.g. `object:WeakRef`. */
  kind: string;
  /** How many more after the cycles than before. */
  count: number;
  bytes: number;
  harness: boolean;
}

interface Snapshot {
  counts: LiveCounts;
  /** V8 heap in use after GC, bytes. */
  heap: number;
}

export interface MemoryResult {
  scenario: MemoryScenario;
  cycles: number;
  requests: number;
  /** Left behind after the cycles (after − before, once settled and collected). */
  listeners: number;
  globalListeners: number;
  timers: number;
  intervals: number;
  channels: number;
  heapBytes: number;
  heapBytesPerCycle: number;
  /** Heap snapshot objects that grew by at least 0.9 per cycle: what each cycle leaves alive. */
  survivors: Survivor[];
  durationMs: number;
  /** What grew, with the stack that created it. */
  leftBehind: { listeners: LiveItem[]; timers: LiveItem[]; channels: LiveItem[] };
  before: Omit<Snapshot, 'counts'> & { counts: Omit<LiveCounts, 'listenerDetails' | 'timerDetails' | 'channelDetails'> };
}

async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  // Reading the counts also forgets listeners whose targets were collected.
  const counts = await page.evaluate(() => window.skTrack.counts());
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { counts, heap: usedSize };
}

/** Objects in a heap snapshot, by node type and name (JS objects, closures, arrays, DOM/native objects). */
async function heapCensus(cdp: CDPSession): Promise<Map<string, { count: number; bytes: number }>> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const types = snapshot.snapshot.meta.node_types[0];
  const census = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const kind = types[snapshot.nodes[i + type]];
    if (!['object', 'closure', 'native', 'array', 'regexp'].includes(kind)) continue;
    const key = `${kind}:${snapshot.strings[snapshot.nodes[i + name]].slice(0, 80)}`;
    const entry = census.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[i + size];
    census.set(key, entry);
  }
  return census;
}

/** Items whose count grew between two listings. */
function grown(before: LiveItem[], after: LiveItem[]): LiveItem[] {
  const had = new Map(before.map((item) => [item.what, item.count]));
  return after.filter((item) => item.count > (had.get(item.what) ?? 0)).map((item) => ({ ...item, count: item.count - (had.get(item.what) ?? 0) }));
}

const strip = ({ listenerDetails: _l, timerDetails: _t, channelDetails: _c, ...counts }: LiveCounts) => counts;

/**
 * 1 000 mount/unmount cycles per scenario, in a page whose listeners, timers and BroadcastChannels
 * are counted by an init script (bench/page/instrument.ts). Counts and heap are read after a warm-up
 * (so one-time set-up is in the baseline) and again after the cycles, each time after 1.5 s to settle
 * and a forced GC (CDP HeapProfiler.collectGarbage; Chromium runs with --expose-gc).
 */
export async function benchMemory(browser: Browser, url: string, cycles: number, instrument: string, log: (line: string) => void): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  for (const scenario of MEMORY_SCENARIOS) {
    const context = await browser.newContext();
    await context.addInitScript({ content: instrument });
    try {
      const page = await openBench(context, url);
      const cdp = await context.newCDPSession(page);
      const status = await page.evaluate(() => window.bench.prepareMemory());
      if (status !== 'active') throw new Error(`memory bench: the session is ${status}, not active`);
      await page.evaluate(([name, n]) => window.bench.mountCycles(name, n), [scenario, WARMUP] as const);
      await page.waitForTimeout(SETTLE_MS);
      const before = await snapshot(page, cdp);
      const censusBefore = await heapCensus(cdp);
      const started = Date.now();
      const requests = await page.evaluate(([name, n]) => window.bench.mountCycles(name, n), [scenario, cycles] as const);
      const durationMs = Date.now() - started;
      await page.waitForTimeout(SETTLE_MS);
      const after = await snapshot(page, cdp);
      const censusAfter = await heapCensus(cdp);
      const survivors = [...censusAfter]
        .map(([kind, { count, bytes }]) => ({
          kind,
          count: count - (censusBefore.get(kind)?.count ?? 0),
          bytes: bytes - (censusBefore.get(kind)?.bytes ?? 0),
          harness: HARNESS.test(kind),
        }))
        .filter((survivor) => survivor.count >= cycles * 0.9)
        .sort((a, b) => b.count - a.count);
      const heapBytes = after.heap - before.heap;
      const result: MemoryResult = {
        scenario,
        cycles,
        requests,
        listeners: after.counts.listeners - before.counts.listeners,
        globalListeners: after.counts.globalListeners - before.counts.globalListeners,
        timers: after.counts.timers - before.counts.timers,
        intervals: after.counts.intervals - before.counts.intervals,
        channels: after.counts.channels - before.counts.channels,
        heapBytes,
        heapBytesPerCycle: heapBytes / cycles,
        survivors,
        durationMs,
        leftBehind: {
          listeners: grown(before.counts.listenerDetails, after.counts.listenerDetails),
          timers: grown(before.counts.timerDetails, after.counts.timerDetails),
          channels: grown(before.counts.channelDetails, after.counts.channelDetails),
        },
        before: { heap: before.heap, counts: strip(before.counts) },
      };
      results.push(result);
      log(
        `memory ${scenario}: ${cycles} cycles in ${durationMs} ms → listeners ${result.listeners}, timers ${result.timers + result.intervals}, channels ${result.channels}, heap ${(heapBytes / 1024).toFixed(1)} KB, per-cycle survivors: ${
          survivors.map((survivor) => `${survivor.count} ${survivor.kind}${survivor.harness ? ' (harness)' : ''}`).join(', ') || 'none'
        }`,
      );
    } finally {
      await context.close();
    }
  }
  return results;
}
