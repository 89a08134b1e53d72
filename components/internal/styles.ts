import { css } from 'lit';

const dark = css`
  --_text: var(--sk-color-text, #f0f6fc);
  --_muted: var(--sk-color-muted, #9198a1);
  --_surface: var(--sk-color-surface, #0d1117);
  --_border: var(--sk-color-border, #3d444d);
  --_accent: var(--sk-color-accent, #4493f8);
  --_danger: var(--sk-color-danger, #f85149);
  --_on-danger: #0d1117;
  --_subtle: #151b23;
`;

/**
 * The theme every element shares. Public `--sk-*` properties feed private `--_*` ones, so a page
 * sets a colour once and dark mode keeps working for whatever it did not set.
 * On hover, plain buttons take the subtle background; danger and primary ones keep their colour and brighten.
 */
export const baseStyles = css`
  :host {
    --_font: var(--sk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_size: var(--sk-font-size, 0.875rem);
    --_text: var(--sk-color-text, #1f2328);
    --_muted: var(--sk-color-muted, #59636e);
    --_surface: var(--sk-color-surface, #ffffff);
    --_border: var(--sk-color-border, #d1d9e0);
    --_accent: var(--sk-color-accent, #0969da);
    --_danger: var(--sk-color-danger, #cf222e);
    --_on-danger: #ffffff;
    --_subtle: #f6f8fa;
    --_radius: var(--sk-radius, 6px);
    --_space: var(--sk-space, 0.75rem);
    font: var(--_size) / 1.5 var(--_font);
    color: var(--_text);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  button,
  a.button {
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
  button:hover:not([aria-disabled='true'], .danger, .primary) {
    background: var(--_subtle);
  }
  button.danger,
  button.primary,
  a.primary {
    color: var(--_on-danger);
    background: var(--_danger);
    border-color: transparent;
  }
  button.primary,
  a.primary {
    background: var(--_accent);
  }
  button.danger:hover,
  button.primary:hover {
    filter: brightness(1.1);
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
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
