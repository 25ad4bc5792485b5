'use strict';
// The Socket.IO comparison target of the load benchmark (bench/README.md): a Socket.IO 4 server with its
// Redis adapter doing, per post, what a fair minimal equivalent of Common Ground does: INCR the room's
// seq, XADD the event to the room's stream, broadcast it to the room through the adapter (which also
// publishes it on Redis for other nodes), then acknowledge the sender. It answers the REST calls the
// load tool makes (create, join) and carries the tool's frames (welcome, ev, ack, err) as Socket.IO
// event payloads, so the tool's own counting works unchanged. No limits and no validation beyond what it
// needs to run, as the bare Vert.x baseline: what "seq + stream + room broadcast" costs on Socket.IO.
//
// Run: node bench/socketio/server.js <port> <redis-url>

const http = require('node:http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

const port = Number(process.argv[2] || process.env.PORT || 8190);
const redisUrl = process.argv[3] || process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const MAX_BODY = 64 * 1024;

// Keys in a namespace of their own: the same redis-server could hold the real server's keys.
const keys = {
  workshops: 'sio:workshops',
  participants: 'sio:participants',
  seq: (room) => `sio:{${room}}:seq`,
  events: (room) => `sio:{${room}}:events`,
};

const redis = createClient({ url: redisUrl });
const sub = redis.duplicate();
for (const c of [redis, sub]) c.on('error', (err) => console.error('redis:', err.message));

function reply(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The request's JSON body; at most MAX_BODY bytes, anything else is a 400. */
function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else {
        chunks.push(c);
      }
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

/** Create and join as the load tool calls them; the token says room and participant ("w1.p7"). */
async function rest(req, res) {
  try {
    if (req.url === '/health') {
      reply(res, redis.isReady ? 200 : 503, { status: redis.isReady ? 'UP' : 'DOWN' });
    } else if (req.method === 'POST' && req.url === '/api/workshops') {
      await readJson(req);
      const id = `w${await redis.incr(keys.workshops)}`;
      reply(res, 201, { workshopId: id, joinCode: id, facilitatorToken: `${id}.f`, displayToken: `${id}.d` });
    } else if (req.method === 'POST' && req.url === '/api/join') {
      const body = await readJson(req);
      const room = String(body.joinCode || '');
      if (!/^w\d+$/.test(room)) return reply(res, 400, { code: 'BAD_JOIN_CODE' });
      const pid = `p${await redis.incr(keys.participants)}`;
      reply(res, 201, { workshopId: room, participantId: pid, token: `${room}.${pid}` });
    } else {
      reply(res, 404, { code: 'NOT_FOUND' });
    }
  } catch (err) {
    if (!res.headersSent) reply(res, 400, { code: 'BAD_REQUEST', message: err.message });
  }
}

const httpServer = http.createServer(rest);
// WebSocket only and no compression, as the real server and the bare baseline are measured.
const io = new Server(httpServer, { serveClient: false, transports: ['websocket'], perMessageDeflate: false });

io.use((socket, next) => {
  const token = String((socket.handshake.auth && socket.handshake.auth.token) || '');
  const m = /^(w\d+)\.(p\d+)$/.exec(token);
  if (!m) return next(new Error('BAD_TOKEN'));
  socket.data.room = m[1];
  socket.data.participantId = m[2];
  next();
});

io.on('connection', async (socket) => {
  const { room, participantId } = socket.data;
  socket.on('cmd', (frame, ack) => post(socket, frame, ack));
  socket.join(room);
  try {
    const seq = Number(await redis.get(keys.seq(room))) || 0;
    socket.emit('welcome', {
      t: 'welcome', protocol: 1, you: { participantId, role: 'participant', name: 'Participant' },
      serverTime: Date.now(), epoch: 'socketio', seq, resumed: false, state: {},
    });
  } catch (err) {
    socket.disconnect(true);
  }
});

/**
 * contribution.add: the next seq, the event appended to the room's stream, broadcast, then the ack. One
 * Redis connection answers in order, so a room's broadcasts leave in seq order.
 */
async function post(socket, frame, ack) {
  if (typeof ack !== 'function') return;
  const ref = frame && typeof frame.ref === 'string' ? frame.ref : null;
  const text = frame && frame.args && frame.args.text;
  if (!ref || frame.name !== 'contribution.add' || typeof text !== 'string') {
    return ack({ t: 'err', ref, code: 'BAD_COMMAND', message: 'only contribution.add with a ref and a text' });
  }
  const { room, participantId } = socket.data;
  try {
    const seq = await redis.incr(keys.seq(room));
    const now = Date.now();
    const id = `${room}-c${seq}`;
    const ev = {
      t: 'ev', seq, ts: now, name: 'contribution.added', by: participantId,
      data: {
        contribution: {
          id, phase: 0, kind: 'idea', text, author: participantId, group: null, anonymous: false,
          themeId: null, createdAt: now, editedAt: null,
          reactions: { agree: 0, heart: 0, insight: 0, question: 0 },
          votes: 0, hidden: false, status: null, owner: null, onBehalfOf: null, lang: 'en',
        },
      },
    };
    await redis.xAdd(keys.events(room), '*', { seq: String(seq), ev: JSON.stringify(ev) });
    io.to(room).emit('ev', ev);
    ack({ t: 'ack', ref, seq, result: { id } });
  } catch (err) {
    ack({ t: 'err', ref, code: 'INTERNAL', message: err.message });
  }
}

async function main() {
  await Promise.all([redis.connect(), sub.connect()]);
  io.adapter(createAdapter(redis, sub));
  httpServer.listen(port, '127.0.0.1', () => console.log(`socket.io server on 127.0.0.1:${port}, Redis ${redisUrl}`));
}

function stop() {
  setTimeout(() => process.exit(0), 2000).unref();
  io.close();
  Promise.allSettled([redis.quit(), sub.quit()]).finally(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
