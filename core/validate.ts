import { ProtocolError } from './errors.js';
import type { Session } from './types.js';

type Reader = (value: unknown) => unknown;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty string, or absent. */
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** An id the kit can send back: a non-empty string that cannot change the path it is put into. */
const isSessionId = (id: unknown): id is string => !!text(id) && id !== '.' && id !== '..' && !(id as string).includes('/');

/** ISO-8601 strings and epoch milliseconds become Dates; anything else, or an invalid date, is absent. */
export function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return isNaN(date.getTime()) ? undefined : date;
}

/**
 * Copies the fields `readers` names from an untrusted object onto `target`: each reader returns the
 * value or undefined, and undefined fields are left out. Straight into `target`, with no arrays of
 * entries or copies in between: a list of a thousand sessions is read cold, between its bytes
 * arriving and its first paint.
 */
function readFields<T extends object>(target: T, raw: Record<string, unknown>, readers: Record<string, Reader>): T {
  for (const key in readers) {
    const value = readers[key](raw[key]);
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

const DEVICE_FIELDS: Record<keyof NonNullable<Session['device']>, Reader> = {
  type: (value) => (['desktop', 'mobile', 'tablet', 'unknown'].includes(value as string) ? value : undefined),
  browser: text,
  os: text,
  name: text,
};

/** Every optional field of a `Session`, and how to read it. */
const SESSION_FIELDS: Record<Exclude<keyof Session, 'id' | 'current'>, Reader> = {
  createdAt: toDate,
  lastActiveAt: toDate,
  expiresAt: toDate,
  userAgent: text,
  ipAddress: text,
  location: text,
  authMethods: (value) => {
    const methods = Array.isArray(value) ? value.filter(text) : [];
    return methods.length ? methods : undefined;
  },
  device: (value) => {
    const device = isObject(value) && readFields({}, value, DEVICE_FIELDS);
    return device && Object.keys(device).length ? device : undefined;
  },
};

/**
 * Turns one untrusted session object into a `Session`, or undefined when it has no usable id.
 * Unknown fields are dropped and optional fields of the wrong type become absent, so nothing the
 * server sends can reach the page except as plain strings, dates and booleans.
 */
export function parseSession(raw: unknown): Session | undefined {
  if (!isObject(raw) || !isSessionId(raw.id)) return undefined;
  return readFields<Session>({ id: raw.id as string, current: raw.current === true }, raw, SESSION_FIELDS);
}

/** Reads `{"session": Session}` (or `{"session": null}`); a wrong shape is a `ProtocolError`. */
export function parseSessionBody(body: unknown, allowNull: boolean): Session | null {
  if (!isObject(body) || !('session' in body)) throw new ProtocolError('invalid_body', 'session');
  if (body.session === null && allowNull) return null;
  const session = parseSession(body.session);
  if (!session) throw new ProtocolError('invalid_session', 'session.id');
  return session;
}

/**
 * Reads `{"sessions": Session[]}`. Rows without an id and repeated ids are dropped; if the server
 * marks more than one row current, only the first keeps the mark.
 */
export function parseSessionList(body: unknown): Session[] {
  if (!isObject(body) || !Array.isArray(body.sessions)) throw new ProtocolError('invalid_body', 'sessions');
  const sessions: Session[] = [];
  // A set, not a search of what was kept: lists of thousands must stay linear.
  const seen = new Set<string>();
  let currentSeen = false;
  for (const row of body.sessions) {
    const session = parseSession(row);
    if (!session || seen.has(session.id)) continue;
    seen.add(session.id);
    session.current &&= !currentSeen;
    currentSeen ||= session.current;
    sessions.push(session);
  }
  return sessions;
}

export function assertSessionId(id: unknown): asserts id is string {
  if (!isSessionId(id)) throw new ProtocolError('invalid_session_id', 'id');
}
