package org.commonground.load;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: a bare Vert.x broadcast server with no state and no Redis. It answers the same REST calls
 * the tool makes (create, join), the same {@code hello} with a {@code welcome}, and a {@code cmd}
 * {@code contribution.add} with an {@code ev} frame shaped like the real server's, encoded once and written
 * to every socket of the room (one task per event loop, as the real server does), then the {@code ack}.
 * Each room is pinned to one event loop, so its seqs are in order. No limits, no persistence, no
 * validation beyond what it needs to run: what "just broadcasting" costs on Vert.x, on the same socket
 * transport as the server (epoll on Linux).
 *
 * <p>Run: {@code java -cp bench/load/target/common-ground-load.jar org.commonground.load.LoadBareServer <port>}.
 */
public final class LoadBareServer extends AbstractVerticle {
  private static final Map<String, Room> ROOMS = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();
  private final int port;

  private static final class Room {
    final Context context;
    final List<Peer> peers = new ArrayList<>();
    long seq;

    Room(Context context) { this.context = context; }
  }

  private record Peer(ServerWebSocket ws, Context context, String participantId) {}

  public LoadBareServer(int port) { this.port = port; }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    // Linux's epoll where it loads, as the server has (org.commonground.Nodes): the same transport under both.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    vertx.deployVerticle(() -> new LoadBareServer(port),
            new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
        .onSuccess(id -> System.out.println("bare broadcast server on 127.0.0.1:" + port
            + (vertx.isNativeTransportEnabled() ? " (epoll)" : " (Java NIO: " + vertx.unavailableNativeTransportCause() + ")")))
        .onFailure(err -> {
          err.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public void start(io.vertx.core.Promise<Void> started) {
    // No WebSocket compression, as the server: the baseline writes one encoding of each frame to every socket.
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setIdleTimeout(0)
            .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false))
        .webSocketHandler(this::socket)
        .requestHandler(this::request)
        .listen()
        .<Void>mapEmpty()
        .onComplete(started);
  }

  private void request(HttpServerRequest req) {
    String path = req.path();
    if (path.equals("/health")) {
      req.response().end("{\"status\":\"UP\"}");
    } else if (path.equals("/api/workshops")) {
      req.body().onSuccess(b -> {
        String id = "w" + IDS.incrementAndGet();
        req.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("workshopId", id).put("joinCode", id).put("facilitatorToken", id + ".f")
                .put("displayToken", id + ".d").encode());
      });
    } else if (path.equals("/api/join")) {
      req.body().onSuccess(b -> {
        String room = new JsonObject(b).getString("joinCode");
        String pid = "p" + IDS.incrementAndGet();
        req.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("workshopId", room).put("participantId", pid).put("token", room + "." + pid)
                .encode());
      });
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private void socket(ServerWebSocket ws) {
    Context ctx = vertx.getOrCreateContext();
    Peer[] me = new Peer[1];
    Room[] room = new Room[1];
    ws.textMessageHandler(text -> {
      JsonObject f = new JsonObject(text);
      String t = f.getString("t");
      if ("hello".equals(t)) {
        String token = f.getString("token");
        int dot = token.indexOf('.');
        String roomId = token.substring(0, dot);
        me[0] = new Peer(ws, ctx, token.substring(dot + 1));
        room[0] = ROOMS.computeIfAbsent(roomId, k -> new Room(ctx));
        Room r = room[0];
        r.context.runOnContext(v -> {
          r.peers.add(me[0]);
          JsonObject welcome = new JsonObject().put("t", "welcome").put("protocol", 1)
              .put("you", new JsonObject().put("participantId", me[0].participantId).put("role", "participant")
                  .put("name", "Participant"))
              .put("serverTime", System.currentTimeMillis()).put("epoch", "bare").put("seq", r.seq)
              .put("resumed", false).put("state", new JsonObject());
          Buffer b = welcome.toBuffer();
          ctx.runOnContext(x -> write(ws, b));
        });
      } else if ("cmd".equals(t) && me[0] != null) {
        String ref = f.getString("ref");
        JsonObject args = f.getJsonObject("args");
        String text2 = args == null ? "" : args.getString("text", "");
        Peer sender = me[0];
        Room r = room[0];
        r.context.runOnContext(v -> broadcast(r, sender, ref, text2));
      } else if ("ping".equals(t)) {
        write(ws, new JsonObject().put("t", "pong").put("serverTime", System.currentTimeMillis()).toBuffer());
      }
    });
    ws.closeHandler(v -> {
      Room r = room[0];
      if (r != null) r.context.runOnContext(x -> r.peers.remove(me[0]));
    });
  }

  /** On the room's context: the next seq, one encoded frame, one write task per event loop, then the ack. */
  private static void broadcast(Room r, Peer sender, String ref, String text) {
    long seq = ++r.seq;
    long now = System.currentTimeMillis();
    String cid = "c" + IDS.incrementAndGet();
    JsonObject contribution = new JsonObject().put("id", cid).put("phase", 0).put("kind", "idea").put("text", text)
        .put("author", sender.participantId).put("group", null).put("anonymous", false).put("themeId", null)
        .put("createdAt", now).put("editedAt", null)
        .put("reactions", new JsonObject().put("agree", 0).put("heart", 0).put("insight", 0).put("question", 0))
        .put("votes", 0).put("hidden", false).put("status", null).put("owner", null).put("onBehalfOf", null)
        .put("lang", "en");
    Buffer frame = new JsonObject().put("t", "ev").put("seq", seq).put("ts", now).put("name", "contribution.added")
        .put("by", sender.participantId).put("data", new JsonObject().put("contribution", contribution)).toBuffer();
    Map<Context, List<Peer>> byLoop = new IdentityHashMap<>(8);
    for (Peer p : r.peers) byLoop.computeIfAbsent(p.context, c -> new ArrayList<>()).add(p);
    byLoop.forEach((loop, batch) -> loop.runOnContext(v -> {
      for (Peer p : batch) write(p.ws, frame);
    }));
    Buffer ack = new JsonObject().put("t", "ack").put("ref", ref).put("seq", seq)
        .put("result", new JsonObject().put("id", cid)).toBuffer();
    sender.context.runOnContext(v -> write(sender.ws, ack));
  }

  /** The same bytes to every socket as a text frame, without re-encoding (the real server's TextFrames does this too). */
  private static void write(ServerWebSocket ws, Buffer utf8) {
    if (ws.isClosed()) return;
    ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true));
  }
}
