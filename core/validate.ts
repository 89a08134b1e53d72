import { ProtocolError } from './errors.js';
import type { DeviceType, Session } from './types.js';

const DEVICE_TYPES: readonly string[] = ['desktop', 'mobile', 'tablet', 'unknown'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** ISO-8601 strings and epoch milliseconds become Dates; anything else, or an invalid date, is absent. */
export function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Turns one untrusted session object into a `Session`, or undefined when it has no usable id.
 * Unknown fields are dropped and optional fields of the wrong type become absent, so nothing the
 * server sends can reach the page except as plain strings, dates and booleans.
 */
export function parseSession(raw: unknown): Session | undefined {
  if (!isObject(raw) || !text(raw.id)) return undefined;
  const session: Session = { id: raw.id as string, current: raw.current === true };
  for (const key of ['createdAt', 'lastActiveAt', 'expiresAt'] as const) {
    const date = toDate(raw[key]);
    if (date) session[key] = date;
  }
  for (const key of ['userAgent', 'ipAddress', 'location'] as const) {
    const value = text(raw[key]);
    if (value) session[key] = value;
  }
  if (Array.isArray(raw.authMethods)) {
    const methods = raw.authMethods.filter((method): method is string => !!text(method));
    if (methods.length) session.authMethods = methods;
  }
  if (isObject(raw.device)) {
    const { type, browser, os, name } = raw.device;
    const device: NonNullable<Session['device']> = {};
    if (typeof type === 'string' && DEVICE_TYPES.includes(type)) device.type = type as DeviceType;
    if (text(browser)) device.browser = browser as string;
    if (text(os)) device.os = os as string;
    if (text(name)) device.name = name as string;
    if (Object.keys(device).length) session.device = device;
  }
  return session;
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
  const seen = new Set<string>();
  const sessions: Session[] = [];
  let hasCurrent = false;
  for (const row of body.sessions) {
    const session = parseSession(row);
    if (!session || seen.has(session.id)) continue;
    seen.add(session.id);
    if (session.current && hasCurrent) session.current = false;
    hasCurrent ||= session.current;
    sessions.push(session);
  }
  return sessions;
}

/** Refuses ids that would change the path they are put into. */
export function assertSessionId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !id || id === '.' || id === '..' || id.includes('/')) {
    throw new ProtocolError('invalid_session_id', 'id');
  }
}
