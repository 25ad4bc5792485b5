// The socket under a Connection, and keeping it alive: opening it, reconnecting with backoff,
// noticing a dead link within seconds (pings, the browser's offline event), and the clock offset
// from ping/pong round trips. It knows nothing of workshops or commands: the Connection says what
// to send when the socket opens and what a frame means.
import { CLOSE, FINAL_CLOSES, PAUSING_CLOSES } from './wire.js';

const OPEN = 1; // WebSocket.OPEN, spelled out so a fake WebSocket needs no constants

export const LINK_DEFAULTS = Object.freeze({
  url: null,                 // default: ws(s)://<location.host>/ws
  baseDelayMs: 500,          // backoff: full jitter, random(0, min(cap, base * 2^attempt))
  maxDelayMs: 30_000,
  stableMs: 10_000,          // online this long: the backoff starts again from the base
  abusePauseMs: 30_000,      // after 4429 or 4409: wait between 1x and 2x this
  pingMs: 25_000,            // app-level ping; no pong by the next one: the link is dead
  pongTimeoutMs: 12_000,     // ...or by this long after it: "Offline" within seconds, not a minute
  probeGapMs: 5_000,         // a command sent with no ping out for this long sends one to check the link
  offlineRetryMs: 30_000,    // while the browser says it is offline, try now and then (it may be wrong)
  welcomeTimeoutMs: 20_000,  // no welcome this long after starting to connect: try again
});

/**
 * handlers: open() when a socket opened (send the hello), frame(f) for each parsed frame,
 * closed({code, reason, reconnect}), final({code, message}) when the server closed for good,
 * status(s) with 'connecting' | 'online' | 'reconnecting' | 'offline'.
 */
export class Link {
  constructor(options, handlers) {
    this.options = options;
    this._h = handlers;
    this._WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this._timers = options.timers ?? globalThis;
    this._now = options.now ?? (() => Date.now());
    this._random = options.random ?? Math.random;
    this._win = options.window ?? (typeof window !== 'undefined' ? window : null);

    this.status = 'offline';
    this.welcomed = false;    // on the current socket
    this._ws = null;
    this._stopped = true;
    this._everOnline = false;
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

    this._wake = () => {
      this._browserOffline = false;
      this._reconnectNow();
    };
    // The browser knows the network went before the socket does (which can take a minute): say so
    // at once, drop the socket, and wait for 'online' rather than retrying into nothing.
    this._lost = () => {
      this._browserOffline = true;
      if (this._stopped) return;
      if (this._ws) this.drop('offline');
      else this._setStatus('offline');
    };
    // Back in the foreground: try now, unless the browser still says there is no network.
    this._onVisible = () => { if (globalThis.document?.visibilityState === 'visible' && !this._browserOffline) this._reconnectNow(); };
  }

  get stopped() { return this._stopped; }

