// Unit tests for connection.js: node --test web/js/
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Connection, applyEvent, applyPresence, newRef } from './connection.js';

// --- fakes ---------------------------------------------------------------------------------------

/** A WebSocket the test drives: open(), receive(frame), serverClose(code). */
class FakeSocket {
  static all = [];
  static get last() { return FakeSocket.all[FakeSocket.all.length - 1]; }
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.all.push(this);
  }
  send(text) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(text));
  }
  close(code, reason) {
    this.readyState = 3;
    this.closedWith = { code, reason };
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  serverClose(code, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  cmds() { return this.sent.filter((f) => f.t === 'cmd'); }
}

/** Timers on a virtual clock. advance(ms) runs what falls due, in order. */
function fakeTimers() {
  let now = 1_000_000;
  let nextId = 1;
  const due = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      due.set(id, { at: now + Math.max(0, ms ?? 0), fn });
      return id;
    },
    clearTimeout(id) { due.delete(id); },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let first = null;
        for (const [id, t] of due) if (t.at <= end && (!first || t.at < first[1].at)) first = [id, t];
        if (!first) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = end;
    },
    /** The delay of the single pending timer that is not the ping or stable timer, for backoff checks. */
    delays: () => [...due.values()].map((t) => t.at - now),
  };
}

function memoryStorage() {
  const m = new Map();
  return {
    map: m,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
  };
}

const STATE = () => ({
  workshop: { id: 'w1', title: 'Ground', joinCode: 'ABC234', status: 'running', settings: {} },
  phases: [{ index: 0, title: 'One', minutes: 10, allow: ['contribute'] }],
  phase: { index: 0, status: 'running' },
  participants: [{ id: 'p1', name: 'Sam', role: 'participant', group: null, online: true }],
  contributions: [
    { id: 'c1', phase: 0, kind: 'idea', text: 'first', author: 'p1', reactions: { agree: 0 }, mine: true },
    { id: 'c2', phase: 0, kind: 'question', text: 'second', author: null, reactions: { agree: 2 }, mine: false },
  ],
  themes: [],
  parking: [],
  readyCount: 1,
  yourReady: true,
});

const welcome = (over = {}) => ({
  t: 'welcome', protocol: 1, you: { participantId: 'p1', role: 'participant', name: 'Sam' },
  serverTime: 2_000_000, epoch: 'E1', seq: 10, resumed: false, state: STATE(), ...over,
});

const ev = (seq, name, data) => ({ t: 'ev', seq, ts: 0, name, by: null, data });

let timers;
let storage;
let conns;
function connection(token = 'tok-1', extra = {}) {
  const c = new Connection(token, {
    url: 'ws://test/ws', WebSocket: FakeSocket, storage, timers, now: timers.now, random: () => 0.5, ...extra,
  });
  conns.push(c);
  return c;
}
/** Connects and completes the handshake with the given welcome. */
function online(c, w = welcome()) {
  c.connect();
  const ws = FakeSocket.last;
  ws.open();
  ws.receive(w);
  return ws;
}

beforeEach(() => {
  FakeSocket.all = [];
  timers = fakeTimers();
  storage = memoryStorage();
  conns = [];
});
afterEach(() => {
  for (const c of conns) c.close();
});

// --- reducer -------------------------------------------------------------------------------------

