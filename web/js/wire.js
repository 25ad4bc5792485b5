// What this client and the server agree on the wire, one table per fact (docs/protocol.md): the
// protocol version, the frame size, close codes and error codes. Nothing else in web/js spells them;
// a view asks `closed.code === CLOSE.REMOVED`, never `=== 4403`.

export const PROTOCOL = 1;

/** The server closes with 1009 above this; never queue such a frame. */
export const MAX_FRAME_BYTES = 16 * 1024;

export const CLOSE = Object.freeze({
  /** Ours (4000..4999 is the application range): we dropped the socket ourselves (gap, dead link). */
  CLIENT: 4000,
  /** Bad token: the link or session is not valid (any more). Final. */
  UNAUTHENTICATED: 4401,
  /** Removed from the workshop (or the workshop was deleted). Final. */
  REMOVED: 4403,
  /** No hello in time. */
  NO_HELLO: 4408,
  /** Too many connections with this token (tabs). */
  TOO_MANY: 4409,
  /** Repeated abuse (errors). */
  ABUSE: 4429,
  GOING_AWAY: 1001,
  TOO_BIG: 1009,
  SERVER_ERROR: 1011,
  SLOW_CONSUMER: 1013,
});

/** Error codes: the server's (err frames and HTTP) and the few this client makes for itself. */
export const ERR = Object.freeze({
  INVALID: 'INVALID',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PHASE_CLOSED: 'PHASE_CLOSED',
  LIMIT: 'LIMIT',
  RATE_LIMITED: 'RATE_LIMITED',
  ENDED: 'ENDED',
  INTERNAL: 'INTERNAL',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  LOCKED: 'LOCKED',
  FULL: 'FULL',
  // This client's own, never sent by the server:
  /** The token is dead: the server closed with 4403. */
  REMOVED: 'REMOVED',
  /** The person left the workshop: what was waiting is discarded. */
  CLOSED: 'CLOSED',
  /** The outbox was full: the oldest unsent command went. */
  DROPPED: 'DROPPED',
  /** A join code no workshop has (the server's NOT_FOUND on POST /api/join). */
  JOIN_NOT_FOUND: 'JOIN_NOT_FOUND',
});

/** Close codes after which reconnecting cannot help, with the error that waiting commands get. */
export const FINAL_CLOSES = new Map([
  [CLOSE.UNAUTHENTICATED, Object.freeze({ code: ERR.UNAUTHENTICATED, message: 'This link or session is not valid (any more).' })],
  [CLOSE.REMOVED, Object.freeze({ code: ERR.REMOVED, message: 'You were removed from this workshop.' })],
]);

/** Close codes after which the next try waits as long as after abuse: never a tight loop of reconnects. */
export const PAUSING_CLOSES = new Set([CLOSE.ABUSE, CLOSE.TOO_MANY]);

/** The server's limits on what people type (docs/protocol.md), in characters. */
export const LIMITS = Object.freeze({
  contributionText: 1000,
  themeLabel: 120,
  name: 80,
});
