import { ProtocolError } from './errors.js';
import type { Session } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty string, or absent. */
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** An id the kit can send back: a non-empty string that cannot change the path it is put into. */
const isSessionId = (id: unknown): id is string => !!text(id) && id !== '.' && id !== '..' && !(id as string).includes('/');

/** ISO-8601 strings and epoch milliseconds become Dates; anything else, or an invalid date, is absent. */
export function toDate(value: unknown): Date | undefined {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
  return isNaN(+date) ? undefined : date;
}

const DEVICE_TYPES: readonly unknown[] = ['desktop', 'mobile', 'tablet', 'unknown'];

/** Copies the fields named `keys` that `read` accepts (returns truthy) from `raw` onto `target`; the others stay absent. */
function copyFields<T extends object>(target: T, raw: Record<string, unknown>, keys: readonly string[], read: (value: unknown) => unknown) {
  for (const key of keys) {
    const value = read(raw[key]);
    if (value) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** The sign-in methods that are non-empty strings; none (falsy) when no method is. */
const readMethods = (value: unknown) => Array.isArray(value) && (value = value.filter(text)).length && value;

/** The device fields of the right type and value; none (falsy) when no field is. */
function readDevice(value: unknown) {
  if (!isObject(value)) return;
  const device: Record<string, unknown> = copyFields({}, value, ['browser', 'os', 'name'], text);
  if (DEVICE_TYPES.includes(value.type)) device.type = value.type;
  return Object.keys(device).length && device;
}

/**
 * Turns one untrusted session object into a `Session`, or undefined when it has no usable id.
 * Unknown fields are dropped and optional fields of the wrong type become absent, so nothing the
 * server sends can reach the page except as plain strings, dates and booleans. A list of a
 * thousand sessions is read cold, between its bytes arriving and its first paint: fields are read
 * by a few fixed names, with no intermediate objects or copies.
 */
export function parseSession(raw: unknown): Session | undefined {
  if (!isObject(raw) || !isSessionId(raw.id)) return undefined;
  const session: Session = { id: raw.id, current: raw.current === true };
  copyFields(session, raw, ['createdAt', 'lastActiveAt', 'expiresAt'], toDate);
  copyFields(session, raw, ['userAgent', 'ipAddress', 'location'], text);
  copyFields(session, raw, ['authMethods'], readMethods);
  return copyFields(session, raw, ['device'], readDevice);
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
