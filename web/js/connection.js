// Common Ground: the one connection module every view shares.
//
// It owns the WebSocket to /ws (see docs/protocol.md): hello and resume by epoch and seq,
// the workshop state kept current by applying `ev` frames, commands with refs and an outbox
// that survives drops and reloads, reconnection with backoff and clock sync. What it keeps in
// the browser is named in storage.js (drafts live there too).
//
// It runs in browsers and, for unit tests, in node: nothing touches `window`, `location` or
// storage at import time, and all of them (plus WebSocket, timers, clock and randomness) can be
// passed in as options.
import { KEYS, localStore, readJson, tokenKey, writeJson } from './storage.js';
import { applyEvent, applyOwnReaction, applyOwnVote, applyPresence, list } from './reducer.js';

export { applyEvent, applyOwnReaction, applyOwnVote, applyPresence, votesRemaining } from './reducer.js';


/** How often a command answered INTERNAL (nothing saved) is sent again before its sender is told. */
const MAX_INTERNAL_RETRIES = 4;

const DEFAULTS = Object.freeze({
  url: null,                 // default: ws(s)://<location.host>/ws
  baseDelayMs: 500,          // backoff: full jitter, random(0, min(cap, base * 2^attempt))
  maxDelayMs: 30_000,
  stableMs: 10_000,          // online this long: the backoff starts again from the base
  abusePauseMs: 30_000,      // after 4429: wait between 1x and 2x this
  pingMs: 25_000,            // app-level ping; no pong by the next one: the link is dead
  pongTimeoutMs: 12_000,     // ...or by this long after it: "Offline" within seconds, not a minute
  probeGapMs: 5_000,         // a command sent with no ping out for this long sends one to check the link
  offlineRetryMs: 30_000,    // while the browser says it is offline, try now and then (it may be wrong)
  welcomeTimeoutMs: 20_000,  // no welcome this long after starting to connect: try again
  outboxLimit: 200,
  mineLimit: 1000,
  maxFrameBytes: 16 * 1024,  // the server closes with 1009 above this; never queue such a frame
});

/** Close codes after which reconnecting cannot help. */
const FINAL_CLOSES = new Map([
  [4401, { code: 'UNAUTHENTICATED', message: 'This link or session is not valid (any more).' }],
  [4403, { code: 'REMOVED', message: 'You were removed from this workshop.' }],
]);
const CLOSE_ABUSE = 4429;
/** Too many connections with this token (tabs): wait as for abuse, never a tight loop of reconnects. */
const CLOSE_TOO_MANY = 4409;
/** Our own close code (4000..4999 is the application range) when we drop a socket ourselves. */
const CLOSE_CLIENT = 4000;

const OPEN = 1; // WebSocket.OPEN, spelled out so a fake WebSocket needs no constants

// ---------------------------------------------------------------------------------------------
// Refs

