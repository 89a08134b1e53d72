import { resolve } from 'node:path';

/** Everything the demo reads from the environment, with defaults that work on a laptop. */
export interface DemoConfig {
  port: number;
  /** The origin the server prints and better-auth trusts. */
  origin: string;
  /** Also trusted: the same server reached as `localhost` instead of `127.0.0.1`. */
  trustedOrigins: string[];
  /** PGlite's data folder; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl?: string;
  secret: string;
  /** How long a session lives without activity, in seconds. */
  sessionSeconds: number;
}

const DEV_SECRET = 'sessionkit-demo-secret-for-local-development-only';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  return value;
}

export function readConfig(): DemoConfig {
  const port = positiveInteger('PORT', 3000);
  const origin = `http://127.0.0.1:${port}`;
  const secret = process.env.BETTER_AUTH_SECRET || DEV_SECRET;
  if (secret === DEV_SECRET) console.warn('BETTER_AUTH_SECRET is not set: using the demo secret (fine on your machine, never in production).');
  return {
    port,
    origin,
    trustedOrigins: [origin, `http://localhost:${port}`],
    dataDir: resolve(process.env.DEMO_DATA_DIR || '.demo-data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    secret,
    // A day by default; try `DEMO_SESSION_SECONDS=120` to see the expiry warning.
    sessionSeconds: positiveInteger('DEMO_SESSION_SECONDS', 86_400),
  };
}
