import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../components/logout-button/define.js';
import '../components/session-provider/define.js';
import { deepActiveElement, elementIn, findPart, part, textOf } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters } from './support/environment.js';
import { logLines } from './support/event-log.js';
import { signedIn } from './support/fake.js';
import { stage } from './support/page.js';

type LogoutArgs = FakeArgs & {
  scope?: 'current' | 'others' | 'all';
  'redirect-to'?: string;
  confirm?: boolean;
  'force-clear'?: boolean;
  disabled?: boolean;
  theme?: 'light' | 'dark';
};
type Story = StoryObj<LogoutArgs> & { parameters?: FakeParameters & Record<string, unknown> };

const EVENTS = ['sk-logout-request', 'sk-logout', 'sk-error'];

const logoutButton = (canvas: HTMLElement) => elementIn(canvas, 'sk-logout-button');
const button = (host: Element) => part<HTMLButtonElement>(host, 'button')!;

/** Waits until the button has its client (it renders nothing before) and clicks it. */
/** Clicks "Log out" once the page knows the session, as a person would after it loaded. */
async function clickLogout(canvas: HTMLElement, loaded: Record<string, unknown>) {
  const { client } = envOf({ loaded });
  await waitFor(() => expect(client.getState().status).not.toBe('unknown'));
  const host = logoutButton(canvas);
  await userEvent.click(await findPart(host, 'button'));
  return host;
}

