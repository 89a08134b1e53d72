import { NetworkError, ProtocolError, ReauthRequiredError, ServerError, SessionExpiredError, SessionKitError } from '../../core/index.js';
import type { StoryEnv } from './environment.js';

/** The kit's error classes by their names, found with instanceof: a minified build renames the classes. */
const ERRORS = [
  ['ReauthRequiredError', ReauthRequiredError],
  ['SessionExpiredError', SessionExpiredError],
  ['NetworkError', NetworkError],
  ['ProtocolError', ProtocolError],
  ['ServerError', ServerError],
  ['SessionKitError', SessionKitError],
] as const;

const errorName = (error: Error) => ERRORS.find(([, type]) => error instanceof type)?.[0] ?? error.name;

/** Text for one event detail: sessions by place (never their ids), errors by name and code, dates as ISO. */
export function describeDetail(detail: unknown): string {
  if (detail === undefined || detail === null) return '';
  return JSON.stringify(detail, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (raw instanceof Error) return `${errorName(raw)}(${(raw as { code?: string }).code ?? raw.message})`;
    if (raw instanceof Date) return raw.toISOString();
    if (value && typeof value === 'object' && 'id' in value && 'current' in value) {
      const session = value as { location?: string; current: boolean };
      return `Session(${session.location ?? 'unknown place'}${session.current ? ', this device' : ''})`;
    }
    return value;
  });
}

/** One log line, as both the element log and the React log show it. */
export const logLine = (name: string, detail?: unknown) => {
  const text = describeDetail(detail);
  return text ? `${name} ${text}` : name;
};

/**
 * An on-screen log of the events that reach `target` (they bubble and are composed, so the
 * story's wrapper hears them all). Returns the log element; listeners go with the story.
 */
export function eventLog(env: StoryEnv, target: EventTarget, types: readonly string[], title = 'Events'): HTMLElement {
  const log = document.createElement('div');
  log.className = 'sk-story-log';
  log.setAttribute('role', 'log');
  log.setAttribute('aria-label', title);
  const heading = document.createElement('p');
  heading.className = 'sk-story-log-title';
  heading.textContent = title;
  const list = document.createElement('ol');
  log.append(heading, list);
  const listener = (event: Event) => {
    const item = document.createElement('li');
    item.textContent = logLine(event.type, (event as CustomEvent).detail);
    list.append(item);
  };
  for (const type of types) target.addEventListener(type, listener);
  env.onCleanup(() => types.forEach((type) => target.removeEventListener(type, listener)));
  return log;
}

/** The lines of the story's log, for play functions. */
export const logLines = (canvas: ParentNode) => [...canvas.querySelectorAll('.sk-story-log li')].map((item) => item.textContent ?? '');
