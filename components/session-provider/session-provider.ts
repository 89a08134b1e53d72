import { ContextProvider } from '@lit/context';
import { html, LitElement, css, type PropertyValues } from 'lit';
import type { SessionClient } from '../../core/client.js';
import { clientContext } from '../internal/client-context.js';
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

  readonly #provider = new ContextProvider(this, { context: clientContext });
  /** The client built from `base-url`; ours to dispose. */
  #ownClient?: SessionClient;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Every property configures the client, so any change gives a new one.
    if (changed.size) this.#provideClient();
  }

  override connectedCallback() {
    super.connectedCallback();
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
    this.#provider.setValue(this.providedClient);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