const meta = {
  title: 'Elements/Logout button',
  component: 'sk-logout-button',
  argTypes: { scope: { control: 'select', options: ['current', 'others', 'all'] } },
  render: (args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <sk-logout-button
          scope=${ifDefined(args.scope)}
          redirect-to=${ifDefined(args['redirect-to'])}
          ?confirm=${args.confirm}
          ?force-clear=${args['force-clear']}
          ?disabled=${args.disabled}
          theme=${ifDefined(args.theme)}
        ></sk-logout-button>
      </sk-session-provider>`,
      EVENTS,
    ),
  parameters: { fake: signedIn(2) },
} satisfies Meta<LogoutArgs>;
export default meta;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const host = logoutButton(canvasElement);
    const idle = await findPart<HTMLButtonElement>(host, 'button');
    expect(idle.getAttribute('aria-busy')).toBe('false');
    expect(part(host, 'spinner')).toBeNull();
    // The default label is the slot's fallback content.
    expect(textOf(idle)).toBe('Log out');
  },
};

export const Pending: Story = {
  parameters: {
    backend: { timeout: 3600 },
    fake: (server) => {
      signedIn(2)(server);
      server.fail({ path: '/signout', status: 'hang' });
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    await waitFor(() => expect(button(host).getAttribute('aria-busy')).toBe('true'));
    expect(button(host).getAttribute('aria-disabled')).toBe('true');
    expect(part(host, 'spinner')).toBeTruthy();
    expect(textOf(part(host, 'message'))).toBe('Logging out…');
    // More clicks while pending send nothing more.
    await userEvent.click(button(host));
    await userEvent.click(button(host));
    await waitFor(() => expect(envOf({ loaded }).fake.count('POST', '/signout')).toBe(1));
    expect(logLines(canvasElement)).toEqual(['sk-logout-request {"scope":"current"}']);
  },
};

export const LoggedOut: Story = {
  name: 'Logged out',
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    await waitFor(() => expect(textOf(part(host, 'message'))).toBe('You are logged out.'));
    expect(envOf({ loaded }).client.getState().status).toBe('signed-out');
    expect(logLines(canvasElement)).toEqual(['sk-logout-request {"scope":"current"}', 'sk-logout {"scope":"current","serverRevoked":true}']);
  },
};

export const Failed: Story = {
  parameters: {
    fake: (server) => {
      signedIn(2)(server);
      server.fail({ path: '/signout', status: 500 });
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    const message = part(host, 'message')!;
    await waitFor(() => expect(textOf(message)).toBe('Could not log out. Check your connection and try again.'));
    expect(message.getAttribute('role')).toBe('status');
    expect(message.classList.contains('error')).toBe(true);
    // The session is kept and the button works again.
    expect(button(host).getAttribute('aria-busy')).toBe('false');
    expect(envOf({ loaded }).client.getState().status).toBe('active');
    expect(logLines(canvasElement).at(-1)).toBe('sk-error {"error":"ServerError(http_500)","action":"sign-out"}');
  },
};

export const ForceClear: Story = {
  name: 'Force-clear (server unreachable)',
  args: { 'force-clear': true },
  parameters: {
    fake: (server) => {
      signedIn(2)(server);
      server.fail({ path: '/signout', status: 'network' });
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    await waitFor(() => expect(textOf(part(host, 'message'))).toContain('the server could not be reached'));
    expect(envOf({ loaded }).client.getState().status).toBe('signed-out');
    expect(logLines(canvasElement).at(-1)).toBe('sk-logout {"scope":"current","serverRevoked":false}');
  },
};

export const Confirm: Story = {
  name: 'Confirm open',
  args: { confirm: true },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    expect(textOf(await findPart(host, 'confirm-message'))).toBe('Log out of this device?');
    expect(textOf(part(host, 'confirm-button'))).toBe('Yes, log out');
    await waitFor(() => expect(deepActiveElement()).toBe(part(host, 'cancel-button')));
    expect(envOf({ loaded }).fake.count('POST', '/signout')).toBe(0);
  },
};

export const ScopeOthers: Story = {
  name: 'Scope: other devices',
  args: { scope: 'others' },
  parameters: { fake: signedIn(3) },
  play: async ({ canvasElement, loaded }) => {
    const host = logoutButton(canvasElement);
    expect(textOf(await findPart(host, 'button'))).toBe('Sign out of other devices');
    await userEvent.click(button(host));
    await waitFor(() => expect(textOf(part(host, 'message'))).toBe('Your other devices are signed out.'));
    const { fake, client } = envOf({ loaded });
    expect(fake.count('POST', '/sessions/revoke-others')).toBe(1);
    expect(fake.count('POST', '/signout')).toBe(0);
    expect(client.getState().status).toBe('active');
    expect(logLines(canvasElement).at(-1)).toBe('sk-logout {"scope":"others","serverRevoked":true}');
  },
};

export const ScopeAllWithConfirm: Story = {
  name: 'Scope: everywhere, with confirm',
  args: { scope: 'all', confirm: true },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    expect(textOf(await findPart(host, 'confirm-message'))).toBe('Log out of all your devices, including this one?');
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement, loaded }) => {
    const host = logoutButton(canvasElement);
    expect((await findPart<HTMLButtonElement>(host, 'button')).disabled).toBe(true);
    expect(envOf({ loaded }).fake.count('POST', '/signout')).toBe(0);
  },
};

export const CustomLabel: Story = {
  name: 'Custom label and strings',
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <sk-logout-button .strings=${{ pending: 'Signing you out…', done: 'See you soon.' }}>Sign out</sk-logout-button>
      </sk-session-provider>`,
      EVENTS,
    ),
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    expect(textOf(host)).toBe('Sign out');
    await waitFor(() => expect(textOf(part(host, 'message'))).toBe('See you soon.'));
  },
};

export const FailuresControl: Story = {
  name: 'Failures control: network',
  // The same as choosing "Every change fails (network)" in the toolbar, for this story only.
  args: { failures: 'network' },
  play: async ({ canvasElement, loaded }) => {
    const host = await clickLogout(canvasElement, loaded);
    await waitFor(() => expect(textOf(part(host, 'message'))).toBe('Could not log out. Check your connection and try again.'));
    expect(envOf({ loaded }).client.getState().status).toBe('active');
    expect(logLines(canvasElement).at(-1)).toBe('sk-error {"error":"NetworkError(network)","action":"sign-out"}');
  },
};
