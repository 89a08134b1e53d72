import type { DeviceType, Session } from '../../core/types.js';
import { format } from '../internal/localize.js';
import { parseUserAgent, type ParsedUserAgent } from '../internal/user-agent.js';
import type { SessionListStrings } from './strings.js';

/**
 * Each session's user agent, parsed once: every render describes every shown row again. Weak, so a
 * refetch's sessions replace the old ones' entries. The label is formatted per call: it is cheap and
 * follows the strings.
 */
const parsedAgents = new WeakMap<Session, ParsedUserAgent>();

/** The device's type and a label such as "Chrome on macOS", from what the backend says or the user agent. */
export function describeDevice(session: Session, t: SessionListStrings): { type: DeviceType; label: string } {
  let parsed = parsedAgents.get(session);
  if (!parsed) parsedAgents.set(session, (parsed = parseUserAgent(session.userAgent)));
  const { type = parsed.type, browser = parsed.browser, os = parsed.os, name } = session.device ?? {};
  return { type, label: name ?? (browser && os ? format(t.device, { browser, os }) : (browser ?? os ?? t.unknownDevice)) };
}

const seen = (session: Session) => (session.lastActiveAt ?? session.createdAt)?.getTime() || 0;

/** This device first, then the most recently active. */
export const bySessionOrder = (a: Session, b: Session) => +b.current - +a.current || seen(b) - seen(a);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536e6],
  ['month', 2_592e6],
  ['week', 6_048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
  ['second', Infinity],
];

/** The `Intl` formatters a render needs, in `locale`: a valid tag, as `resolveLang()` gives (else every `Intl` constructor throws). */
function create(locale: string) {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const list = new Intl.ListFormat(locale);
  return {
    /** "5 minutes ago"; under a minute, "now". A time ahead of our clock also reads "now". */
    ago(date: Date) {
      const ago = Math.max(0, Date.now() - date.getTime());
      const [unit, ms] = UNITS.find(([, ms]) => ago >= ms) ?? UNITS[6];
      return relative.format(-Math.trunc(ago / ms), unit);
    },
    exact: (date: Date) => exact.format(date),
    day: (date: Date) => day.format(date),
    list: (items: string[]) => list.format(items),
  };
}

export type Formatters = ReturnType<typeof create>;

/** Formatters by locale: building them costs more than a render of the rows, so each locale's are built once. */
const cache = new Map<string, Formatters>();

/** The formatters for `locale`, built on first use. */
export function formatters(locale: string): Formatters {
  let fmt = cache.get(locale);
  if (!fmt) cache.set(locale, (fmt = create(locale)));
  return fmt;
}
