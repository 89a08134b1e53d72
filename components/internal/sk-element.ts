import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { SessionClient } from '../../core/client.js';
import { getDefaultClient, onDefaultClientChange } from '../../core/default-client.js';
import type { SessionState } from '../../core/types.js';
import { dispatchContextEvent } from './client-context.js';
import { expand, localeTables, plural, resolveLang, type Plural } from './localize.js';

/** Every connected kit element, so a locale that finishes loading, or a page `lang` change, re-renders them. */
const connected = new Set<SkElement<Record<string, string | Plural>>>();
const rerenderAll = () => connected.forEach((element) => element.requestUpdate());
/**
 * What every sessionkit element shares: finding its client (property, provider, default), following
 * the session state, speaking the page's language, and the theme below (`styles.ts`). The CSS
 * properties are documented here once: the manifest gives them to every element that extends this.
 *
 * @cssproperty [--sk-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif] - Font family.
 * @cssproperty [--sk-font-size=0.875rem] - Base font size.
 * @cssproperty [--sk-color-text=#1f2328] - Text colour (dark: `#f0f6fc`).
 * @cssproperty [--sk-color-muted=#59636e] - Secondary text colour (dark: `#9198a1`).
 * @cssproperty [--sk-color-surface=#ffffff] - Backgrounds: buttons, rows, the dialog (dark: `#0d1117`).
 * @cssproperty [--sk-color-border=#d1d9e0] - Borders and separators (dark: `#3d444d`).
 * @cssproperty [--sk-color-accent=#0969da] - Focus ring and primary actions (dark: `#4493f8`).
 * @cssproperty [--sk-color-danger=#cf222e] - Destructive actions and errors (dark: `#f85149`).
 * @cssproperty [--sk-radius=6px] - Corner radius.
 * @cssproperty [--sk-space=0.75rem] - Base spacing unit.
 */
export abstract class SkElement<Strings extends Record<string, string | Plural>> extends LitElement {
  // Typed as a plain declaration map so that each element declares only its own properties: Lit
  // merges a superclass's declarations into its subclasses'.
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    strings: { attribute: false },
    theme: { reflect: true },
  };

  /** The session client; by default the nearest provider's, else the default client. */
  client?: SessionClient;
  /** Replaces any of the element's strings. */
  strings?: Partial<Strings>;
  /** `light` or `dark`; unset follows the page's `color-scheme` (so the system setting, where the page declares `color-scheme: light dark`). */
  theme?: 'light' | 'dark';

  /** The element's English strings. */
  protected abstract readonly defaultStrings: Strings;
  /** The key of this element's strings in a locale table. */
  protected abstract readonly stringsKey: string;

  protected sessionClient?: SessionClient;
  protected sessionState: SessionState = { status: 'unknown', session: null };
  #providedClient?: SessionClient;
  /** A provider answered, even if it has no client yet (React creates its client in an effect). */
  #hasProvider = false;
  /** Ends the provider's subscription. */
  #releaseProvider?: () => void;
  #unsubscribe?: () => void;
  #unwatchDefault?: () => void;
  #missingClientTimer?: ReturnType<typeof setTimeout>;

  static #pageObserved = false;

  static #observePage() {
    if (SkElement.#pageObserved) return;
    SkElement.#pageObserved = true;
    // Providers announce themselves with a bubbling `context-provider` event: the elements no
    // provider answered yet (written before their provider was defined, say) ask again.
    document.addEventListener('context-provider', () => connected.forEach((element) => element.#hasProvider || element.#askProvider()));
    new MutationObserver(rerenderAll).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override connectedCallback() {
    SkElement.#observePage();
    super.connectedCallback();
    connected.add(this);
    this.#askProvider();
    this.#useClient();
  }

  /** Asks the nearest `<sk-session-provider>` (through shadow roots too) for its client, and to keep it current. */
  #askProvider() {
    const onClient = (client: SessionClient | undefined, release?: () => void) => {
      if (release !== this.#releaseProvider) this.#releaseProvider?.();
      this.#releaseProvider = release;
      this.#hasProvider = true;
      this.#providedClient = client;
      this.#useClient();
    };
    dispatchContextEvent('context-request', this, onClient);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    connected.delete(this);
    this.#releaseProvider?.();
    this.#releaseProvider = this.#providedClient = undefined;
    this.#hasProvider = false;
    this.#dropClient();
    this.#unwatchDefault?.();
    clearTimeout(this.#missingClientTimer);
    // Connected again without a client, it says so again.
    this.#unwatchDefault = this.#missingClientTimer = undefined;
  }

  /** Stops following the client's state, and forgets the client. */
  #dropClient() {
    this.#unsubscribe?.();
    this.sessionClient = this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('client')) this.#useClient();
  }

  /** Called when the session state changes (not on first subscription). */
  protected stateChanged(_state: SessionState, _previous: SessionState): void {}

  /** Called when the element gets a client, before it renders with it. */
  protected clientConnected(_client: SessionClient): void {}

  #useClient() {
    if (!this.isConnected) return;
    const client = this.client ?? this.#providedClient ?? getDefaultClient();
    if (!client) {
      // A client taken away (property cleared, provider gone) is dropped, not kept, and what was
      // drawn with it goes too.
      if (this.sessionClient) this.requestUpdate();
      this.#dropClient();
      this.#unwatchDefault ??= onDefaultClientChange(() => this.#useClient());
      // Providers and default clients may arrive a moment later, and a provider may get its client
      // later still: only an element with neither is a mistake.
      this.#missingClientTimer ??= setTimeout(() => {
        if (!this.sessionClient && !this.#hasProvider) {
          console.error(`<${this.localName}>: no session client. Put it in <sk-session-provider>, set its client, or call setDefaultClient().`);
        }
      });
      return;
    }
    if (client === this.sessionClient) return;
    this.#unsubscribe?.();
    this.sessionClient = client;
    this.sessionState = client.getState();
    this.#unsubscribe = client.subscribe((state) => {
      const previous = this.sessionState;
      this.sessionState = state;
      this.stateChanged(state, previous);
      this.requestUpdate();
    });
    this.clientConnected(client);
    this.requestUpdate();
  }

  /** The language the element speaks: its own `lang`, or the nearest ancestor's. */
  protected get locale(): string {
    return resolveLang(this);
  }

  /** The element's strings in its language, with `strings` overrides applied. */
  protected get t(): Strings {
    const localized = expand(localeTables(this.locale, rerenderAll)?.[this.stringsKey], this.defaultStrings);
    return { ...this.defaultStrings, ...localized, ...this.strings } as Strings;
  }

  /** A plural string for `count` in the element's language. */
  protected plural(message: string | Plural, count: number): string {
    return plural(message, count, this.locale);
  }
}
