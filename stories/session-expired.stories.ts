import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../components/session-expired/define.js';
import '../components/session-provider/define.js';
import type { SessionClient } from '../core/index.js';
import { deepActiveElement, elementIn, findPart, part, textOf } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters, type StoryEnv } from './support/environment.js';
import { logLines } from './support/event-log.js';
import { THIS_DEVICE, signedIn } from './support/fake.js';
import { stage } from './support/page.js';

type ExpiredArgs = FakeArgs & {
  'login-url'?: string;
  'return-to-param'?: string;
  'warn-before'?: number;
  'idle-timeout'?: number;
  headless?: boolean;
  'auto-redirect'?: boolean;
  open?: boolean;
  theme?: 'light' | 'dark';
};
type Story = StoryObj<ExpiredArgs> & { parameters?: FakeParameters & Record<string, unknown> };

const EVENTS = ['sk-session-expired', 'sk-session-expiring', 'sk-session-extended', 'sk-error'];

const expired = (canvas: HTMLElement) => elementIn(canvas, 'sk-session-expired');
const dialogOf = (host: Element) => part<HTMLDialogElement>(host, 'dialog')!;

/** Waits for the modal dialog to open and returns it. */
async function openDialog(host: Element, timeout = 3000) {
  const dialog = await findPart<HTMLDialogElement>(host, 'dialog');
  await waitFor(() => expect(dialog.open).toBe(true), { timeout });
  expect(dialog.matches(':modal')).toBe(true);
  return dialog;
}

/** Waits for the story's client to know the session is active: only an active session can end. */
async function active(client: SessionClient) {
  await waitFor(() => expect(client.getState().status).toBe('active'));
}

/** How each reason happens for real, driven from the fake server or from "another tab". */
const endings = {
  expired: async ({ fake, client }: StoryEnv) => {
    fake.expire();
    await client.getSession();
  },
  revoked: async ({ fake, client }: StoryEnv) => {
    fake.revokeFromElsewhere();
    await client.getSession();
  },
  // forceClear: the other tab signs out (and tells this one) even when the Failures control is on.
  'signed-out-elsewhere': async ({ otherTab }: StoryEnv) => {
    await otherTab().signOut({ forceClear: true });
  },
  // What the element does itself when `idle-timeout` runs out (a real one takes at least 20 s).
  idle: async ({ client }: StoryEnv) => {
    await client.signOut({ reason: 'idle', forceClear: true });
  },
  'refresh-failed': async ({ fake, client }: StoryEnv) => {
    // Every check answers 401 although refreshes succeed: after 3 refresh-then-401 cycles it gives up.
    fake.fail({ method: 'GET', path: '/session', status: 401, times: Infinity });
    await client.getSession();
  },
};
type Reason = keyof typeof endings;

const page = (content: unknown) => html`<p>Draft: quarterly report</p>
  <label>Notes <textarea rows="3">Unsaved notes the person does not want to lose.</textarea></label>
  ${content}`;

