package org.commonground.transport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebSocket pings of one event loop's sockets, from one timer instead of one per socket: with
 * thousands of quiet connections a timer each costs memory and wake-ups for nothing. Every sweep pings
 * the sockets whose last ping is a ping interval old, so pings stay spread over time, and lets go of
 * the sockets that have sent nothing, not even a pong, for the idle timeout.
 *
 * <p>Used only on its event loop: the HTTP verticle that owns it runs its timer there, and each of its
 * sockets lives there too.
 */
final class Heartbeats {
  /** How often the sweep runs; pings and idle checks are this precise. */
  static final long SWEEP_MS = 1_000;

  /** What a sweep asks of each socket. */
  interface Beating {
    long lastHeard();

    long lastPinged();

    void ping(long now);

    void idleClose();
  }

  private final long pingEveryMs;
  private final long idleMs;
  private final Set<Beating> sockets = new HashSet<>();

  /** {@code pingEveryMs}: {@code Limits.webSocketPingMs}, which the connection idle timeout is checked against. */
  Heartbeats(long idleMs, long pingEveryMs) {
    this.idleMs = idleMs;
    this.pingEveryMs = pingEveryMs;
  }

  void add(Beating s) { sockets.add(s); }

  void remove(Beating s) { sockets.remove(s); }

  int size() { return sockets.size(); }

  void sweep(long now) {
    List<Beating> idle = null;
    for (Beating s : sockets) {
      if (now - s.lastHeard() > idleMs) {
        if (idle == null) idle = new ArrayList<>();
        idle.add(s);
      } else if (now - s.lastPinged() >= pingEveryMs) {
        s.ping(now);
      }
    }
    if (idle == null) return;
    // Closed after the walk: a close may come back into remove().
    for (Beating s : idle) {
      sockets.remove(s);
      s.idleClose();
    }
  }
}
