import { ProtocolError } from './errors.js';
import type { DeviceType, Session } from './types.js';

/** A plain object (not null, not an array): what a JSON record is. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
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

const DEVICE_TYPES: readonly unknown[] = ['desktop', 'mobile', 'tablet', 'unknown'];

/** Sets `target[key]` to `value` unless it is undefined: absent fields are left out, not stored. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined) {
  if (value !== undefined) target[key] = value;
}

/** What is known of the device; absent when nothing is. */
function deviceOf(value: unknown): Session['device'] {
  if (!isRecord(value)) return undefined;
  const device: NonNullable<Session['device']> = {};
  if (DEVICE_TYPES.includes(value.type)) device.type = value.type as DeviceType;
  put(device, 'browser', text(value.browser));
  put(device, 'os', text(value.os));
  put(device, 'name', text(value.name));
  return Object.keys(device).length ? device : undefined;
}

/**
 * Turns one untrusted session object into a `Session`, or undefined when it has no usable id.
 * Unknown fields are dropped and optional fields of the wrong type become absent, so nothing the
 * server sends can reach the page except as plain strings, dates and booleans. Each field is read
 * by name, in straight-line code: a list of thousands is read cold, between its bytes arriving and
 * its first paint, where a loop over a table of field readers is measurably slower.
 */
export function parseSession(raw: unknown): Session | undefined {
  if (!isRecord(raw) || !isSessionId(raw.id)) return undefined;
  const session: Session = { id: raw.id, current: raw.current === true };
  put(session, 'createdAt', toDate(raw.createdAt));
  put(session, 'lastActiveAt', toDate(raw.lastActiveAt));
  put(session, 'expiresAt', toDate(raw.expiresAt));
  put(session, 'userAgent', text(raw.userAgent));
  put(session, 'ipAddress', text(raw.ipAddress));
  put(session, 'location', text(raw.location));
  const methods = Array.isArray(raw.authMethods) ? raw.authMethods.filter(text) : [];
  if (methods.length) session.authMethods = methods;
  put(session, 'device', deviceOf(raw.device));
  return session;
}

/** Reads `{"session": Session}` (or `{"session": null}`); a wrong shape is a `ProtocolError`. */
export function parseSessionBody(body: unknown, allowNull: boolean): Session | null {
  if (!isRecord(body) || !('session' in body)) throw new ProtocolError('invalid_body', 'session');
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
  if (!isRecord(body) || !Array.isArray(body.sessions)) throw new ProtocolError('invalid_body', 'sessions');
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