describe('applyEvent', () => {
  test('contribution.added inserts, and replaces by id', () => {
    const s0 = STATE();
    const c3 = { id: 'c3', kind: 'idea', text: 'third', author: null, reactions: {} };
    const s1 = applyEvent(s0, ev(11, 'contribution.added', { contribution: c3 }));
    assert.equal(s1.contributions.length, 3);
    assert.deepEqual(s1.contributions[2], { ...c3, mine: false });
    const s2 = applyEvent(s1, ev(12, 'contribution.added', { contribution: { ...c3, text: 'again' } }));
    assert.equal(s2.contributions.length, 3);
    assert.equal(s2.contributions[2].text, 'again');
    assert.equal(s0.contributions.length, 2, 'input not modified');
  });

  test('mine: from own ids, kept on replace, never taken from the event', () => {
    const s0 = STATE();
    const added = applyEvent(s0, ev(11, 'contribution.added',
      { contribution: { id: 'c9', text: 'x', mine: true } }), new Set());
    assert.equal(added.contributions[2].mine, false);
    const ownAdded = applyEvent(s0, ev(11, 'contribution.added', { contribution: { id: 'c9', text: 'x' } }), new Set(['c9']));
    assert.equal(ownAdded.contributions[2].mine, true);
    const updated = applyEvent(s0, ev(11, 'contribution.updated', { contribution: { id: 'c1', text: 'edited' } }));
    assert.equal(updated.contributions[0].text, 'edited');
    assert.equal(updated.contributions[0].mine, true);
  });

  test('contribution.updated of an unknown id changes nothing', () => {
    const s0 = STATE();
    assert.equal(applyEvent(s0, ev(11, 'contribution.updated', { contribution: { id: 'zz', text: 'x' } })), s0);
  });

  test('contribution.removed removes by id (and from the parking lot)', () => {
    const s0 = { ...STATE(), parking: ['c2'] };
    const s1 = applyEvent(s0, ev(11, 'contribution.removed', { id: 'c2', hidden: false }));
    assert.deepEqual(s1.contributions.map((c) => c.id), ['c1']);
    assert.deepEqual(s1.parking, []);
    assert.equal(applyEvent(s1, ev(12, 'contribution.removed', { id: 'c2' })), s1);
  });

  test('parking contributions join the parking list', () => {
    const s1 = applyEvent(STATE(), ev(11, 'contribution.added', { contribution: { id: 'p9', kind: 'parking', text: 'later' } }));
    assert.deepEqual(s1.parking, ['p9']);
  });

  test('contribution.reacted sets the reaction counts', () => {
    const s1 = applyEvent(STATE(), ev(11, 'contribution.reacted', { id: 'c2', reactions: { agree: 3, heart: 1 } }));
    assert.deepEqual(s1.contributions[1].reactions, { agree: 3, heart: 1 });
    assert.equal(s1.contributions[1].text, 'second');
  });

  test('participant.joined inserts or merges', () => {
    const s1 = applyEvent(STATE(), ev(11, 'participant.joined', { participant: { id: 'p2', name: 'Ana', role: 'participant', group: 'carers' } }));
    assert.equal(s1.participants.length, 2);
    assert.equal(s1.participants[1].online, false);
    const s2 = applyEvent(s1, ev(12, 'participant.joined', { participant: { id: 'p1', name: 'Sam B', role: 'participant' } }));
    assert.equal(s2.participants[0].name, 'Sam B');
    assert.equal(s2.participants[0].online, true);
  });

  test('workshop.updated merges, phase.changed replaces the phase', () => {
    const s1 = applyEvent(STATE(), ev(11, 'workshop.updated', { workshop: { title: 'New', status: 'running' } }));
    assert.equal(s1.workshop.title, 'New');
    assert.equal(s1.workshop.joinCode, 'ABC234');
    const phase = { index: 1, status: 'running', startedAt: 5, endsAt: 10, remainingMs: null };
    assert.deepEqual(applyEvent(s1, ev(12, 'phase.changed', { phase })).phase, phase);
  });

  test('workshop.created sets the definition', () => {
    const s1 = applyEvent({ contributions: [] }, ev(1, 'workshop.created', {
      workshop: { id: 'w', title: 'T', joinCode: 'ABC234' },
      phases: [{ index: 0, title: 'P' }],
      facilitator: { id: 'f1', name: 'Fac', role: 'facilitator' },
    }));
    assert.equal(s1.workshop.title, 'T');
    assert.equal(s1.phases.length, 1);
    assert.equal(s1.participants[0].id, 'f1');
  });

  test('ready.changed sets the count; count 0 (a phase change) clears yourReady', () => {
    const s1 = applyEvent(STATE(), ev(11, 'ready.changed', { count: 4 }));
    assert.equal(s1.readyCount, 4);
    assert.equal(s1.yourReady, true);
    const s2 = applyEvent(s1, ev(12, 'ready.changed', { count: 0 }));
    assert.equal(s2.readyCount, 0);
    assert.equal(s2.yourReady, false);
  });

  test('unknown or malformed events return the same state', () => {
    const s0 = STATE();
    assert.equal(applyEvent(s0, ev(11, 'theme.created', { theme: {} })), s0);
    assert.equal(applyEvent(s0, ev(11, 'contribution.added', {})), s0);
    assert.equal(applyEvent(s0, { seq: 11 }), s0);
    assert.equal(applyEvent(s0, ev(11, 'phase.changed', null)), s0);
  });

  test('applyPresence flips online flags', () => {
    const s0 = STATE();
    const s1 = applyPresence(s0, { t: 'presence', online: 0, joined: [], left: ['p1'] });
    assert.equal(s1.participants[0].online, false);
    assert.equal(applyPresence(s1, { online: 0, joined: [], left: ['p1'] }), s1);
  });
});

