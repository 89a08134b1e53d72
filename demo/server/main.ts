/** Boots the demo: configuration, then the port, database and better-auth, on 127.0.0.1. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuth } from './auth.js';
import { listeningOn, readConfig } from './config.js';
import { openDatabase } from './database.js';
import { nodeListener } from './node-adapter.js';
import type { PageFolders } from './pages.js';
import { demoRoutes } from './routes.js';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/** Until the database is ready: "try again shortly" (Playwright's webServer keeps polling meanwhile). */
const starting: Listener = (_request, response) => {
  response.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain; charset=utf-8' });
  response.end('The demo is starting…');
};

export async function startDemo(folders: PageFolders) {
  const settings = readConfig();
  let listener = starting;
  const server = createServer((request, response) => listener(request, response));

  // The port first: a second copy of the demo stops here, before it opens the same database files.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`Port ${settings.port} is in use. Is the demo already running? Set PORT to use another port (0: any free one).`);
    process.exit(1);
  });
  // With PORT=0 the system picked the port: only now are the origin and better-auth's baseURL known.
  const config = listeningOn(settings, (server.address() as AddressInfo).port);

  const database = await openDatabase(config);
  const auth = await createAuth(config, database);
  listener = nodeListener(config.origin, await demoRoutes(auth, config.trustedOrigins, folders));

  const stop = () => {
    server.close();
    // Closing PGlite flushes its files; without it the next start may find them half-written.
    void database.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  console.log(`sessionkit demo: ${config.origin}`);
  console.log(`  data: ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir} · sessions last ${config.sessionSeconds} s`);
}
