// Rewrites each built locale (dist/components/locales/xx.js) from `{ element: { key: text } }` to
// `{ element: [text, …] }`, values in the order of the English table's keys. The keys are the same
// in every locale and already on the page in the English tables, so shipping them again would cost
// each locale a third of its bytes. Elements map the values back (components/internal/sk-element.ts).
import { readdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dist = new URL('../dist/components/', import.meta.url);
const english = {
  logoutButton: (await import(new URL('logout-button/strings.js', dist))).logoutButtonStrings,
  sessionList: (await import(new URL('session-list/strings.js', dist))).sessionListStrings,
  sessionExpired: (await import(new URL('session-expired/strings.js', dist))).sessionExpiredStrings,
};

for (const file of readdirSync(new URL('locales/', dist))) {
  if (!file.endsWith('.js') || file === 'types.js') continue;
  const url = new URL(`locales/${file}`, dist);
  const { default: tables } = await import(pathToFileURL(url.pathname).href);
  const compact = {};
  for (const [element, strings] of Object.entries(english)) {
    const missing = Object.keys(strings).filter((key) => !(key in tables[element]));
    if (missing.length) throw new Error(`${file}: ${element} lacks ${missing.join(', ')}`);
    compact[element] = Object.keys(strings).map((key) => tables[element][key]);
  }
  writeFileSync(url, `export default ${JSON.stringify(compact)};\n`);
}
