// Debian's /usr/bin/chromium by default (browsers cannot be downloaded here); CHROMIUM_PATH overrides it,
// and where neither exists Playwright's own browser is used.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  executablePath: existsSync(path) ? path : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