  start() {
    if (!this._stopped) return;
    this._stopped = false;
    this._attempt = 0;
    // A phone coming back online or to the foreground should not sit out a long backoff.
    this._win?.addEventListener?.('online', this._wake);
    this._win?.addEventListener?.('offline', this._lost);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this._onVisible);
    this._open();
  }

  stop() {
    this._stopped = true;
    const ws = this._ws;
    this._detach();
    this._cancel('_retryTimer');
    try { ws?.close(1000, 'bye'); } catch { /* ignore */ }
    this._win?.removeEventListener?.('online', this._wake);
    this._win?.removeEventListener?.('offline', this._lost);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this._onVisible);
    this._setStatus('offline');
  }

  /** Sends a text frame if the socket is open; false when it could not. */
  send(text) {
    const ws = this._ws;
    if (!ws || ws.readyState !== OPEN) return false;
    try {
      ws.send(text);
      return true;
    } catch {
      return false; // the close event will follow
    }
  }

  /** The Connection accepted a welcome: the link works. Call online() once the outbox went out. */
  welcome(serverTime) {
    this._cancel('_welcomeTimer');
    this.welcomed = true;
    this._everOnline = true;
    this._browserOffline = false; // welcomed: whatever the browser said, the network works
    if (typeof serverTime === 'number') this._clockSample(serverTime, Infinity, this._now());
    this._stableTimer = this.later(() => { this._attempt = 0; }, this.options.stableMs);
  }

  online() {
    this._ping();
    this._setStatus('online');
  }

  /** Drops the current socket ourselves (gap, dead link) and reconnects after a backoff. */
  drop(why) {
    const ws = this._ws;
    this._detach();
    try { ws?.close(CLOSE.CLIENT, why); } catch { /* already closing */ }
    this._h.closed({ code: CLOSE.CLIENT, reason: why, reconnect: true });
    this._scheduleRetry(this._backoff());
  }

  /** After a command, check the link (at most every probeGapMs): a post into a dead link must not look sent. */
  probe() {
    if (!this.welcomed || this._pingSentAt != null) return;
    const now = this._now();
    if (now - this._lastProbe < this.options.probeGapMs) return;
    this._lastProbe = now;
    this._pingSentAt = now;
    this.send('{"t":"ping"}');
    this._awaitPong();
  }

  pong(f) {
    if (this._pingSentAt == null) return;
    const now = this._now();
    const rtt = now - this._pingSentAt;
    this._pingSentAt = null;
    this._cancel('_pongTimer');
    if (typeof f.serverTime === 'number') this._clockSample(f.serverTime, rtt, now);
  }

  /** The server's clock now, in epoch ms. */
  serverNow() {
    return this._now() + this._offset;
  }

  later(fn, ms) {
    return this._timers.setTimeout(fn, ms);
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
    this.welcomed = false;
    ws.onopen = () => this._h.open();
    ws.onmessage = (m) => this._onMessage(m.data);
    ws.onclose = (e) => this._onClose(e?.code ?? 1006, e?.reason ?? '');
    ws.onerror = () => { /* a close event follows; handled there */ };
    // A socket stuck connecting, or open but never welcomed, is as good as dead.
    this._welcomeTimer = this.later(() => this.drop('no welcome'), this.options.welcomeTimeoutMs);
  }

  _onMessage(raw) {
    let f;
    try {
      f = JSON.parse(raw);
    } catch {
      console.warn('Common Ground: a frame that is not JSON', raw);
      return;
    }
    if (f && typeof f === 'object') this._h.frame(f);
  }

  _onClose(code, reason) {
    this._detach();
    const final = FINAL_CLOSES.get(code);
    this._h.closed({ code, reason, reconnect: !final && !this._stopped });
    if (this._stopped) return;
    if (final) {
      this.stop();
      this._h.final({ ...final });
      return;
    }
    const delay = PAUSING_CLOSES.has(code)
      ? this.options.abusePauseMs * (1 + this._random())
      : this._backoff(); // 1001 going away, 1013 slow consumer, 1006 network, ...: resume
    this._scheduleRetry(delay);
  }

  /** Forgets the current socket and everything tied to it. */
  _detach() {
    const ws = this._ws;
    if (ws) ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    this._ws = null;
    this.welcomed = false;
    this._pingSentAt = null;
    this._cancel('_welcomeTimer');
    this._cancel('_stableTimer');
    this._cancel('_pingTimer');
    this._cancel('_pongTimer');
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
    this._retryTimer = this.later(() => this._open(), delay);
  }

  _reconnectNow() {
    if (this._stopped || !this._retryTimer) return;
    this._cancel('_retryTimer');
    this._open();
  }

  // --- heartbeat and clock ------------------------------------------------------------------

  _ping() {
    this._cancel('_pingTimer');
    if (this._pingSentAt != null) {
      // The last ping got no pong in a whole interval: the link is dead even if the socket
      // does not know yet (common on mobile networks).
      this.drop('no pong');
      return;
    }
    this._pingSentAt = this._now();
    this.send('{"t":"ping"}');
    this._pingTimer = this.later(() => this._ping(), this.options.pingMs);
    this._awaitPong();
  }

  /** No pong this long after a ping: the link is dead even if the socket does not know it yet. */
  _awaitPong() {
    this._cancel('_pongTimer');
    this._pongTimer = this.later(() => { if (this._pingSentAt != null) this.drop('no pong'); }, this.options.pongTimeoutMs);
  }

  /** Keeps the offset of the recent sample with the shortest round trip (the least skewed). */
  _clockSample(serverTime, rtt, now) {
    const offset = serverTime + (Number.isFinite(rtt) ? rtt / 2 : 0) - now;
    this._clock.push({ rtt, offset });
    if (this._clock.length > 8) this._clock.shift();
    this._offset = this._clock.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  }

  _setStatus(status) {
    // While the browser says there is no network, "reconnecting" would promise too much.
    if (this._browserOffline && (status === 'connecting' || status === 'reconnecting')) status = 'offline';
    if (status === this.status) return;
    this.status = status;
    this._h.status(status);
  }

  _cancel(field) {
    if (this[field] != null) this._timers.clearTimeout(this[field]);
    this[field] = null;
  }
}
