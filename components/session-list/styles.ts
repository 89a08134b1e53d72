import { css } from 'lit';

/**
 * Why some rules are as they are (notes here, not in the CSS, which ships as written):
 * - Rows wrap instead of squeezing: on a narrow screen the button moves below the details.
 * - Nothing real is cut: labels and details wrap (breaking inside a long word only where it has to), and
 *   each phrase of the times line ("Active 7 minutes ago") stays whole, moving to the next line as one
 *   piece. Only hostile lengths (a 10 000-character "device name") are cut, after three lines.
 * - In a narrow row (a phone) each detail and each time takes a line of its own, without separators: a
 *   wrapped "· Signed in …" would start a line with a dot. The row's middle is a size container for that.
 * - Data takes its own direction (`<bdi>`): an IP address stays left-to-right on a right-to-left page. The
 *   label is the kit's words ("Chrome on macOS") in the list's direction, with only a device's own name isolated.
 * - The separator goes before every detail but the first, written `:not(:first-child)`, not `* + *`:
 *   with that universal sibling selector Chromium restyles every row when one is removed.
 * - The status region is never `display: none`, so it stays in the accessibility tree and is announced.
 * - The placeholder pulses its opacity, not its colour: the compositor runs an opacity animation on its
 *   own, while a colour animation restyles and repaints the page on the main thread every frame, and
 *   the list's response would wait behind those frames.
 * - The heading is as wide as its text: focus lands on it after a revoke or logout, and the ring should hug the words.
 */
export const sessionListStyles = css`
  :host {
    display: block;
  }
  [part=heading] {
    width: fit-content;
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.15em;
    font-weight: 600;
  }
  [part=list] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~=row],
  [part=skeleton] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  [part~=row] > button {
    margin-inline-start: auto;
  }
  [part=icon] {
    color: var(--_muted);
  }
  .main {
    flex: 1 1 12rem;
    min-width: 0;
    container-type: inline-size;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(var(--_space) / 2);
  }
  [part=label] {
    font-weight: 600;
  }
  [part=label],
  [part=details] {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow-wrap: anywhere;
  }
  [part=details] > *,
  [part=times] > * {
    display: inline-block;
  }
  [part=details] > :not(:first-child)::before,
  [part=times] > :not(:first-child)::before {
    content: '·' / '';
    margin-inline: 0.4em;
  }
  @container (max-width: 20rem) {
    [part=details] > *,
    [part=times] > * {
      display: block;
    }
    [part=details] > :not(:first-child)::before,
    [part=times] > :not(:first-child)::before {
      content: none;
    }
  }
  [part=details]:empty,
  [part=times]:empty {
    display: none;
  }
  [part=badge] {
    flex: none;
    padding: 0 0.5em;
    font-size: 0.75rem;
    color: var(--_accent);
    border: 1px solid currentColor;
    border-radius: 1em;
  }
  [part=confirm] {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  [part=confirm-message],
  [part=confirm-note] {
    flex-basis: 100%;
    margin: 0;
  }
  [part=confirm-message] {
    font-weight: 600;
  }
  .others [part=confirm],
  [part=revoke-others-button],
  [part=show-more],
  [part=retry-button],
  [part=status]:not(:empty) {
    margin-block-start: var(--_space);
  }
  [part=show-more] {
    display: flex;
  }
  [part=message],
  [part=empty] {
    margin: var(--_space) 0 0;
  }
  [part=skeleton] > span {
    flex: 1;
    height: 2.25rem;
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.4;
    animation: sk-pulse 1s ease-in-out infinite alternate;
  }
  @keyframes sk-pulse {
    to {
      opacity: 1;
    }
  }
`;
