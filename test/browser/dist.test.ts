import { describe, expect, it } from 'vitest';
import { fake, newClient, parts, until } from './support.js';

/**
 * The built package, as it ships (templates minified, locales compacted), rendered in the browser.
 * The other browser tests run the sources; this one proves the build step kept everything working.
 * npm test builds before it runs; without the build this test fails and says so.
 */
const built = import.meta.glob('../../dist/components/index.js');

describe('the built elements', () => {
  it('render, style and work as the sources do, and speak German from the compacted locale', async () => {
    const load = built['../../dist/components/index.js'];
    expect(load, 'dist/ is missing: run `npm run build` first (npm test does)').toBeDefined();
    await load!();
    fake.signIn();
    fake.addOtherDevices(2);
    const client = newClient();
    const host = document.createElement('div');
    host.setAttribute('lang', 'de');
    host.innerHTML = '<sk-logout-button></sk-logout-button><sk-session-list></sk-session-list><sk-session-expired></sk-session-expired>';
    document.body.append(host);
    for (const element of host.children) (element as HTMLElement & { client: unknown }).client = client;

    const list = host.querySelector('sk-session-list')!;
    await until(() => expect(parts(list, 'row')).toHaveLength(3));
    await until(() => expect(parts(list, 'badge')[0].textContent).toBe('Dieses Gerät'));
    const button = host.querySelector('sk-logout-button')!.shadowRoot!.querySelector<HTMLElement>('[part=button]')!;
    expect(button.textContent!.trim()).toBe('Abmelden');
    const style = getComputedStyle(button);
    expect(style.borderTopLeftRadius).toBe('6px');
    expect(style.minHeight).toBe('36px');
    expect(getComputedStyle(parts(list, 'row')[0]).borderBottomStyle).not.toBe('none');

    fake.revokeFromElsewhere();
    await client.getSession();
    const expired = host.querySelector('sk-session-expired')!;
    await until(() => expect(expired.shadowRoot!.querySelector('dialog')!.open).toBe(true));
    expect(expired.shadowRoot!.querySelector('[part=title]')!.textContent).not.toBe('Your session has ended');
    host.remove();
  });
});
