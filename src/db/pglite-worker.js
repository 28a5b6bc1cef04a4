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
nameStatementsPerConnection(server.queryQueue);
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

/**
 * Named prepared statements belong to a session, and every connection shares the one PGlite
 * session: two connections preparing the same name would collide ("prepared statement already
 * exists"), and a statement would outlive its connection. So a statement's name is made the
 * connection's own (`c<handler>_<name>`) in every message naming one (Parse, Bind, Describe and
 * Close of a statement), and a connection's statements are deallocated when it goes away.
 * Handler numbers are never reused. Unnamed statements and portals pass unchanged.
 */
function nameStatementsPerConnection(queue) {
  const PARSE = 0x50, BIND = 0x42, DESCRIBE = 0x44, CLOSE = 0x43, STATEMENT = 0x53;
  const named = new Map(); // handler → names it prepared
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => enqueue(handlerId, renamed(handlerId, message), onData);
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    const names = named.get(handlerId);
    if (!names) return;
    named.delete(handlerId);
    const sql = [...names].map((n) => `DEALLOCATE ${quote(n)};`).join(' ');
    const text = Buffer.from(`${sql}\0`, 'utf8');
    const query = Buffer.alloc(5 + text.length);
    query[0] = 0x51; // Query
    query.writeInt32BE(4 + text.length, 1);
    text.copy(query, 5);
    // Through the queue, so it never lands inside another connection's group or transaction.
    void enqueue(-handlerId, new Uint8Array(query), () => {}).catch(() => {});
  };

  function renamed(handlerId, message) {
    const type = message[0];
    // Where the statement name starts: Parse (name first), Bind (after the portal name), Describe/Close of a statement.
    let at;
    if (type === PARSE) at = 5;
    else if (type === BIND) at = message.indexOf(0, 5) + 1;
    else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) at = 6;
    else return message;
    const end = message.indexOf(0, at);
    if (end <= at) return message; // the unnamed statement
    const name = Buffer.from(message.subarray(at, end)).toString('utf8');
    const own = `c${handlerId}_${name}`;
    if (type === PARSE) {
      let names = named.get(handlerId);
      if (!names) named.set(handlerId, (names = new Set()));
      names.add(own);
    } else if (type === CLOSE) named.get(handlerId)?.delete(own);
    const ownBytes = Buffer.from(own, 'utf8');
    const out = Buffer.alloc(message.length - (end - at) + ownBytes.length);
    Buffer.from(message.buffer, message.byteOffset, at).copy(out, 0);
    ownBytes.copy(out, at);
    Buffer.from(message.buffer, message.byteOffset + end, message.length - end).copy(out, at + ownBytes.length);
    out.writeInt32BE(out.length - 1, 1);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }
}

function quote(identifier) {
  return `"${identifier.replaceAll('"', '""')}"`;
}
