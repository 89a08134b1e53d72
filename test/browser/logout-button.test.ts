import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../components/logout-button/define.js';
import type { SkLogoutButton } from '../../components/logout-button/define.js';
import { NetworkError, ServerError } from '../../core/index.js';
import { axeViolations, fake, mount, newClient, part, recordEvents, serverCaughtUp, until } from './support.js';

async function signedIn() {
  fake.signIn();
  const client = newClient();
  await client.getSession();
  return client;
}

describe('<sk-logout-button>', () => {
  it('double and triple clicks send exactly one sign-out request, busy meanwhile, and sk-logout fires once after the server confirms (RELIABILITY 15)', async () => {
    const client = await signedIn();
    fake.latency = 150;
    const events = recordEvents('sk-logout', 'sk-logout-request');
    const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);
    const inner = part(button, 'button')!;

    inner.click();
    inner.click();
    inner.click();
    await button.updateComplete;

    expect(inner.getAttribute('aria-busy')).toBe('true');
    expect(part(button, 'spinner')).not.toBeNull();
    expect(events.filter((e) => e.type === 'sk-logout')).toHaveLength(0);
    await until(() => expect(events.filter((e) => e.type === 'sk-logout')).toHaveLength(1));
    expect(fake.count('POST', '/signout')).toBe(1);
    expect(events.filter((e) => e.type === 'sk-logout-request')).toHaveLength(1);
    expect(events.find((e) => e.type === 'sk-logout')!.detail).toEqual({ scope: 'current', serverRevoked: true });
    expect(client.getState().status).toBe('signed-out');
    expect(inner.getAttribute('aria-busy')).toBe('false');
  });

  it('a 401 answer to the sign-out counts as signed out', async () => {
    const client = await signedIn();
    fake.fail({ path: '/signout', status: 401 });
    const events = recordEvents('sk-logout');
    const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);
    part(button, 'button')!.click();
    await until(() => expect(events).toHaveLength(1));
    expect(events[0].detail.serverRevoked).toBe(true);
  });

  for (const failure of [500, 'network'] as const) {
    it(`a sign-out that fails (${failure}) is never reported as success: sk-error with action sign-out, error announced, session kept, retry possible (RELIABILITY 16)`, async () => {
      const client = await signedIn();
      fake.fail({ path: '/signout', status: failure });
      const events = recordEvents('sk-logout', 'sk-error');
      const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);

      part(button, 'button')!.click();
      await until(() => expect(events.map((e) => e.type)).toEqual(['sk-error']));
      await button.updateComplete;
      expect(events[0].detail.action).toBe('sign-out');
      expect(events[0].detail.error).toBeInstanceOf(failure === 500 ? ServerError : NetworkError);
      expect(events[0].bubbles && events[0].composed).toBe(true);

      const message = part(button, 'message')!;
      expect(message.getAttribute('role')).toBe('status');
      expect(message.textContent).toContain('Could not log out');
      expect(client.getState().status).toBe('active');
      expect(part(button, 'button')!.getAttribute('aria-disabled')).toBe('false');

      part(button, 'button')!.click();
      await until(() => expect(events.map((e) => e.type)).toEqual(['sk-error', 'sk-logout']));
      expect(client.getState().status).toBe('signed-out');
    });
  }

  it('with force-clear a failed sign-out clears the session, reports serverRevoked false, notes it, and retries online (RELIABILITY 16)', async () => {
    const client = await signedIn();
    fake.fail({ path: '/signout', status: 'network' });
    const events = recordEvents('sk-logout', 'sk-error');
    const button = await mount<SkLogoutButton>('<sk-logout-button force-clear></sk-logout-button>', client);

    part(button, 'button')!.click();
    await until(() => expect(events).toHaveLength(1));
    await button.updateComplete;

    expect(events[0].type).toBe('sk-logout');
    expect(events[0].detail).toEqual({ scope: 'current', serverRevoked: false });
    expect(client.getState().status).toBe('signed-out');
    expect(part(button, 'message')!.textContent).toContain('could not be reached');
    expect(localStorage.length).toBeGreaterThan(0);

    window.dispatchEvent(new Event('online'));
    await until(() => expect(fake.count('POST', '/signout')).toBe(2));
    await until(() => expect(fake.current()).toBeUndefined());
    expect(events).toHaveLength(1);
  });

  it('cancelling sk-logout-request stops the sign-out', async () => {
    const client = await signedIn();
    const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);
    const requests = recordEvents('sk-logout-request');
    button.addEventListener('sk-logout-request', (event) => event.preventDefault());
    part(button, 'button')!.click();
    await until(() => expect(requests.map((event) => event.defaultPrevented)).toEqual([true]));
    await button.updateComplete;
    await serverCaughtUp();
    expect(fake.count('POST', '/signout')).toBe(0);
    expect(client.getState().status).toBe('active');
  });

  it('scope="others" revokes the other sessions and keeps this one', async () => {
    const client = await signedIn();
    fake.addOtherDevices(2);
    const events = recordEvents('sk-logout');
    const button = await mount<SkLogoutButton>('<sk-logout-button scope="others"></sk-logout-button>', client);
    expect(part(button, 'button')!.textContent).toContain('Sign out of other devices');

    part(button, 'button')!.click();
    await until(() => expect(events).toHaveLength(1));

    expect(events[0].detail).toEqual({ scope: 'others', serverRevoked: true });
    expect(fake.count('POST', '/sessions/revoke-others')).toBe(1);
    expect(client.getState().status).toBe('active');
  });

  it('scope="others" that the server refuses fires sk-error with action revoke-others and keeps every session', async () => {
    const client = await signedIn();
    fake.addOtherDevices(2);
    fake.fail({ path: '/sessions/revoke-others', status: 500 });
    const events = recordEvents('sk-logout', 'sk-error');
    const button = await mount<SkLogoutButton>('<sk-logout-button scope="others"></sk-logout-button>', client);

    part(button, 'button')!.click();
    await until(() => expect(events.map((e) => e.type)).toEqual(['sk-error']));

    expect(events[0].detail).toEqual({ error: expect.any(ServerError), action: 'revoke-others' });
    expect(fake.sessionsOf(fake.current()!.userId)).toHaveLength(3);
    await button.updateComplete;
    expect(part(button, 'message')!.textContent).toContain('Could not log out');
  });

  it('scope="all" signs out everywhere', async () => {
    const client = await signedIn();
    fake.addOtherDevices(2);
    const button = await mount<SkLogoutButton>('<sk-logout-button scope="all"></sk-logout-button>', client);
    part(button, 'button')!.click();
    await until(() => expect(fake.requests.find((r) => r.path === '/signout')?.body).toEqual({ scope: 'all' }));
  });

  it('confirm asks in place, with the keyboard: Enter opens, Escape cancels and returns focus, Enter on confirm logs out', async () => {
    const client = await signedIn();
    const button = await mount<SkLogoutButton>('<sk-logout-button confirm></sk-logout-button>', client);
    part(button, 'button')!.focus();

    await userEvent.keyboard('{Enter}');
    await button.updateComplete;
    expect(part(button, 'confirm-message')!.textContent).toBe('Log out of this device?');
    await until(() => expect(button.shadowRoot!.activeElement).toBe(part(button, 'cancel-button')));
    expect(await axeViolations(button)).toEqual([]);

    await userEvent.keyboard('{Escape}');
    await button.updateComplete;
    expect(part(button, 'confirm')).toBeNull();
    await until(() => expect(button.shadowRoot!.activeElement).toBe(part(button, 'button')));
    expect(fake.count('POST', '/signout')).toBe(0);

    await userEvent.keyboard('{Enter}');
    await button.updateComplete;
    part(button, 'confirm-button')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => expect(fake.count('POST', '/signout')).toBe(1));
  });

  it('a cross-origin or script redirect-to is refused but the sign-out still happens (RELIABILITY 21)', async () => {
    const client = await signedIn();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const events = recordEvents('sk-logout');
      const button = await mount<SkLogoutButton>('<sk-logout-button redirect-to="javascript:alert(1)"></sk-logout-button>', client);
      const href = location.href;
      part(button, 'button')!.click();
      await until(() => expect(events).toHaveLength(1));
      expect(location.href).toBe(href);
      expect(String(errors[0])).toContain('refused to navigate');
    } finally {
      console.error = original;
    }
  });

  it('the slot replaces the label, and strings replace the messages', async () => {
    const client = await signedIn();
    fake.fail({ path: '/signout', status: 500 });
    const button = await mount<SkLogoutButton>('<sk-logout-button>Sign me out</sk-logout-button>', client);
    button.strings = { failed: 'Nope.' };
    part(button, 'button')!.click();
    await until(() => expect(part(button, 'message')!.textContent).toBe('Nope.'));
    expect(button.textContent).toBe('Sign me out');
  });

  it('disabled does nothing on click', async () => {
    const client = await signedIn();
    const button = await mount<SkLogoutButton>('<sk-logout-button disabled></sk-logout-button>', client);
    const requests = recordEvents('sk-logout-request');
    part(button, 'button')!.click();
    await button.updateComplete;
    await serverCaughtUp();
    expect(requests).toHaveLength(0);
    expect(fake.count('POST', '/signout')).toBe(0);
  });

  it('has no axe violations when idle, pending, failed and in both themes', async () => {
    const client = await signedIn();
    const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);
    expect(await axeViolations(button)).toEqual([]);
    // Dark theme is for dark pages.
    document.body.style.background = '#0d1117';
    button.theme = 'dark';
    await button.updateComplete;
    expect(await axeViolations(button)).toEqual([]);
    document.body.style.background = '';
    button.theme = undefined;
    fake.latency = 300;
    fake.fail({ path: '/signout', status: 500 });
    part(button, 'button')!.click();
    await button.updateComplete;
    expect(await axeViolations(button)).toEqual([]);
    await until(() => expect(part(button, 'message')!.textContent).toContain('Could not'));
    expect(await axeViolations(button)).toEqual([]);
  });
});

