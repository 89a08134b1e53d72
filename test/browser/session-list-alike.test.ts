import { describe, expect, it } from 'vitest';
import '../../components/session-list/define.js';
import type { SkSessionList } from '../../components/session-list/define.js';
import { fake, mount, newClient, part, parts, until } from './support.js';

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const MINUTE = 60_000;
const DAY = 86_400_000;

/** This browser, with `phones` sessions elsewhere that differ only in what `vary(index)` gives them. */
async function listWithPhones(phones: number, vary: (index: number) => Record<string, unknown>, markup = '<sk-session-list></sk-session-list>') {
  fake.signIn({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36', lastActiveAt: fake.now() - 5 * MINUTE });
  const signedInAt = new Date(fake.now() - 2 * DAY).setHours(9, 0, 0, 0);
  for (let index = 0; index < phones; index++) {
    fake.signIn({ current: false, userAgent: IPHONE_SAFARI, ipAddress: '203.0.113.24', createdAt: signedInAt, lastActiveAt: fake.now() - 7 * MINUTE, ...vary(index) });
  }
  const client = newClient();
  await client.getSession();
  const list = await mount<SkSessionList>(markup, client);
  await until(() => expect(parts(list, 'row')).toHaveLength(phones + 1));
  return list;
}

const names = (list: SkSessionList) => parts(list, 'revoke-button').map((button) => button.getAttribute('aria-label')!);
const created = (list: SkSessionList) => parts(list, 'created').map((time) => time.textContent);
const time = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

describe('<sk-session-list>: rows that would read alike', () => {
  it('phones signed in the same day at different times show their sign-in time, and each button names its own', async () => {
    const base = new Date(fake.now() - 2 * DAY).setHours(9, 0, 0, 0);
    const list = await listWithPhones(3, (index) => ({ createdAt: base + index * 37 * MINUTE }));

    // Equally recent, so in no particular order.
    expect(created(list).slice(1).sort()).toEqual([0, 1, 2].map((index) => `Signed in ${time(base + index * 37 * MINUTE)}`).sort());
    expect(names(list).sort()).toEqual([0, 1, 2].map((index) => `Sign out of Safari on iOS (203.0.113.24, Signed in ${time(base + index * 37 * MINUTE)})`).sort());
    expect(new Set(names(list)).size).toBe(3);
  });

  it('identical devices get distinct accessible names, numbered when nothing else differs, and the confirmation uses the same name', async () => {
    const list = await listWithPhones(4, () => ({}));

    const labels = names(list);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/^Sign out of Safari on iOS \(203\.0\.113\.24, Signed in .+\) #1$/);
    expect(labels[3]).toMatch(/#4$/);
    // On screen too: the labels carry the same numbers, so rows that are otherwise identical differ.
    const shown = parts(list, 'label').map((label) => label.textContent);
    expect(shown).toEqual(['Chrome on macOS', ...[1, 2, 3, 4].map((n) => `Safari on iOS #${n}`)]);
    // The accessible name is what assistive technology announces: the computed name, not only the attribute.
    for (const button of parts(list, 'revoke-button')) expect(button.textContent!.trim()).toBe('Sign out');

    parts(list, 'revoke-button')[2].click();
    await until(() => expect(part(list, 'confirm-message')!.textContent).toBe(`${labels[2]}?`));
  });

  it('devices that differ in what is shown keep the date alone on screen; their buttons still say which is which', async () => {
    const base = new Date(fake.now() - 2 * DAY).setHours(9, 0, 0, 0);
    const list = await listWithPhones(2, (index) => ({ ipAddress: `198.51.100.${index + 1}` }));

    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(base);
    expect(created(list).slice(1)).toEqual([`Signed in ${day}`, `Signed in ${day}`]);
    expect(names(list)).toEqual([1, 2].map((n) => `Sign out of Safari on iOS (198.51.100.${n}, Signed in ${time(base)})`));
  });

  it('this device reads "Active now" whatever its last recorded activity', async () => {
    const list = await listWithPhones(1, () => ({}));
    const current = parts(list, 'row')[0];
    expect(current.querySelector('[part=last-active]')!.textContent).toBe('Active now');
    expect(parts(list, 'last-active')[1].textContent).toBe('Active 7 minutes ago');
  });

  it('this device is not numbered among devices alike to it: its badge tells it apart', async () => {
    const at = fake.now() - DAY;
    fake.signIn({ createdAt: at, lastActiveAt: at });
    for (let index = 0; index < 2; index++) fake.signIn({ current: false, createdAt: at, lastActiveAt: at });
    const client = newClient();
    await client.getSession();
    const list = await mount<SkSessionList>('<sk-session-list></sk-session-list>', client);
    await until(() => expect(parts(list, 'row')).toHaveLength(3));

    const labels = parts(list, 'label').map((label) => label.textContent);
    expect(labels[0]).toBe('Unknown device');
    expect(labels.slice(1).sort()).toEqual(['Unknown device #1', 'Unknown device #2']);
    expect(new Set(names(list)).size).toBe(2);
  });
});
