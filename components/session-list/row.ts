import { html, nothing } from 'lit';
import { formatParts } from '../internal/localize.js';
import type { Formatters, RowText } from './describe.js';
import { deviceIcon } from './icons.js';
import type { SessionListStrings } from './strings.js';

/** A `<time>` for `date` showing `text`, with the exact time as its title; nothing without both. */
const time = (date: Date | undefined, text: string | undefined, part: string, fmt: Formatters) =>
  date && text ? html`<time part=${part} datetime=${date.toISOString()} title=${fmt.exact(date)}>${text}</time>` : nothing;

const detail = (part: string, text: string | undefined) => (text ? html`<span part=${part}><bdi>${text}</bdi></span>` : nothing);

/**
 * The label as shown, numbered when it needs to be. Its words follow the list's direction, so
 * "Chrome on macOS" reads in the order its language puts them, right to left in Arabic too; a name
 * the server gave the device is data, isolated in a `<bdi>` to take its own direction.
 */
function label(row: RowText, t: SessionListStrings) {
  const device = row.ownName ? html`<bdi>${row.ownName}</bdi>` : row.label;
  return row.number ? formatParts(t.deviceNumber, { device, number: row.number }) : device;
}

/**
 * What one session's list row (`<li part="row">`) holds. Every value from the server is bound as
 * text, never as markup. `actions` are the row's buttons or its confirmation.
 */
export function sessionRow(row: RowText, t: SessionListStrings, fmt: Formatters, actions: unknown) {
  const { session } = row;
  // This device is active now: its `<time>` says when this was drawn.
  const lastActive = session.current ? new Date() : session.lastActiveAt;
  // No whitespace inside the detail lines: an empty line collapses with :empty.
  return html`${deviceIcon(row.type)}
    <div class="main">
      <div class="title"><span part="label">${label(row, t)}</span>${session.current ? html`<span part="badge">${t.thisDevice}</span>` : nothing}</div>
      <div part="details" class="muted">${detail('ip', row.ip)}${detail('location', row.location)}${detail('methods', row.methods)}</div>
      <div part="times" class="muted">${time(lastActive, row.lastActive, 'last-active', fmt)}${time(session.createdAt, row.created, 'created', fmt)}</div>
    </div>
    ${actions}`;
}
