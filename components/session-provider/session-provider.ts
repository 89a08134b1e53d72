import type { ContextCallback } from '@lit/context';
import { html, LitElement, css, type PropertyValues } from 'lit';
import type { SessionClient } from '../../core/client.js';
import { clientContext, dispatchContextEvent } from '../internal/client-context.js';
import { createRestClient } from '../internal/rest-client.js';

/**
 * Gives every sessionkit element inside it — through shadow roots too — one shared session client.
 * Either set `base-url` (it then builds a REST client for sessionkit's protocol, and disposes it
 * when removed) or set the `client` property to a client you created.
 *
 * @tag sk-session-provider
 * @slot - The page content that uses the client.
 */
export class SkSessionProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    csrfHeader: { attribute: 'csrf-header' },
    csrfCookie: { attribute: 'csrf-cookie' },
    allowedOrigins: { attribute: 'allowed-origins' },
  };

  /** A client to provide. When set, `base-url` and the CSRF attributes are ignored. */
  client?: SessionClient;
  /** Base URL of the REST protocol, e.g. `/api/auth`. */
  baseUrl?: string;
  /** Header that carries the CSRF token on non-GET requests, e.g. `x-csrf-token`. */
  csrfHeader?: string;
  /** Cookie the CSRF token is read from (double-submit). */
  csrfCookie?: string;
  /** Space-separated origins, besides the page's, that may be navigated to and receive credentials. */
  allowedOrigins?: string;

  /**
   * The elements that asked to follow the client (the community context protocol, which
   * `@lit/context` speaks too): each callback with the element that asked and its own disposer,
   * the same one at every answer, so a consumer can tell a new provider from this one.
   */
  readonly #consumers = new Map<ContextCallback<SessionClient | undefined>, [host: EventTarget, dispose: () => void]>();
  #provided?: SessionClient;

  constructor() {
    super();
    this.addEventListener('context-request', (event) => {
      const asking = event.contextTarget ?? event.composedPath()[0];
      if (event.context !== clientContext || asking === this) return;
      event.stopPropagation();
      const callback = event.callback as ContextCallback<SessionClient | undefined>;
      if (!event.subscribe) return callback(this.#provided);
      if (!this.#consumers.has(callback)) this.#consumers.set(callback, [asking, () => this.#consumers.delete(callback)]);
      callback(this.#provided, this.#consumers.get(callback)![1]);
    });
    // A provider connected inside this one: every consumer asks again, so those inside it move there.
    this.addEventListener('context-provider', (event) => {
      const provider = event.contextTarget ?? event.composedPath()[0];
      if (event.context !== clientContext || provider === this) return;
      event.stopPropagation();
      for (const [callback, [asking]] of [...this.#consumers]) dispatchContextEvent('context-request', asking, callback);
    });
  }
  /** The client built from `base-url`; ours to dispose. */
  #ownClient?: SessionClient;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Every property configures the client, so any change gives a new one.
    if (changed.size) this.#provideClient();
  }

  override connectedCallback() {
    super.connectedCallback();
    dispatchContextEvent('context-provider', this);
    if (this.hasUpdated) this.#provideClient();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#ownClient?.dispose();
    this.#ownClient = undefined;
  }

  /** The client the provider gives its descendants. */
  get providedClient(): SessionClient | undefined {
    return this.client ?? this.#ownClient;
  }

  #provideClient() {
    this.#ownClient?.dispose();
    this.#ownClient = undefined;
    const { baseUrl, csrfHeader, csrfCookie, allowedOrigins } = this;
    if (!this.client && baseUrl && this.isConnected) {
      this.#ownClient = createRestClient({ baseUrl, csrfHeader, csrfCookie, allowedOrigins });
    }
    // Undefined too: elements drop a client that was disposed here rather than keep using it.
    const client = this.providedClient;
    if (client === this.#provided) return;
    this.#provided = client;
    for (const [callback, [, dispose]] of this.#consumers) callback(client, dispose);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sk-session-provider': SkSessionProvider;
  }
}
