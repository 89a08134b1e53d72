import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../components/session-expired/define.js';
import type { SkSessionExpired } from '../../components/session-expired/define.js';
import { deepActive, dialogOf, endings, useFakeClock, focusedOutside, signedIn } from './session-expired-support.js';
import { fake, mount, newClient, part, recordEvents, until } from './support.js';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
  document.querySelectorAll('body > button').forEach((button) => button.remove());
});

describe('<sk-session-expired> open, show() and close()', () => {
  it('open reflects the dialog: set when the ended dialog opens by itself, removed when the person closes it', async () => {
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired login-url="/login"></sk-session-expired>', client);
    expect(element.open).toBe(false);
    expect(element.hasAttribute('open')).toBe(false);

    await endings.revoked(client);
    await until(() => expect(dialogOf(element).open).toBe(true));
    expect(element.open).toBe(true);
    expect(element.hasAttribute('open')).toBe(true);

    part(element, 'close-button')!.click();
    await until(() => expect(element.hasAttribute('open')).toBe(false));
    expect(element.open).toBe(false);
    expect(dialogOf(element).open).toBe(false);
  });

  it('close() closes the ended dialog and returns focus where it was; show() brings the same dialog back', async () => {
    const client = await signedIn();
    const outside = focusedOutside();
    const element = await mount<SkSessionExpired>('<sk-session-expired login-url="/login"></sk-session-expired>', client);
    await endings.revoked(client);
    await until(() => expect(deepActive()).toBe(part(element, 'login-link')));

    element.close();
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    expect(document.activeElement).toBe(outside);

    expect(element.show()).toBe(true);
    await element.updateComplete;
    expect(dialogOf(element).matches(':modal')).toBe(true);
    expect(part(element, 'body')!.textContent).toContain('signed out from another device');
    expect(deepActive()).toBe(part(element, 'login-link'));

    await userEvent.keyboard('{Escape}');
    await until(() => expect(element.open).toBe(false));
    expect(document.activeElement).toBe(outside);
  });

  it('show() on an element added after the session ended shows the ended dialog for the current state', async () => {
    const client = await signedIn();
    await newClient().signOut();
    await until(() => expect(client.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out-elsewhere' }));

    const element = await mount<SkSessionExpired>('<sk-session-expired></sk-session-expired>', client);
    expect(dialogOf(element).open).toBe(false);
    expect(element.show()).toBe(true);
    await element.updateComplete;
    expect(part(element, 'body')!.textContent).toContain('signed out in another tab');
  });

  it('with nothing to tell (signed in, no countdown; or this tab signed out) show() returns false and open goes back to false', async () => {
    const client = await signedIn();
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="60"></sk-session-expired>', client);
    expect(element.show()).toBe(false);
    element.open = true;
    await element.updateComplete;
    expect(element.open).toBe(false);
    expect(element.hasAttribute('open')).toBe(false);
    expect(dialogOf(element).open).toBe(false);

    await client.signOut();
    element.setAttribute('open', '');
    await element.updateComplete;
    expect(element.hasAttribute('open')).toBe(false);
    expect(element.show()).toBe(false);
  });

  it('close() on a warning hides it without extending; show() brings it back with the time now left, and focus returns on close', async () => {
    useFakeClock();
    fake.sessionTtl = 180_000;
    const client = await signedIn();
    const outside = focusedOutside();
    const events = recordEvents('sk-session-expiring', 'sk-session-extended');
    const element = await mount<SkSessionExpired>('<sk-session-expired warn-before="120"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(61_000);
    await element.updateComplete;
    expect(element.open).toBe(true);
    expect(deepActive()).toBe(part(element, 'stay-button'));

    element.close();
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(false);
    expect(document.activeElement).toBe(outside);

    await vi.advanceTimersByTimeAsync(30_000);
    expect(element.show()).toBe(true);
    await element.updateComplete;
    expect(part(element, 'title')!.textContent).toBe('Your session is about to end');
    expect(part(element, 'countdown')!.textContent).toMatch(/^1:[0-2]\d$/);
    expect(deepActive()).toBe(part(element, 'stay-button'));
    expect(fake.count('POST', '/session/refresh')).toBe(0);
    expect(events.map((event) => event.type)).toEqual(['sk-session-expiring']);
  });

  it('a closed idle warning still signs out at the limit, and the ended dialog then opens', async () => {
    useFakeClock();
    const client = await signedIn();
    const events = recordEvents('sk-session-expired');
    const element = await mount<SkSessionExpired>('<sk-session-expired idle-timeout="60" warn-before="20"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(41_000);
    await element.updateComplete;
    expect(part(element, 'title')!.textContent).toBe('Are you still there?');

    element.close();
    await vi.advanceTimersByTimeAsync(21_000);
    await until(() => expect(events.map((event) => event.detail)).toEqual([{ reason: 'idle' }]));
    await element.updateComplete;
    expect(element.open).toBe(true);
    expect(part(element, 'body')!.textContent).toContain('inactive');
  });

  it('headless: show() during a countdown shows the warning the page was told about by sk-session-expiring', async () => {
    useFakeClock();
    fake.sessionTtl = 120_000;
    const client = await signedIn();
    const events = recordEvents('sk-session-expiring');
    const element = await mount<SkSessionExpired>('<sk-session-expired headless warn-before="60"></sk-session-expired>', client);
    await vi.advanceTimersByTimeAsync(61_000);
    await element.updateComplete;
    expect(events).toHaveLength(1);
    expect(dialogOf(element).open).toBe(false);

    element.show();
    await element.updateComplete;
    expect(dialogOf(element).open).toBe(true);
    expect(part(element, 'stay-button')).not.toBeNull();
    expect(part(element, 'status')!.textContent).toMatch(/your session ends in/);
  });
});