/** A fresh command ref, "c-" + a v4 UUID (38 characters; the protocol allows 64). */
export function newRef() {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts (https, localhost). A workshop served over plain
  // http on a venue's network still has getRandomValues, so build the UUID from that.
  if (typeof c?.randomUUID === 'function') return 'c-' + c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `c-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const encoder = new TextEncoder();
const utf8Length = (s) => encoder.encode(s).length;

// ---------------------------------------------------------------------------------------------

const CustomEv = globalThis.CustomEvent ?? class extends Event {
  constructor(type, init) { super(type); this.detail = init?.detail ?? null; }
};

/**
 * The connection to one workshop with one token.
 *
 * Events (EventTarget; `on(name, fn)` passes `fn` the detail):
 *   status   {status}  'connecting' | 'online' | 'reconnecting' | 'offline'
 *   welcome  {resumed, you, epoch, seq}
 *   event    the ev frame, after it was applied to `state`
 *   state    {reason: 'welcome'|'event'|'presence'|'ack', event?}: `state` changed, re-render
 *   presence the presence frame
 *   ack      {ref, seq, result, command: {name, args} | null}
 *   error    {ref, code, message, command}: an err frame no send() promise is waiting for
 *            (ref null, or a command restored from storage after a reload)
 *   outbox   {size}: commands waiting for their answer changed
 *   closed   {code, reason, reconnect}: the socket closed; reconnect false means for good
 */
export class Connection extends EventTarget {
  /**
   * @param {string} token participant, facilitator or display token
   * @param {object} [options] see DEFAULTS, plus for tests: WebSocket, storage, timers
   *   ({setTimeout, clearTimeout}), now (() => ms), random (() => [0,1))
   */
  constructor(token, options = {}) {
    super();
    if (typeof token !== 'string' || !token) throw new TypeError('Connection needs a token');
    this.token = token;
    this.options = { ...DEFAULTS, ...options };
    this._WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this._storage = options.storage ?? localStore();
    this._timers = options.timers ?? globalThis;
    this._now = options.now ?? (() => Date.now());
    this._random = options.random ?? Math.random;

    /** A short stable name for this token, for views to key their own storage (drafts). */
    this.key = tokenKey(token);
    this._outboxKey = KEYS.outbox(this.key);
    this._mineKey = KEYS.mine(this.key);
    this._answersKey = KEYS.answers(this.key);
    this._answers = readJson(this._storage, this._answersKey, {}) ?? {};

    /** Workshop state as in welcome, kept current; null until the first welcome. */
    this.state = null;
    this.epoch = null;
    this.seq = null;
    /** welcome's `you`: {participantId, role, name}. */
    this.you = null;
    /** Latest presence count. */
    this.online = null;
    this.status = 'offline';
    /** Ids of contributions this client wrote (from acks and welcome's `mine`). */
    this.ownIds = new Set(list(readJson(this._storage, this._mineKey, [])).filter((x) => typeof x === 'string'));

    this._outbox = list(readJson(this._storage, this._outboxKey, []))
      .filter((e) => e && typeof e.ref === 'string' && typeof e.name === 'string');
    this._pending = new Map(); // ref -> {resolve, reject}, only for send() calls of this page

    this._ws = null;
    this._stopped = true;
    this._final = null;       // {code, message} once the server closed for good (4401, 4403)
    this._welcomed = false;   // on the current socket
    this._everOnline = false;
    this._canResume = true;   // false after a gap: the next hello asks for full state
    this._attempt = 0;
    this._retryTimer = null;
    this._stableTimer = null;
    this._welcomeTimer = null;
    this._pingTimer = null;
    this._pongTimer = null;
    this._pingSentAt = null;  // set while a ping waits for its pong
    this._clock = [];         // recent {rtt, offset} samples
    this._offset = 0;

    this._browserOffline = false; // the browser said 'offline' and not 'online' since
    this._lastProbe = -Infinity;
    this._win = options.window ?? (typeof window !== 'undefined' ? window : null);
    this._wake = () => {
      this._browserOffline = false;
      this._reconnectNow();
    };
    // The browser knows the network went before the socket does (which can take a minute): say so
    // at once, drop the socket, and wait for 'online' rather than retrying into nothing.
    this._lost = () => {
      this._browserOffline = true;
      if (this._stopped) return;
      if (this._ws) this._drop('offline');
      else this._setStatus('offline');
    };
    // Back in the foreground: try now, unless the browser still says there is no network.
    this._onVisible = () => { if (globalThis.document?.visibilityState === 'visible' && !this._browserOffline) this._reconnectNow(); };
  }

  // --- public -------------------------------------------------------------------------------

  /** Starts connecting (again); does nothing while already connected or waiting to retry. */
  connect() {
    if (!this._stopped) return this;
    this._stopped = false;
    this._final = null;
    this._attempt = 0;
    // A phone coming back online or to the foreground should not sit out a long backoff.
    this._win?.addEventListener?.('online', this._wake);
    this._win?.addEventListener?.('offline', this._lost);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this._onVisible);
    this._open();
    return this;
  }

  /**
   * Stops. Unanswered commands stay in storage and go out with the next connect() or the next
   * Connection with this token (which reports their answers as 'ack'/'error' events); their
   * send() promises stay pending. `forget` (leaving the workshop) instead discards them and
   * the own-id list, and rejects those promises with code CLOSED.
   */
  close({ forget = false } = {}) {
    this._stop();
    if (forget) {
      this._rejectAll({ code: 'CLOSED', message: 'You left the workshop.' });
      this._outbox = [];
      this.ownIds.clear();
      writeJson(this._storage, this._outboxKey, null);
      writeJson(this._storage, this._mineKey, null);
      writeJson(this._storage, this._answersKey, null);
      this._answers = {};
    }
    this._setStatus('offline');
  }

  /**
   * Sends a command. It waits in the outbox (persisted) until answered and is resent with the
   * same ref after every reconnect, so the server applies it once.
   * @returns {Promise<{seq: number|null, result: any}>} rejected with {code, message}
   */
  send(name, args = {}) {
    if (typeof name !== 'string' || !name) throw new TypeError('command name required');
    const entry = { ref: newRef(), name, args: args ?? {}, at: this._now() };
    const frame = JSON.stringify(commandFrame(entry));
    if (utf8Length(frame) > this.options.maxFrameBytes) {
      return Promise.reject({ code: 'INVALID', message: 'That is too long to send.' });
    }
    if (this._stopped && this._final) return Promise.reject({ ...this._final });

    const promise = new Promise((resolve, reject) => this._pending.set(entry.ref, { resolve, reject }));
    this._outbox.push(entry);
    while (this._outbox.length > this.options.outboxLimit) {
      const dropped = this._outbox.shift();
      console.warn(`Common Ground: outbox full (${this.options.outboxLimit}), dropping the oldest unsent command`,
        dropped.name, dropped.ref);
      this._settle(dropped.ref, 'reject', { code: 'DROPPED', message: 'Too many unsent actions; the oldest was dropped.' });
    }
    this._saveOutbox();
    if (this._welcomed) { this._sendFrame(frame); this._probe(); }
    return promise;
  }

  /** The server's clock now, in epoch ms, from welcome and ping/pong round trips. */
  serverNow() {
    return this._now() + this._offset;
  }

  /** Commands sent or queued but not answered yet, oldest first (copies). */
  get outbox() {
    return this._outbox.map((e) => ({ ref: e.ref, name: e.name, args: e.args, at: e.at }));
  }

  /** Subscribes to an event; fn gets the detail. Returns a function that unsubscribes. */
  on(name, fn) {
    const h = (e) => fn(e.detail);
    this.addEventListener(name, h);
    return () => this.removeEventListener(name, h);
  }

  // --- socket lifecycle ---------------------------------------------------------------------

  _url() {
    if (this.options.url) return this.options.url;
    const loc = globalThis.location;
    if (!loc) throw new Error('Connection needs options.url outside a browser');
    return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
  }

  _open() {
    this._retryTimer = null;
    this._setStatus(this._everOnline ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = new this._WebSocket(this._url());
    } catch (e) {
      console.warn('Common Ground: could not open the socket', e);
      this._scheduleRetry(this._backoff());
      return;
    }
    this._ws = ws;
    this._welcomed = false;
    ws.onopen = () => {
      const hello = { t: 'hello', token: this.token };
      if (this._canResume && this.state && this.epoch != null && this.seq != null) {
        hello.resume = { epoch: this.epoch, seq: this.seq };
      }
      this._sendFrame(JSON.stringify(hello));
    };
    ws.onmessage = (m) => this._onMessage(m.data);
    ws.onclose = (e) => this._onClose(e?.code ?? 1006, e?.reason ?? '');
    ws.onerror = () => { /* a close event follows; handled there */ };
    // A socket stuck connecting, or open but never welcomed, is as good as dead.
    this._welcomeTimer = this._later(() => this._drop('no welcome'), this.options.welcomeTimeoutMs);
  }

  /** Drops the current socket ourselves (gap, dead link) and reconnects after a backoff. */
  _drop(why) {
    const ws = this._ws;
    this._detach();
    try { ws?.close(CLOSE_CLIENT, why); } catch { /* already closing */ }
    this._emit('closed', { code: CLOSE_CLIENT, reason: why, reconnect: true });
    this._scheduleRetry(this._backoff());
  }

  _onClose(code, reason) {
    this._detach();
    const final = FINAL_CLOSES.get(code);
    this._emit('closed', { code, reason, reconnect: !final && !this._stopped });
    if (this._stopped) return;
    if (final) {
      // The token is dead: nothing queued can ever be delivered.
      this._final = final;
      this._stop();
      this._rejectAll(final);
      this._outbox = [];
      writeJson(this._storage, this._outboxKey, null);
      this._setStatus('offline');
      return;
    }
    const delay = code === CLOSE_ABUSE || code === CLOSE_TOO_MANY
      ? this.options.abusePauseMs * (1 + this._random())
      : this._backoff(); // 1001 going away, 1013 slow consumer, 1006 network, ...: resume
    this._scheduleRetry(delay);
  }

  /** Forgets the current socket and everything tied to it. */
  _detach() {
    const ws = this._ws;
    if (ws) ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    this._ws = null;
    this._welcomed = false;
    this._pingSentAt = null;
    this._cancel('_welcomeTimer');
    this._cancel('_stableTimer');
    this._cancel('_pingTimer');
    this._cancel('_pongTimer');
  }

  _stop() {
    this._stopped = true;
    const ws = this._ws;
    this._detach();
    this._cancel('_retryTimer');
    try { ws?.close(1000, 'bye'); } catch { /* ignore */ }
    this._win?.removeEventListener?.('online', this._wake);
    this._win?.removeEventListener?.('offline', this._lost);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this._onVisible);
  }

  /** Full jitter: a uniformly random wait up to the exponential bound. */
  _backoff() {
    const bound = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(this._attempt, 30));
    this._attempt++;
    return this._random() * bound;
  }

  _scheduleRetry(delay) {
    if (this._stopped) return;
    if (this._browserOffline) delay = Math.max(delay, this.options.offlineRetryMs);
    this._setStatus(this._everOnline ? 'reconnecting' : 'connecting');
    this._cancel('_retryTimer');
    this._retryTimer = this._later(() => this._open(), delay);
  }

  _reconnectNow() {
    if (this._stopped || !this._retryTimer) return;
    this._cancel('_retryTimer');
    this._open();
  }

  // --- frames ---------------------------------------------------------------------------------

  _sendFrame(text) {
    const ws = this._ws;
    if (!ws || ws.readyState !== OPEN) return false;
    try {
      ws.send(text);
      return true;
    } catch {
      return false; // the close event will follow
    }
  }

  _onMessage(raw) {
    let f;
    try {
      f = JSON.parse(raw);
    } catch {
      console.warn('Common Ground: a frame that is not JSON', raw);
      return;
    }
    if (!f || typeof f !== 'object') return;
    switch (f.t) {
      case 'welcome': return this._onWelcome(f);
      case 'ev': return this._onEv(f);
      case 'ack': return this._onAck(f);
      case 'err': return this._onErr(f);
      case 'pong': return this._onPong(f);
      case 'presence': return this._onPresence(f);
      default: return undefined; // the server may add frame types
    }
  }

  _onWelcome(f) {
    if (f.protocol !== 1) console.warn('Common Ground: server speaks protocol', f.protocol);
    if (f.resumed && !this.state) {
      // Cannot happen (we only ask to resume with state), but if it does, start clean.
      this._canResume = false;
      this._drop('resumed without state');
      return;
    }
    this._cancel('_welcomeTimer');
    this.you = f.you ?? this.you;
    if (f.resumed) {
      this.seq = f.seq; // our own seq; the missed events follow as ev frames
    } else {
      this.epoch = f.epoch;
      this.seq = f.seq;
      this.state = this._adoptState(f.state ?? {});
    }
    this._welcomed = true;
    this._everOnline = true;
    this._browserOffline = false; // welcomed: whatever the browser said, the network works
    this._canResume = true;
    if (typeof f.serverTime === 'number') this._clockSample(f.serverTime, Infinity, this._now());

    this._stableTimer = this._later(() => { this._attempt = 0; }, this.options.stableMs);

    // Everything unanswered, in order and with its original ref: the server answers a ref it
    // has seen with its first answer instead of applying the command again. Before any
    // listener runs, so that commands sent from a 'welcome' listener queue up behind these.
    for (const e of this._outbox) this._sendFrame(JSON.stringify(commandFrame(e)));
    this._ping();

    this._setStatus('online');
    this._emit('welcome', { resumed: Boolean(f.resumed), you: this.you, epoch: this.epoch, seq: this.seq });
    this._emit('state', { reason: 'welcome' });
  }

  /** Full state from welcome: learn our ids from its `mine` flags and mark the ones we know. */
  _adoptState(state) {
    let learned = false;
    for (const c of list(state.contributions)) {
      if (c?.mine && !this.ownIds.has(c.id)) { this.ownIds.add(c.id); learned = true; }
    }
    if (learned) this._saveMine();
    state = { ...state, yourAnswers: { ...this._answers } };
    if (!Array.isArray(state.contributions)) return state;
    return {
      ...state,
      contributions: state.contributions.map((c) => (c && !c.mine && this.ownIds.has(c.id) ? { ...c, mine: true } : c)),
    };
  }

  _onEv(f) {
    if (!this._welcomed || typeof f.seq !== 'number') return;
    if (f.seq <= this.seq) return; // a duplicate: already applied
    if (f.seq > this.seq + 1) {
      // The server promises no gaps; if one shows up anyway our state is wrong: fetch it whole.
      console.warn(`Common Ground: event gap (have ${this.seq}, got ${f.seq}); reloading state`);
      this._canResume = false;
      this._drop('gap');
      return;
    }
    this.seq = f.seq;
    this.state = applyEvent(this.state, f, this.ownIds, { facilitator: this.you?.role === 'facilitator' });
    this._emit('event', f);
    this._emit('state', { reason: 'event', event: f });
  }

  _onAck(f) {
    const entry = this._take(f.ref);
    const seq = f.seq ?? null;
    const result = f.result ?? null;
    if (entry) this._ackEffects(entry, result);
    this._settle(f.ref, 'resolve', { seq, result });
    this._emit('ack', { ref: f.ref, seq, result, command: entry ? { name: entry.name, args: entry.args } : null });
  }

  /** What an ack tells us that no event does. */
  _ackEffects(entry, result) {
    let changed = false;
    if (entry.name === 'contribution.add' && typeof result?.id === 'string') {
      // The ev frame came first and could not say it was ours (anonymous posts have no author).
      this.ownIds.add(result.id);
      this._saveMine();
      changed = this._markMine(result.id);
    } else if (entry.name === 'contribution.withdraw' && typeof entry.args?.id === 'string') {
      if (this.ownIds.delete(entry.args.id)) this._saveMine();
    } else if (entry.name === 'ready.set' && this.state) {
      this.state = { ...this.state, yourReady: Boolean(entry.args?.ready) };
      changed = true;
    } else if ((entry.name === 'vote.cast' || entry.name === 'vote.retract') && this.state) {
      this.state = applyOwnVote(this.state, entry.args?.targetId, entry.name === 'vote.cast' ? 1 : -1, result);
      changed = true;
    } else if (entry.name === 'reaction.toggle' && this.state) {
      const next = applyOwnReaction(this.state, entry.args?.contributionId, entry.args?.reaction, result?.on);
      changed = next !== this.state;
      this.state = next;
    } else if (entry.name === 'poll.answer' && this.state && typeof entry.args?.pollId === 'string') {
      // No event or state says what we answered; remember it here so the view can show it.
      this._answers = { ...this._answers, [entry.args.pollId]: entry.args.option };
      writeJson(this._storage, this._answersKey, this._answers);
      this.state = { ...this.state, yourAnswers: { ...this._answers } };
      changed = true;
    }
    if (changed) this._emit('state', { reason: 'ack' });
  }

  _markMine(id) {
    const cs = list(this.state?.contributions);
    const i = cs.findIndex((c) => c.id === id);
    if (i < 0 || cs[i].mine) return false;
    const next = cs.slice();
    next[i] = { ...cs[i], mine: true };
    this.state = { ...this.state, contributions: next };
    return true;
  }

  _onErr(f) {
    const error = { code: f.code ?? 'INTERNAL', message: f.message ?? '' };
    if (f.details) error.details = f.details;
    // INTERNAL means the server could not save it just then and applied nothing: keep the command and
    // send it again a little later with the same ref (which makes it apply once), a few times at most.
    if (error.code === 'INTERNAL' && f.ref != null) {
      const waiting = this._outbox.find((e) => e.ref === f.ref);
      if (waiting && (waiting.retries ?? 0) < MAX_INTERNAL_RETRIES) {
        waiting.retries = (waiting.retries ?? 0) + 1;
        this._saveOutbox();
        const delay = this.options.baseDelayMs * 2 ** waiting.retries;
        this._later(() => {
          if (this._welcomed && this._outbox.includes(waiting)) this._sendFrame(JSON.stringify(commandFrame(waiting)));
        }, delay);
        return;
      }
    }
    const entry = f.ref == null ? null : this._take(f.ref);
    if (f.ref != null && this._pending.has(f.ref)) {
      this._settle(f.ref, 'reject', error);
      return;
    }
    this._emit('error', { ref: f.ref ?? null, ...error, command: entry ? { name: entry.name, args: entry.args } : null });
  }

  _onPresence(f) {
    if (typeof f.online === 'number') this.online = f.online;
    const next = applyPresence(this.state, f);
    this._emit('presence', f);
    if (next !== this.state) {
      this.state = next;
      this._emit('state', { reason: 'presence' });
    }
  }

  // --- clock ----------------------------------------------------------------------------------

  _ping() {
    this._cancel('_pingTimer');
    if (this._pingSentAt != null) {
      // The last ping got no pong in a whole interval: the link is dead even if the socket
      // does not know yet (common on mobile networks).
      this._drop('no pong');
      return;
    }
    this._pingSentAt = this._now();
    this._sendFrame('{"t":"ping"}');
    this._pingTimer = this._later(() => this._ping(), this.options.pingMs);
    this._awaitPong();
  }

  /** No pong this long after a ping: the link is dead even if the socket does not know it yet. */
  _awaitPong() {
    this._cancel('_pongTimer');
    this._pongTimer = this._later(() => { if (this._pingSentAt != null) this._drop('no pong'); }, this.options.pongTimeoutMs);
  }

  /** After a command, check the link (at most every probeGapMs): a post into a dead link must not look sent. */
  _probe() {
    if (!this._welcomed || this._pingSentAt != null) return;
    const now = this._now();
    if (now - this._lastProbe < this.options.probeGapMs) return;
    this._lastProbe = now;
    this._pingSentAt = now;
    this._sendFrame('{"t":"ping"}');
    this._awaitPong();
  }

  _onPong(f) {
    if (this._pingSentAt == null) return;
    const now = this._now();
    const rtt = now - this._pingSentAt;
    this._pingSentAt = null;
    this._cancel('_pongTimer');
    if (typeof f.serverTime === 'number') this._clockSample(f.serverTime, rtt, now);
  }

  /** Keeps the offset of the recent sample with the shortest round trip (the least skewed). */
  _clockSample(serverTime, rtt, now) {
    const offset = serverTime + (Number.isFinite(rtt) ? rtt / 2 : 0) - now;
    this._clock.push({ rtt, offset });
    if (this._clock.length > 8) this._clock.shift();
    this._offset = this._clock.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  }

  // --- bookkeeping ----------------------------------------------------------------------------

  /** Removes and returns the outbox entry with this ref, if any. */
  _take(ref) {
    const i = this._outbox.findIndex((e) => e.ref === ref);
    if (i < 0) return null;
    const [entry] = this._outbox.splice(i, 1);
    this._saveOutbox();
    return entry;
  }

  _settle(ref, how, value) {
    const p = this._pending.get(ref);
    if (!p) return;
    this._pending.delete(ref);
    p[how](value);
  }

  _rejectAll(error) {
    const pending = [...this._pending.values()];
    this._pending.clear();
    for (const p of pending) p.reject({ ...error });
  }

  _saveOutbox() {
    writeJson(this._storage, this._outboxKey, this._outbox.length ? this._outbox : null);
    this._emit('outbox', { size: this._outbox.length });
  }

  _saveMine() {
    let ids = [...this.ownIds];
    if (ids.length > this.options.mineLimit) {
      ids = ids.slice(-this.options.mineLimit);
      this.ownIds = new Set(ids);
    }
    writeJson(this._storage, this._mineKey, ids.length ? ids : null);
  }

  _setStatus(status) {
    // While the browser says there is no network, "reconnecting" would promise too much.
    if (this._browserOffline && (status === 'connecting' || status === 'reconnecting')) status = 'offline';
    if (status === this.status) return;
    this.status = status;
    this._emit('status', { status });
  }

  _emit(name, detail) {
    this.dispatchEvent(new CustomEv(name, { detail }));
  }

  _later(fn, ms) {
    return this._timers.setTimeout(fn, ms);
  }

  _cancel(field) {
    if (this[field] != null) this._timers.clearTimeout(this[field]);
    this[field] = null;
  }
}

function commandFrame(e) {
  return { t: 'cmd', ref: e.ref, name: e.name, args: e.args };
}
