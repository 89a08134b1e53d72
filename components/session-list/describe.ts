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

/**
 * The device's type and a label such as "Chrome on macOS", from what the backend says or the user
 * agent; `ownName` when the label is the device's own name, as the server gave it.
 */
export function describeDevice(session: Session, t: SessionListStrings): { type: DeviceType; label: string; ownName?: string } {
  let parsed = parsedAgents.get(session);
  if (!parsed) parsedAgents.set(session, (parsed = parseUserAgent(session.userAgent)));
  const { type = parsed.type, browser = parsed.browser, os = parsed.os, name } = session.device ?? {};
  return { type, ownName: name, label: name ?? (browser && os ? format(t.device, { browser, os }) : (browser ?? os ?? t.unknownDevice)) };
}

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
    /** Date and time of day, e.g. "Dec 1, 2026, 10:42 AM". */
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

/** What one row says, as text, and the name its buttons and announcements use for the device. */
export interface RowText {
  session: Session;
  type: DeviceType;
  label: string;
  /** The device's own name, when the server gave one: the label is then data, shown in its own direction. */
  ownName?: string;
  /** The number that tells this row from others alike in every detail, shown after `label` (`deviceNumber`). */
  number?: number;
  ip?: string;
  location?: string;
  methods?: string;
  lastActive?: string;
  created?: string;
  /** The device, told apart from the other shown rows: unique in the list. */
  name: string;
}

export interface DescribeOptions {
  hideIp: boolean;
  hideLocation: boolean;
}

/**
 * Brand names of sign-in providers, the same in every language, so not in the string tables: a
 * method that is a provider's id (`google`, `github`, any case) shows as its brand. Twitter is X.
 */
const BRANDS = ['Google', 'GitHub', 'GitLab', 'Apple', 'Microsoft', 'Facebook', 'Discord', 'LinkedIn', 'Slack'];

/** Groups `items` by `key`, keeping only the keys shared by several. */
function repeats<T>(items: T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * The text of the shown rows. Rows that would read alike show their sign-in time of day, and each
 * device's `name` is unique among the rows: a repeated label gets what differs (IP address,
 * location, sign-in time), and rows alike in all of that are numbered, on screen as well (their
 * labels), so a person can tell them apart too. This device is active now, whatever the server last
 * recorded.
 */
export function describeRows(sessions: Session[], t: SessionListStrings, fmt: Formatters, { hideIp, hideLocation }: DescribeOptions): RowText[] {
  const rows = sessions.map((session): RowText => {
    const { type, label, ownName } = describeDevice(session, t);
    const { lastActiveAt, createdAt, authMethods } = session;
    const methods = authMethods?.map((method) => {
      const name = (t as Record<string, unknown>)[`method_${method}`];
      const key = method.toLowerCase();
      return typeof name === 'string' ? name : key === 'twitter' ? 'X' : (BRANDS.find((brand) => brand.toLowerCase() === key) ?? method);
    });
    return {
      session,
      type,
      label,
      ownName,
      name: label,
      ip: hideIp ? undefined : session.ipAddress,
      location: hideLocation ? undefined : session.location,
      methods: methods && format(t.methods, { methods: fmt.list(methods) }),
      lastActive: session.current ? t.activeNow : lastActiveAt && format(t.lastActive, { time: fmt.ago(lastActiveAt) }),
      created: createdAt && format(t.signedIn, { date: fmt.day(createdAt) }),
    };
  });
  const signedInAt = (row: RowText) => row.session.createdAt && format(t.signedIn, { date: fmt.exact(row.session.createdAt) });
  for (const group of repeats(rows, (row) => [row.label, row.ip, row.location, row.methods, row.lastActive, row.created].join('\n'))) {
    for (const row of group) row.created = signedInAt(row);
  }
  for (const group of repeats(rows, (row) => row.label)) {
    for (const row of group) {
      const details = [row.ip, row.location, signedInAt(row)].filter((detail): detail is string => !!detail);
      if (details.length) row.name = format(t.deviceDetails, { device: row.label, details: details.join(', ') });
    }
  }
  // This device is told apart by its badge, and has no revoke button to name: only others are numbered.
  for (const group of repeats(rows.filter((row) => !row.session.current), (row) => row.name)) {
    group.forEach((row, index) => {
      row.number = index + 1;
      row.name = format(t.deviceNumber, { device: row.name, number: row.number });
    });
  }
  return rows;
}
