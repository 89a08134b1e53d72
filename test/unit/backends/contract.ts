/**
 * One contract every `SessionBackend` must keep, run against each backend with its own harness:
 * a server (real or fake) where "this browser" is signed in and the same user is signed in on
 * `others` more devices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, ServerError, SessionExpiredError } from '../../../core/index.js';
import type { BackendCapabilities, Session, SessionBackend } from '../../../core/index.js';

export interface ContractHarness {
  /** A backend for the signed-in browser. */
  backend: SessionBackend;
  /** The ids of the user's sessions on other devices, in the backend's id space. */
  otherIds: string[];
  /** A backend for a browser where nobody signed in. */
  signedOutBackend(): SessionBackend | Promise<SessionBackend>;
  /** Asks the server itself (not the backend) whether a session still works. */
  isAlive(id: string): Promise<boolean>;
  /** Makes every request to the server fail until `heal()`. */
  breakServer(kind: 'status-503' | 'network'): void;
  heal(): void;
  /** Every secret the server handed out (session tokens, JWTs, CSRF tokens); none may reach a Session. */
  secrets(): string[];
  /** What the backend must declare. */
  capabilities: BackendCapabilities;
  /** getSession reads SDK state without a request (Stytch), so server faults cannot reach it. */
  localGetSession?: boolean;
  dispose(): void | Promise<void>;
}

const SESSION_KEYS = ['id', 'current', 'createdAt', 'lastActiveAt', 'expiresAt', 'userAgent', 'ipAddress', 'location', 'authMethods', 'device'];
const JWT = /eyJ[A-Za-z0-9_-]{8,}/;

/** Signed out is `null`, or a 401 the client reads as "no session". */
async function expectSignedOut(backend: SessionBackend) {
  const outcome = await backend.getSession().then(
    (session) => ({ session }),
    (error: unknown) => ({ error }),
  );
  if ('session' in outcome) expect(outcome.session).toBeNull();
  else {
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).status).toBe(401);
  }
}

/** Rejects with an instance of `type` carrying `fields`. */
async function expectRejection(promise: Promise<unknown>, type: abstract new (...args: never[]) => Error, fields: Record<string, unknown> = {}) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject(fields);
}

function expectValid(session: Session) {
  expect(typeof session.id).toBe('string');
  expect(session.id.length).toBeGreaterThan(0);
  expect(typeof session.current).toBe('boolean');
  for (const key of Object.keys(session)) expect(SESSION_KEYS).toContain(key);
  for (const key of ['createdAt', 'lastActiveAt', 'expiresAt'] as const) {
    if (session[key] !== undefined) expect(session[key]).toBeInstanceOf(Date);
  }
}

