// Writes each built locale (dist/components/locales/xx.js) from its table (xx.json, which tsc copies
// beside it), `{ element: { key: text } }`, as `{ element: [text, …] }`: the values in the order of
// the English table's keys; the JSON is then removed, as nothing loads it. The keys are the same
// in every locale and already on the page in the English tables, so shipping them again would cost
// each locale a third of its bytes. Elements map the values back (components/internal/sk-element.ts).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/components/', import.meta.url);
const english = {
  logoutButton: (await import(new URL('logout-button/strings.js', dist))).logoutButtonStrings,
  sessionList: (await import(new URL('session-list/strings.js', dist))).sessionListStrings,
  sessionExpired: (await import(new URL('session-expired/strings.js', dist))).sessionExpiredStrings,
};

for (const file of readdirSync(new URL('locales/', dist))) {
  if (!file.endsWith('.json')) continue;
  const json = new URL(`locales/${file}`, dist);
  const tables = JSON.parse(readFileSync(json, 'utf8'));
  const compact = {};
  for (const [element, strings] of Object.entries(english)) {
    const missing = Object.keys(strings).filter((key) => !(key in tables[element]));
    if (missing.length) throw new Error(`${file}: ${element} lacks ${missing.join(', ')}`);
    compact[element] = Object.keys(strings).map((key) => tables[element][key]);
  }
  writeFileSync(new URL(file.replace(/json$/, 'js'), json), `export default ${JSON.stringify(compact)};\n`);
  rmSync(json);
}
