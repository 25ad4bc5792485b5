// Commands waiting for their answer: kept in order, in storage (a post typed offline survives a
// reload), bounded, each with the send() promise of this page when there is one. A command keeps
// its ref for good, so sending it again after a reconnect makes the server apply it once.
import { readJson, writeJson } from './storage.js';
import { ERR } from './wire.js';

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

export function commandFrame(e) {
  return JSON.stringify({ t: 'cmd', ref: e.ref, name: e.name, args: e.args });
}

const list = (v) => (Array.isArray(v) ? v : []);

export class Outbox {
  /**
   * @param storage where it is kept; key its name there
   * @param limit at most this many wait; past it the oldest is dropped (its sender told DROPPED),
   *   because a phone offline for hours must not fill its storage with taps
   * @param onChange(size) after every change
   */
  constructor(storage, key, { limit = 200, onChange = () => {} } = {}) {
    this._storage = storage;
    this._key = key;
    this._limit = limit;
    this._onChange = onChange;
    this._entries = list(readJson(storage, key, []))
      .filter((e) => e && typeof e.ref === 'string' && typeof e.name === 'string');
    this._pending = new Map(); // ref -> {resolve, reject}, only for add() calls of this page
  }

  get size() { return this._entries.length; }

  /** The waiting commands, oldest first (the stored entries: do not change them). */
  entries() { return this._entries; }

  /** Copies for views. */
  snapshot() {
    return this._entries.map((e) => ({ ref: e.ref, name: e.name, args: e.args, at: e.at }));
  }

  has(entry) { return this._entries.includes(entry); }

  find(ref) { return this._entries.find((e) => e.ref === ref) ?? null; }

  /** Queues a command; the promise settles with its answer. */
  add(entry) {
    const promise = new Promise((resolve, reject) => this._pending.set(entry.ref, { resolve, reject }));
    this._entries.push(entry);
    while (this._entries.length > this._limit) {
      const dropped = this._entries.shift();
      console.warn(`Common Ground: outbox full (${this._limit}), dropping the oldest unsent command`,
        dropped.name, dropped.ref);
      this.settle(dropped.ref, 'reject', { code: ERR.DROPPED, message: 'Too many unsent actions; the oldest was dropped.' });
    }
    this.save();
    return promise;
  }

  /** Removes and returns the entry with this ref, if any. */
  take(ref) {
    const i = this._entries.findIndex((e) => e.ref === ref);
    if (i < 0) return null;
    const [entry] = this._entries.splice(i, 1);
    this.save();
    return entry;
  }

  /** Whether this page is waiting on the ref's promise. */
  awaited(ref) { return this._pending.has(ref); }

  settle(ref, how, value) {
    const p = this._pending.get(ref);
    if (!p) return;
    this._pending.delete(ref);
    p[how](value);
  }

  /** Drops everything, stored too, rejecting this page's promises with `error`. */
  clear(error) {
    const pending = [...this._pending.values()];
    this._pending.clear();
    for (const p of pending) p.reject({ ...error });
    this._entries = [];
    this.save();
  }

  save() {
    writeJson(this._storage, this._key, this._entries.length ? this._entries : null);
    this._onChange(this._entries.length);
  }
}
