/**
 * A sign-out forced through while the server could not be reached (`signOut({ forceClear })`) is
 * finished by a later page load, in a real browser's storage. A page that never learnt the session's
 * id (the user logged out before the first check answered) leaves a newer sign-in alone: the marker
 * says when the user signed out.
 */
import { describe, expect, it } from 'vitest';
import { fake, newClient, serverCaughtUp, until } from './support.js';

const marker = () => Object.keys(localStorage).find((key) => key.startsWith('sessionkit:signout-pending:'));

/** Logs out on a page that has not asked for the session yet, with the sign-out request failing. */
async function logOutUnidentified() {
  const page = newClient();
  fake.fail({ path: '/signout', status: 'network' });
  await expect(page.signOut({ forceClear: true })).resolves.toEqual({ serverRevoked: false });
  expect(marker()).toBeDefined();
  page.dispose();
}

describe('a pending sign-out of a session the page never identified', () => {
  it('leaves a session signed into after it alone on the next page load, and forgets the marker', async () => {
    const old = fake.signIn();
    await logOutUnidentified();
    // The user signs in again (on a sign-in page of the app's own, say): a newer session.
    const newer = fake.signIn({ createdAt: Date.now() + 60_000 });
    const signOuts = fake.count('POST', '/signout');

    const nextPage = newClient();
    await expect(nextPage.getSession()).resolves.toMatchObject({ id: newer.id });

    expect(nextPage.getState().status).toBe('active');
    expect(marker()).toBeUndefined();
    await serverCaughtUp();
    expect(fake.count('POST', '/signout')).toBe(signOuts);
    expect(newer.id).not.toBe(old.id);
  });

  it('finishes the sign-out when the session the next page finds existed when the user logged out', async () => {
    fake.signIn({ createdAt: Date.now() - 60_000 });
    await logOutUnidentified();

    const nextPage = newClient();
    await expect(nextPage.getSession()).resolves.toBeNull();

    expect(nextPage.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
    await until(() => expect(fake.current()).toBeUndefined());
  });
});
