// PGlite blocks the event loop for the whole of every query, so it lives in this worker thread
// and speaks the PostgreSQL wire protocol on a unix socket. The app talks to it with the same
// `pg` driver it uses for a real PostgreSQL server. Plain JS so it runs unchanged from src/ and dist/.
//
// The socket server is ours (it was @electric-sql/pglite-socket's): that one ran every protocol
// message on its own, through a promise queue, a mutex, an async wrapper and a `setImmediate`: ~50 KB
// of garbage and four or five trips through the event loop per query. Here a connection's complete
// messages go to PGlite as one buffer in one call, and its answer is written back as it comes
// (docs/bench.md, "The embedded database's socket").
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { dataDir, socketPath, maxConnections } = workerData;
if (dataDir) mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create({
  dataDir: dataDir || undefined,
  // Durability is explicit: an acknowledged commit must survive a killed process.
  postgresqlconf: dataDir ? ['fsync = on', 'synchronous_commit = on', 'full_page_writes = on'] : [],
});

// Message types (frontend).
const PARSE = 0x50, BIND = 0x42, DESCRIBE = 0x44, EXECUTE = 0x45, CLOSE = 0x43, FLUSH = 0x48, SYNC = 0x53, QUERY = 0x51, TERMINATE = 0x58;
const STATEMENT = 0x53; // Describe/Close of a statement ('S'), not a portal ('P')
// Startup-phase request codes (no type byte; length then code).
const SSL_REQUEST = 80877103, GSSENC_REQUEST = 80877104, CANCEL_REQUEST = 80877102;
/** Messages of an extended-protocol group (Parse, Bind, Describe, Execute, Close, Flush) that must reach the session unbroken until Sync. */
const GROUP = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, FLUSH]);

let nextId = 1;
/** Connections with messages ready to run, in arrival order. */
const waiting = [];
/** The connection whose group (Parse … before its Sync) or transaction is open: only it may run. */
let owner = null;
let running = false;
let stopping = false;
let idle = Promise.resolve();
const connections = new Set();

/** A fresh connection. */
function connection(socket) {
  return { id: nextId++, socket, started: false, partial: null, partialSize: 0, partialNeed: 0, ready: [], queued: false, inGroup: false, statements: new Set(), closing: false, gone: false };
}

const server = createServer((socket) => {
  const conn = connection(socket);
  connections.add(conn);
  socket.on('data', (chunk) => received(conn, chunk));
  socket.on('error', () => socket.destroy());
  socket.on('close', () => gone(conn));
});
server.maxConnections = maxConnections;
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(socketPath, () => { server.off('error', reject); resolve(); });
});
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (message) => {
  if (message?.type !== 'close') return;
  stopping = true; // nothing more runs; the query in hand finishes
  try {
    await new Promise((resolve) => {
      server.close(() => resolve());
      for (const conn of connections) conn.socket.destroy();
    });
    await idle;
    await db.close();
  } finally {
    parentPort.postMessage({ type: 'closed' });
  }
});

/**
 * Splits what arrived into whole messages; a message cut by the socket waits for its rest. The
 * pieces of a long message (a capture batch's json parameter: megabytes in 64 KB pieces) are
 * joined once, when all of it is there.
 */
function received(conn, chunk) {
  let buf = chunk;
  if (conn.partial) {
    conn.partial.push(chunk);
    conn.partialSize += chunk.length;
    if (conn.partialSize < conn.partialNeed) return;
    buf = Buffer.concat(conn.partial, conn.partialSize);
    conn.partial = null;
  }
  let at = 0;
  while (!conn.closing) {
    if (!conn.started) {
      // Before the startup message: SSL/GSS encryption requests (answered "no") and cancel requests (not supported).
      if (buf.length - at < 8) break;
      const length = buf.readInt32BE(at);
      if (length < 8) { malformed(conn); return; }
      if (buf.length - at < length) break;
      const code = buf.readInt32BE(at + 4);
      const message = buf.subarray(at, at + length);
      at += length;
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) conn.socket.write('N');
      else if (code === CANCEL_REQUEST) conn.closing = true;
      else { conn.started = true; queue(conn, message); }
      continue;
    }
    if (buf.length - at < 5) break;
    const length = 1 + buf.readInt32BE(at + 1);
    if (length < 5) { malformed(conn); return; }
    if (buf.length - at < length) break;
    const message = buf.subarray(at, at + length);
    at += length;
    if (message[0] === TERMINATE) conn.closing = true;
    else queue(conn, renamed(conn, message));
  }
  if (at < buf.length && !conn.closing) {
    const rest = buf.subarray(at);
    conn.partial = [rest];
    conn.partialSize = rest.length;
    // The whole message's length once its header is there (a length no client sends was refused above), else any more bytes.
    conn.partialNeed = conn.started ? (rest.length >= 5 ? 1 + rest.readInt32BE(1) : 5) : (rest.length >= 8 ? rest.readInt32BE(0) : 8);
  }
  if (conn.closing && conn.ready.length === 0) conn.socket.end();
  void pump();
}

