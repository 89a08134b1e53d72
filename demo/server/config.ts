import { resolve } from 'node:path';

/** Everything the demo reads from the environment, with defaults that work on a laptop. */
export interface DemoSettings {
  /** 0 asks the system for a free port; `listeningOn` then gives the one it picked. */
  port: number;
  /** PGlite's data folder; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl?: string;
  secret: string;
  /** How long a session lives without activity, in seconds. */
  sessionSeconds: number;
}

/** The settings once the server listens: the port is known, and with it the origin. */
export interface DemoConfig extends DemoSettings {
  /** The origin the server prints and better-auth trusts. */
  origin: string;
  /** Also trusted: the same server reached as `localhost` instead of `127.0.0.1`. */
  trustedOrigins: string[];
}

const DEV_SECRET = 'sessionkit-demo-secret-for-local-development-only';

function wholeNumber(name: string, fallback: number, { zero = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || (value === 0 && !zero)) {
    throw new Error(`${name} must be a ${zero ? 'whole number (0 for any free port)' : 'positive whole number'}, got "${raw}".`);
  }
  return value;
}

export function readConfig(): DemoSettings {
  const secret = process.env.BETTER_AUTH_SECRET || DEV_SECRET;
  if (secret === DEV_SECRET) console.warn('BETTER_AUTH_SECRET is not set: using the demo secret (fine on your machine, never in production).');
  return {
    port: wholeNumber('PORT', 3000, { zero: true }),
    dataDir: resolve(process.env.DEMO_DATA_DIR || '.demo-data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    secret,
    // A day by default; try `DEMO_SESSION_SECONDS=120` to see the expiry warning.
    sessionSeconds: wholeNumber('DEMO_SESSION_SECONDS', 86_400),
  };
}

/** The configuration for a server listening on `port` of 127.0.0.1. */
export function listeningOn(settings: DemoSettings, port: number): DemoConfig {
  const origin = `http://127.0.0.1:${port}`;
  return { ...settings, port, origin, trustedOrigins: [origin, `http://localhost:${port}`] };
}
