import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/logout-button/define.js';
import '../components/session-expired/define.js';
import '../components/session-list/define.js';
import '../components/session-provider/define.js';
import { setDefaultClient } from '../core/index.js';
import { elementIn, findPart, findRows, part } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters } from './support/environment.js';
import { API } from './support/fake.js';
import { stage } from './support/page.js';

type Story = StoryObj<FakeArgs> & { parameters?: FakeParameters & Record<string, unknown> };

const account = html`<div class="sk-story-row">
    <strong>Ada Lovelace</strong>
    <sk-logout-button></sk-logout-button>
  </div>
  <sk-session-list></sk-session-list>
  <sk-session-expired login-url="/login"></sk-session-expired>`;

const meta = {
  title: 'Elements/Session provider',
  component: 'sk-session-provider',
  render: (_args, context) => stage(envOf(context), html`<sk-session-provider .client=${envOf(context).client}>${account}</sk-session-provider>`),
} satisfies Meta<FakeArgs>;
export default meta;

export const WithClient: Story = {
  name: 'With a client',
  play: async ({ canvasElement, loaded }) => {
    const { fake, client } = envOf({ loaded });
    await findRows(elementIn(canvasElement, 'sk-session-list'));
    await findPart(elementIn(canvasElement, 'sk-logout-button'), 'button');
    // Three elements, one client: one session check and one list request between them.
    expect(fake.count('GET', '/session')).toBe(1);
    expect(fake.count('GET', '/sessions')).toBe(1);
    expect(elementIn(canvasElement, 'sk-session-provider').providedClient).toBe(client);
  },
};

export const WithBaseUrl: Story = {
  name: 'With base-url',
  render: (_args, context) => stage(envOf(context), html`<sk-session-provider base-url=${API}>${account}</sk-session-provider>`),
  play: async ({ canvasElement, loaded }) => {
    const provider = elementIn(canvasElement, 'sk-session-provider');
    await findRows(elementIn(canvasElement, 'sk-session-list'));
    // The provider built (and will dispose) a REST client of its own.
    expect(provider.providedClient).toBeTruthy();
    expect(provider.providedClient).not.toBe(envOf({ loaded }).client);
  },
};

/** An app's own component with a shadow root: the provider's client reaches elements inside it. */
class StoryAccountMenu extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const label = document.createElement('span');
    label.textContent = 'Signed in as Ada ';
    root.append(label, document.createElement('sk-logout-button'));
  }
}
if (!customElements.get('story-account-menu')) customElements.define('story-account-menu', StoryAccountMenu);

declare global {
  interface HTMLElementTagNameMap {
    'story-account-menu': StoryAccountMenu;
  }
}

export const ThroughShadowRoots: Story = {
  name: 'Through shadow roots',
  render: (_args, context) =>
    stage(envOf(context), html`<sk-session-provider .client=${envOf(context).client}><story-account-menu></story-account-menu></sk-session-provider>`),
  play: async ({ canvasElement }) => {
    const menu = elementIn(canvasElement, 'story-account-menu');
    const button = menu.shadowRoot!.querySelector('sk-logout-button')!;
    expect(await findPart(button, 'button')).toBeTruthy();
  },
};

export const DefaultClient: Story = {
  name: 'No provider: the default client',
  render: (_args, context) => {
    const env = envOf(context);
    setDefaultClient(env.client);
    env.onCleanup(() => setDefaultClient(undefined));
    return stage(env, account);
  },
  play: async ({ canvasElement }) => {
    await findRows(elementIn(canvasElement, 'sk-session-list'));
    await waitFor(() => expect(part(elementIn(canvasElement, 'sk-logout-button'), 'button')).toBeTruthy());
  },
};
