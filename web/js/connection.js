// Common Ground: the one connection module every view shares.
//
// It speaks the protocol of /ws (see docs/protocol.md): hello and resume by epoch and seq, the
// workshop state kept current by applying `ev` frames, commands with refs whose answers settle
// send() promises. Its parts each do one job: link.js the socket, reconnecting and the clock;
// outbox.js the commands waiting for an answer; acks.js what answers say about this person;
// reducer.js the events; wire.js the codes. What it keeps in the browser is named in storage.js.
//
// It runs in browsers and, for unit tests, in node: nothing touches `window`, `location` or
// storage at import time, and all of them (plus WebSocket, timers, clock and randomness) can be
// passed in as options.
import { KEYS, localStore, tokenKey } from './storage.js';
import { applyEvent, applyPresence } from './reducer.js';
import { Link, LINK_DEFAULTS } from './link.js';
import { Outbox, commandFrame, newRef } from './outbox.js';
import { OwnIds, adoptState, applyAck } from './acks.js';
import { ERR, MAX_FRAME_BYTES, PROTOCOL } from './wire.js';

export { applyEvent, applyOwnReaction, applyOwnVote, applyPresence, votesRemaining } from './reducer.js';
export { newRef } from './outbox.js';

/** How often a command answered INTERNAL (nothing saved) is sent again before its sender is told. */
const MAX_INTERNAL_RETRIES = 4;

const DEFAULTS = Object.freeze({
  ...LINK_DEFAULTS,
  outboxLimit: 200,
  mineLimit: 1000,
  maxFrameBytes: MAX_FRAME_BYTES,
});

