import { vi } from 'vitest';
import type { SkSessionExpired } from '../../components/session-expired/define.js';
import type { SessionClient } from '../../core/index.js';
import { fake, newClient, part } from './support.js';

/** A client whose session the fake server knows as active. */
export async function signedIn(options: Parameters<typeof newClient>[0] = {}) {
  fake.signIn();
  const client = newClient(options);
  await client.getSession();
  return client;
}

export const dialogOf = (element: SkSessionExpired) => part<HTMLDialogElement>(element, 'dialog')!;

/** The focused element, looking into shadow roots. */
export const deepActive = () => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
};

/** A button outside the element, focused, so a test can see focus come back to it. */
export function focusedOutside() {
  const outside = document.createElement('button');
  outside.textContent = 'outside';
  document.body.append(outside);
  outside.focus();
  return outside;
}

/** Ends the session for each reason the way it happens in real life. */
export const endings: Record<string, (client: SessionClient) => Promise<unknown>> = {
  revoked: async (client) => {
    fake.revokeFromElsewhere();
    await client.getSession();
  },
  expired: async (client) => {
    fake.expire();
    await client.getSession();
  },
  'signed-out-elsewhere': async () => {
    const otherTab = newClient();
    await otherTab.signOut();
  },
  'refresh-failed': async (client) => {
    fake.fail({ path: '/sessions', status: 401, times: Infinity });
    await client.listSessions().catch(() => {});
  },
};

/** Fake timers for the countdowns, the page's own clock included. */
export const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
