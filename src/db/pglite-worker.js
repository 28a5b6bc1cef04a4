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
keepMessageGroupsTogether(server.queryQueue);
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

/**
 * The socket server queues each wire-protocol message on its own and, outside a transaction,
 * takes them in arrival order from every connection. The extended protocol sends a query as a
 * group (Parse, Bind, Describe, Execute … Sync) that must reach the one PGlite session unbroken:
 * interleaved with another connection's group, a Bind meets the other's unnamed statement ("bind
 * message supplies 1 parameters, but prepared statement requires 19"), or a query is answered
 * with another's result. This keeps a connection's group together until its Sync (and, as the
 * library does, a connection's whole transaction), and never leaves the queue stalled on an error.
 */
function keepMessageGroupsTogether(queue) {
  const GROUP = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush
  const SYNC = 0x53;
  let groupOf = null;
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = groupOf ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item;
        if (owner !== null && owner !== undefined) {
          const k = this.queue.findIndex((q) => q.handlerId === owner);
          if (k === -1) break; // that connection's next message has not arrived yet
          item = this.queue.splice(k, 1)[0];
        } else {
          item = this.queue.shift();
        }
        const type = item.message[0];
        if (GROUP.has(type)) groupOf = item.handlerId;
        else if (type === SYNC && groupOf === item.handlerId) groupOf = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (d) => { bytes += d.length; item.onData(d); } }));
        } catch (err) {
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    // A connection that went away mid-group must not hold the others back.
    if (groupOf === handlerId) { groupOf = null; void Promise.resolve().then(() => queue.processQueue()); }
  };
}
