package org.commonground.protocol;

/**
 * Every WebSocket close code the server sends, in one table (docs/protocol.md lists the same; a test
 * holds the two together). The client reconnects and resumes after the 1xxx ones, and stops with a
 * message after the 4xxx ones.
 */
public enum CloseCode {
  /** The server is shutting down, or the connection answered no ping: reconnect and resume. */
  GOING_AWAY(1001),
  /** A frame over the frame limit. */
  TOO_LARGE(1009),
  /** The server could not load the workshop or read its history just then: reconnect and resume. */
  SERVER_ERROR(1011),
  /** The connection could not keep up (its write queue passed its bound): reconnect and resume. */
  TOO_SLOW(1013),
  /** Unknown token or workshop. */
  BAD_TOKEN(4401),
  /** Removed from the workshop, or the workshop was deleted. */
  REMOVED(4403),
  /** No hello in time. */
  NO_HELLO(4408),
  /** The token already has as many connections to the workshop on this node as it may. */
  TOO_MANY(4409),
  /** Too many bad frames. */
  ABUSE(4429);

  private final short code;

  CloseCode(int code) { this.code = (short) code; }

  public short code() { return code; }
}
