import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../components/session-list/define.js';
import '../components/session-provider/define.js';
import { deepActiveElement, elementIn, findPart, findRows, part, parts, rowLabels, rowOf, textOf } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters } from './support/environment.js';
import { logLines } from './support/event-log.js';
import { OTHER_DEVICES, THIS_DEVICE_LABEL, signedIn } from './support/fake.js';
import { stage } from './support/page.js';

type ListArgs = FakeArgs & {
  'page-size'?: number;
  'refresh-interval'?: number;
  'no-confirm'?: boolean;
  'hide-ip'?: boolean;
  'hide-location'?: boolean;
  theme?: 'light' | 'dark';
};
type Story = StoryObj<ListArgs> & { parameters?: FakeParameters & Record<string, unknown> };

const EVENTS = [
  'sk-session-revoke',
  'sk-session-revoked',
  'sk-other-sessions-revoke',
  'sk-other-sessions-revoked',
  'sk-reauth-required',
  'sk-error',
  'sk-logout-request',
  'sk-logout',
];
const PHONE = OTHER_DEVICES[0];
/** A client that never gives up on a request by itself, for stories that hold a request open. */
const PATIENT = { timeout: 3600 };

const list = (canvas: HTMLElement) => elementIn(canvas, 'sk-session-list');
const statusText = (host: Element) => textOf(part(host, 'status'));
const revokeButtonOf = (host: Element, label: string) => rowOf(host, label).querySelector<HTMLButtonElement>('[part=revoke-button]')!;

/** Opens the confirmation for the row labelled `label` and returns the list. */
async function askToRevoke(canvas: HTMLElement, label = PHONE) {
  const host = list(canvas);
  await findRows(host);
  await userEvent.click(revokeButtonOf(host, label));
  await findPart(host, 'confirm');
  return host;
}

const meta = {
  title: 'Elements/Session list',
  component: 'sk-session-list',
  render: (args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <sk-session-list
          page-size=${ifDefined(args['page-size'])}
          refresh-interval=${ifDefined(args['refresh-interval'])}
          ?no-confirm=${args['no-confirm']}
          ?hide-ip=${args['hide-ip']}
          ?hide-location=${args['hide-location']}
          theme=${ifDefined(args.theme)}
        ></sk-session-list>
      </sk-session-provider>`,
      EVENTS,
    ),
  parameters: { fake: signedIn(4) },
} satisfies Meta<ListArgs>;
export default meta;

export const OneSession: Story = {
  name: '1 session',
  parameters: { fake: signedIn(0) },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const [row] = await findRows(host);
    expect(parts(host, 'row')).toHaveLength(1);
    expect(row.getAttribute('part')).toBe('row current');
    expect(rowLabels(host)).toEqual([THIS_DEVICE_LABEL]);
    expect(textOf(part(host, 'badge'))).toBe('This device');
    expect(part(host, 'empty')).toBeTruthy();
    expect(part(host, 'revoke-others-button')).toBeNull();
  },
};

export const FiveSessions: Story = {
  name: '5 sessions',
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    // This device first, then the most recently active.
    expect(rowLabels(host)).toEqual([THIS_DEVICE_LABEL, ...OTHER_DEVICES.slice(0, 4)]);
    const phone = rowOf(host, PHONE);
    expect(textOf(phone.querySelector('[part=ip]'))).toBe('203.0.113.24');
    expect(textOf(phone.querySelector('[part=location]'))).toBe('Berlin, Germany');
    expect(textOf(phone.querySelector('[part=methods]'))).toContain('authenticator app');
    expect(phone.querySelector('time[part=last-active]')!.getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(revokeButtonOf(host, PHONE).getAttribute('aria-label')).toContain(PHONE);
    expect(textOf(part(host, 'revoke-others-button'))).toContain('Sign out of all other devices');
  },
};

export const FiftySessions: Story = {
  name: '50 sessions',
  parameters: { fake: signedIn(49) },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    expect(parts(host, 'row')).toHaveLength(20);
    await userEvent.click(part(host, 'show-more')!);
    await waitFor(() => expect(parts(host, 'row')).toHaveLength(40));
    // Focus moves to the first newly shown row, so a keyboard user carries on where the new rows start.
    await waitFor(() => expect(parts(host, 'row')[20].contains(deepActiveElement())).toBe(true));
  },
};

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

export const AlikeDevices: Story = {
  name: 'Devices that read alike',
  parameters: {
    fake: (server) => {
      signedIn(0)(server);
      const day = new Date(server.now() - 86_400_000).setHours(9, 0, 0, 0);
      // Two sign-ins on one phone, 40 minutes apart, and two that match in everything shown.
      for (const createdAt of [day, day + 40 * 60_000, day + 90 * 60_000, day + 90 * 60_000]) {
        server.signIn({ current: false, userAgent: IPHONE_SAFARI, ipAddress: '203.0.113.24', createdAt, lastActiveAt: server.now() - 7 * 60_000 });
      }
    },
  },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    // What differs is shown, and every revoke button's accessible name is unique in the list.
    expect(parts(host, 'created').slice(1).every((time) => /\d:\d\d/.test(textOf(time)))).toBe(true);
    const names = parts(host, 'revoke-button').map((button) => button.getAttribute('aria-label'));
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
    expect(textOf(parts(host, 'last-active')[0])).toBe('Active now');
  },
};

export const ThousandSessions: Story = {
  name: '1 000 sessions',
  parameters: { fake: signedIn(999) },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    // Only one page of rows is in the DOM, however long the list.
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(20);
    expect(part(host, 'show-more')).toBeTruthy();
  },
};

export const Loading: Story = {
  parameters: {
    // The list request never answers (until the client's 10 s timeout and its retries give up).
    fake: (server) => {
      signedIn(4)(server);
      server.fail({ method: 'GET', path: '/sessions', status: 'hang', times: Infinity });
    },
  },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const base = await findPart(host, 'base');
    expect(base.getAttribute('aria-busy')).toBe('true');
    expect(parts(host, 'skeleton')).toHaveLength(3);
    expect(textOf(host.shadowRoot!.querySelector('.sr-only'))).toBe('Loading your devices…');
  },
};

export const OnlyThisDevice: Story = {
  name: 'Only this device',
  parameters: { fake: signedIn(0) },
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <sk-session-list>
          <span slot="heading">Your devices</span>
          <span slot="empty">This is the only device signed in to your account. Nothing else to review.</span>
        </sk-session-list>
      </sk-session-provider>`,
    ),
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    const empty = part(host, 'empty')!.querySelector('slot')!;
    expect(textOf(empty.assignedNodes()[0])).toContain('only device');
    const heading = part(host, 'heading')!.querySelector('slot')!;
    expect(textOf(heading.assignedNodes()[0])).toBe('Your devices');
    expect(part(host, 'revoke-others-button')).toBeNull();
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: {
    // Retries off, so the error shows at once (by default a list request is tried 4 times over ~7 s).
    backend: { retries: 0 },
    fake: (server) => {
      signedIn(4)(server);
      server.fail({ method: 'GET', path: '/sessions', status: 500 });
    },
  },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const message = await findPart(host, 'message');
    expect(textOf(message)).toBe("Couldn't load your devices.");
    expect(textOf(part(host, 'retry-button'))).toBe('Try again');
    expect(part(host, 'base')!.getAttribute('aria-busy')).toBe('false');
    await waitFor(() => expect(logLines(canvasElement)).toEqual(['sk-error {"error":"ServerError(http_500)","action":"list"}']));
  },
};

