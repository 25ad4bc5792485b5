package org.commonground.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A protocol client for tests: every frame it receives is kept in arrival order, and each wait has a
 * timeout. Blocking calls are for the test thread only.
 */
public final class WsClient implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final Promise<Short> closed = Promise.promise();
  private int refs;

  private WsClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> {
      JsonObject f = new JsonObject(text);
      received.add(f);
      inbox.add(f);
    });
    ws.binaryMessageHandler(b -> {
      JsonObject f = new JsonObject().put("t", "BINARY").put("text", b.toString());
      received.add(f);
      inbox.add(f);
    });
    ws.closeHandler(v -> closed.tryComplete(ws.closeStatusCode()));
  }

  public static WsClient connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static WsClient connect(Vertx vertx, int port, String origin) {
    return connect(vertx, port, null, origin == null ? java.util.Map.of() : java.util.Map.of("Origin", origin));
  }

  /** From {@code localAddress} (127.0.0.x, null for any), with these upgrade request headers. */
  public static WsClient connect(Vertx vertx, int port, String localAddress, java.util.Map<String, String> headers) {
    WebSocketClientOptions options = new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24);
    if (localAddress != null) options.setLocalAddress(localAddress);
    WebSocketClient client = vertx.createWebSocketClient(options);
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    headers.forEach(o::addHeader);
    try {
      return new WsClient(client, Await.of(client.connect(o)));
    } catch (RuntimeException | AssertionError e) {
      client.close();
      throw e;
    }
  }

  /** Connects and says hello; returns the welcome. */
  public static WsClient join(Vertx vertx, int port, String token) {
    WsClient c = connect(vertx, port);
    c.hello(token);
    return c;
  }

  public JsonObject hello(String token) {
    send(new JsonObject().put("t", "hello").put("token", token));
    return awaitType("welcome");
  }

  public JsonObject resume(String token, String epoch, long seq) {
    send(new JsonObject().put("t", "hello").put("token", token)
        .put("resume", new JsonObject().put("epoch", epoch).put("seq", seq)));
    return awaitType("welcome");
  }

  public void send(JsonObject frame) { sendText(frame.encode()); }

  public void sendText(String text) { Await.of(ws.writeTextMessage(text)); }

  /** Sends a command with a fresh ref and returns the ref. */
  public String cmd(String name, JsonObject args) {
    String ref = "r-" + (++refs) + "-" + System.nanoTime();
    cmd(ref, name, args);
    return ref;
  }

  public void cmd(String ref, String name, JsonObject args) {
    send(new JsonObject().put("t", "cmd").put("ref", ref).put("name", name).put("args", args));
  }

  /** Sends a command and waits for its ack or err. */
  public JsonObject call(String name, JsonObject args) {
    return reply(cmd(name, args));
  }

  /** The ack or err for a ref. */
  public JsonObject reply(String ref) {
    return await(f -> ("ack".equals(f.getString("t")) || "err".equals(f.getString("t"))) && ref.equals(f.getString("ref")));
  }

  public JsonObject awaitType(String t) { return await(f -> t.equals(f.getString("t"))); }

  public JsonObject awaitEvent(String name) {
    return await(f -> "ev".equals(f.getString("t")) && name.equals(f.getString("name")));
  }

  public JsonObject awaitEventSeq(long seq) {
    return await(f -> "ev".equals(f.getString("t")) && f.getLong("seq") == seq);
  }

  /** Takes frames until one matches (the others stay in {@link #received}). */
  public JsonObject await(Predicate<JsonObject> p) { return await(p, Await.TIMEOUT); }

  public JsonObject await(Predicate<JsonObject> p, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject f = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
        if (f == null) throw new AssertionError("no matching frame within " + timeout + "; received " + received);
        if (p.test(f)) return f;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The first frame of the whole history that matches, waiting for new frames until one does. Unlike
   * {@link #await}, it consumes nothing: use it for events that may have arrived while waiting for an ack.
   */
  public JsonObject seen(Predicate<JsonObject> p) {
    long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
    try {
      while (true) {
        for (JsonObject f : received) if (p.test(f)) return f;
        long left = deadline - System.nanoTime();
        if (left <= 0 || inbox.poll(left, TimeUnit.NANOSECONDS) == null) {
          throw new AssertionError("no matching frame within " + Await.TIMEOUT + "; received " + received);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The ev frame a command's ack names. */
  public JsonObject eventOf(JsonObject ack) {
    long seq = ack.getLong("seq");
    return seen(f -> "ev".equals(f.getString("t")) && f.getLong("seq") == seq);
  }

  /** Stops reading from the socket, as a frozen phone would: the server's writes back up. */
  public void pause() { ws.pause(); }

  public void resume() { ws.resume(); }

  /** Every frame received so far, in order. */
  public List<JsonObject> received() { return new ArrayList<>(received); }

  /** The ev frames received so far, in order. */
  public List<JsonObject> events() {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject f : received) if ("ev".equals(f.getString("t"))) out.add(f);
    return out;
  }

  /** The close code the server closed with (waits for it). */
  public short awaitClose() { return Await.of(closed.future()); }

  public Future<Short> closedFuture() { return closed.future(); }

  public boolean isClosed() { return ws.isClosed(); }

  /**
   * Closes politely, but a close handshake the other side does not finish (a node that died, a machine
   * too busy to answer in time) does not fail the test: the client then drops the connection. The client
   * itself is shut down within a bound too: closing it waits for its connections to end, and once one
   * that a stopped node left half-open kept ReconnectStormTest's clean-up waiting past every timeout.
   */
  @Override
  public void close() {
    if (!ws.isClosed()) {
      Await.of(ws.close().timeout(5, java.util.concurrent.TimeUnit.SECONDS).recover(e -> Future.succeededFuture()));
    }
    Await.of(client.shutdown(1, java.util.concurrent.TimeUnit.SECONDS).timeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .recover(e -> Future.succeededFuture()));
  }
}
