package org.commonground.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one pub/sub connection, never the pooled one (a subscribed connection can do nothing
 * else). It notices a lost Redis through the connection closing or a ping going unanswered, reconnects
 * with backoff, subscribes again to every live workshop and then says so, so that the hub can read
 * whatever it missed from the log.
 *
 * <p>On a Redis Cluster the connection is one per node of the slot map, made at once, and the handlers
 * below are set on each; a SUBSCRIBE goes to any master and a PUBLISH reaches every node (ordinary, not
 * sharded, pub/sub), so messages arrive whichever node took the subscription. Any node's connection
 * closing counts as the whole connection lost: everything is subscribed again on a fresh slot map.
 */
public final class Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
  private static final long PING_EVERY_MS = 1_000;
  private static final long PING_TIMEOUT_MS = 2_000;

  public interface Listener {
    void onMessage(String workshopId, String message);

    /** Called after every (re)connection once all channels are subscribed again. */
    void onResubscribed();
  }

  private final Vertx vertx;
  private final Redis client;
  private final Keys keys;
  private final Listener listener;
  private final Set<String> workshops = ConcurrentHashMap.newKeySet();
  private volatile RedisConnection conn;
  private volatile boolean closed;
  private long backoffMs = 100;
  private long pingTimer = -1;
  private volatile long lastPong = System.currentTimeMillis();

  public Subscriber(Vertx vertx, RedisOptions options, Keys keys, Listener listener) {
    this.vertx = vertx;
    this.client = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(1).setPoolName("cg-subscriber-" + org.commonground.store.Ids.random(6)));
    this.keys = keys;
    this.listener = listener;
  }

  public Future<Void> start() {
    return connect().mapEmpty();
  }

  public boolean connected() { return conn != null; }

  private Future<RedisConnection> connect() {
    return client.connect().compose(c -> {
      c.handler(this::onResponse);
      c.exceptionHandler(err -> lost(c, err.getMessage()));
      c.endHandler(v -> lost(c, "connection closed"));
      conn = c;
      lastPong = System.currentTimeMillis();
      backoffMs = 100;
      startPinging(c);
      Future<Void> all = Future.succeededFuture();
      for (String w : workshops) all = all.compose(v -> c.send(Request.cmd(Command.SUBSCRIBE).arg(keys.channel(w))).mapEmpty());
      return all.map(v -> c);
    }).onSuccess(c -> listener.onResubscribed());
  }

  private void startPinging(RedisConnection c) {
    if (pingTimer >= 0) vertx.cancelTimer(pingTimer);
    pingTimer = vertx.setPeriodic(PING_EVERY_MS, id -> {
      if (conn != c) {
        vertx.cancelTimer(id);
        return;
      }
      if (System.currentTimeMillis() - lastPong > PING_TIMEOUT_MS + PING_EVERY_MS) {
        lost(c, "no answer to ping");
        return;
      }
      c.send(Request.cmd(Command.PING)).onSuccess(r -> lastPong = System.currentTimeMillis());
    });
  }

  private void onResponse(Response r) {
    // A subscribed connection receives pushes: ["message", channel, payload], and pongs (a simple
    // string in RESP3, ["pong", ""] in RESP2).
    if (r.type() != ResponseType.PUSH && r.type() != ResponseType.MULTI) {
      if ("PONG".equalsIgnoreCase(r.toString())) lastPong = System.currentTimeMillis();
      return;
    }
    if (r.size() >= 3 && "message".equals(r.get(0).toString())) {
      String workshopId = keys.workshopOfChannel(r.get(1).toString());
      if (workshopId != null) listener.onMessage(workshopId, r.get(2).toString());
    } else if (r.size() >= 1 && "pong".equalsIgnoreCase(r.get(0).toString())) {
      lastPong = System.currentTimeMillis();
    }
  }

  private synchronized void lost(RedisConnection c, String why) {
    if (conn != c || closed) return;
    conn = null;
    LOG.warn("Redis pub/sub connection lost ({}); reconnecting", why);
    c.close();
    retry();
  }

  private void retry() {
    if (closed) return;
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, 2_000);
    vertx.setTimer(delay, id -> connect()
        .onSuccess(c -> LOG.info("Redis pub/sub connection back; {} workshops resubscribed", workshops.size()))
        .onFailure(err -> retry()));
  }

  /** Completes once the channel is subscribed (or when it will be, at the next reconnection). */
  public Future<Void> subscribe(String workshopId) {
    workshops.add(workshopId);
    RedisConnection c = conn;
    if (c == null) return Future.succeededFuture();
    return c.send(Request.cmd(Command.SUBSCRIBE).arg(keys.channel(workshopId))).mapEmpty();
  }

  public Future<Void> unsubscribe(String workshopId) {
    workshops.remove(workshopId);
    RedisConnection c = conn;
    if (c == null) return Future.succeededFuture();
    return c.send(Request.cmd(Command.UNSUBSCRIBE).arg(keys.channel(workshopId))).mapEmpty();
  }

  public Future<Void> close() {
    closed = true;
    RedisConnection c = conn;
    conn = null;
    Promise<Void> p = Promise.promise();
    (c == null ? Future.<Void>succeededFuture() : c.close()).onComplete(x -> client.close().onComplete(p));
    return p.future();
  }
}
