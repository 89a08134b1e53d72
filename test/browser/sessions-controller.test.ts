import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import '../../components/session-list/define.js';
import type { SkSessionList } from '../../components/session-list/define.js';
import { SessionsController } from '../../core/controllers/index.js';
import type { SessionClient } from '../../core/index.js';
import { fake, mount, newClient, parts, until } from './support.js';

async function signedIn(others = 2) {
  fake.signIn();
  const devices = fake.addOtherDevices(others);
  const client = newClient();
  await client.getSession();
  return { client, devices };
}

/** A custom list, as an app would write one with the controller. */
class MySessions extends LitElement {
  sessions = new SessionsController(this);
  set client(client: SessionClient) {
    this.sessions.client = client;
    this.requestUpdate();
  }
  override render() {
    const { status, sessions } = this.sessions;
    if (status !== 'ready') return html`<p>${status}</p>`;
    return html`<ul>
      ${sessions.map((s) => html`<li data-id=${s.id}>${s.current ? 'this device' : html`<button @click=${() => this.sessions.revoke(s.id).catch(() => {})}>revoke</button>`}</li>`)}
    </ul>`;
  }
}
customElements.define('my-sessions', MySessions);

const ids = (root: ParentNode) => [...root.querySelectorAll('li')].map((li) => li.dataset.id);

describe('SessionsController in an element of your own', () => {
  it('lists the sessions, and a revoke there takes the row out of <sk-session-list> on the same page at once', async () => {
    const { client, devices } = await signedIn(2);
    fake.latency = 100;
    const custom = await mount<MySessions>('<my-sessions></my-sessions>', client);
    (custom as unknown as { client: SessionClient }).client = client;
    const list = document.createElement('sk-session-list') as SkSessionList;
    list.client = client;
    custom.after(list);
    await until(() => expect(ids(custom.shadowRoot!)).toHaveLength(3));
    await until(() => expect(parts(list, 'row')).toHaveLength(3));

    custom.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-id="${devices[0].id}"] button`)!.click();
    await custom.updateComplete;
    await list.updateComplete;

    // Both views dropped the row at once, before the server could answer.
    expect(ids(custom.shadowRoot!)).not.toContain(devices[0].id);
    expect(parts(list, 'row')).toHaveLength(2);
    await until(() => expect(fake.count('DELETE', '/sessions/')).toBe(1));
    expect(fake.count('GET', '/sessions')).toBe(1);
  });
});