// --- refs and drafts -----------------------------------------------------------------------------

test('refs are unique and at most 64 characters', () => {
  const refs = new Set(Array.from({ length: 1000 }, newRef));
  assert.equal(refs.size, 1000);
  for (const r of refs) assert.ok(r.length >= 1 && r.length <= 64, r);
});

// --- connection ----------------------------------------------------------------------------------

describe('Connection', () => {
  test('hello without resume first; welcome replaces state; status goes online', () => {
    const c = connection();
    const statuses = [];
    c.on('status', (d) => statuses.push(d.status));
    c.connect();
    const ws = FakeSocket.last;
    assert.equal(ws.url, 'ws://test/ws');
    ws.open();
    assert.deepEqual(ws.sent[0], { t: 'hello', token: 'tok-1' });
    ws.receive(welcome());
    assert.equal(c.epoch, 'E1');
    assert.equal(c.seq, 10);
    assert.equal(c.state.workshop.title, 'Ground');
    assert.equal(c.you.name, 'Sam');
    assert.deepEqual(statuses, ['connecting', 'online']);
    assert.ok(c.ownIds.has('c1'), 'learned from mine:true');
  });

  test('after a drop it resumes; resumed:true keeps state, then events apply', () => {
    const c = connection();
    const ws1 = online(c);
    const closed = [];
    c.on('closed', (d) => closed.push(d));
    ws1.serverClose(1001, 'shutting down');
    assert.deepEqual(closed, [{ code: 1001, reason: 'shutting down', reconnect: true }]);
    assert.equal(c.status, 'reconnecting');
    timers.advance(30_000);
    const ws2 = FakeSocket.last;
    assert.notEqual(ws2, ws1);
    ws2.open();
    assert.deepEqual(ws2.sent[0], { t: 'hello', token: 'tok-1', resume: { epoch: 'E1', seq: 10 } });
    const before = c.state;
    ws2.receive({ t: 'welcome', protocol: 1, you: c.you, serverTime: 2_000_000, epoch: 'E1', seq: 10, resumed: true });
    assert.equal(c.state, before);
    ws2.receive(ev(11, 'phase.changed', { phase: { index: 1, status: 'running' } }));
    assert.equal(c.seq, 11);
    assert.equal(c.state.phase.index, 1);
  });

  test('a resumed:false welcome replaces the state', () => {
    const c = connection();
    online(c);
    FakeSocket.last.serverClose(1013);
    timers.advance(30_000);
    const ws = FakeSocket.last;
    ws.open();
    const fresh = STATE();
    fresh.workshop.title = 'Reloaded';
    ws.receive(welcome({ epoch: 'E2', seq: 3, state: fresh }));
    assert.equal(c.epoch, 'E2');
    assert.equal(c.seq, 3);
    assert.equal(c.state.workshop.title, 'Reloaded');
  });

  test('duplicate events are ignored; a gap reconnects without resume', () => {
    const c = connection();
    const ws = online(c);
    const seen = [];
    c.on('event', (f) => seen.push(f.seq));
    ws.receive(ev(11, 'ready.changed', { count: 2 }));
    ws.receive(ev(11, 'ready.changed', { count: 3 }));
    ws.receive(ev(9, 'ready.changed', { count: 3 }));
    assert.deepEqual(seen, [11]);
    assert.equal(c.state.readyCount, 2);

    ws.receive(ev(13, 'ready.changed', { count: 5 }));
    assert.deepEqual(seen, [11], 'the event after a gap is not applied');
    assert.equal(ws.closedWith.code, 4000);
    timers.advance(30_000);
    const ws2 = FakeSocket.last;
    assert.notEqual(ws2, ws);
    ws2.open();
    assert.deepEqual(ws2.sent[0], { t: 'hello', token: 'tok-1' }, 'no resume: full state wanted');
    ws2.receive(welcome({ seq: 13 }));
    ws2.receive(ev(14, 'ready.changed', { count: 1 }));
    assert.deepEqual(seen, [11, 14]);
  });

  test('send resolves with the ack, rejects with the err', async () => {
    const c = connection();
    const ws = online(c);
    const p1 = c.send('contribution.add', { text: 'hello', kind: 'idea', anonymous: true });
    const [cmd] = ws.cmds();
    assert.equal(cmd.name, 'contribution.add');
    assert.deepEqual(cmd.args, { text: 'hello', kind: 'idea', anonymous: true });
    assert.match(cmd.ref, /^c-[0-9a-f-]{36}$/);
    // The event reaches the sender before the ack; only the ack says it is ours.
    ws.receive(ev(11, 'contribution.added', { contribution: { id: 'c3', text: 'hello', author: null } }));
    assert.equal(c.state.contributions[2].mine, false);
    ws.receive({ t: 'ack', ref: cmd.ref, seq: 11, result: { id: 'c3' } });
    assert.deepEqual(await p1, { seq: 11, result: { id: 'c3' } });
    assert.equal(c.state.contributions[2].mine, true);
    assert.ok(c.ownIds.has('c3'));
    assert.equal(c.outbox.length, 0);

    const p2 = c.send('phase.next');
    const ref2 = ws.cmds()[1].ref;
    assert.notEqual(ref2, cmd.ref);
    ws.receive({ t: 'err', ref: ref2, code: 'FORBIDDEN', message: 'only facilitators can change phase' });
    await assert.rejects(p2, { code: 'FORBIDDEN', message: 'only facilitators can change phase' });
    assert.equal(c.outbox.length, 0);
  });

  test('own ids persist per token', () => {
    const c1 = connection('tok-a');
    const ws = online(c1);
    c1.send('contribution.add', { text: 'mine' });
    ws.receive({ t: 'ack', ref: ws.cmds()[0].ref, seq: 11, result: { id: 'c77' } });
    c1.close();
    assert.ok(connection('tok-a').ownIds.has('c77'));
    assert.ok(!connection('tok-b').ownIds.has('c77'));
    // And they mark contributions in a later full state.
    const c3 = connection('tok-a');
    const st = STATE();
    st.contributions.push({ id: 'c77', text: 'mine', author: null, mine: false });
    online(c3, welcome({ state: st }));
    assert.equal(c3.state.contributions[2].mine, true);
  });

  test('commands wait in the outbox while offline and go out after welcome', async () => {
    const c = connection();
    const p = c.send('contribution.add', { text: 'typed on the train' });
    assert.equal(c.outbox.length, 1);
    c.connect();
    const ws = FakeSocket.last;
    ws.open();
    assert.equal(ws.cmds().length, 0, 'nothing before welcome');
    ws.receive(welcome());
    assert.equal(ws.cmds().length, 1);
    ws.receive({ t: 'ack', ref: ws.cmds()[0].ref, seq: 11, result: { id: 'c5' } });
    assert.equal((await p).result.id, 'c5');
  });

  test('unanswered commands are resent with the same ref after a reconnect', async () => {
    const c = connection();
    const ws1 = online(c);
    const p = c.send('reaction.toggle', { contributionId: 'c2', reaction: 'agree' });
    const ref = ws1.cmds()[0].ref;
    ws1.serverClose(1006);
    timers.advance(30_000);
    const ws2 = FakeSocket.last;
    ws2.open();
    ws2.receive({ t: 'welcome', protocol: 1, you: c.you, serverTime: 1, epoch: 'E1', seq: 10, resumed: true });
    assert.deepEqual(ws2.cmds().map((f) => f.ref), [ref]);
    ws2.receive({ t: 'ack', ref, seq: 11, result: null });
    assert.deepEqual(await p, { seq: 11, result: null });
  });

  test('the outbox survives a reload: a new Connection resends with the same ref', () => {
    const c1 = connection('tok-r');
    c1.send('contribution.add', { text: 'not lost' });
    const ref = c1.outbox[0].ref;
    c1.close(); // the page goes away; the command was never answered
    const c2 = connection('tok-r');
    assert.deepEqual(c2.outbox.map((e) => e.ref), [ref]);
    const acks = [];
    c2.on('ack', (a) => acks.push(a));
    const ws = online(c2);
    assert.deepEqual(ws.cmds(), [{ t: 'cmd', ref, name: 'contribution.add', args: { text: 'not lost' } }]);
    ws.receive({ t: 'ack', ref, seq: 11, result: { id: 'c8' } });
    assert.equal(acks[0].command.name, 'contribution.add');
    assert.ok(c2.ownIds.has('c8'), 'ownership learned for restored commands too');
    assert.equal(connection('tok-r').outbox.length, 0, 'answered: gone from storage');
  });

  test('an err for a restored command is reported as an error event', () => {
    const c1 = connection('tok-e');
    c1.send('contribution.add', { text: 'late' });
    c1.close();
    const c2 = connection('tok-e');
    const errors = [];
    c2.on('error', (e) => errors.push(e));
    const ws = online(c2);
    ws.receive({ t: 'err', ref: ws.cmds()[0].ref, code: 'PHASE_CLOSED', message: 'closed' });
    assert.equal(errors.length, 1);
    assert.equal(errors[0].code, 'PHASE_CLOSED');
    assert.equal(errors[0].command.args.text, 'late');
    ws.receive({ t: 'err', ref: null, code: 'INVALID', message: 'not JSON' });
    assert.equal(errors[1].ref, null);
  });

  test('the outbox keeps at most 200 commands, dropping the oldest with a warning', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const c = connection();
    const first = c.send('contribution.add', { text: 'oldest' });
    for (let i = 0; i < 200; i++) c.send('contribution.add', { text: `n${i}` }).catch(() => {});
    assert.equal(c.outbox.length, 200);
    assert.equal(c.outbox[0].args.text, 'n0');
    await assert.rejects(first, { code: 'DROPPED' });
    assert.equal(warn.mock.callCount(), 1);
    assert.equal(JSON.parse(storage.getItem(Object.keys(Object.fromEntries(storage.map)).find((k) => k.startsWith('cg.outbox.')))).length, 200);
  });

  test('a frame over 16 KiB is refused, not queued', async () => {
    const c = connection();
    await assert.rejects(c.send('contribution.add', { text: 'x'.repeat(17_000) }), { code: 'INVALID' });
    assert.equal(c.outbox.length, 0);
  });

  for (const code of [4401, 4403]) {
    test(`close ${code} is final`, async () => {
      const c = connection();
      const ws = online(c);
      const p = c.send('contribution.add', { text: 'x' });
      const closed = [];
      c.on('closed', (d) => closed.push(d));
      ws.serverClose(code);
      assert.deepEqual(closed, [{ code, reason: '', reconnect: false }]);
      assert.equal(c.status, 'offline');
      await assert.rejects(p);
      timers.advance(10 * 60_000);
      assert.equal(FakeSocket.all.length, 1, 'no reconnect');
      await assert.rejects(c.send('contribution.add', { text: 'y' }));
    });
  }

  test('4429 waits longer before reconnecting', () => {
    const c = connection('tok-1', { random: () => 0 });
    online(c).serverClose(4429);
    timers.advance(29_999);
    assert.equal(FakeSocket.all.length, 1);
    timers.advance(1);
    assert.equal(FakeSocket.all.length, 2);
  });

  test('backoff grows with full jitter up to the cap, and resets after a stable connection', () => {
    const c = connection('tok-1', { random: () => 0.999999 });
    online(c);
    const waits = [];
    for (let i = 0; i < 9; i++) {
      const n = FakeSocket.all.length;
      FakeSocket.last.serverClose(1006);
      let waited = 0;
      while (FakeSocket.all.length === n) { timers.advance(10); waited += 10; }
      waits.push(waited);
    }
    const bounds = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
    waits.forEach((w, i) => assert.ok(w <= bounds[i] && w >= bounds[i] * 0.99 - 10, `attempt ${i}: ${w}`));

    // Stay online past stableMs: the next drop starts from the base again.
    const ws = FakeSocket.last;
    ws.open();
    ws.receive(welcome());
    timers.advance(10_000);
    ws.receive({ t: 'pong', serverTime: 1 });
    const n = FakeSocket.all.length;
    ws.serverClose(1006);
    timers.advance(500);
    assert.equal(FakeSocket.all.length, n + 1);
  });

  test('pings every 25 s, syncs the clock, and drops a link that stopped answering', () => {
    const c = connection();
    const ws = online(c, welcome({ serverTime: timers.now() + 5_000 }));
    const pings = () => ws.sent.filter((f) => f.t === 'ping').length;
    assert.equal(pings(), 1, 'one ping right after welcome');
    timers.advance(40); // round trip 40 ms
    ws.receive({ t: 'pong', serverTime: timers.now() + 7_000 - 20 });
    assert.equal(c.serverNow() - timers.now(), 7_000);
    timers.advance(25_000 - 40);
    assert.equal(pings(), 2);
    timers.advance(25_000); // no pong for the second ping
    assert.equal(ws.closedWith?.code, 4000);
    assert.equal(c.status, 'reconnecting');
  });

  test('welcome timeout: a socket that never gets welcomed is retried', () => {
    const c = connection();
    c.connect();
    FakeSocket.last.open();
    timers.advance(20_000);
    timers.advance(1_000);
    assert.equal(FakeSocket.all.length, 2);
  });

  test('close({forget}) clears stored outbox and own ids', () => {
    const c = connection('tok-f');
    c.send('contribution.add', { text: 'x' }).catch(() => {});
    c.ownIds.add('c1');
    c.close({ forget: true });
    assert.equal([...storage.map.keys()].filter((k) => k.startsWith('cg.')).length, 0);
  });

  test('vote acks count our own votes and take the server\'s remaining', async () => {
    const c = connection();
    const ws = online(c);
    const p = c.send('vote.cast', { targetId: 'c2' });
    ws.receive({ t: 'ack', ref: ws.cmds()[0].ref, seq: 11, result: { remaining: 4 } });
    await p;
    assert.deepEqual(c.state.yourVotes, { c2: 1 });
    assert.equal(c.state.votesRemaining, 4);
    const q = c.send('vote.retract', { targetId: 'c2' });
    ws.receive({ t: 'ack', ref: ws.cmds()[1].ref, seq: 12, result: { remaining: 5 } });
    await q;
    assert.deepEqual(c.state.yourVotes, {});
  });

  test('own poll answers: the ack shows ours at once; the server\'s yourAnswers win after a reload', async () => {
    const c = connection('tok-p');
    const ws = online(c, welcome({ state: { ...STATE(), yourAnswers: { q0: 1 } } }));
    const p = c.send('poll.answer', { pollId: 'q1', option: 2 });
    ws.receive({ t: 'ack', ref: ws.cmds()[0].ref, seq: 11, result: { pollId: 'q1' } });
    await p;
    assert.deepEqual(c.state.yourAnswers, { q0: 1, q1: 2 });
    // Another device answered q1 differently since: the server's answers are the person's answers.
    const again = connection('tok-p');
    online(again, welcome({ state: { ...STATE(), yourAnswers: { q1: 0 } } }));
    assert.deepEqual(again.state.yourAnswers, { q1: 0 });
    const none = connection('tok-p');
    online(none);
    assert.equal(none.state.yourAnswers, undefined, 'nothing kept on this device stands in for the server');
    assert.ok(![...storage.map.keys()].some((k) => k.includes('answers')), 'answers are not kept on the device');
  });

  test('a facilitator keeps hidden contributions (to unhide them); a participant drops them', () => {
    const f = connection('tok-fac');
    const wsF = online(f, welcome({ you: { participantId: 'f1', role: 'facilitator', name: 'Fran' } }));
    wsF.receive(ev(11, 'contribution.removed', { id: 'c2', hidden: true }));
    assert.equal(f.state.contributions.find((x) => x.id === 'c2').hidden, true);
    const p = connection('tok-par');
    const wsP = online(p);
    wsP.receive(ev(11, 'contribution.removed', { id: 'c2', hidden: true }));
    assert.equal(p.state.contributions.some((x) => x.id === 'c2'), false);
  });
});

