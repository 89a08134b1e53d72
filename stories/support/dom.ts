import { configure, expect, waitFor } from 'storybook/test';

/** How long the `find…` helpers wait by default; grows with the fake backend's latency. */
let findTimeout = 3000;

/**
 * Stretches every wait in the stories' play functions (these helpers and storybook/test's own
 * `waitFor`) to the fake backend's latency, so a designer who sets it to 2 s still sees each story
 * reach its state. A story may wait for several answers in a row (retries with backoff, refreshes).
 */
export function scaleWaitsToLatency(latency: number) {
  findTimeout = 3000 + 10 * latency;
  configure({ asyncUtilTimeout: 1000 + 10 * latency });
}

/** A part inside an element's shadow root, or null. */
export function part<T extends HTMLElement = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

/** Every element with this part in an element's shadow root. */
export function parts<T extends HTMLElement = HTMLElement>(host: Element, name: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** Waits (up to `timeout` ms) for a part to be rendered and returns it. */
export async function findPart<T extends HTMLElement = HTMLElement>(host: Element, name: string, timeout = findTimeout): Promise<T> {
  return waitFor(
    () => {
      const found = part<T>(host, name);
      expect(found, `part "${name}" of <${host.localName}>`).toBeTruthy();
      return found!;
    },
    { timeout },
  );
}

/** The first element of `tag` in the story's canvas. */
export function elementIn<K extends keyof HTMLElementTagNameMap>(canvas: ParentNode, tag: K): HTMLElementTagNameMap[K] {
  const element = canvas.querySelector(tag);
  if (!element) throw new Error(`<${tag}> is not in the story`);
  return element;
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The session list's rows' device labels, in order. */
export const rowLabels = (list: Element) => parts(list, 'label').map((label) => textOf(label));

/** The row of the session with this device label. */
export function rowOf(list: Element, label: string): HTMLElement {
  const row = parts(list, 'row').find((li) => textOf(li.querySelector('[part=label]')) === label);
  if (!row) throw new Error(`no row labelled "${label}"`);
  return row;
}

/** Waits until the session list shows rows, and returns them. */
export async function findRows(list: Element, timeout = findTimeout): Promise<HTMLElement[]> {
  return waitFor(
    () => {
      const rows = parts(list, 'row');
      expect(rows.length, 'rendered rows').toBeGreaterThan(0);
      return rows;
    },
    { timeout },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Trimmed text without Unicode bidi isolates (the kit may wrap names in them so mixed scripts stay in order). */
export const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '').trim();

/** An element's text, without bidi isolates. */
export const textOf = (element: Node | null | undefined) => plain(element?.textContent);

/** Waits for an element of `tag` to appear in the story (React renders after the story returns). */
export async function findElement<K extends keyof HTMLElementTagNameMap>(canvas: ParentNode, tag: K, timeout = findTimeout): Promise<HTMLElementTagNameMap[K]> {
  return waitFor(() => elementIn(canvas, tag), { timeout });
}
