import { html, nothing } from 'lit';
import type { DeviceType, Session } from '../../core/types.js';
import { format } from '../internal/localize.js';
import type { Formatters } from './describe.js';
import { deviceIcon } from './icons.js';
import type { SessionListStrings } from './strings.js';

export interface RowOptions {
  t: SessionListStrings;
  fmt: Formatters;
  hideIp: boolean;
  hideLocation: boolean;
}

/** Sign-in providers by id: brand names, the same in every language, so not in the string tables. */
const PROVIDERS = new Map(
  Object.entries({
    google: 'Google',
    github: 'GitHub',
    gitlab: 'GitLab',
    apple: 'Apple',
    microsoft: 'Microsoft',
    facebook: 'Facebook',
    discord: 'Discord',
    linkedin: 'LinkedIn',
    slack: 'Slack',
    twitter: 'X',
  }),
);

/** A `<time>` for `date` showing `text(date)`, with the exact time as its title; nothing without a date. */
const time = (date: Date | undefined, part: string, fmt: Formatters, text: (date: Date) => string) =>
  date ? html`<time part=${part} datetime=${date.toISOString()} title=${fmt.exact(date)}>${text(date)}</time>` : nothing;

/**
 * What one session's list row (`<li part="row">`) holds. Every value from the server is bound as
 * text, never as markup. `actions` are the row's buttons or its confirmation.
 */
export function sessionRow(session: Session, device: { type: DeviceType; label: string }, { t, fmt, hideIp, hideLocation }: RowOptions, actions: unknown) {
  const { current, ipAddress, location, authMethods } = session;
  const methods = authMethods?.map((method) => {
    const name = (t as Record<string, unknown>)[`method_${method}`];
    return typeof name === 'string' ? name : (PROVIDERS.get(method.toLowerCase()) ?? method);
  });
  // No whitespace inside the detail lines: an empty line collapses with :empty.
  return html`${deviceIcon(device.type)}
    <div class="main">
      <div class="title"><span part="label">${device.label}</span>${current ? html`<span part="badge">${t.thisDevice}</span>` : nothing}</div>
      <div part="details" class="muted">${!hideIp && ipAddress ? html`<span part="ip"><bdi>${ipAddress}</bdi></span>` : nothing}${!hideLocation && location
          ? html`<span part="location"><bdi>${location}</bdi></span>`
          : nothing}${methods ? html`<span part="methods">${format(t.methods, { methods: fmt.list(methods) })}</span>` : nothing}</div>
      <div part="times" class="muted">${time(session.lastActiveAt, 'last-active', fmt, (date) => format(t.lastActive, { time: fmt.ago(date) }))}${time(
          session.createdAt,
          'created',
          fmt,
          (date) => format(t.signedIn, { date: fmt.day(date) }),
        )}</div>
    </div>
    ${actions}`;
}
