package org.commonground.transport;

import org.commonground.protocol.CloseCode;
import java.util.Map;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.commonground.config.Limits;
import org.commonground.hub.Contexts;
import org.commonground.hub.Hub;
import org.commonground.hub.TokenBucket;
import org.commonground.hub.HubMetrics;
import org.commonground.hub.Member;
import org.commonground.hub.TextFrames;
import org.commonground.protocol.ClientFrame;
import org.commonground.protocol.CommandDecoder;
import org.commonground.protocol.ProtocolException;
import org.commonground.protocol.ServerFrames;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket from hello to close, on the socket's own event loop. Bad frames are answered and
 * counted, never fatal, until a client passes the abuse bound.
 */
final class SocketSession implements Heartbeats.Beating {
  private static final Logger LOG = LoggerFactory.getLogger(SocketSession.class);

  private enum Stage { AWAITING_HELLO, WELCOMING, LIVE, CLOSED }

  private final ServerWebSocket ws;
  private final Vertx vertx;
  private final Hub hub;
  private final WorkshopStore store;
  private final Limits limits;
  private final HubMetrics metrics;
  private final TokenBucket bucket;
  /**
   * Times of recent errors; bounded by the abuse limit, past which the socket is closed. Made at the first
   * error, as {@link #early} at the first early command: most of thousands of sockets never need either.
   */
  private ArrayDeque<Long> errors;
  /** Commands that came while the welcome was on its way; bounded, past it they get RATE_LIMITED. */
  private ArrayDeque<ClientFrame.Cmd> early;
  private static final int MAX_EARLY_COMMANDS = 256;
  /** The socket's own context: every field here is touched only on it. */
  private final Context context;
  private Stage stage = Stage.AWAITING_HELLO;
  private Member member;
  private long helloTimer;
  private final Heartbeats heartbeats;
  private long lastHeard;
  private long lastPinged;
  private static final Buffer PING = Buffer.buffer("cg");
  private Runnable onClosed = () -> { };

  SocketSession(ServerWebSocket ws, Vertx vertx, Hub hub, WorkshopStore store, Limits limits, HubMetrics metrics,
                Heartbeats heartbeats) {
    this.ws = ws;
    this.heartbeats = heartbeats;
    this.vertx = vertx;
    this.hub = hub;
    this.store = store;
    this.limits = limits;
    this.metrics = metrics;
    this.bucket = new TokenBucket(limits.commandsPerSecond(), limits.commandBurst(), System.nanoTime());
    this.context = vertx.getOrCreateContext();
  }

