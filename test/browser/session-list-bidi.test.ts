/**
 * Direction of the rows' text: the kit's words follow the list's direction (so an Arabic "Chrome on
 * macOS" reads right to left, Chrome first), and data the server sends keeps its own.
 */
import { describe, expect, it } from 'vitest';
import '../../components/session-list/define.js';
import type { SkSessionList } from '../../components/session-list/define.js';
import { fake, mount, newClient, parts, until } from './support.js';

const MAC_CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
const PHONE_NAME = 'هاتف سارة';

/** Where `word` starts on screen (its left edge, in px) inside `element`'s text. */
function leftOf(element: Element, word: string): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.textContent!.indexOf(word);
    if (index < 0) continue;
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + word.length);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`"${word}" is not in "${element.textContent}"`);
}

async function listIn(markup: string, others: Array<Record<string, unknown>>) {
  fake.signIn({ userAgent: MAC_CHROME });
  for (const session of others) fake.signIn({ current: false, ...session });
  const client = newClient();
  await client.getSession();
  const host = await mount<HTMLElement>(markup, client);
  const list = (host.localName === 'sk-session-list' ? host : host.querySelector('sk-session-list')) as SkSessionList;
  await until(() => expect(parts(list, 'row')).toHaveLength(others.length + 1));
  return list;
}

describe('<sk-session-list>: text direction', () => {
  it('on an Arabic page, "Chrome on macOS" reads right to left: Chrome to the right of macOS', async () => {
    const list = await listIn('<div dir="rtl" lang="ar"><sk-session-list></sk-session-list></div>', []);
    const [label] = parts(list, 'label');
    await until(() => expect(label.textContent).toBe('Chrome على macOS'));
    expect(leftOf(label, 'Chrome')).toBeGreaterThan(leftOf(label, 'macOS'));
  });

  it('on an English page the same words read left to right', async () => {
    const list = await listIn('<sk-session-list></sk-session-list>', []);
    const [label] = parts(list, 'label');
    expect(label.textContent).toBe('Chrome on macOS');
    expect(leftOf(label, 'Chrome')).toBeLessThan(leftOf(label, 'macOS'));
  });

  it("on an English page, a device's Arabic name reads right to left, isolated in a <bdi>", async () => {
    const list = await listIn('<sk-session-list></sk-session-list>', [{ deviceName: PHONE_NAME }]);
    const label = parts(list, 'label')[1];
    expect(label.textContent).toBe(PHONE_NAME);
    expect(label.querySelector('bdi')!.textContent).toBe(PHONE_NAME);
    // Arabic on an English page: its first word is the rightmost.
    expect(leftOf(label, 'هاتف')).toBeGreaterThan(leftOf(label, 'سارة'));
  });

  it("on an Arabic page, a device's English name and its IP address still read left to right", async () => {
    const list = await listIn('<div dir="rtl" lang="ar"><sk-session-list></sk-session-list></div>', [{ deviceName: 'Work laptop', ipAddress: '203.0.113.24' }]);
    await until(() => expect(parts(list, 'label')[0].textContent).toBe('Chrome على macOS'));
    const named = parts(list, 'label')[1];
    expect(named.textContent).toBe('Work laptop');
    expect(leftOf(named, 'Work')).toBeLessThan(leftOf(named, 'laptop'));
    const ip = parts(list, 'ip').find((element) => element.textContent === '203.0.113.24')!;
    expect(leftOf(ip, '203')).toBeLessThan(leftOf(ip, '24'));
  });

  it('devices with the same name are numbered beside the name, which stays isolated', async () => {
    const list = await listIn('<sk-session-list></sk-session-list>', [{ deviceName: PHONE_NAME }, { deviceName: PHONE_NAME }]);
    const labels = parts(list, 'label').slice(1);
    expect(labels.map((label) => label.textContent).sort()).toEqual([`${PHONE_NAME} #1`, `${PHONE_NAME} #2`]);
    for (const label of labels) {
      expect(label.querySelector('bdi')!.textContent).toBe(PHONE_NAME);
      // The number follows the English page: after the name, on its right.
      expect(leftOf(label, '#')).toBeGreaterThan(leftOf(label, 'سارة'));
    }
  });
});
