import type { SkSessionList } from './kit.js';
import { host, layout, newClient, resetFake, until } from './shared.js';

export interface RenderSample {
  count: number;
  /** The list response's last byte (Resource Timing `responseEnd`) → first rows committed to the DOM (script only). */
  firstRowsScript: number;
  /** The list response's last byte → first rows committed and laid out (style + layout forced). */
  firstRows: number;
  rowsShown: number;
  /** "Show more" clicked → next page committed and laid out, per step; empty when everything fits one page. */
  showMore: number[];
  rowsAfterShowMore?: number;
  /** Revoke clicked (`no-confirm`) → the row gone from the DOM and the list laid out, per revoke, on the first page. */
  revoke: number[];
  /** The same after the "show more" steps, with `rowsForDeepRevoke` rows shown. */
  revokeDeep?: number;
  rowsForDeepRevoke?: number;
  /** The refetch after a revoke arrived → re-rendered and laid out, per revoke. */
  refetch: number[];
  /** Request → data for the first list (network, JSON and validation: context only, not part of the figures). */
  fetch: number;
}

interface Update {
  start: number;
  /** After Lit committed the DOM. */
  committed: number;
  /** After style and layout. */
  end: number;
}

const rowsOf = (list: Element) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~=row]')];

/** When the last byte of the first list response fetched at or after `since` arrived (Resource Timing). */
function listResponseEnd(since: number) {
  const entry = performance
    .getEntriesByType('resource')
    .find((candidate) => candidate.startTime >= since && new URL(candidate.name).pathname === '/api/auth/sessions') as PerformanceResourceTiming | undefined;
  return entry?.responseEnd || undefined;
}

/**
 * Mounts `<sk-session-list no-confirm>` on a real client talking to the fake (msw, latency 0) with
 * `count` sessions, and times the element's work. The network is out of the figures: the first
 * rows are timed from the list response's `responseEnd` (Resource Timing, as the side-by-side
 * harness does), so whatever the kit waits for after the bytes arrived counts; later steps from the
 * data's arrival (`client.listSessions()` is wrapped) or a click. Every Lit update of the element is
 * timed (its `performUpdate` is wrapped), with a forced layout after it.
 */
export async function renderRun(count: number, revokes = 3, showMoreSteps = 3): Promise<RenderSample> {
  // Start every run from a collected heap (Chromium runs with --expose-gc), so one run's garbage is not collected in the next one's figures.
  (globalThis as { gc?: () => void }).gc?.();
  resetFake({ others: count - 1 });
  const client = newClient();
  await client.getSession();

  const arrivals: number[] = [];
  let requested = 0;
  let fetch = NaN;
  const listSessions = client.listSessions.bind(client);
  client.listSessions = (options) => {
    requested = performance.now();
    return listSessions(options).then((sessions) => {
      const now = performance.now();
      if (!arrivals.length) fetch = now - requested;
      arrivals.push(now);
      return sessions;
    });
  };

  const list = document.createElement('sk-session-list') as SkSessionList;
  list.noConfirm = true;
  list.client = client;
  const updates: Update[] = [];
  const element = list as unknown as { performUpdate(): void };
  const performUpdate = element.performUpdate.bind(list);
  element.performUpdate = () => {
    const start = performance.now();
    performUpdate();
    const committed = performance.now();
    layout(list);
    updates.push({ start, committed, end: performance.now() });
  };
  /** The first update that started after `time` and satisfies `check` once done. */
  const updateAfter = async (time: number, check: () => boolean, what: string) => {
    let found: Update | undefined;
    await until(() => (found = updates.find((update) => update.start >= time)) && check(), 30_000, what);
    return found!;
  };

  // The buffer keeps 250 entries by default: a long bench fills it and later requests go unrecorded.
  performance.clearResourceTimings();
  const mounted = performance.now();
  host().append(list);
  try {
    await until(() => arrivals.length, 30_000, 'the list data');
    const responseEnd = listResponseEnd(mounted);
    if (!responseEnd) throw new Error('no Resource Timing entry for the list request');
    const first = await updateAfter(responseEnd, () => rowsOf(list).length > 0, 'the first rows');
    const sample: RenderSample = {
      count,
      firstRowsScript: first.committed - responseEnd,
      firstRows: first.end - responseEnd,
      rowsShown: rowsOf(list).length,
      showMore: [],
      revoke: [],
      refetch: [],
      fetch,
    };

    /** Revokes the first other session's row and times it; then waits for the server call and the refetch. */
    const revokeOne = async () => {
      const row = rowsOf(list).find((candidate) => !candidate.matches('[part~=current]'));
      if (!row) return undefined;
      // Rows re-render by position, so a row is known by its session's unique last-active time.
      const stamp = row.querySelector('[part=last-active]')!.getAttribute('datetime');
      const isGone = () => !list.shadowRoot!.querySelector(`[part=last-active][datetime="${stamp}"]`);
      let revoked = false;
      list.addEventListener('sk-session-revoked', () => (revoked = true), { once: true });
      const arrived = arrivals.length;
      const clicked = performance.now();
      row.querySelector<HTMLElement>('[part=revoke-button]')!.click();
      const update = await updateAfter(clicked, isGone, 'the revoked row to go');
      // The server call and the refetch it causes, before the next click.
      await until(() => revoked && arrivals.length > arrived, 30_000, 'the revoke and the refetch');
      const refetched = arrivals.at(-1)!;
      const rerender = await updateAfter(refetched, () => true, 'the refetch to render');
      sample.refetch.push(rerender.end - refetched);
      return update.end - clicked;
    };

    // On the first page (as many rows as the page size, at every count).
    for (let i = 0; i < revokes; i++) {
      const time = await revokeOne();
      if (time === undefined) break;
      sample.revoke.push(time);
    }

    for (let step = 0; step < showMoreSteps; step++) {
      const more = list.shadowRoot!.querySelector<HTMLElement>('[part=show-more]');
      if (!more) break;
      const before = rowsOf(list).length;
      const clicked = performance.now();
      more.click();
      const update = await updateAfter(clicked, () => rowsOf(list).length > before, 'the next page');
      sample.showMore.push(update.end - clicked);
      sample.rowsAfterShowMore = rowsOf(list).length;
    }

    // Once more with every revealed page shown: rows re-render by position, so this grows with the rows shown.
    if (sample.showMore.length) {
      sample.rowsForDeepRevoke = rowsOf(list).length;
      sample.revokeDeep = await revokeOne();
    }
    return sample;
  } finally {
    list.remove();
    client.dispose();
  }
}
