import { css } from 'lit';

/**
 * The theme every element shares. Public `--sk-*` properties feed private `--_*` ones, so a page
 * sets a colour once and dark mode keeps working for whatever it did not set.
 * Light or dark is the element's `color-scheme` (`light-dark()`): inherited from the page, so a page
 * that declares `color-scheme: light dark` follows the system setting, and a page that declares
 * none stays light — light text on a page that never turned dark would be unreadable. `theme` sets it.
 * On hover, plain buttons take the subtle background; danger and primary ones keep their colour and brighten.
 */
export const baseStyles = css`
  :host {
    --_text: var(--sk-color-text, light-dark(#1f2328, #f0f6fc));
    --_muted: var(--sk-color-muted, light-dark(#59636e, #9198a1));
    --_surface: var(--sk-color-surface, light-dark(#fff, #0d1117));
    --_border: var(--sk-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--sk-color-accent, light-dark(#0969da, #4493f8));
    --_danger: var(--sk-color-danger, light-dark(#cf222e, #f85149));
    --_on-danger: light-dark(#fff, #0d1117);
    --_subtle: light-dark(#f6f8fa, #151b23);
    --_radius: var(--sk-radius, 6px);
    --_space: var(--sk-space, 0.75rem);
    font: var(--sk-font-size, 0.875rem) / 1.5 var(--sk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    color: var(--_text);
  }
  :host([theme=dark]) {
    color-scheme: dark;
  }
  :host([theme=light]) {
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.1);
    font: inherit;
    font-weight: 500;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
    cursor: pointer;
  }
  button:hover:not([aria-disabled=true], :disabled, .danger, .primary) {
    background: var(--_subtle);
  }
  .danger,
  .primary {
    color: var(--_on-danger);
    background: var(--_danger);
    border-color: transparent;
  }
  .primary {
    background: var(--_accent);
  }
  button:is(.danger, .primary):hover:not(:disabled) {
    filter: brightness(1.1);
  }
  button[aria-disabled=true] {
    cursor: default;
    opacity: 0.7;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: sk-spin 0.8s linear infinite;
  }
  @keyframes sk-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .error {
    color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
