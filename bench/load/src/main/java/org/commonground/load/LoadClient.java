package org.commonground.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated participant: a WebSocket speaking the real protocol (hello, welcome, cmd, ack, ev,
 * resume by epoch and seq), doing what the web client does: an outbox of unacknowledged commands resent
 * with their refs after a reconnect. Everything here runs on the client's own context (one event loop).
 *
 * <p>Each post carries its send time in its text ({@link #MARK} followed by the tool's own nanosecond
 * clock spelt in letters, so the text holds no digits that could look like a phone or NHS number); every
 * receiver, in the same process, takes now minus that time: post-to-delivery on one clock.
 */
final class LoadClient {
  static final String MARK = "~LT";
  private static final String BEFORE = "Meet people where they already are, at the GP surgery or the community cafe ";
  private static final String AFTER = ". Peer support after discharge made the difference for us.";

  final LoadEngine engine;
  final LoadEngine.Room room;
  final int index;
  final String token;
  final int port;
  final Context context;

  private WebSocket ws;
  /** Set on the Socket.IO target: this connection's frames travel inside Socket.IO packets. */
  private LoadSocketIo sio;
  private boolean live;
  /** Set while the tool itself closes the socket on purpose (a storm drop, or the end). */
  private boolean closing;
  private boolean finished;
  private String epoch;
  long lastSeq = -1;
  private long refs;
  private int reconnects;
  /** Unacknowledged posts by ref, in order: resent after every welcome. */
  private final Map<String, String> outbox = new LinkedHashMap<>();
  private Promise<Void> welcomed;
  /** The seq this client must reach to count as caught up after a drop; -1 when not watching. */
  long catchUpTo = -1;

  LoadClient(LoadEngine engine, LoadEngine.Room room, int index, String token, int port, Context context) {
    this.engine = engine;
    this.room = room;
    this.index = index;
    this.token = token;
    this.port = port;
    this.context = context;
  }

  boolean live() { return live; }

  /** Connects and says hello (with resume once it has an epoch); completes at the welcome. Call on {@link #context}. */
  Future<Void> connect() {
    welcomed = Promise.promise();
    Promise<Void> p = welcomed;
    closing = false;
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(engine.socketIo ? LoadSocketIo.PATH : "/ws");
    engine.wsClient.connect(o).onComplete(ar -> {
      if (ar.failed()) {
        engine.connectFailures.increment();
        p.tryFail(ar.cause());
        return;
      }
      WebSocket s = ar.result();
      ws = s;
      sio = engine.socketIo ? new LoadSocketIo(s, this::onText) : null;
      s.textMessageHandler(sio != null ? sio::receive : this::onText);
      s.exceptionHandler(err -> { });
      s.closeHandler(v -> onClose(s));
      JsonObject hello = new JsonObject().put("t", "hello").put("token", token);
      if (epoch != null) hello.put("resume", new JsonObject().put("epoch", epoch).put("seq", lastSeq));
      if (sio != null) sio.hello(hello.encode());
      else s.writeTextMessage(hello.encode());
    });
    return p.future();
  }

  /** A new contribution, stamped now; queued in the outbox and sent at once if connected. Call on {@link #context}. */
  void post() {
    if (finished) return;
    long sent = System.nanoTime() - engine.clockBase;
    String ref = index + "-" + (++refs);
    String frame = "{\"t\":\"cmd\",\"ref\":\"" + ref + "\",\"name\":\"contribution.add\",\"args\":{\"text\":\""
        + BEFORE + MARK + letters(sent) + AFTER + "\"}}";
    outbox.put(ref, frame);
    room.sent.increment();
    engine.sent.increment();
    engine.pending.increment();
    if (live) send(frame);
  }

  private void send(String frame) {
    if (sio != null) sio.send(frame);
    else ws.writeTextMessage(frame);
  }

  /** Drops the connection as a lost network or a reload would, and comes back after {@code delayMs} with resume. */
  void drop(long delayMs) {
    if (ws == null || finished) return;
    closing = true;
    if (live) engine.liveClients.decrement();
    live = false;
    WebSocket s = ws;
    s.close((short) 1001, "going away").onComplete(ar -> context.owner().setTimer(Math.max(1, delayMs), t -> reconnect()));
  }

  /** Closes for good at the end of a run. */
  Future<Void> finish() {
    finished = true;
    closing = true;
    if (ws == null || ws.isClosed()) return Future.succeededFuture();
    if (live) engine.liveClients.decrement();
    live = false;
    return ws.close().recover(err -> Future.succeededFuture());
  }

  private void onClose(WebSocket s) {
    if (s != ws) return;
    if (live) engine.liveClients.decrement();
    live = false;
    if (welcomed != null && !welcomed.future().isComplete()) {
      welcomed.tryFail("closed before the welcome: " + s.closeStatusCode() + " " + s.closeReason());
    }
    if (closing || finished) return;
    engine.unexpectedClose(s.closeStatusCode());
    long delay = 200 + ThreadLocalRandom.current().nextLong(500);
    context.owner().setTimer(delay, t -> reconnect());
  }

  private void reconnect() {
    if (finished) return;
    if (++reconnects > LoadEngine.MAX_RECONNECTS) {
      engine.gaveUp.increment();
      return;
    }
    engine.reconnects.increment();
    connect().onFailure(err -> {
      if (!closing && !finished) context.owner().setTimer(500 + ThreadLocalRandom.current().nextLong(500), t -> reconnect());
    });
  }

  private void onText(String s) {
    engine.framesIn.increment();
    // Frames start {"t":"<type>": the type's first letters say what it is without parsing all of it.
    char a = s.length() > 7 ? s.charAt(6) : '?';
    char b = s.length() > 7 ? s.charAt(7) : '?';
    if (a == 'e' && b == 'v') {
      onEvent(s);
    } else if (a == 'a') {
      onAck(s);
    } else if (a == 'e' && b == 'r') {
      onErr(s);
    } else if (a == 'w') {
      onWelcome(new JsonObject(s));
    }
  }

  private void onWelcome(JsonObject w) {
    epoch = w.getString("epoch");
    long seq = w.getLong("seq");
    if (lastSeq >= 0 && !w.getBoolean("resumed", false)) {
      // A fresh state instead of a resume: whatever we missed is in it, not in events.
      engine.notResumed.increment();
    } else if (lastSeq >= 0) {
      engine.resumed.increment();
    }
    lastSeq = seq;
    live = true;
    engine.liveClients.increment();
    engine.welcomed();
    for (String frame : outbox.values()) send(frame);
    checkCaughtUp();
    welcomed.tryComplete();
  }

  private void onEvent(String s) {
    long seq = number(s, "\"seq\":");
    if (seq <= lastSeq) {
      engine.duplicates.increment();
      return;
    }
    if (lastSeq >= 0 && seq != lastSeq + 1) engine.gaps.add(seq - lastSeq - 1);
    lastSeq = seq;
    if (seq > room.maxSeq) room.maxSeq = seq;
    int m = s.indexOf(MARK);
    if (m >= 0) {
      long now = System.nanoTime() - engine.clockBase;
      long sent = 0;
      for (int i = m + MARK.length(); i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 'a' || c > 'j') break;
        sent = sent * 10 + (c - 'a');
      }
      engine.delivered(room, (now - sent) / 1_000);
    }
    checkCaughtUp();
  }

  private void checkCaughtUp() {
    if (catchUpTo >= 0 && lastSeq >= catchUpTo) {
      catchUpTo = -1;
      engine.caughtUp(this);
    }
  }

  private void onAck(String s) {
    String ref = string(s, "\"ref\":\"");
    if (ref != null && outbox.remove(ref) != null) {
      room.acked.increment();
      engine.acked.increment();
      engine.pending.decrement();
    }
  }

  private void onErr(String s) {
    String ref = string(s, "\"ref\":\"");
    String code = string(s, "\"code\":\"");
    engine.error(code);
    if (ref == null || !outbox.containsKey(ref)) return;
    if (engine.retryErrors && ("INTERNAL".equals(code) || "RATE_LIMITED".equals(code))) {
      // As the web client does: the same ref again shortly; refs make it apply once.
      String frame = outbox.get(ref);
      context.owner().setTimer(300, t -> {
        if (live && outbox.containsKey(ref)) send(frame);
        else if (!live) engine.retriesWhileDown.increment();
      });
      return;
    }
    outbox.remove(ref);
    engine.rejected.increment();
    engine.pending.decrement();
  }

  /** The digits of a non-negative number as letters a-j. */
  static String letters(long v) {
    String d = Long.toString(v);
    char[] c = new char[d.length()];
    for (int i = 0; i < c.length; i++) c[i] = (char) ('a' + (d.charAt(i) - '0'));
    return new String(c);
  }

  static long number(String s, String key) {
    int i = s.indexOf(key);
    if (i < 0) return -1;
    long v = 0;
    for (int j = i + key.length(); j < s.length(); j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') break;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String string(String s, String key) {
    int i = s.indexOf(key);
    if (i < 0) return null;
    int from = i + key.length();
    int to = s.indexOf('"', from);
    return to < 0 ? null : s.substring(from, to);
  }
}