/** A length no PostgreSQL client sends: the connection is closed (what it left open is cleaned up as for any gone connection). */
function malformed(conn) {
  conn.closing = true;
  conn.partial = null;
  conn.ready = [];
  conn.socket.destroy();
}

function queue(conn, message) {
  conn.ready.push(message);
  if (!conn.queued && conn !== owner) { conn.queued = true; waiting.push(conn); }
}

/** Runs ready connections one at a time; while a connection's group or transaction is open, only that one. */
function pump() {
  if (running || stopping) return idle;
  running = true;
  idle = (async () => {
    try {
      while (!stopping) {
        let conn = owner;
        if (conn) {
          if (!conn.gone && conn.ready.length === 0) break; // its next message has not arrived yet
        } else {
          conn = waiting.shift();
          if (!conn) break;
        }
        conn.queued = false;
        await run(conn);
      }
    } finally {
      running = false;
    }
  })();
  return idle;
}

async function run(conn) {
  const messages = conn.gone ? leftOpen(conn) : conn.ready;
  conn.ready = [];
  if (messages.length === 0) {
    if (owner === conn && conn.gone) owner = null;
    return;
  }
  const input = messages.length === 1 ? messages[0] : Buffer.concat(messages);
  let inGroup = conn.inGroup;
  for (const m of messages) {
    if (GROUP.has(m[0])) inGroup = true;
    else if (m[0] === SYNC || m[0] === QUERY) inGroup = false;
  }
  const socket = conn.gone ? null : conn.socket;
  socket?.cork();
  try {
    // The answer comes in pieces that are views of PGlite's memory: each is copied as it comes.
    // NodeFS and the in-memory FS write through: there is nothing to sync after a query (their syncToFs is empty).
    await db.execProtocolRawStream(input, { syncToFs: false, onRawData: (data) => { socket?.write(Buffer.from(data)); } });
  } catch (err) {
    process.stderr.write(`truce: embedded database failed a query: ${err?.message ?? err}\n`);
    socket?.destroy();
  } finally {
    socket?.uncork();
  }
  conn.inGroup = inGroup;
  // Holding the session (a group without its Sync yet, an open transaction): only this connection
  // runs next — or, gone meanwhile, its cleanup.
  if (inGroup || db.isInTransaction()) owner = conn;
  else if (owner === conn) owner = null;
  if (conn.gone) return;
  if (conn.closing && conn.ready.length === 0) socket.end();
  if (conn.ready.length > 0 && owner !== conn && !conn.queued) { conn.queued = true; waiting.push(conn); }
}

/** A connection gone: its queued messages are dropped and what it left open on the one session is closed (next, if it held the session). */
function gone(conn) {
  if (conn.gone) return;
  conn.gone = true;
  connections.delete(conn);
  conn.ready = [];
  if (owner !== conn && conn.statements.size > 0 && !conn.queued) { conn.queued = true; waiting.push(conn); }
  void pump();
}

/** What a gone connection left on the session: its group ended by a Sync, its transaction rolled back, its statements deallocated. */
function leftOpen(conn) {
  const messages = [];
  if (owner === conn && conn.inGroup) messages.push(Buffer.from([SYNC, 0, 0, 0, 4]));
  if (owner === conn && db.isInTransaction()) messages.push(simpleQuery('ROLLBACK;'));
  if (conn.statements.size > 0) messages.push(simpleQuery([...conn.statements].map((n) => `DEALLOCATE ${quote(n)};`).join(' ')));
  conn.statements.clear();
  conn.inGroup = false;
  return messages;
}

function simpleQuery(sql) {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const query = Buffer.alloc(5 + text.length);
  query[0] = QUERY;
  query.writeInt32BE(4 + text.length, 1);
  text.copy(query, 5);
  return query;
}

/**
 * Named prepared statements belong to a session, and every connection shares the one PGlite
 * session: two connections preparing the same name would collide ("prepared statement already
 * exists"), and a statement would outlive its connection. So a statement's name is made the
 * connection's own (`c<id>_<name>`) in every message naming one (Parse, Bind, Describe and
 * Close of a statement), and a connection's statements are deallocated when it goes away.
 * Connection numbers are never reused. Unnamed statements and portals pass unchanged.
 */
function renamed(conn, message) {
  const type = message[0];
  // Where the statement name starts: Parse (name first), Bind (after the portal name), Describe/Close of a statement.
  let at;
  if (type === PARSE) at = 5;
  else if (type === BIND) at = message.indexOf(0, 5) + 1;
  else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) at = 6;
  else return message;
  const end = message.indexOf(0, at);
  if (end <= at) return message; // the unnamed statement
  const own = `c${conn.id}_${message.toString('utf8', at, end)}`;
  if (type === PARSE) conn.statements.add(own);
  else if (type === CLOSE) conn.statements.delete(own);
  const ownBytes = Buffer.from(own, 'utf8');
  const out = Buffer.alloc(message.length - (end - at) + ownBytes.length);
  message.copy(out, 0, 0, at);
  ownBytes.copy(out, at);
  message.copy(out, at + ownBytes.length, end);
  out.writeInt32BE(out.length - 1, 1);
  return out;
}

function quote(identifier) {
  return `"${identifier.replaceAll('"', '""')}"`;
}