export const RetryAfterError: Story = {
  name: 'Error, then Try again',
  parameters: ErrorWithRetry.parameters,
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await userEvent.click(await findPart(host, 'retry-button'));
    await findRows(host);
    expect(part(host, 'message')).toBeNull();
    expect(parts(host, 'row')).toHaveLength(5);
  },
};

export const CannotList: Story = {
  name: 'Backend cannot list',
  parameters: {
    backend: { capabilities: { list: false } },
    fake: (server) => {
      signedIn(4)(server);
      server.noList = true;
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const host = list(canvasElement);
    const message = await findPart(host, 'message');
    expect(textOf(message)).toBe("The list of your devices isn't available here.");
    expect(part(host, 'retry-button')).toBeNull();
    expect(envOf({ loaded }).fake.count('GET', '/sessions')).toBe(0);
  },
};

export const ConfirmOpen: Story = {
  name: 'Confirm open',
  play: async ({ canvasElement, loaded }) => {
    const host = await askToRevoke(canvasElement);
    // The question names the device, focus waits on Cancel, and nothing is sent yet.
    expect(textOf(part(host, 'confirm-message'))).toBe(`Sign out of ${PHONE}?`);
    expect(part(host, 'confirm')!.getAttribute('role')).toBe('group');
    await waitFor(() => expect(deepActiveElement()).toBe(part(host, 'cancel-button')));
    expect(envOf({ loaded }).fake.count('DELETE', '/sessions/')).toBe(0);
  },
};

export const Revoking: Story = {
  name: 'Revoking (pending)',
  parameters: {
    backend: PATIENT,
    fake: (server) => {
      signedIn(4)(server);
      server.fail({ method: 'DELETE', status: 'hang' });
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const host = await askToRevoke(canvasElement);
    await userEvent.click(part(host, 'confirm-button')!);
    // Optimistic: the row goes at once, while the request is still on its way.
    await waitFor(() => expect(rowLabels(host)).not.toContain(PHONE));
    expect(statusText(host)).toContain(`Signing out of ${PHONE}…`);
    await waitFor(() => expect(envOf({ loaded }).fake.count('DELETE', '/sessions/')).toBe(1));
    expect(logLines(canvasElement)).toEqual(['sk-session-revoke {"session":"Session(Berlin, Germany)"}']);
  },
};

export const Revoked: Story = {
  name: 'Revoked',
  play: async ({ canvasElement }) => {
    const host = await askToRevoke(canvasElement);
    await userEvent.click(part(host, 'confirm-button')!);
    await waitFor(() => expect(statusText(host)).toContain(`Signed out of ${PHONE}.`));
    expect(rowLabels(host)).not.toContain(PHONE);
    expect(logLines(canvasElement)).toEqual([
      'sk-session-revoke {"session":"Session(Berlin, Germany)"}',
      'sk-session-revoked {"session":"Session(Berlin, Germany)"}',
    ]);
  },
};

export const Rollback: Story = {
  name: 'Rollback after failure',
  parameters: {
    fake: (server) => {
      signedIn(4)(server);
      server.fail({ method: 'DELETE', status: 500, delay: 400 });
    },
  },
  play: async ({ canvasElement }) => {
    const host = await askToRevoke(canvasElement);
    await userEvent.click(part(host, 'confirm-button')!);
    await waitFor(() => expect(rowLabels(host)).not.toContain(PHONE));
    // The server refuses: the row comes back in its place and the failure is announced.
    await waitFor(() => expect(rowLabels(host)).toContain(PHONE), { timeout: 3000 });
    expect(rowLabels(host)[1]).toBe(PHONE);
    const status = part(host, 'status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(textOf(status)).toBe(`Couldn't sign out of ${PHONE}. Try again.`);
    expect(status.classList.contains('error')).toBe(true);
    expect(logLines(canvasElement).at(-1)).toBe('sk-error {"error":"ServerError(http_500)","action":"revoke"}');
  },
};

export const ReauthRequired: Story = {
  name: 'Re-authentication required',
  parameters: {
    fake: (server) => {
      signedIn(4)(server);
      server.fail({ method: 'GET', path: '/sessions', status: 403, code: 'reauth_required' });
    },
  },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const message = await findPart(host, 'message');
    expect(textOf(message)).toBe('For your security, sign in again to do this.');
    expect(part(host, 'retry-button')).toBeTruthy();
    await waitFor(() => expect(logLines(canvasElement)).toEqual(['sk-reauth-required {"action":"list"}']));
  },
};

export const RevokeAllOthers: Story = {
  name: 'Sign out of all other devices',
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    await userEvent.click(part(host, 'revoke-others-button')!);
    expect(textOf(await findPart(host, 'confirm-message'))).toBe('Sign out of 4 other devices?');
    await userEvent.click(part(host, 'confirm-button')!);
    await waitFor(() => expect(statusText(host)).toBe('Signed out of 4 other devices.'));
    expect(rowLabels(host)).toEqual([THIS_DEVICE_LABEL]);
    expect(part(host, 'empty')).toBeTruthy();
    expect(logLines(canvasElement)).toEqual(['sk-other-sessions-revoke {"count":4}', 'sk-other-sessions-revoked {"count":4}']);
  },
};

export const RevocationDelay: Story = {
  name: 'Revocation delay (Stytch-like)',
  parameters: { backend: { capabilities: { revocationDelay: 300 } } },
  play: async ({ canvasElement }) => {
    const host = await askToRevoke(canvasElement);
    expect(textOf(part(host, 'confirm-note'))).toBe('It can take up to 5 minutes to sign out everywhere.');
  },
};

export const LogOutThisDevice: Story = {
  name: 'Log out on this device',
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    await userEvent.click(part(host, 'logout-button')!);
    await waitFor(() => expect(statusText(host)).toBe("You're signed out."));
    expect(parts(host, 'row')).toHaveLength(0);
    expect(logLines(canvasElement)).toEqual(['sk-logout-request {"scope":"current"}', 'sk-logout {"scope":"current","serverRevoked":true}']);
  },
};

export const LogOutThisDeviceFailed: Story = {
  name: 'Log out on this device, failed',
  args: { failures: '500' },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    await userEvent.click(part(host, 'logout-button')!);
    await waitFor(() => expect(statusText(host)).toBe("Couldn't log out. Check your connection and try again."));
    // The session is kept: the rows stay, and "Log out" works again.
    expect(parts(host, 'row').length).toBeGreaterThan(1);
    expect(part(host, 'logout-button')!.getAttribute('aria-disabled')).not.toBe('true');
    expect(logLines(canvasElement).at(-1)).toMatch(/^sk-error \{"error":.*"action":"sign-out"\}$/);
  },
};

export const HiddenDetails: Story = {
  name: 'Without IP addresses and places',
  args: { 'hide-ip': true, 'hide-location': true },
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    expect(parts(host, 'ip')).toHaveLength(0);
    expect(parts(host, 'location')).toHaveLength(0);
    expect(parts(host, 'methods').length).toBeGreaterThan(0);
  },
};
