import { SkSessionProvider } from './session-provider.js';

export { SkSessionProvider };

if (!customElements.get('sk-session-provider')) customElements.define('sk-session-provider', SkSessionProvider);