  /** {@code onClosed}: run once the socket has closed (it uncounts the connection from its address). */
  void start(Runnable onClosed) {
    this.onClosed = onClosed;
    metrics.connectionOpened();
    ws.setWriteQueueMaxSize(limits.writeQueueMaxBytes());
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> error(null, Code.INVALID, "frames must be text"));
    ws.exceptionHandler(err -> LOG.debug("socket error: {}", err.toString()));
    ws.closeHandler(v -> onClose());
    helloTimer = vertx.setTimer(limits.helloTimeoutMs(), t -> {
      if (stage == Stage.AWAITING_HELLO) ws.close(CloseCode.NO_HELLO.code(), "no hello in time");
    });
    // WebSocket-level pings keep proxies from closing a quiet connection and find dead ones: a client
    // that has sent nothing, not even a pong, for the idle timeout is dropped (it resumes when it can).
    lastHeard = System.currentTimeMillis();
    lastPinged = lastHeard;
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    heartbeats.add(this);
  }

  @Override
  public long lastHeard() { return lastHeard; }

  @Override
  public long lastPinged() { return lastPinged; }

  @Override
  public void ping(long now) {
    lastPinged = now;
    if (!ws.isClosed()) ws.writePing(PING);
  }

  @Override
  public void idleClose() { ws.close(CloseCode.GOING_AWAY.code(), "no answer to ping"); }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    if (stage == Stage.CLOSED) return;
    if (tooLarge(text)) {
      stage = Stage.CLOSED;
      ws.close(CloseCode.TOO_LARGE.code(), "frame larger than " + limits.maxFrameBytes() + " bytes");
      return;
    }
    ClientFrame frame;
    try {
      frame = ClientFrame.parse(text);
    } catch (ClientFrame.RefException e) {
      error(e.ref(), Code.INVALID, e.getMessage());
      return;
    } catch (ProtocolException e) {
      error(null, e.code(), e.getMessage());
      return;
    }
    if (frame instanceof ClientFrame.Ping) {
      send(ServerFrames.pong(System.currentTimeMillis()));
    } else if (frame instanceof ClientFrame.Hello h) {
      hello(h);
    } else if (frame instanceof ClientFrame.Cmd c) {
      command(c);
    }
  }

  /** Whether the frame's UTF-8 form passes the limit, counting bytes only when characters leave it in doubt. */
  private boolean tooLarge(String text) {
    int max = limits.maxFrameBytes();
    if (text.length() > max) return true;
    if ((long) text.length() * 3 <= max) return false;
    return text.getBytes(StandardCharsets.UTF_8).length > max;
  }

  private void hello(ClientFrame.Hello h) {
    if (stage != Stage.AWAITING_HELLO) {
      error(null, Code.INVALID, "hello was already said");
      return;
    }
    stage = Stage.WELCOMING;
    vertx.cancelTimer(helloTimer);
    Contexts.back(context, store.admit(h.token())
        .compose(grant -> {
          if (grant.isEmpty()) {
            ws.close(CloseCode.BAD_TOKEN.code(), "unknown token");
            return Future.<Member>succeededFuture(null);
          }
          return hub.attach(ws, context, grant.get(), h.resume());
        }))
        .onSuccess(m -> {
          if (m == null) return;
          member = m;
          if (stage == Stage.CLOSED) {
            hub.detach(m);
          } else {
            stage = Stage.LIVE;
            while (early != null && !early.isEmpty()) command(early.poll());
          }
        })
        .onFailure(err -> {
          if (err instanceof Hub.RemovedException) {
            ws.close(CloseCode.REMOVED.code(), "removed from the workshop");
          } else if (err instanceof Hub.TooManyConnectionsException) {
            ws.close(CloseCode.TOO_MANY.code(), "this link is open in too many places; close one and try again");
          } else if (Hub.isNoSuchWorkshop(err)) {
            ws.close(CloseCode.BAD_TOKEN.code(), "unknown workshop");
          } else {
            LOG.warn("could not welcome a connection: {}", err.toString());
            ws.close(CloseCode.SERVER_ERROR.code(), "server could not load the workshop; reconnect");
          }
        });
  }

  private void command(ClientFrame.Cmd c) {
    if (stage == Stage.WELCOMING) {
      // The welcome may reach the client a moment before this session knows it is live, and a client
      // resends its outbox right after the welcome: hold those commands (a bounded few) until then.
      if (early == null) early = new ArrayDeque<>(4);
      if (early.size() >= MAX_EARLY_COMMANDS) {
        error(c.ref(), Code.RATE_LIMITED, "wait for the welcome before sending more");
      } else {
        early.add(c);
      }
      return;
    }
    if (stage != Stage.LIVE) {
      error(c.ref(), Code.INVALID, "say hello first");
      return;
    }
    // Not the per-person rate (the live workshop keeps that, over all of a person's sockets): this one
    // bounds what a single socket costs before its commands reach a workshop at all (decoding, and the
    // error frames for commands that are refused here), with the same numbers.
    if (!bucket.tryTake(System.nanoTime())) {
      error(c.ref(), Code.RATE_LIMITED, "too many commands; slow down");
      return;
    }
    if (member.grant().role() == Role.DISPLAY) {
      error(c.ref(), Code.FORBIDDEN, "a display cannot send commands");
      return;
    }
    Command command;
    try {
      command = CommandDecoder.decode(c.name(), c.args());
    } catch (ProtocolException e) {
      error(c.ref(), e.code(), e.getMessage(), e.details());
      return;
    }
    hub.submit(member, c.ref(), command);
  }

  private void error(String ref, Code code, String message) {
    error(ref, code, message, Map.of());
  }

  private void error(String ref, Code code, String message, Map<String, Object> details) {
    send(ServerFrames.err(ref, code, message, details));
    if (!details.isEmpty()) return; // a warning to confirm (personal data), not a bad frame
    long now = System.currentTimeMillis();
    if (errors == null) errors = new ArrayDeque<>(4);
    errors.addLast(now);
    while (!errors.isEmpty() && errors.peekFirst() < now - 60_000) errors.pollFirst();
    if (errors.size() > limits.errorsPerMinute()) {
      stage = Stage.CLOSED;
      ws.close(CloseCode.ABUSE.code(), "too many bad frames");
    }
  }

  /** Replies to this client (errors, pongs); a client that never reads them is closed like any slow consumer. */
  private void send(Buffer b) {
    if (ws.isClosed()) return;
    if (ws.writeQueueFull()) {
      stage = Stage.CLOSED;
      ws.close(CloseCode.TOO_SLOW.code(), "too slow to keep up; reconnect and resume");
      return;
    }
    TextFrames.write(ws, b);
  }

  private void onClose() {
    stage = Stage.CLOSED;
    vertx.cancelTimer(helloTimer);
    heartbeats.remove(this);
    metrics.connectionClosed();
    onClosed.run();
    if (member != null) hub.detach(member);
  }
}