const encoder = new TextEncoder();
const utf8Length = (s) => encoder.encode(s).length;

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
   *   ({setTimeout, clearTimeout}), now (() => ms), random (() => [0,1)), window
   */
  constructor(token, options = {}) {
    super();
    if (typeof token !== 'string' || !token) throw new TypeError('Connection needs a token');
    this.token = token;
    this.options = { ...DEFAULTS, ...options };
    const storage = options.storage ?? localStore();
    this._now = options.now ?? (() => Date.now());

    /** A short stable name for this token, for views to key their own storage (drafts). */
    this.key = tokenKey(token);
    this._own = new OwnIds(storage, KEYS.mine(this.key), this.options.mineLimit);
    this._outbox = new Outbox(storage, KEYS.outbox(this.key), {
      limit: this.options.outboxLimit, onChange: (size) => this._emit('outbox', { size }) });

    /** Workshop state as in welcome, kept current; null until the first welcome. */
    this.state = null;
    this.epoch = null;
    this.seq = null;
    /** welcome's `you`: {participantId, role, name}. */
    this.you = null;
    /** Latest presence count. */
    this.online = null;
    this._final = null;       // {code, message} once the server closed for good (4401, 4403)
    this._canResume = true;   // false after a gap: the next hello asks for full state

    this._link = new Link(this.options, {
      open: () => this._hello(),
      frame: (f) => this._onFrame(f),
      status: (status) => this._emit('status', { status }),
      closed: (e) => this._emit('closed', e),
      final: (final) => {
        // The token is dead: nothing queued can ever be delivered.
        this._final = final;
        this._outbox.clear(final);
      },
    });
  }

  // --- public -------------------------------------------------------------------------------

  get status() { return this._link.status; }

  /** Ids of contributions this client wrote (from acks and welcome's `mine`). */
  get ownIds() { return this._own.ids; }

  /** Starts connecting (again); does nothing while already connected or waiting to retry. */
  connect() {
    if (!this._link.stopped) return this;
    this._final = null;
    this._link.start();
    return this;
  }

  /**
   * Stops. Unanswered commands stay in storage and go out with the next connect() or the next
   * Connection with this token (which reports their answers as 'ack'/'error' events); their
   * send() promises stay pending. `forget` (leaving the workshop) instead discards them and
   * the own-id list, and rejects those promises with code CLOSED.
   */
  close({ forget = false } = {}) {
    this._link.stop();
    if (forget) {
      this._outbox.clear({ code: ERR.CLOSED, message: 'You left the workshop.' });
      this._own.clear();
    }
  }

  /**
   * Sends a command. It waits in the outbox (persisted) until answered and is resent with the
   * same ref after every reconnect, so the server applies it once.
   * @returns {Promise<{seq: number|null, result: any}>} rejected with {code, message}
   */
  send(name, args = {}) {
    if (typeof name !== 'string' || !name) throw new TypeError('command name required');
    const entry = { ref: newRef(), name, args: args ?? {}, at: this._now() };
    const frame = commandFrame(entry);
    if (utf8Length(frame) > this.options.maxFrameBytes) {
      return Promise.reject({ code: ERR.INVALID, message: 'That is too long to send.' });
    }
    if (this._link.stopped && this._final) return Promise.reject({ ...this._final });
    const promise = this._outbox.add(entry);
    if (this._link.welcomed) {
      this._link.send(frame);
      this._link.probe();
    }
    return promise;
  }

  /** The server's clock now, in epoch ms, from welcome and ping/pong round trips. */
  serverNow() {
    return this._link.serverNow();
  }

  /** Commands sent or queued but not answered yet, oldest first (copies). */
  get outbox() {
    return this._outbox.snapshot();
  }

  /** Subscribes to an event; fn gets the detail. Returns a function that unsubscribes. */
  on(name, fn) {
    const h = (e) => fn(e.detail);
    this.addEventListener(name, h);
    return () => this.removeEventListener(name, h);
  }

  // --- frames ---------------------------------------------------------------------------------

  _hello() {
    const hello = { t: 'hello', token: this.token };
    if (this._canResume && this.state && this.epoch != null && this.seq != null) {
      hello.resume = { epoch: this.epoch, seq: this.seq };
    }
    this._link.send(JSON.stringify(hello));
  }

  _onFrame(f) {
    switch (f.t) {
      case 'welcome': return this._onWelcome(f);
      case 'ev': return this._onEv(f);
      case 'ack': return this._onAck(f);
      case 'err': return this._onErr(f);
      case 'pong': return this._link.pong(f);
      case 'presence': return this._onPresence(f);
      default: return undefined; // the server may add frame types
    }
  }

  _onWelcome(f) {
    if (f.protocol !== PROTOCOL) console.warn('Common Ground: server speaks protocol', f.protocol);
    if (f.resumed && !this.state) {
      // Cannot happen (we only ask to resume with state), but if it does, start clean.
      this._canResume = false;
      this._link.drop('resumed without state');
      return;
    }
    this.you = f.you ?? this.you;
    if (f.resumed) {
      this.seq = f.seq; // our own seq; the missed events follow as ev frames
    } else {
      this.epoch = f.epoch;
      this.seq = f.seq;
      this.state = adoptState(f.state, this._own);
    }
    this._canResume = true;
    this._link.welcome(f.serverTime);

    // Everything unanswered, in order and with its original ref: the server answers a ref it
    // has seen with its first answer instead of applying the command again. Before any
    // listener runs, so that commands sent from a 'welcome' listener queue up behind these.
    for (const e of this._outbox.entries()) this._link.send(commandFrame(e));
    this._link.online();

    this._emit('welcome', { resumed: Boolean(f.resumed), you: this.you, epoch: this.epoch, seq: this.seq });
    this._emit('state', { reason: 'welcome' });
  }

  _onEv(f) {
    if (!this._link.welcomed || typeof f.seq !== 'number') return;
    if (f.seq <= this.seq) return; // a duplicate: already applied
    if (f.seq > this.seq + 1) {
      // The server promises no gaps; if one shows up anyway our state is wrong: fetch it whole.
      console.warn(`Common Ground: event gap (have ${this.seq}, got ${f.seq}); reloading state`);
      this._canResume = false;
      this._link.drop('gap');
      return;
    }
    this.seq = f.seq;
    this.state = applyEvent(this.state, f, this._own.ids, { facilitator: this.you?.role === 'facilitator' });
    this._emit('event', f);
    this._emit('state', { reason: 'event', event: f });
  }

  _onAck(f) {
    const entry = this._outbox.take(f.ref);
    const seq = f.seq ?? null;
    const result = f.result ?? null;
    if (entry) {
      const next = applyAck(this.state, entry, result, this._own);
      if (next !== this.state) {
        this.state = next;
        this._emit('state', { reason: 'ack' });
      }
    }
    this._outbox.settle(f.ref, 'resolve', { seq, result });
    this._emit('ack', { ref: f.ref, seq, result, command: entry ? { name: entry.name, args: entry.args } : null });
  }

  _onErr(f) {
    const error = { code: f.code ?? ERR.INTERNAL, message: f.message ?? '' };
    if (f.details) error.details = f.details;
    // INTERNAL means the server could not save it just then and applied nothing: keep the command and
    // send it again a little later with the same ref (which makes it apply once), a few times at most.
    if (error.code === ERR.INTERNAL && f.ref != null) {
      const waiting = this._outbox.find(f.ref);
      if (waiting && (waiting.retries ?? 0) < MAX_INTERNAL_RETRIES) {
        waiting.retries = (waiting.retries ?? 0) + 1;
        this._outbox.save();
        const delay = this.options.baseDelayMs * 2 ** waiting.retries;
        this._link.later(() => {
          if (this._link.welcomed && this._outbox.has(waiting)) this._link.send(commandFrame(waiting));
        }, delay);
        return;
      }
    }
    const entry = f.ref == null ? null : this._outbox.take(f.ref);
    if (f.ref != null && this._outbox.awaited(f.ref)) {
      this._outbox.settle(f.ref, 'reject', error);
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

  _emit(name, detail) {
    this.dispatchEvent(new CustomEv(name, { detail }));
  }
}
