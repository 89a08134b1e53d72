import { css } from 'lit';

export const sessionExpiredStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 var(--_space);
  }
  [part=countdown] {
    font-variant-numeric: tabular-nums;
  }
  [part=actions] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) * 1.5);
  }
  ::slotted([slot=reauth]) {
    display: block;
    margin-block: var(--_space);
  }
`;
