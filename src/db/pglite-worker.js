// PGlite blocks the event loop for the whole of every query, so it lives in this worker thread
// and speaks the PostgreSQL wire protocol on a unix socket. The app talks to it with the same
// `pg` driver it uses for a real PostgreSQL server. Plain JS so it runs unchanged from src/ and dist/.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { dataDir, socketPath, maxConnections } = workerData;
if (dataDir) mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create({
  dataDir: dataDir || undefined,
  // Durability is explicit: an acknowledged commit must survive a killed process.
  postgresqlconf: dataDir ? ['fsync = on', 'synchronous_commit = on', 'full_page_writes = on'] : [],
});
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
await server.start();
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (message) => {
  if (message?.type !== 'close') return;
  try {
    await server.stop();
    await db.close();
  } finally {
    parentPort.postMessage({ type: 'closed' });
  }
});
