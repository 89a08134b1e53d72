import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { BetterAuthOptions } from 'better-auth';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DemoSettings } from './config.js';

export interface Database {
  /** What better-auth's `database` option takes. */
  option: NonNullable<BetterAuthOptions['database']>;
  close(): Promise<void>;
}

/**
 * Embedded Postgres (PGlite, WebAssembly: nothing to install) in `dataDir`, or a real Postgres server
 * when `DATABASE_URL` is set, through the `pg` driver (loaded only then: a PGlite demo never needs it).
 */
export async function openDatabase(settings: DemoSettings): Promise<Database> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  const folder = join(settings.dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  const pglite = new PGlite(folder);
  await pglite.waitReady;
  return { option: { dialect: new PGliteDialect(pglite), type: 'postgres' }, close: () => pglite.close() };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const { Pool } = (await import('pg')).default;
  const pool = new Pool({ connectionString });
  // Fail at start, with the server's own words, rather than on the first sign-in.
  await pool.query('select 1').catch(async (error: Error) => {
    await pool.end();
    throw new Error(`DATABASE_URL: cannot reach Postgres (${error.message}).`);
  });
  return { option: pool, close: () => pool.end() };
}
