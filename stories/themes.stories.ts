import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../components/logout-button/define.js';
import '../components/session-expired/define.js';
import '../components/session-list/define.js';
import '../components/session-provider/define.js';
import { elementIn, findPart, findRows, part, parts, textOf } from './support/dom.js';
import { envOf, type FakeArgs, type FakeParameters } from './support/environment.js';
import { OTHER_DEVICES } from './support/fake.js';
import { stage } from './support/page.js';

type Story = StoryObj<FakeArgs> & { parameters?: FakeParameters & Record<string, unknown> };

const list = (canvas: HTMLElement) => elementIn(canvas, 'sk-session-list');
const color = (element: Element, property = 'color') => getComputedStyle(element).getPropertyValue(property);
/** Arabic script, or Arabic-Indic digits. */
const ARABIC = /[\u0600-\u06FF]/;

const meta = {
  title: 'Themes',
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <div class="sk-story-row"><sk-logout-button></sk-logout-button></div>
        <sk-session-list></sk-session-list>
      </sk-session-provider>`,
    ),
} satisfies Meta<FakeArgs>;
export default meta;

export const Dark: Story = {
  parameters: { page: { dark: true } },
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <div class="sk-story-row"><sk-logout-button theme="dark" scope="others"></sk-logout-button></div>
        <sk-session-list theme="dark"></sk-session-list>
      </sk-session-provider>`,
    ),
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    expect(color(host)).toBe('rgb(240, 246, 252)');
    // The confirmation too, since it has a surface of its own.
    await userEvent.click(parts(host, 'revoke-button')[0]);
    expect(textOf(await findPart(host, 'confirm-message'))).toContain(OTHER_DEVICES[0]);
  },
};

export const DarkDialog: Story = {
  name: 'Dark dialog',
  parameters: { page: { dark: true }, docs: { story: { inline: false, height: '420px' } } },
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <p>Draft: quarterly report</p>
        <sk-session-expired theme="dark" login-url="/login"></sk-session-expired>
      </sk-session-provider>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    const { fake, client } = envOf({ loaded });
    const host = elementIn(canvasElement, 'sk-session-expired');
    await waitFor(() => expect(client.getState().status).toBe('active'));
    fake.revokeFromElsewhere();
    await client.getSession();
    const dialog = await findPart<HTMLDialogElement>(host, 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    expect(color(dialog, 'background-color')).toBe('rgb(13, 17, 23)');
  },
};

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  parameters: { page: { dir: 'rtl', lang: 'ar' } },
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<sk-session-provider .client=${envOf(context).client}>
        <div class="sk-story-row"><sk-logout-button></sk-logout-button></div>
        <sk-session-list></sk-session-list>
      </sk-session-provider>`,
    ),
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const [current, other] = await findRows(host);
    expect(getComputedStyle(current).direction).toBe('rtl');
    // Rows run from the right: the icon starts at the right edge, the action ends at the left.
    const icon = current.querySelector('[part=icon]')!.getBoundingClientRect();
    const action = other.querySelector('[part=revoke-button]')!.getBoundingClientRect();
    expect(action.right).toBeLessThan(icon.left);
    // Dates speak Arabic whether or not the Arabic string table has loaded.
    expect(textOf(other.querySelector('[part=last-active]'))).toMatch(ARABIC);
    // Latin data (device names, IP addresses) keeps its own direction inside the Arabic row.
    expect(textOf(other.querySelector('[part=ip]'))).toBe('203.0.113.24');
  },
};

export const German: Story = {
  name: 'German',
  render: (_args, context) =>
    stage(
      envOf(context),
      html`<div lang="de">
        <sk-session-provider .client=${envOf(context).client}>
          <div class="sk-story-row"><sk-logout-button></sk-logout-button></div>
          <sk-session-list></sk-session-list>
        </sk-session-provider>
      </div>`,
    ),
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    const [, other] = await findRows(host);
    // Relative times come from Intl in German whether or not the German string table has loaded.
    expect(textOf(other.querySelector('[part=last-active]'))).toMatch(/vor \d+ Minuten/);
  },
};

/** A theme made only of the public custom properties and `::part()` rules: no private hooks. */
const forest = html`<style>
  .forest {
    --sk-font-family: Georgia, 'Times New Roman', serif;
    --sk-font-size: 0.95rem;
    --sk-color-text: #1d2b1f;
    --sk-color-muted: #4a5d4c;
    --sk-color-surface: #f6f3ea;
    --sk-color-border: #c9c2ad;
    --sk-color-accent: #2f6b3a;
    --sk-color-danger: #a3322a;
    --sk-radius: 14px;
    --sk-space: 0.9rem;
    padding: 1rem 1.25rem;
    color: #1d2b1f;
    background: #f6f3ea;
    border-radius: 18px;
  }
  .forest sk-session-list::part(heading) {
    font-variant: small-caps;
    letter-spacing: 0.04em;
  }
  .forest sk-session-list::part(row) {
    padding-inline: 0.5rem;
  }
  .forest sk-session-list::part(current) {
    background: #ebe5d3;
    border-radius: 10px;
  }
  .forest sk-session-list::part(badge) {
    color: #f6f3ea;
    background: #2f6b3a;
    border-color: #2f6b3a;
  }
  .forest sk-logout-button::part(button),
  .forest sk-session-list::part(revoke-others-button) {
    border-radius: 999px;
  }
</style>`;

export const CustomTheme: Story = {
  name: 'Custom theme (--sk-* and ::part)',
  render: (_args, context) =>
    stage(
      envOf(context),
      html`${forest}
        <div class="forest">
          <sk-session-provider .client=${envOf(context).client}>
            <div class="sk-story-row"><sk-logout-button theme="light"></sk-logout-button></div>
            <sk-session-list theme="light"></sk-session-list>
          </sk-session-provider>
        </div>`,
    ),
  play: async ({ canvasElement }) => {
    const host = list(canvasElement);
    await findRows(host);
    expect(color(part(host, 'badge')!, 'background-color')).toBe('rgb(47, 107, 58)');
    expect(color(host, 'font-family')).toContain('Georgia');
    expect(color(part(elementIn(canvasElement, 'sk-logout-button'), 'button')!, 'border-top-left-radius')).toBe('999px');
  },
};
