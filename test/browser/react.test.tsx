import { act } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogoutButton, SessionExpiredHandler, SessionList, SessionProvider, useSession, useSessions } from '../../react/index.js';
import type { SessionClient } from '../../core/index.js';
import { fake, newClient, part, parts, serverCaughtUp, until } from './support.js';

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = container = undefined;
});

function render(node: React.ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(node);
  return container;
}

const element = <T extends HTMLElement>(tag: string) => container!.querySelector(tag) as T;

async function signedIn(others = 0) {
  fake.signIn();
  fake.addOtherDevices(others);
  const client = newClient();
  await client.getSession();
  return client;
}

function Status() {
  const state = useSession();
  return <output data-testid="status">{state.status}</output>;
}

describe('sessionkit/react', () => {
  it('onLogout fires with a typed detail after the server confirms, and useSession follows the state', async () => {
    const client = await signedIn();
    const onLogout = vi.fn<(event: CustomEvent<{ scope: string; serverRevoked: boolean }>) => void>();
    render(
      <SessionProvider client={client}>
        <Status />
        <LogoutButton onLogout={onLogout} />
      </SessionProvider>,
    );
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('active'));
    await until(() => expect(part(element('sk-logout-button'), 'button')).not.toBeNull());

    part(element('sk-logout-button'), 'button')!.click();

    await until(() => expect(onLogout).toHaveBeenCalledTimes(1));
    expect(onLogout.mock.calls[0][0].detail).toEqual({ scope: 'current', serverRevoked: true });
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('signed-out'));
  });

  it('a cancelled onSessionRevoke stops the revoke; onSessionRevoked fires when one goes through', async () => {
    const client = await signedIn(2);
    let cancel = true;
    const revoked = vi.fn();
    render(
      <SessionProvider client={client}>
        <SessionList
          noConfirm
          onSessionRevoke={(event) => {
            expect(event.detail.session.id).toMatch(/^sess_/);
            if (cancel) event.preventDefault();
          }}
          onSessionRevoked={revoked}
        />
      </SessionProvider>,
    );
    await until(() => expect(parts(element('sk-session-list'), 'revoke-button')).toHaveLength(2));
    const list = element('sk-session-list');

    parts(list, 'revoke-button')[0].click();
    await serverCaughtUp();
    expect(fake.count('DELETE', '/sessions/')).toBe(0);

    cancel = false;
    parts(list, 'revoke-button')[0].click();
    await until(() => expect(revoked).toHaveBeenCalledTimes(1));
    expect(fake.count('DELETE', '/sessions/')).toBe(1);
  });

  it('onSessionExpired fires with the reason', async () => {
    const client = await signedIn();
    const onSessionExpired = vi.fn();
    render(
      <SessionProvider client={client}>
        <SessionExpiredHandler headless onSessionExpired={onSessionExpired} />
      </SessionProvider>,
    );
    await until(() => expect(element('sk-session-expired')).not.toBeNull());
    fake.revokeFromElsewhere();
    await client.getSession();
    await until(() => expect(onSessionExpired).toHaveBeenCalledTimes(1));
    expect(onSessionExpired.mock.calls[0][0].detail).toEqual({ reason: 'revoked' });
  });

  it('SessionProvider with baseUrl creates a client, and unmounting disposes it and every subscription', async () => {
    fake.signIn();
    const channels: BroadcastChannel[] = [];
    const Original = window.BroadcastChannel;
    const spy = vi.spyOn(window, 'BroadcastChannel').mockImplementation(function (this: unknown, name: string) {
      const channel = new Original(name);
      channels.push(channel);
      const close = channel.close.bind(channel);
      channel.close = () => {
        (channel as unknown as { closed: boolean }).closed = true;
        close();
      };
      return channel;
    } as unknown as typeof BroadcastChannel);
    render(
      <SessionProvider baseUrl="/api/auth">
        <Status />
        <LogoutButton />
        <SessionList />
      </SessionProvider>,
    );
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('active'));
    expect(channels.length).toBeGreaterThan(0);

    act(() => root!.unmount());
    root = undefined;

    expect(channels.every((channel) => (channel as unknown as { closed?: boolean }).closed)).toBe(true);
    spy.mockRestore();
  });

  it('hydrates server-rendered markup without warnings', async () => {
    fake.signIn();
    const app = (
      <SessionProvider baseUrl="/api/auth">
        <Status />
        <LogoutButton redirectTo="/bye" />
        <SessionList pageSize={5} />
        <SessionExpiredHandler loginUrl="/login" />
      </SessionProvider>
    );
    container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    const errors: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => void errors.push(args));

    root = hydrateRoot(container, app, { onRecoverableError: (e) => errors.push(e) });
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('active'));

    expect(errors).toEqual([]);
    error.mockRestore();
    warn.mockRestore();
  });

  it('props set attributes and properties on the element', async () => {
    const client: SessionClient = await signedIn();
    render(
      <SessionProvider client={client}>
        <LogoutButton scope="others" confirm forceClear redirectTo="/done" />
        <SessionExpiredHandler loginUrl="/login" returnToParam="next" warnBefore={30} idleTimeout={600} />
      </SessionProvider>,
    );
    await until(() => expect(element('sk-logout-button')).not.toBeNull());
    const button = element<HTMLElement & { scope: string; confirm: boolean; forceClear: boolean; redirectTo: string }>('sk-logout-button');
    expect([button.scope, button.confirm, button.forceClear, button.redirectTo]).toEqual(['others', true, true, '/done']);
    const expired = element<HTMLElement & { loginUrl: string; returnToParam: string; warnBefore: number; idleTimeout: number }>('sk-session-expired');
    expect([expired.loginUrl, expired.returnToParam, expired.warnBefore, expired.idleTimeout]).toEqual(['/login', 'next', 30, 600]);
  });
});

