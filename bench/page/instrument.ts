/**
 * Init script of the memory bench (runs before any page script): counts live event listeners,
 * timers and BroadcastChannels by wrapping `EventTarget.prototype.addEventListener` /
 * `removeEventListener`, `setTimeout` / `clearTimeout` / `setInterval` / `clearInterval` and the
 * `BroadcastChannel` constructor / `close`. It holds only weak references to targets and listeners,
 * so it keeps nothing alive that the page would let go of.
 */

interface ListenerRecord {
  target: WeakRef<EventTarget>;
  listener: WeakRef<object>;
  type: string;
  capture: boolean;
  stack: string;
}

interface TimerRecord {
  kind: 'timeout' | 'interval';
  delay: number;
  stack: string;
}

interface ChannelRecord {
  name: string;
  stack: string;
}

export interface LiveItem {
  what: string;
  count: number;
  /** The first stack frames that created one (sessionkit frames first where there are any). */
  stack: string;
}

export interface LiveCounts {
  listeners: number;
  /** Listeners on `window`, `document` and `<html>`: the ones that outlive every element. */
  globalListeners: number;
  timers: number;
  intervals: number;
  channels: number;
  /** Grouped by target, type and creating stack. */
  listenerDetails: LiveItem[];
  timerDetails: LiveItem[];
  channelDetails: LiveItem[];
}

export interface Tracker {
  counts(): LiveCounts;
  /** Stop capturing stacks (cheaper) or start again. */
  captureStacks(on: boolean): void;
}

declare global {
  interface Window {
    skTrack: Tracker;
  }
}

Error.stackTraceLimit = 20;
let capture = true;
/** The call site: the wrapper's own frames dropped, sessionkit's frames preferred. */
function stack(): string {
  if (!capture) return '';
  const frames = (new Error().stack ?? '').split('\n').slice(3).map((line) => line.trim().replace(/^at /, ''));
  return frames.slice(0, 8).join(' < ');
}

const listeners = new Set<ListenerRecord>();
const byTarget = new WeakMap<EventTarget, ListenerRecord[]>();
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
const captureOf = (options: boolean | EventListenerOptions | undefined) => (typeof options === 'boolean' ? options : !!options?.capture);

function find(target: EventTarget, type: string, listener: object, capture: boolean) {
  return byTarget.get(target)?.find((record) => record.type === type && record.capture === capture && record.listener.deref() === listener);
}

function drop(record: ListenerRecord) {
  listeners.delete(record);
  const target = record.target.deref();
  const list = target && byTarget.get(target);
  const index = list?.indexOf(record) ?? -1;
  if (index >= 0) list!.splice(index, 1);
}

EventTarget.prototype.addEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  // A bare `addEventListener(…)` call in module code has no `this`: it means window.
  const self: EventTarget = this ?? window;
  add.call(self, type, listener, options);
  const opts = typeof options === 'object' ? options : undefined;
  if (!listener || opts?.signal?.aborted) return;
  const capture = captureOf(options);
  if (find(self, type, listener, capture)) return; // the same listener twice is one listener
  const record: ListenerRecord = { target: new WeakRef(self), listener: new WeakRef(listener), type, capture, stack: stack() };
  let list = byTarget.get(self);
  if (!list) byTarget.set(self, (list = []));
  list.push(record);
  listeners.add(record);
  // A `once` listener goes when it fires, a `signal` one when the signal aborts. (These closures
  // hold only the record, whose references are weak.)
  if (opts?.once) add.call(self, type, () => drop(record), { once: true, capture });
  if (opts?.signal) add.call(opts.signal, 'abort', () => drop(record), { once: true });
};

EventTarget.prototype.removeEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | EventListenerOptions,
) {
  const self: EventTarget = this ?? window;
  remove.call(self, type, listener, options);
  if (!listener) return;
  const record = find(self, type, listener, captureOf(options));
  if (record) drop(record);
};

