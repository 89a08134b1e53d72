import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import type { DemoConfig } from './config.js';
import type { Database } from './database.js';

/** better-auth configured the way an app using sessionkit should configure it. */
function authOptions(config: DemoConfig, database: Database) {
  const expiresIn = config.sessionSeconds;
  return {
    baseURL: config.origin,
    secret: config.secret,
    database: database.option,
    // POSTs that carry the session cookie must come from these origins.
    trustedOrigins: config.trustedOrigins,
    emailAndPassword: { enabled: true },
    session: {
      expiresIn,
      // A session check slides the session once a tenth of its lifetime has passed since the last
      // slide, so "Stay signed in" (a check) extends it without a database write on every request.
      updateAge: Math.max(1, Math.floor(expiresIn / 10)),
      // Listing sessions needs a "fresh" session; better-auth's default (a day) would make people
      // sign in again daily just to see their devices.
      freshAge: 7 * 86_400,
      // The cookie cache would let a revoked session keep working for up to its max age.
      cookieCache: { enabled: false },
    },
  } satisfies BetterAuthOptions;
}

/** Creates the better-auth instance, first creating or updating its tables. */
export async function createAuth(config: DemoConfig, database: Database) {
  const options = authOptions(config, database);
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
  return betterAuth(options);
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;