describe('useSessions()', () => {
  function MyList() {
    const { status, sessions, error, revoke } = useSessions();
    if (status === 'error') return <p role="alert">{String(error)}</p>;
    if (status !== 'ready') return <p>{status}</p>;
    return (
      <ul>
        {sessions.map((session) => (
          <li key={session.id} data-id={session.id}>
            {session.current ? 'this device' : <button onClick={() => revoke(session.id).catch(() => {})}>revoke</button>}
          </li>
        ))}
      </ul>
    );
  }

  it('lists the sessions, revokes one optimistically, and puts it back when the server refuses', async () => {
    fake.signIn();
    const devices = fake.addOtherDevices(2);
    const client = newClient();
    await client.getSession();
    const page = render(
      <SessionProvider client={client}>
        <MyList />
        <SessionList />
      </SessionProvider>,
    );
    const ids = () => [...page.querySelectorAll('li')].map((li) => li.dataset.id);
    await until(() => expect(ids()).toHaveLength(3));
    const list = page.querySelector('sk-session-list')!;
    await until(() => expect(parts(list, 'row')).toHaveLength(3));
    fake.fail({ method: 'DELETE', path: '/sessions/', status: 500, delay: 100 });

    page.querySelector<HTMLButtonElement>(`li[data-id="${devices[1].id}"] button`)!.click();

    await until(() => expect(ids()).not.toContain(devices[1].id));
    expect(parts(list, 'row')).toHaveLength(2);
    await until(() => expect(ids()).toContain(devices[1].id));
    expect(parts(list, 'row')).toHaveLength(3);
    expect(fake.count('GET', '/sessions')).toBe(1);
  });
});

describe('SessionProvider (React) with baseUrl and the CSRF options of <sk-session-provider>', () => {
  afterEach(() => {
    document.cookie = 'csrf=; max-age=0; path=/';
  });

  it('sends the CSRF cookie value in csrfHeader, read at the time of each request', async () => {
    fake.signIn();
    fake.csrf = { header: 'x-csrf-token', value: 'rotated' };
    document.cookie = 'csrf=before-rotation; path=/';
    render(
      <SessionProvider baseUrl="/api/auth" csrfHeader="x-csrf-token" csrfCookie="csrf">
        <Status />
        <LogoutButton />
      </SessionProvider>,
    );
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('active'));
    // The server rotates the token after the page loaded: the next write must carry the new one.
    document.cookie = 'csrf=rotated; path=/';
    const button = container!.querySelector('sk-logout-button')!;
    await until(() => expect(part(button, 'button')).not.toBeNull());
    part(button, 'button')!.click();

    await until(() => expect(container!.querySelector('output')!.textContent).toBe('signed-out'));
    expect(fake.requests.find((request) => request.path === '/signout')!.headers['x-csrf-token']).toBe('rotated');
  });

  it('without csrfCookie sends no CSRF header, and the server that requires one refuses the sign-out', async () => {
    fake.signIn();
    fake.csrf = { header: 'x-csrf-token', value: 'token' };
    document.cookie = 'csrf=token; path=/';
    render(
      <SessionProvider baseUrl="/api/auth" csrfHeader="x-csrf-token">
        <Status />
        <LogoutButton />
      </SessionProvider>,
    );
    await until(() => expect(container!.querySelector('output')!.textContent).toBe('active'));
    const button = container!.querySelector('sk-logout-button')!;
    await until(() => expect(part(button, 'button')).not.toBeNull());
    part(button, 'button')!.click();

    await until(() => expect(fake.requests.some((request) => request.path === '/signout')).toBe(true));
    expect(fake.requests.find((request) => request.path === '/signout')!.headers['x-csrf-token']).toBeUndefined();
    await until(() => expect(part(button, 'button')!.getAttribute('aria-busy')).not.toBe('true'));
    expect(container!.querySelector('output')!.textContent).toBe('active');
  });
});
