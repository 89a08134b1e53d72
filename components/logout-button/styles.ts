import { css } from 'lit';

export const logoutButtonStyles = css`
  :host {
    display: inline-block;
  }
  [part=base] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  [part=message]:empty {
    display: none;
  }
  [part=message] {
    flex-basis: 100%;
  }
`;
