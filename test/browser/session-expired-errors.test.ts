import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/session-expired/define.js';
import type { SkSessionExpired } from '../../components/session-expired/define.js';
import { NetworkError, ServerError, type SessionClient } from '../../core/index.js';
import { dialogOf, useFakeClock, signedIn } from './session-expired-support.js';
import { fake, mount, part, recordEvents, until } from './support.js';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

/**
 * Signed in for 60 s, with no focus re-checks: the fake server slides a session on every check, and
 * the dialog taking focus could otherwise extend it before the test acts.
 */
const signedInFor60s = () => {
  fake.sessionTtl = 60_000;
  return signedIn({ focusThrottle: 3_600_000 });
};

/** A warning open 30 s before the end of the session (fake timers). */
async function openWarning(client: SessionClient) {
  const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="30"></sk-session-expired>', client);
  await vi.advanceTimersByTimeAsync(31_000);
  await element.updateComplete;
  expect(part(element, 'title')!.textContent).toBe('Your session is about to end');
  return element;
}

/** Moves the fake clock on in small steps until `check` passes (msw answers on that clock too). */
const untilWithClock = (check: () => void) =>
  until(async () => {
    await vi.advanceTimersByTimeAsync(20);
    check();
  });

describe('<sk-session-expired> failures are sk-error, never swallowed', () => {
  it('"Stay signed in" that the server refuses fires sk-error with action extend, says so, and keeps the warning open', async () => {
    useFakeClock();
    const client = await signedInFor60s();
    const events = recordEvents('sk-error', 'sk-session-extended');
    const element = await openWarning(client);
    fake.fail({ path: '/session/refresh', status: 500 });

    part(element, 'stay-button')!.click();
    await untilWithClock(() => expect(events.map((event) => event.type)).toEqual(['sk-error']));

    expect(events[0].detail).toEqual({ error: expect.any(ServerError), action: 'extend' });
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    const status = part(element, 'status')!;
    expect(status.textContent).toBe('Your session could not be extended. Try again.');
    expect(status.classList.contains('error')).toBe(true);
  });

  it('a warning\'s "Log out" that fails fires sk-error with action sign-out, keeps the warning and the session, and can be tried again', async () => {
    useFakeClock();
    const client = await signedInFor60s();
    const events = recordEvents('sk-error');
    const element = await openWarning(client);
    fake.fail({ path: '/signout', status: 'network' });

    part(element, 'logout-button')!.click();
    await untilWithClock(() => expect(events).toHaveLength(1));

    expect(events[0].detail).toEqual({ error: expect.any(NetworkError), action: 'sign-out' });
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'status')!.textContent).toBe('Could not log out. Check your connection and try again.');
    expect(client.getState().status).toBe('active');

    part(element, 'logout-button')!.click();
    await untilWithClock(() => expect(client.getState().status).toBe('signed-out'));
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    expect(events).toHaveLength(1);
  });

  it('"Stay signed in" that meets the end of the session is sk-session-expired, not sk-error', async () => {
    useFakeClock();
    const client = await signedInFor60s();
    const events = recordEvents('sk-error', 'sk-session-expired');
    const element = await openWarning(client);
    fake.revokeFromElsewhere();

    part(element, 'stay-button')!.click();
    await untilWithClock(() => expect(events.map((event) => event.type)).toEqual(['sk-session-expired']));
    await element.updateComplete;
    expect(part(element, 'title')!.textContent).toBe('Your session has ended');
  });

  it('a warning timer that finds no time left and cannot reach the server fires sk-error with action check', async () => {
    useFakeClock();
    const client = await signedInFor60s();
    const events = recordEvents('sk-error');
    await mount<SkSessionExpired>('<sk-session-expired warn-before="30"></sk-session-expired>', client);
    fake.fail({ path: '/session', status: 'network', times: Infinity });

    // Asleep for 10 minutes: the wall clock moves on, the page's timers do not.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(31_000);
    // GETs are retried (about 1, 2 and 4 s) before they fail.
    await until(async () => {
      await vi.advanceTimersByTimeAsync(500);
      expect(events).toHaveLength(1);
    }, 5000);

    expect(events[0].detail).toEqual({ error: expect.any(NetworkError), action: 'check' });
    expect(client.getState().status).toBe('degraded');
  });

  it('an idle sign-out that the client rejects fires sk-error with action sign-out', async () => {
    useFakeClock();
    const client = await signedIn();
    const refused = new ServerError('http_503', 503);
    vi.spyOn(client, 'signOut').mockRejectedValue(refused);
    const events = recordEvents('sk-error');
    await mount<SkSessionExpired>('<sk-session-expired idle-timeout="60" warn-before="20"></sk-session-expired>', client);

    await vi.advanceTimersByTimeAsync(61_000);
    await untilWithClock(() => expect(events).toHaveLength(1));

    expect(events[0].detail).toEqual({ error: refused, action: 'sign-out' });
    expect(client.signOut).toHaveBeenCalledWith({ reason: 'idle', forceClear: true });
  });
});