const timers = new Map<number, TimerRecord>();
const realSetTimeout = window.setTimeout;
const realSetInterval = window.setInterval;
const realClearTimeout = window.clearTimeout;
const realClearInterval = window.clearInterval;

window.setTimeout = function (handler: TimerHandler, delay?: number, ...args: unknown[]) {
  let id = 0;
  const run =
    typeof handler === 'function'
      ? function (this: unknown, ...callArgs: unknown[]) {
          timers.delete(id);
          return (handler as (...a: unknown[]) => unknown).apply(this, callArgs);
        }
      : handler;
  id = realSetTimeout(run, delay, ...args);
  timers.set(id, { kind: 'timeout', delay: Number(delay) || 0, stack: stack() });
  return id;
} as typeof window.setTimeout;

window.setInterval = function (handler: TimerHandler, delay?: number, ...args: unknown[]) {
  const id = realSetInterval(handler, delay, ...args);
  timers.set(id, { kind: 'interval', delay: Number(delay) || 0, stack: stack() });
  return id;
} as typeof window.setInterval;

// Either clear function clears either kind of timer.
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  realClearTimeout(id);
}) as typeof window.clearTimeout;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  realClearInterval(id);
}) as typeof window.clearInterval;

const channels = new Set<ChannelRecord>();
const RealChannel = window.BroadcastChannel;
class TrackedBroadcastChannel extends RealChannel {
  #record: ChannelRecord | undefined;
  constructor(name: string) {
    super(name);
    this.#record = { name, stack: stack() };
    channels.add(this.#record);
  }
  override close() {
    if (this.#record) channels.delete(this.#record);
    this.#record = undefined;
    super.close();
  }
}
Object.defineProperty(TrackedBroadcastChannel, 'name', { value: 'BroadcastChannel' });
window.BroadcastChannel = TrackedBroadcastChannel;

function describeTarget(target: EventTarget): string {
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (target === document.documentElement) return '<html>';
  if (target instanceof Element) return `<${target.localName}>${target.isConnected ? '' : ' (detached)'}`;
  if (target instanceof ShadowRoot) return `#shadow-root of <${target.host.localName}>`;
  return target.constructor?.name ?? 'EventTarget';
}

function group<T>(items: Iterable<T>, key: (item: T) => string, stackOf: (item: T) => string): LiveItem[] {
  const groups = new Map<string, LiveItem>();
  for (const item of items) {
    const what = key(item);
    const entry = groups.get(what) ?? { what, count: 0, stack: stackOf(item) };
    entry.count++;
    groups.set(what, entry);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

window.skTrack = {
  counts() {
    // Listeners on targets that were collected went with them: not left behind.
    const live: Array<ListenerRecord & { on: string }> = [];
    for (const record of [...listeners]) {
      const target = record.target.deref();
      if (!target) listeners.delete(record);
      else live.push({ ...record, on: describeTarget(target) });
    }
    const isGlobal = (on: string) => on === 'window' || on === 'document' || on === '<html>';
    const timerList = [...timers.values()];
    return {
      listeners: live.length,
      globalListeners: live.filter((record) => isGlobal(record.on)).length,
      timers: timerList.filter((timer) => timer.kind === 'timeout').length,
      intervals: timerList.filter((timer) => timer.kind === 'interval').length,
      channels: channels.size,
      listenerDetails: group(live, (record) => `${record.on} ${record.type}${record.capture ? ' (capture)' : ''} @ ${record.stack.split(' < ')[0]}`, (record) => record.stack),
      timerDetails: group(timerList, (timer) => `${timer.kind} ${timer.delay} ms @ ${timer.stack.split(' < ')[0]}`, (timer) => timer.stack),
      channelDetails: group(channels, (channel) => `BroadcastChannel "${channel.name}"`, (channel) => channel.stack),
    };
  },
  captureStacks(on) {
    capture = on;
  },
};