describe('connection honesty', () => {
  test('the browser going offline shows "offline" at once, and "online" reconnects at once', () => {
    const win = new EventTarget();
    const c = connection('tok-1', { window: win });
    const ws = online(c);
    assert.equal(c.status, 'online');
    win.dispatchEvent(new Event('offline'));
    assert.equal(c.status, 'offline');
    assert.equal(ws.closedWith?.code, 4000, 'the socket is dropped, not left to time out');
    timers.advance(29_000);
    assert.equal(FakeSocket.all.length, 1, 'no retries into nothing while offline');
    assert.equal(c.status, 'offline');
    win.dispatchEvent(new Event('online'));
    assert.equal(FakeSocket.all.length, 2, 'back online: straight away');
    FakeSocket.last.open();
    FakeSocket.last.receive(welcome({ resumed: true }));
    assert.equal(c.status, 'online');
  });

  test('a command into a dead link: a ping goes with it, and no pong within seconds drops the link', () => {
    const c = connection();
    const ws = online(c);
    ws.receive({ t: 'pong', serverTime: timers.now() });
    timers.advance(6_000);
    c.send('contribution.add', { text: 'into the void' }).catch(() => {});
    assert.equal(ws.sent.filter((f) => f.t === 'ping').length, 2, 'a probe went out with the command');
    timers.advance(12_000);
    assert.equal(ws.closedWith?.code, 4000);
    assert.equal(c.outbox.length, 1, 'the post waits to be resent');
  });

  test('4409 (open in too many places) waits, never a tight loop of reconnects', () => {
    const c = connection('tok-1', { random: () => 0 });
    const closes = [];
    c.on('closed', (e) => closes.push(e));
    online(c).serverClose(4409);
    assert.deepEqual(closes.map((e) => [e.code, e.reconnect]), [[4409, true]]);
    timers.advance(29_999);
    assert.equal(FakeSocket.all.length, 1);
    timers.advance(1);
    assert.equal(FakeSocket.all.length, 2);
  });
});