export function runBackendContract(name: string, makeHarness: () => Promise<ContractHarness>) {
  describe(`${name}: the backend contract`, () => {
    let h: ContractHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      h.heal();
      await h.dispose();
    });

    it('getSession returns this browser’s session, marked current', async () => {
      const session = await h.backend.getSession();
      expect(session).not.toBeNull();
      expectValid(session!);
      expect(session!.current).toBe(true);
      expect(h.otherIds).not.toContain(session!.id);
    });

    it('getSession of a browser where nobody signed in is null (or a 401)', async () => {
      await expectSignedOut(await h.signedOutBackend());
    });

    it('listSessions returns validated sessions, exactly one of them current, the one getSession returns', async () => {
      if (!h.capabilities.list) return;
      const current = await h.backend.getSession();
      const sessions = await h.backend.listSessions();
      sessions.forEach(expectValid);
      expect(sessions.filter((session) => session.current).map((session) => session.id)).toEqual([current!.id]);
      expect(sessions.map((session) => session.id).sort()).toEqual([current!.id, ...h.otherIds].sort());
    });

    it('revokeSession of another session removes it from the next list and ends it on the server', async () => {
      if (!h.capabilities.revoke) return;
      const [target, kept] = h.otherIds;
      await h.backend.listSessions();
      await h.backend.revokeSession(target);
      const ids = (await h.backend.listSessions()).map((session) => session.id);
      expect(ids).not.toContain(target);
      expect(ids).toContain(kept);
      expect(await h.isAlive(target)).toBe(false);
      expect(await h.isAlive(kept)).toBe(true);
      expect((await h.backend.getSession())?.current).toBe(true);
    });

    it('revoking a session that is already gone resolves', async () => {
      if (!h.capabilities.revoke) return;
      const [target] = h.otherIds;
      await h.backend.listSessions();
      await h.backend.revokeSession(target);
      await expect(h.backend.revokeSession(target)).resolves.toBeUndefined();
    });

    it('revokeOtherSessions leaves only the current session', async () => {
      if (!h.capabilities.revokeOthers) return;
      const current = await h.backend.getSession();
      const revoked = await h.backend.revokeOtherSessions();
      if (revoked !== undefined) expect(revoked).toBe(h.otherIds.length);
      const sessions = await h.backend.listSessions();
      expect(sessions.map((session) => [session.id, session.current])).toEqual([[current!.id, true]]);
      for (const id of h.otherIds) expect(await h.isAlive(id)).toBe(false);
    });

    it("signOut('current') ends this browser's session and no other", async () => {
      const current = await h.backend.getSession();
      await h.backend.signOut('current');
      await expectSignedOut(h.backend);
      expect(await h.isAlive(current!.id)).toBe(false);
      for (const id of h.otherIds) expect(await h.isAlive(id)).toBe(true);
    });

    it("signOut('all') ends every session of the user", async () => {
      if (!h.capabilities.signOutAll) return;
      const current = await h.backend.getSession();
      await h.backend.signOut('all');
      await expectSignedOut(h.backend);
      for (const id of [current!.id, ...h.otherIds]) expect(await h.isAlive(id)).toBe(false);
    });

    it('declares its capabilities honestly', async () => {
      const declared = h.backend.capabilities;
      expect(declared).toEqual(h.capabilities);
      for (const key of ['list', 'revoke', 'revokeOthers', 'signOutAll', 'refresh'] as const) expect(typeof declared[key]).toBe('boolean');
      if (declared.revocationDelay !== undefined) expect(declared.revocationDelay).toBeGreaterThanOrEqual(0);
      expect(typeof h.backend.key).toBe('string');
      expect(h.backend.key.length).toBeGreaterThan(0);
      if (declared.refresh) {
        expect(typeof h.backend.refresh).toBe('function');
        const before = await h.backend.getSession();
        const refreshed = await h.backend.refresh!();
        expect(refreshed.current).toBe(true);
        expect(refreshed.id).toBe(before!.id);
      } else if (h.backend.refresh) {
        await expect(h.backend.refresh()).rejects.toMatchObject({ status: 404 });
      }
    });

    it('puts no token or JWT anywhere in a Session', async () => {
      const seen = [await h.backend.getSession(), ...(h.capabilities.list ? await h.backend.listSessions() : [])];
      const text = JSON.stringify(seen);
      expect(text).not.toMatch(JWT);
      const secrets = h.secrets();
      for (const secret of secrets) expect(text).not.toContain(secret);
    });

    it('a 5xx from the server becomes ServerError', async () => {
      h.breakServer('status-503');
      if (h.capabilities.list) await expectRejection(h.backend.listSessions(), ServerError, { status: 503 });
      if (!h.localGetSession) await expectRejection(h.backend.getSession(), ServerError, { status: 503 });
      await expectRejection(h.backend.revokeOtherSessions(), ServerError, { status: 503 });
    });

    it('a failed connection becomes NetworkError', async () => {
      h.breakServer('network');
      if (h.capabilities.list) await expectRejection(h.backend.listSessions(), NetworkError, { code: 'network' });
      if (!h.localGetSession) await expectRejection(h.backend.getSession(), NetworkError, { code: 'network' });
      await expectRejection(h.backend.signOut('current'), NetworkError, { code: 'network' });
    });

    it('an aborted GET rejects with NetworkError aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const call = h.capabilities.list ? h.backend.listSessions({ signal: controller.signal }) : h.backend.getSession({ signal: controller.signal });
      await expectRejection(call, NetworkError, { code: 'aborted' });
    });
  });
}
