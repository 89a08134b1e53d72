import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { useCallback, useState, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SessionClient } from '../core/index.js';
import * as Kit from '../react/index.js';
import { findElement, findPart, findRows, part, rowLabels, textOf } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters, type StoryEnv } from './support/environment.js';
import { logLine, logLines } from './support/event-log.js';
import { API, OTHER_DEVICES, signedIn } from './support/fake.js';
import { reactStory } from './support/react.js';

type Story = StoryObj<FakeArgs> & { parameters?: FakeParameters & Record<string, unknown> };

/** The callbacks a story received, shown on screen the way the element stories show events. */
function useCallbackLog() {
  const [lines, setLines] = useState<string[]>([]);
  const log = useCallback((name: string) => (event: CustomEvent) => setLines((previous) => [...previous, logLine(name, event.detail)]), []);
  const view = (
    <div className="sk-story-log" role="log" aria-label="Callbacks">
      <p className="sk-story-log-title">Callbacks</p>
      <ol>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </div>
  );
  return { log, view };
}

/** `useSession()` read out: what an app's own React code sees. */
function SessionReadout() {
  const { status, session, reason } = Kit.useSession();
  return (
    <dl className="sk-story-readout">
      <dt>status</dt>
      <dd data-testid="status">{status}</dd>
      <dt>reason</dt>
      <dd data-testid="reason">{reason ?? '—'}</dd>
      <dt>expires</dt>
      <dd>{session?.expiresAt?.toLocaleTimeString('en') ?? '—'}</dd>
    </dl>
  );
}

const render = (Component: (props: { env: StoryEnv; client: SessionClient }) => ReactNode): Story['render'] =>
  (_args, context) => {
    const env = envOf(context);
    return reactStory(env, <Component env={env} client={env.client} />);
  };

const meta = {
  title: 'React',
  parameters: { fake: signedIn(4) },
} satisfies Meta<FakeArgs>;
export default meta;

function LogoutButtonDemo({ client }: { client: SessionClient }) {
  const { log, view } = useCallbackLog();
  return (
    <Kit.SessionProvider client={client}>
      <SessionReadout />
      <Kit.LogoutButton confirm onLogoutRequest={log('onLogoutRequest')} onLogout={log('onLogout')} onError={log('onError')} />
      {view}
    </Kit.SessionProvider>
  );
}

export const LogoutButton: Story = {
  name: 'LogoutButton',
  render: render(LogoutButtonDemo),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('active'));
    const host = await findElement(canvasElement, 'sk-logout-button');
    await userEvent.click(await findPart(host, 'button'));
    await userEvent.click(await findPart(host, 'confirm-button'));
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('signed-out'));
    await waitFor(() =>
      expect(logLines(canvasElement)).toEqual(['onLogoutRequest {"scope":"current"}', 'onLogout {"scope":"current","serverRevoked":true}']),
    );
  },
};

function SessionListDemo({ client }: { client: SessionClient }) {
  const { log, view } = useCallbackLog();
  return (
    <Kit.SessionProvider client={client}>
      <Kit.SessionList
        pageSize={3}
        onSessionRevoke={log('onSessionRevoke')}
        onSessionRevoked={log('onSessionRevoked')}
        onOtherSessionsRevoke={log('onOtherSessionsRevoke')}
        onOtherSessionsRevoked={log('onOtherSessionsRevoked')}
        onReauthRequired={log('onReauthRequired')}
        onError={log('onError')}
        onLogoutRequest={log('onLogoutRequest')}
        onLogout={log('onLogout')}
      />
      {view}
    </Kit.SessionProvider>
  );
}

export const SessionList: Story = {
  name: 'SessionList',
  render: render(SessionListDemo),
  play: async ({ canvasElement }) => {
    const host = await findElement(canvasElement, 'sk-session-list');
    await findRows(host);
    // pageSize={3} reached the element as its page-size.
    expect(rowLabels(host)).toHaveLength(3);
    await userEvent.click(part(host, 'revoke-button')!);
    await userEvent.click(await findPart(host, 'confirm-button'));
    await waitFor(() => expect(logLines(canvasElement)).toHaveLength(2));
    expect(logLines(canvasElement)).toEqual([
      'onSessionRevoke {"session":"Session(Berlin, Germany)"}',
      'onSessionRevoked {"session":"Session(Berlin, Germany)"}',
    ]);
    expect(rowLabels(host)).not.toContain(OTHER_DEVICES[0]);
  },
};