const meta = {
  title: 'Elements/Session expired',
  component: 'sk-session-expired',
  args: { 'login-url': '/login' },
  render: (args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        ${page(html`<sk-session-expired
          login-url=${ifDefined(args['login-url'])}
          return-to-param=${ifDefined(args['return-to-param'])}
          warn-before=${ifDefined(args['warn-before'])}
          idle-timeout=${ifDefined(args['idle-timeout'])}
          ?headless=${args.headless}
          ?auto-redirect=${args['auto-redirect']}
          ?open=${args.open}
          theme=${ifDefined(args.theme)}
        ></sk-session-expired>`)}
      </sk-session-provider>`,
      EVENTS,
    ),
  parameters: { fake: signedIn(0), docs: { story: { inline: false, height: '420px' } } },
} satisfies Meta<ExpiredArgs>;
export default meta;

/** A story that ends the session for `reason` and checks the dialog says so. */
const endedBy = (reason: Reason, name: string, text: string): Story => ({
  name,
  play: async ({ canvasElement, loaded }) => {
    const env = envOf({ loaded });
    const host = expired(canvasElement);
    await active(env.client);
    await endings[reason](env);
    const dialog = await openDialog(host);
    expect(textOf(part(host, 'title'))).toBe('Your session has ended');
    expect(textOf(part(host, 'body'))).toBe(text);
    expect(dialog.getAttribute('aria-labelledby')).toBe('title');
    // Focus moves into the dialog, to "Sign in again", which keeps the page to come back to.
    await waitFor(() => expect(deepActiveElement()).toBe(part(host, 'login-link')));
    const href = new URL(part<HTMLAnchorElement>(host, 'login-link')!.href);
    expect(href.pathname).toBe('/login');
    expect(href.searchParams.get('return_to')).toMatch(/^\/[^/]/);
    expect(logLines(canvasElement)).toEqual([`sk-session-expired {"reason":"${reason}"}`]);
  },
});

export const Expired = endedBy('expired', 'Expired', 'Your session expired. Sign in again to continue where you left off.');
export const Revoked = endedBy('revoked', 'Revoked elsewhere', 'This device was signed out from another device. Sign in again to continue.');
export const SignedOutElsewhere = endedBy(
  'signed-out-elsewhere',
  'Signed out in another tab',
  'You signed out in another tab or window. Sign in again to continue.',
);
export const Idle = endedBy('idle', 'Idle', 'You were signed out because you were inactive for a while. Sign in again to continue.');
export const RefreshFailed = endedBy('refresh-failed', 'Refresh failed', 'We could not keep you signed in. Sign in again to continue.');

/** A small sign-in form for the `reauth` slot: signs in again without leaving the page. */
function reauthForm(env: StoryEnv) {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    env.fake.signIn(THIS_DEVICE); // the app's own sign-in call would go here
    await env.client.notifySignedIn();
  };
  return html`<form slot="reauth" @submit=${submit}>
    <label>Email <input name="email" type="email" autocomplete="username" value="ada@example.com" /></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" /></label>
    <button class="sk-story-button" type="submit">Sign in here</button>
  </form>`;
}

const withReauthSlot: Story['render'] = (args, context) => {
  const env = envOf(context);
  return stage(
    env,
    html`<sk-session-provider .client=${env.client}>
      ${page(html`<sk-session-expired login-url=${ifDefined(args['login-url'])}>${reauthForm(env)}</sk-session-expired>`)}
    </sk-session-provider>`,
    EVENTS,
  );
};

export const ReauthSlot: Story = {
  name: 'Reauth slot',
  render: withReauthSlot,
  play: async ({ canvasElement, loaded }) => {
    const env = envOf({ loaded });
    const host = expired(canvasElement);
    await active(env.client);
    await endings.revoked(env);
    await openDialog(host);
    const slot = host.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=reauth]')!;
    const form = slot.assignedElements()[0] as HTMLFormElement;
    expect(form.localName).toBe('form');
    expect(form.checkVisibility()).toBe(true);
  },
};

export const ReauthSignedInAgain: Story = {
  name: 'Reauth slot: signed in again',
  render: withReauthSlot,
  play: async ({ canvasElement, loaded }) => {
    const env = envOf({ loaded });
    const host = expired(canvasElement);
    await active(env.client);
    await endings.revoked(env);
    const dialog = await openDialog(host);
    const form = host.querySelector('form')!;
    await userEvent.type(form.querySelector('input[type=password]')!, 'correct horse battery staple');
    await userEvent.click(form.querySelector('button')!);
    // The server confirms the new session: the dialog closes and the page, notes included, is still there.
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(env.client.getState().status).toBe('active');
    expect(canvasElement.querySelector('textarea')!.value).toContain('Unsaved notes');
  },
};

/** The session lasts 2 minutes and 1 second and the warning comes 2 minutes ahead: it opens after about a second. */
const shortSession: FakeParameters['fake'] = (server) => {
  server.sessionTtl = 121_000;
  signedIn(0)(server);
};

export const PreExpiryWarning: Story = {
  name: 'Pre-expiry warning',
  args: { 'warn-before': 120 },
  parameters: { fake: shortSession },
  play: async ({ canvasElement }) => {
    const host = expired(canvasElement);
    await openDialog(host, 6000);
    expect(textOf(part(host, 'title'))).toBe('Your session is about to end');
    expect(textOf(part(host, 'countdown'))).toMatch(/^(2:00|1:[0-5]\d)$/);
    expect(textOf(part(host, 'body'))).toMatch(/^For your security, your session ends in (2:00|1:[0-5]\d)\.$/);
    // The countdown is announced, at sensible intervals rather than every second.
    expect(textOf(part(host, 'status'))).toMatch(/your session ends in (2 minutes|1 minute|\d+ seconds)/);
    await waitFor(() => expect(deepActiveElement()).toBe(part(host, 'stay-button')));
    expect(logLines(canvasElement)[0]).toMatch(/^sk-session-expiring \{"expiresAt":"[^"]+","secondsLeft":1?\d\d\}$/);
  },
};

export const StaySignedIn: Story = {
  name: 'Pre-expiry warning: stay signed in',
  args: { 'warn-before': 120 },
  parameters: { fake: shortSession },
  play: async ({ canvasElement, loaded }) => {
    const { fake } = envOf({ loaded });
    const host = expired(canvasElement);
    const dialog = await openDialog(host, 6000);
    fake.sessionTtl = 3_600_000; // the refresh grants an hour, so the warning stays away
    await userEvent.click(part(host, 'stay-button')!);
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.count('POST', '/session/refresh')).toBe(1);
    await waitFor(() => expect(logLines(canvasElement).at(-1)).toMatch(/^sk-session-extended \{"expiresAt":"[^"]+"\}$/));
  },
};

export const IdleWarning: Story = {
  name: 'Idle warning',
  // Warn 60 s before a 60 s idle limit: the warning opens at once.
  args: { 'idle-timeout': 60, 'warn-before': 60 },
  play: async ({ canvasElement }) => {
    const host = expired(canvasElement);
    await openDialog(host);
    expect(textOf(part(host, 'title'))).toBe('Are you still there?');
    expect(textOf(part(host, 'countdown'))).toMatch(/^(1:00|0:5\d)$/);
    expect(textOf(part(host, 'body'))).toMatch(/^You will be signed out in (1:00|0:5\d) because you have been inactive\.$/);
    await waitFor(() => expect(deepActiveElement()).toBe(part(host, 'stay-button')));
  },
};

/** The page's own button that calls `show()`: with `headless`, the page decides when to show the dialog. */
const withShowButton: Story['render'] = (args, context) => {
  const env = envOf(context);
  const show = (event: Event) => (event.currentTarget as Element).parentElement!.querySelector('sk-session-expired')!.show();
  return stage(
    env,
    html`<sk-session-provider .client=${env.client}>
      ${page(html`<button class="sk-story-button" type="button" @click=${show}>Session status</button>
        <sk-session-expired login-url=${ifDefined(args['login-url'])} ?headless=${args.headless}></sk-session-expired>`)}
    </sk-session-provider>`,
    EVENTS,
  );
};

export const Headless: Story = {
  name: 'Headless, shown by the page',
  args: { headless: true },
  render: withShowButton,
  play: async ({ canvasElement, loaded }) => {
    const env = envOf({ loaded });
    const host = expired(canvasElement);
    await active(env.client);
    await endings.revoked(env);
    await waitFor(() => expect(logLines(canvasElement)).toEqual(['sk-session-expired {"reason":"revoked"}']));
    expect(dialogOf(host).open).toBe(false);
    // The page's own "Session status" button shows the dialog for the session as it is now.
    const button = canvasElement.querySelector<HTMLButtonElement>('button.sk-story-button')!;
    await userEvent.click(button);
    await openDialog(host);
    expect(host.hasAttribute('open')).toBe(true);
    expect(textOf(part(host, 'body'))).toBe('This device was signed out from another device. Sign in again to continue.');
    // "Close" hides it and gives focus back to the page's button.
    await userEvent.click(part(host, 'close-button')!);
    await waitFor(() => expect(host.open).toBe(false));
    expect(document.activeElement).toBe(button);
  },
};

/** A warning that opens after about a second, and a server that refuses `path`. */
const refusing =
  (path: string): FakeParameters['fake'] =>
  (server) => {
    shortSession(server);
    server.fail({ path, status: 500 });
  };

export const StayFails: Story = {
  name: 'Pre-expiry warning: stay signed in fails',
  args: { 'warn-before': 120 },
  parameters: { fake: refusing('/session/refresh') },
  play: async ({ canvasElement }) => {
    const host = expired(canvasElement);
    const dialog = await openDialog(host, 6000);
    await userEvent.click(part(host, 'stay-button')!);
    await waitFor(() => expect(textOf(part(host, 'status'))).toBe('Your session could not be extended. Try again.'));
    expect(dialog.open).toBe(true);
    expect(logLines(canvasElement).at(-1)).toBe('sk-error {"error":"ServerError(http_500)","action":"extend"}');
  },
};

export const LogOutFails: Story = {
  name: 'Pre-expiry warning: log out fails',
  args: { 'warn-before': 120 },
  parameters: { fake: refusing('/signout') },
  play: async ({ canvasElement, loaded }) => {
    const host = expired(canvasElement);
    const dialog = await openDialog(host, 6000);
    await userEvent.click(part(host, 'logout-button')!);
    // The session is kept, and so is the warning: the person can try again or stay.
    await waitFor(() => expect(textOf(part(host, 'status'))).toBe('Could not log out. Check your connection and try again.'));
    expect(dialog.open).toBe(true);
    expect(envOf({ loaded }).client.getState().status).toBe('active');
    expect(logLines(canvasElement).at(-1)).toBe('sk-error {"error":"ServerError(http_500)","action":"sign-out"}');
  },
};
