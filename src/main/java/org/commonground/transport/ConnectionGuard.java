package org.commonground.transport;

import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.config.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and silent clients from holding connections open, and one address from holding too many.
 * Vert.x's idle timeout closes a connection on which nothing moves at all; a client that trickles a
 * byte now and then keeps it busy, so every plain HTTP connection here also has a deadline, checked
 * once a second:
 * <ul>
 *   <li>opened: its first request's headers within {@code headerTimeoutSeconds};</li>
 *   <li>a request arrived: read and answered within {@code httpIdleTimeoutSeconds};</li>
 *   <li>answered (keep-alive): the next request's headers within the idle timeout plus the header
 *       timeout (a quiet one is closed sooner by the idle timeout itself).</li>
 * </ul>
 * A connection past its deadline is closed, whatever it was doing. A WebSocket leaves the deadlines at
 * its upgrade: its pings and pongs keep it under the idle timeout while it is healthy, and its session
 * drops it when it is not ({@link Heartbeats}).
 *
 * <p>Connections are counted per client address ({@link AddressCounts}, {@code connectionsPerAddress}).
 * Directly exposed, a connection is counted when it is accepted, by its peer address, and one over the
 * limit is closed at once, before anything is read from it. Behind a proxy every connection comes from
 * the proxy, so a connection is counted at its first request under the address the proxy forwarded
 * ({@link ClientAddress}); one over the limit is answered 429 and closed.
 *
 * <p>One per event loop, used only on it: Vert.x calls the connection and request handlers of a
 * connection on the loop of the server instance that accepted it.
 */
final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  static final long SWEEP_MS = 1_000;
  private static final String SEEN = "cg.guarded";

  private final AddressCounts counts;
  private final boolean behindProxy;
  private final long headerMs;
  private final long idleMs;
  /**
   * This loop's plain HTTP connections and their deadlines. An entry is removed when its connection
   * closes or becomes a WebSocket, so the map is bounded by the open connections (themselves bounded
   * per address, and by the process's file descriptors).
   */
  private final Map<HttpConnection, Watch> watched = new HashMap<>();

  private final class Watch {
    long deadline;
    /** The address this connection is counted under, once counted. */
    String countedAs;

    /** Uncounts the connection, once, whichever of its close notices comes first. */
    void release() {
      if (countedAs != null) counts.close(countedAs);
      countedAs = null;
    }
  }

  ConnectionGuard(Limits limits, AddressCounts counts, boolean behindProxy) {
    this.counts = counts;
    this.behindProxy = behindProxy;
    this.headerMs = limits.headerTimeoutSeconds() * 1000L;
    this.idleMs = limits.httpIdleTimeoutSeconds() * 1000L;
  }

  /** The server's connection handler: a new connection, before anything is read from it. */
  void opened(HttpConnection conn) {
    Watch w = new Watch();
    if (!behindProxy) {
      String address = conn.remoteAddress() == null ? "unknown" : conn.remoteAddress().hostAddress();
      if (!counts.tryOpen(address)) {
        LOG.debug("refused a connection from {}: it has {} open already", address, counts.count(address));
        conn.close();
        return;
      }
      w.countedAs = address;
    }
    w.deadline = System.currentTimeMillis() + headerMs;
    watched.put(conn, w);
    conn.closeHandler(v -> {
      watched.remove(conn);
      w.release();
    });
  }

  /** The first route of every request: its headers are in. Answers it (429) itself when its address is past the limit. */
  void request(RoutingContext ctx) {
    if (ctx.get(SEEN) != null) { // a reroute: the same request again
      ctx.next();
      return;
    }
    ctx.put(SEEN, Boolean.TRUE);
    HttpConnection conn = ctx.request().connection();
    Watch w = watched.get(conn);
    if (w != null && w.countedAs == null) {
      String address = ClientAddress.of(ctx.request(), true);
      if (!counts.tryOpen(address)) {
        ctx.response().putHeader("Connection", "close");
        HttpError.send(ctx, 429, "RATE_LIMITED",
            "too many connections are open from your network; close some tabs, wait a moment and try again");
        return;
      }
      w.countedAs = address;
    }
    if (w != null) {
      w.deadline = System.currentTimeMillis() + idleMs;
      ctx.addEndHandler(ar -> answered(conn));
    }
    ctx.next();
  }

  private void answered(HttpConnection conn) {
    Watch w = watched.get(conn);
    if (w != null) w.deadline = System.currentTimeMillis() + idleMs + headerMs;
  }

  /**
   * The connection is a WebSocket now: no more HTTP deadlines, still counted until it closes. Vert.x does
   * not tell an upgraded connection's close handler when it closes, so the WebSocket's session must run
   * what this returns when it does.
   */
  Runnable upgraded(HttpConnection conn) {
    Watch w = watched.remove(conn);
    return w == null ? () -> { } : w::release;
  }

  /** Closes the connections past their deadline. */
  void sweep(long now) {
    List<HttpConnection> late = null;
    for (Map.Entry<HttpConnection, Watch> e : watched.entrySet()) {
      if (now > e.getValue().deadline) {
        if (late == null) late = new ArrayList<>();
        late.add(e.getKey());
      }
    }
    if (late == null) return;
    // Closed after the walk: a close may come back into the close handler, which edits the map.
    for (HttpConnection conn : late) {
      watched.remove(conn);
      conn.close();
    }
  }
}
