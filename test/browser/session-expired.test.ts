import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../components/session-expired/define.js';
import type { SkSessionExpired } from '../../components/session-expired/define.js';
import { restBackend } from '../../core/index.js';
import { deepActive, dialogOf, endings, signedIn, useFakeClock } from './session-expired-support.js';
import { axeViolations, axeViolationsWithFakeTimers, fake, mount, newClient, part, recordEvents, until } from './support.js';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

/** On fake timers, a session of `ttl` ms and `markup` mounted for it, with the events of `types` recorded. */
async function mountOnFakeClock(ttl: number, markup: string, types: string[]) {
  useFakeClock();
  fake.sessionTtl = ttl;
  const client = await signedIn();
  const events = recordEvents(...types);
  const element = await mount<SkSessionExpired>(markup, client);
  return { client, events, element };
}

const texts: Record<string, string> = {
  revoked: 'signed out from another device',
  expired: 'Your session expired',
  'signed-out-elsewhere': 'signed out in another tab',
  'refresh-failed': 'could not keep you signed in',
  idle: 'inactive',
};

describe('<sk-session-expired>', () => {
  for (const [reason, end] of Object.entries(endings)) {
    it(`when the session ends (${reason}) it fires sk-session-expired once and explains why in a modal dialog with focus inside`, async () => {
      const client = await signedIn();
      const events = recordEvents('sk-session-expired');
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      const element = await mount<SkSessionExpired>('<sk-session-expired login-url="/login"></sk-session-expired>', client);

      await end(client);
      await until(() => expect(dialogOf(element).open).toBe(true));

      expect(events.map((e) => e.detail)).toEqual([{ reason }]);
      expect(part(element, 'title')!.textContent).toBe('Your session has ended');
      expect(part(element, 'body')!.textContent).toContain(texts[reason]);
      expect(dialogOf(element).matches(':modal')).toBe(true);
      expect(deepActive()).toBe(part(element, 'login-link'));
      expect(await axeViolations(element)).toEqual([]);

      await userEvent.keyboard('{Escape}');
      await until(() => expect(dialogOf(element).open).toBe(false));
      expect(document.activeElement).toBe(outside);
      outside.remove();
    });
  }

  it('"Sign in again" links to login-url with the current page as return_to, under the configured name', async () => {
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired login-url="/login?x=1" return-to-param="next"></sk-session-expired>', client);
    await endings.revoked(client);
    await until(() => expect(part(element, 'login-link')).not.toBeNull());
    const href = new URL(part<HTMLAnchorElement>(element, 'login-link')!.href);
    expect(href.origin).toBe(location.origin);
    expect(href.pathname).toBe('/login');
    expect(href.searchParams.get('x')).toBe('1');
    expect(href.searchParams.get('next')).toBe(location.pathname + location.search);
    expect(href.searchParams.get('next')!.startsWith('/')).toBe(true);
    expect(href.searchParams.get('next')!.startsWith('//')).toBe(false);
  });

  for (const target of ['https://evil.example/login', '//evil.example/login', 'javascript:alert(1)']) {
    it(`a login-url of ${target} is refused: no link to it and no navigation, with auto-redirect too (RELIABILITY 21)`, async () => {
      const client = await signedIn();
      const errors: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.join(' ')));
      const element = await mount<SkSessionExpired>(`<sk-session-expired auto-redirect login-url="${target}"></sk-session-expired>`, client);
      const href = location.href;
      await endings.revoked(client);
      await until(() => expect(dialogOf(element).open).toBe(true));
      expect(location.href).toBe(href);
      expect(part(element, 'login-link')?.getAttribute('href') ?? '').not.toContain('evil');
      await element.updateComplete;
      expect(errors.filter((e) => e.includes('refused login-url'))).toHaveLength(1);
      spy.mockRestore();
    });
  }

  it('cancelling sk-session-expired shows nothing, until the page calls show()', async () => {
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired></sk-session-expired>', client);
    const events = recordEvents('sk-session-expired');
    element.addEventListener('sk-session-expired', (event) => event.preventDefault());
    await endings.revoked(client);
    await until(() => expect(events.map((event) => event.defaultPrevented)).toEqual([true]));
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    expect(element.open).toBe(false);

    expect(element.show()).toBe(true);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'body')!.textContent).toContain(texts.revoked);
    expect(events).toHaveLength(1);
  });

  it('headless fires the event and shows nothing, until the page sets open', async () => {
    const client = await signedIn();
    const events = recordEvents('sk-session-expired');
    const element = await mount<SkSessionExpired>('<sk-session-expired headless></sk-session-expired>', client);
    await endings.expired(client);
    await until(() => expect(events).toHaveLength(1));
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);

    element.setAttribute('open', '');
    await element.updateComplete;
    expect(element.open).toBe(true);
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'title')!.textContent).toBe('Your session has ended');
  });

  it('a sign-out in this tab is not an expiry: no event, no dialog', async () => {
    const client = await signedIn();
    const events = recordEvents('sk-session-expired');
    const element = await mount<SkSessionExpired>('<sk-session-expired></sk-session-expired>', client);
    await client.signOut();
    await until(() => expect(client.getState().status).toBe('signed-out'));
    await element.updateComplete;
    expect(events).toHaveLength(0);
    expect(dialogOf(element).open).toBe(false);
  });

  it('the reauth slot shows inside the dialog, and signing in again in any tab closes it', async () => {
    const client = await signedIn();
    const element = await mount<SkSessionExpired>(
      '<sk-session-expired><form slot="reauth"><label>Password <input type="password"></label><button>Sign in</button></form></sk-session-expired>',
      client,
    );
    await endings.revoked(client);
    await until(() => expect(dialogOf(element).open).toBe(true));
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=reauth]')!;
    expect(slot.assignedElements()[0].localName).toBe('form');
    expect(await axeViolations(element)).toEqual([]);

    fake.signIn();
    await newClient().notifySignedIn();

    await until(() => expect(dialogOf(element).open).toBe(false));
    expect(client.getState().status).toBe('active');
  });

  it('warns warn-before seconds ahead with a countdown announced at intervals, and "Stay signed in" extends (WCAG 2.2.1)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 180_000;
    const client = await signedIn();
    const events = recordEvents('sk-session-expiring', 'sk-session-extended');
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="90"></sk-session-expired>', client);

    await vi.advanceTimersByTimeAsync(80_000);
    expect(dialogOf(element).open).toBe(false);
    await vi.advanceTimersByTimeAsync(12_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'title')!.textContent).toBe('Your session is about to end');
    expect(events[0].type).toBe('sk-session-expiring');
    expect(events[0].detail.secondsLeft).toBeGreaterThan(85);
    expect(events[0].detail.expiresAt).toBeInstanceOf(Date);
    expect(deepActive()).toBe(part(element, 'stay-button'));
    expect(await axeViolationsWithFakeTimers(element, vi.advanceTimersByTimeAsync)).toEqual([]);

    const announcements = new Set<string>();
    for (let i = 0; i < 70; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      announcements.add(part(element, 'status')!.textContent!);
    }
    expect(part(element, 'countdown')!.textContent).toMatch(/^0:\d\d$/);
    // Spoken at the start, at one minute, 30 s and 10 s — not every second.
    expect(announcements.size).toBeLessThanOrEqual(4);
    expect([...announcements].some((text) => text.includes('30 seconds'))).toBe(true);

    part(element, 'stay-button')!.click();
    await until(() => expect(dialogOf(element).open).toBe(false));
    expect(fake.count('POST', '/session/refresh')).toBe(1);
    expect(events.at(-1)!.type).toBe('sk-session-extended');
    await vi.advanceTimersByTimeAsync(100);
    expect(events.filter((event) => event.type === 'sk-session-extended')).toHaveLength(1);
  });

  it('speaks the whole minutes left, never more than the countdown shows', async () => {
    fake.sessionTtl = 100_000;
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="120"></sk-session-expired>', client);
    await until(() => expect(dialogOf(element).open).toBe(true));

    expect(part(element, 'countdown')!.textContent).toMatch(/^1:[34]\d$/);
    expect(part(element, 'status')!.textContent).toContain('1 minute.');
  });

  it('on a German page the warning speaks German too, as the ended dialog does', async () => {
    fake.sessionTtl = 21_000;
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired lang="de" warn-before="20"></sk-session-expired>', client);
    await until(() => expect(part(element, 'title')?.textContent).toBe('Ihre Sitzung läuft bald ab'));
    expect(part(element, 'stay-button')!.textContent).toBe('Angemeldet bleiben');

    fake.expire();
    await client.getSession();
    await until(() => expect(part(element, 'title')?.textContent).toBe('Ihre Sitzung ist beendet'));
  });

  it('a session the server still calls active after its expiresAt: the countdown closes at 0 instead of staying open, and no new warning opens', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 60_000;
    const client = await signedIn();
    const events = recordEvents('sk-session-expiring');
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="30"></sk-session-expired>', client);
    // From now on the server answers "active" with an expiresAt that has passed.
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    fake.fail({ path: '/session', status: 200, body: { session: { id: fake.current()!.id, current: true, expiresAt } }, times: Infinity });

    await vi.advanceTimersByTimeAsync(31_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);

    // A second at a time, each request answered before the clock moves on, so the fake clock never
    // times one out.
    const inFlight = new Set<Promise<Response>>();
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((...args) => {
      const response = realFetch(...args);
      inFlight.add(response);
      void response.finally(() => inFlight.delete(response)).catch(() => {});
      return response;
    });
    for (let second = 0; second < 90; second++) {
      await vi.advanceTimersByTimeAsync(1000);
      await until(() => expect(inFlight.size).toBe(0));
    }
    spy.mockRestore();
    await element.updateComplete;
    expect(client.getState().status).toBe('active');
    expect(dialogOf(element).open).toBe(false);
    expect(events).toHaveLength(1);
  });

  it('a warning that turns into the ended dialog moves focus onto "Sign in again" and closes focus back where it was', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 180_000;
    const client = await signedIn();
    const outside = document.createElement('button');
    outside.textContent = 'outside';
    document.body.append(outside);
    outside.focus();
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="120" login-url="/login"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(61_000);
    await element.updateComplete;
    expect(deepActive()).toBe(part(element, 'stay-button'));

    vi.useRealTimers();
    await endings.revoked(client);
    await element.updateComplete;

    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'title')!.textContent).toBe('Your session has ended');
    expect(deepActive()).toBe(part(element, 'login-link'));

    part(element, 'close-button')!.click();
    await until(() => expect(dialogOf(element).open).toBe(false));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('after the computer slept through the warning, the warning timer asks the server instead of counting down from 0', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 60_000;
    const client = await signedIn();
    const events = recordEvents('sk-session-expiring', 'sk-session-expired');
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="30"></sk-session-expired>', client);

    // Asleep for 10 minutes: the wall clock moves on, the page's timers do not.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(31_000);

    // The fake clock creeps on while the server answers (msw's own timers run on it too).
    await until(async () => {
      await vi.advanceTimersByTimeAsync(20);
      expect(events.map((event) => event.type)).toEqual(['sk-session-expired']);
    });
    expect(events[0].detail).toEqual({ reason: 'expired' });
    await element.updateComplete;
    expect(part(element, 'title')!.textContent).toBe('Your session has ended');
  });

  it('a warning whose sk-session-expired is cancelled closes and gives focus back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 180_000;
    const client = await signedIn();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="120"></sk-session-expired>', client);
    element.addEventListener('sk-session-expired', (event) => event.preventDefault());
    await vi.advanceTimersByTimeAsync(61_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);

    vi.useRealTimers();
    await endings.revoked(client);
    await element.updateComplete;

    expect(dialogOf(element).open).toBe(false);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('a warn-before under 20 s is raised to 20 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 60_000;
    const client = await signedIn();
    const events = recordEvents('sk-session-expiring');
    await mount<SkSessionExpired>('<sk-session-expired warn-before="5"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(41_000);
    expect(events).toHaveLength(1);
    expect(events[0].detail.secondsLeft).toBeGreaterThanOrEqual(18);
  });

  it('a warn-before or idle-timeout of 0, below 0 or not a number is off', async () => {
    const { client, events } = await mountOnFakeClock(
      60_000,
      '<sk-session-expired warn-before="-30" idle-timeout="-5"></sk-session-expired><sk-session-expired warn-before="soon" idle-timeout="0"></sk-session-expired>',
      ['sk-session-expiring', 'sk-session-expired'],
    );
    // Through the session's own end: only its expiry happens.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(events).toEqual([]);
    expect(client.getState().status).toBe('active');
  });

  it('headless follows a warning it does not show: one sk-session-expiring, and sk-session-extended when the session is extended', async () => {
    const { client, events } = await mountOnFakeClock(120_000, '<sk-session-expired headless warn-before="60"></sk-session-expired>', [
      'sk-session-expiring',
      'sk-session-extended',
    ]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(events.map((event) => event.type)).toEqual(['sk-session-expiring']);

    fake.sessionTtl = 3_600_000;
    await client.refresh();
    await until(() => expect(events.map((event) => event.type)).toEqual(['sk-session-expiring', 'sk-session-extended']));
  });

  it('hides "Stay signed in" when the backend can neither refresh nor slide the session', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fake.sessionTtl = 60_000;
    const client = await signedIn({ backend: restBackend({ baseUrl: '/api/auth', capabilities: { refresh: false } }) });
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="30"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(31_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'stay-button')).toBeNull();
    expect(part(element, 'logout-button')).not.toBeNull();
  });

  it('idle-timeout warns, activity in another tab extends, and at the limit signs out once with reason idle (RELIABILITY 23)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const client = await signedIn();
    const events = recordEvents('sk-session-expired', 'sk-session-expiring', 'sk-session-extended');
    const element = await mount<SkSessionExpired>('<sk-session-expired idle-timeout="120" warn-before="30"></sk-session-expired>', client);

    await vi.advanceTimersByTimeAsync(91_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'title')!.textContent).toBe('Are you still there?');
    expect(deepActive()).toBe(part(element, 'stay-button'));
    expect(part(element, 'status')!.textContent).toContain('seconds');
    expect(await axeViolationsWithFakeTimers(element, vi.advanceTimersByTimeAsync)).toEqual([]);

    // A key press in another tab: its timestamp arrives through storage.
    window.dispatchEvent(new StorageEvent('storage', { key: 'sessionkit:activity', newValue: String(Date.now()) }));
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['sk-session-expiring', 'sk-session-extended']);

    await vi.advanceTimersByTimeAsync(121_000);
    await until(() => expect(events.filter((e) => e.type === 'sk-session-expired').map((e) => e.detail)).toEqual([{ reason: 'idle' }]));
    expect(fake.count('POST', '/signout')).toBe(1);
    expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'idle' });
    expect(part(element, 'body')!.textContent).toContain('inactive');
  });

  it('an activity stamp from the future (a clock set back) does not keep the idle timeout from running out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const client = await signedIn();
    localStorage.setItem('sessionkit:activity', String(Date.now() + 3_600_000));
    try {
      const element = await mount<SkSessionExpired>('<sk-session-expired idle-timeout="60" warn-before="20"></sk-session-expired>', client);
      await vi.advanceTimersByTimeAsync(41_000);
      await element.updateComplete;
      expect(dialogOf(element).open).toBe(true);
      expect(part(element, 'title')!.textContent).toBe('Are you still there?');
    } finally {
      localStorage.removeItem('sessionkit:activity');
    }
  });

  it('a key press in this tab counts as activity', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired idle-timeout="60" warn-before="20"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(30_000);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    await vi.advanceTimersByTimeAsync(15_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
  });

  it('with the server unreachable, activity keeps the idle timeout running: it warns and then signs this device out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    // No retries, so one failed check is the unreachable server.
    const client = await signedIn({ backend: restBackend({ baseUrl: '/api/auth', retries: 0 }) });
    const element = await mount<SkSessionExpired>('<sk-session-expired idle-timeout="60" warn-before="20"></sk-session-expired>', client);
    fake.fail({ path: '/session', status: 'network', times: Infinity });
    fake.fail({ path: '/signout', status: 'network', times: Infinity });
    await client.getSession().catch(() => {});
    expect(client.getState().status).toBe('degraded');

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await vi.advanceTimersByTimeAsync(45_000);
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'title')!.textContent).toBe('Are you still there?');

    await vi.advanceTimersByTimeAsync(25_000);
    await until(() => expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'idle' }));
  });

  it('1 000 mounts and unmounts leave no document listener or timer behind (RELIABILITY 24)', async () => {
    const client = await signedIn();
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    const timers = new Set<unknown>();
    const setT = vi.spyOn(window, 'setTimeout');
    const clearT = vi.spyOn(window, 'clearTimeout');
    for (let i = 0; i < 1000; i++) {
      const element = document.createElement('sk-session-expired');
      element.setAttribute('idle-timeout', '600');
      element.setAttribute('warn-before', '60');
      element.client = client;
      document.body.append(element);
      await element.updateComplete;
      element.remove();
    }
    for (const result of setT.mock.results) timers.add(result.value);
    for (const [id] of clearT.mock.calls) timers.delete(id);
    expect(added.mock.calls.length).toBeGreaterThan(0);
    expect(added.mock.calls.length).toBe(removed.mock.calls.length);
    // The client's own expiry timer may stay; none per element.
    expect(timers.size).toBeLessThan(5);
  });

  it('renders nothing and logs one explained error without a client', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.join(' ')));
    const element = document.createElement('sk-session-expired');
    document.body.append(element);
    await until(() => expect(errors).not.toHaveLength(0));
    await (element as SkSessionExpired).updateComplete;
    expect(element.shadowRoot!.children).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('<sk-session-expired>: no session client');
    element.remove();
    spy.mockRestore();
  });
});
