import { ContextConsumer, ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { clientContext } from '../../components/internal/client-context.js';
import { createSessionClient } from '../../core/client.js';
import { restBackend } from '../../core/rest-backend.js';
import { fake, parts, until } from './support.js';

/**
 * Written first, defined later: these tests import the element definitions only after the markup
 * is in the page, in the "wrong" order (each browser test file has its own page and registry).
 */
/** The client an element uses now. */
const clientOf = (element: Element) => (element as unknown as { sessionClient?: unknown }).sessionClient;

describe('<sk-session-provider>', () => {
  it('elements written before any definition, a list upgraded before its provider, all find the provider and share one request', async () => {
    fake.signIn();
    fake.addOtherDevices(2);
    const host = document.createElement('div');
    host.innerHTML = `
      <sk-session-provider base-url="/api/auth">
        <sk-session-list></sk-session-list>
        <sk-session-list></sk-session-list>
        <sk-logout-button></sk-logout-button>
        <sk-session-expired></sk-session-expired>
      </sk-session-provider>`;
    document.body.append(host);

    await import('../../components/session-list/define.js');
    await import('../../components/logout-button/define.js');
    await import('../../components/session-expired/define.js');
    // Every element has upgraded and rendered (without a client) before the provider exists.
    const elements = [...host.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('sk-session-list, sk-logout-button, sk-session-expired')];
    await Promise.all(elements.map((element) => element.updateComplete));
    await import('../../components/session-provider/define.js');

    const [first, second] = host.querySelectorAll('sk-session-list');
    await until(() => expect(parts(first, 'row')).toHaveLength(3));
    await until(() => expect(parts(second, 'row')).toHaveLength(3));
    expect(fake.count('GET', '/sessions')).toBe(1);
    expect(fake.count('GET', '/session')).toBe(1);
    host.remove();
  });

  it('reaches elements inside another component\'s shadow root', async () => {
    await import('../../components/session-provider/define.js');
    await import('../../components/logout-button/define.js');
    fake.signIn();
    class AppShell extends HTMLElement {
      connectedCallback() {
        this.attachShadow({ mode: 'open' }).innerHTML = '<nav><sk-logout-button></sk-logout-button></nav>';
      }
    }
    customElements.define('app-shell', AppShell);
    const provider = document.createElement('sk-session-provider');
    provider.setAttribute('base-url', '/api/auth');
    provider.append(document.createElement('app-shell'));
    document.body.append(provider);

    const button = provider.querySelector('app-shell')!.shadowRoot!.querySelector('sk-logout-button')!;
    await until(() => expect(button.shadowRoot!.querySelector('[part=button]')).not.toBeNull());
    (button.shadowRoot!.querySelector('[part=button]') as HTMLElement).click();
    await until(() => expect(fake.count('POST', '/signout')).toBe(1));
    await until(() => expect(fake.current()).toBeUndefined());
    provider.remove();
  });

  it('moving a provider keeps its elements working; removing it disposes its client', async () => {
    await import('../../components/session-provider/define.js');
    await import('../../components/session-list/define.js');
    fake.signIn();
    fake.addOtherDevices(1);
    const closed = vi.spyOn(BroadcastChannel.prototype, 'close');
    const provider = document.createElement('sk-session-provider');
    provider.setAttribute('base-url', '/api/auth');
    const list = document.createElement('sk-session-list');
    provider.append(list);
    document.body.append(provider);
    await until(() => expect(parts(list, 'row')).toHaveLength(2));

    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(provider);
    await until(() => expect(parts(list, 'row')).toHaveLength(2));

    const before = closed.mock.calls.length;
    elsewhere.remove();
    expect(closed.mock.calls.length).toBeGreaterThan(before);
    closed.mockRestore();
  });

  it('removing base-url takes the disposed client away from its elements; setting it again brings them back', async () => {
    await import('../../components/session-provider/define.js');
    await import('../../components/session-list/define.js');
    fake.signIn();
    fake.addOtherDevices(1);
    const provider = document.createElement('sk-session-provider');
    provider.setAttribute('base-url', '/api/auth');
    const list = document.createElement('sk-session-list');
    provider.append(list);
    document.body.append(provider);
    await until(() => expect(parts(list, 'row')).toHaveLength(2));

    provider.removeAttribute('base-url');
    await until(() => expect(parts(list, 'row')).toHaveLength(0));
    expect(list.shadowRoot!.querySelector('[part~="revoke-button"]')).toBeNull();

    provider.setAttribute('base-url', '/api/auth');
    await until(() => expect(parts(list, 'row')).toHaveLength(2));
    provider.remove();
  });

  it('csrf-header and csrf-cookie send the cookie value on every change', async () => {
    await import('../../components/session-provider/define.js');
    await import('../../components/logout-button/define.js');
    fake.signIn();
    fake.csrf = { header: 'x-csrf-token', value: 'token-from-cookie' };
    document.cookie = 'csrf=token-from-cookie; path=/';
    const provider = document.createElement('sk-session-provider');
    provider.setAttribute('base-url', '/api/auth');
    provider.setAttribute('csrf-header', 'x-csrf-token');
    provider.setAttribute('csrf-cookie', 'csrf');
    const button = document.createElement('sk-logout-button');
    provider.append(button);
    document.body.append(provider);
    await until(() => expect(button.shadowRoot!.querySelector('[part=button]')).not.toBeNull());
    (button.shadowRoot!.querySelector('[part=button]') as HTMLElement).click();
    await until(() => expect(fake.current()).toBeUndefined());
    expect(fake.requests.find((r) => r.path === '/signout')!.headers['x-csrf-token']).toBe('token-from-cookie');
    fake.csrf = undefined;
    document.cookie = 'csrf=; max-age=0; path=/';
    provider.remove();
  });

  it('a provider that starts inside it later takes over the elements inside that one', async () => {
    await import('../../components/session-provider/define.js');
    await import('../../components/logout-button/define.js');
    fake.signIn();
    const outerClient = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
    const innerClient = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
    const outer = Object.assign(document.createElement('sk-session-provider'), { client: outerClient });
    // Any provider of the context will do; this one is an app's own, defined after the page is written.
    const inner = document.createElement('app-client-provider');
    const button = document.createElement('sk-logout-button');
    inner.append(button);
    outer.append(inner);
    document.body.append(outer);
    await until(() => expect(clientOf(button)).toBe(outerClient));

    customElements.define(
      'app-client-provider',
      class extends LitElement {
        readonly provider = new ContextProvider(this, { context: clientContext, initialValue: innerClient });
      },
    );
    await until(() => expect(clientOf(button)).toBe(innerClient));
    // The outer provider let the button go: its next client reaches only those still its own.
    const otherClient = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
    outer.client = otherClient;
    await outer.updateComplete;
    expect(clientOf(button)).toBe(innerClient);
    outer.remove();
    [outerClient, innerClient, otherClient].forEach((client) => client.dispose());
  });

  it('answers @lit/context consumers of the same context, and keeps them current', async () => {
    await import('../../components/session-provider/define.js');
    class ClientReader extends LitElement {
      readonly consumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
    }
    customElements.define('client-reader', ClientReader);
    const first = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
    const second = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
    const provider = Object.assign(document.createElement('sk-session-provider'), { client: first });
    const reader = document.createElement('client-reader') as ClientReader;
    provider.append(reader);
    document.body.append(provider);
    await until(() => expect(reader.consumer.value).toBe(first));
    provider.client = second;
    await until(() => expect(reader.consumer.value).toBe(second));
    provider.remove();
    [first, second].forEach((client) => client.dispose());
  });
});