describe('<sk-logout-button> languages', () => {
  it('speaks the nearest ancestor\'s language once its table loads, and Arabic too', async () => {
    const client = await signedIn();
    const host = await mount<HTMLElement>('<div lang="de"><sk-logout-button></sk-logout-button></div>', client);
    const button = host.querySelector('sk-logout-button')!;
    await until(() => expect(part(button, 'button')!.textContent!.trim()).toBe('Abmelden'));
    host.setAttribute('lang', 'ar');
    await until(() => expect(part(button, 'button')!.textContent).toMatch(/\p{Script=Arabic}/u));
  });
});

describe('light and dark', () => {
  const textColor = (button: SkLogoutButton) => getComputedStyle(part(button, 'button')!).color;
  const LIGHT_TEXT = 'rgb(31, 35, 40)';
  const DARK_TEXT = 'rgb(240, 246, 252)';

  it('follow the page\'s color-scheme, so a page that never turned dark never gets light text; theme overrides it', async () => {
    const client = await signedIn();
    const button = await mount<SkLogoutButton>('<sk-logout-button></sk-logout-button>', client);
    const root = document.documentElement;
    try {
      expect(textColor(button)).toBe(LIGHT_TEXT);

      root.style.colorScheme = 'dark';
      expect(textColor(button)).toBe(DARK_TEXT);

      button.setAttribute('theme', 'light');
      expect(textColor(button)).toBe(LIGHT_TEXT);

      root.style.colorScheme = '';
      button.setAttribute('theme', 'dark');
      expect(textColor(button)).toBe(DARK_TEXT);
    } finally {
      root.style.colorScheme = '';
    }
  });
});