function SessionExpiredDemo({ env, client, warnBefore }: { env: StoryEnv; client: SessionClient; warnBefore?: number }) {
  const { log, view } = useCallbackLog();
  const revoke = async () => {
    env.fake.revokeFromElsewhere();
    await client.getSession();
  };
  return (
    <Kit.SessionProvider client={client}>
      <SessionReadout />
      <button className="sk-story-button" type="button" onClick={revoke}>
        Revoke this session from another device
      </button>
      <Kit.SessionExpiredHandler
        loginUrl="/login"
        warnBefore={warnBefore}
        onSessionExpired={log('onSessionExpired')}
        onSessionExpiring={log('onSessionExpiring')}
        onSessionExtended={log('onSessionExtended')}
      />
      {view}
    </Kit.SessionProvider>
  );
}

export const SessionExpiredHandler: Story = {
  name: 'SessionExpiredHandler',
  parameters: { fake: signedIn(0), docs: { story: { inline: false, height: '420px' } } },
  render: render(SessionExpiredDemo),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('active'));
    await userEvent.click(canvas.getByRole('button', { name: 'Revoke this session from another device' }));
    const host = await findElement(canvasElement, 'sk-session-expired');
    const dialog = await findPart<HTMLDialogElement>(host, 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    expect(textOf(part(host, 'body'))).toContain('signed out from another device');
    await waitFor(() => expect(logLines(canvasElement)).toEqual(['onSessionExpired {"reason":"revoked"}']));
    expect(canvas.getByTestId('reason').textContent).toBe('revoked');
  },
};

export const SessionExpiredHandlerWarning: Story = {
  name: 'SessionExpiredHandler: warning',
  parameters: {
    // 21 s sessions and a 20 s warning: the warning opens a second after the page loads.
    fake: (server) => {
      server.sessionTtl = 21_000;
      signedIn(0)(server);
    },
    docs: { story: { inline: false, height: '420px' } },
  },
  render: (_args, context) => {
    const env = envOf(context);
    return reactStory(env, <SessionExpiredDemo env={env} client={env.client} warnBefore={20} />);
  },
  play: async ({ canvasElement, loaded }) => {
    const env = envOf({ loaded });
    const host = await findElement(canvasElement, 'sk-session-expired');
    const dialog = await findPart<HTMLDialogElement>(host, 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true), { timeout: 5000 });
    expect(textOf(part(host, 'title'))).toBe('Your session is about to end');
    await waitFor(() => expect(logLines(canvasElement)[0]).toMatch(/^onSessionExpiring \{"expiresAt":"[^"]+","secondsLeft":\d+\}$/));
    // Staying signed in extends the session by an hour from here on.
    env.fake.sessionTtl = 3_600_000;
    await userEvent.click(part(host, 'stay-button')!);
    await waitFor(() => expect(dialog.open).toBe(false));
    await waitFor(() => expect(logLines(canvasElement).at(-1)).toMatch(/^onSessionExtended \{"expiresAt":"[^"]+"\}$/));
  },
};

function ProviderDemo({ client }: { client?: SessionClient }) {
  return (
    <Kit.SessionProvider client={client} baseUrl={client ? undefined : API}>
      <SessionReadout />
      <Kit.LogoutButton />
    </Kit.SessionProvider>
  );
}

export const SessionProviderAndUseSession: Story = {
  name: 'SessionProvider and useSession',
  render: render(ProviderDemo),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('active'));
    await userEvent.click(await findPart(await findElement(canvasElement, 'sk-logout-button'), 'button'));
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('signed-out'));
    expect(canvas.getByTestId('reason').textContent).toBe('signed-out');
  },
};

export const SessionProviderBaseUrl: Story = {
  name: 'SessionProvider with baseUrl',
  render: (_args, context) => reactStory(envOf(context), <ProviderDemo />),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The provider creates its client in an effect (server rendering sees none), then checks the session.
    await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe('active'));
  },
};
