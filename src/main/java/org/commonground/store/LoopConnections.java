package org.commonground.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis client that keeps one connection per event loop and sends each request made on an event loop
 * over that loop's own connection; requests from anywhere else (workers, tests) go through the pool.
 *
 * <p>Why: a pooled {@code send} hands the request to whichever loop owns the connection it picked and hands
 * the answer back, two thread hops and two wake-ups per request, plus a pool acquire and release. A live
 * workshop runs on one event loop and sends every command's append from it; with the connection on that
 * same loop, the request is written and its answer read and handled on one thread, with nothing queued
 * between threads. Redis answers one connection's requests in order, so a loop's requests also complete in
 * the order they were sent.
 *
 * <p>A loop's connection is made lazily by its first request, from that loop (so its socket is registered
 * there), and dropped when it fails or closes (Redis restarted, network lost): requests already sent on it
 * fail, the next one connects again. A request that finds the connection still being made waits for it; the
 * caller's deadline ({@link TimedRedis}) bounds that wait.
 */
public final class LoopConnections implements Redis {
  private static final Logger LOG = LoggerFactory.getLogger(LoopConnections.class);

  /** Where the per-loop connections come from: a client whose pool holds at least one per event loop. */
  private final Redis dedicated;
  private final Redis pool;
  private final long connectTimeoutMs;
  /**
   * Each event loop's own slot, read and written only on that loop: one thread is one event loop for its
   * whole life. A ThreadLocal rather than a map keyed by the Thread, whose identity hash the fan-out found
   * slow on event-loop threads in a profile (docs/performance.md, "Fan-out").
   */
  private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

  /**
   * {@code connectTimeoutMs}: how long a loop waits for its connection to be made (a Redis that accepts
   * but never answers would otherwise hold every later request of the loop for the socket's own timeout).
   */
  public LoopConnections(Redis dedicated, Redis pool, long connectTimeoutMs) {
    this.dedicated = dedicated;
    this.pool = pool;
    this.connectTimeoutMs = connectTimeoutMs;
  }

  @Override
  public Future<Response> send(Request command) {
    Slot slot = slotHere();
    return slot == null ? pool.send(command) : slot.connection().compose(c -> c.send(command));
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    Slot slot = slotHere();
    return slot == null ? pool.batch(commands) : slot.connection().compose(c -> c.batch(commands));
  }

  @Override
  public Future<RedisConnection> connect() { return pool.connect(); }

  @Override
  public Future<Void> close() {
    return Future.all(dedicated.close(), pool.close()).mapEmpty();
  }

  /** The current event loop's slot, or null off event loops. */
  private Slot slotHere() {
    if (!Context.isOnEventLoopThread()) return null;
    return slots.get();
  }

  /** One event loop's connection: made, shared by every request of the loop, replaced once it fails. */
  private final class Slot {
    private Future<RedisConnection> connection;

    Future<RedisConnection> connection() {
      if (connection != null && !connection.failed()) return connection;
      Future<RedisConnection> connecting = dedicated.connect();
      Future<RedisConnection> made = connecting.timeout(connectTimeoutMs, TimeUnit.MILLISECONDS);
      // Made too late: given back, so the pool of per-loop connections never fills with unused ones.
      connecting.onSuccess(c -> { if (made.failed()) c.close(); });
      connection = made;
      made.onSuccess(c -> {
        // Either handler may fire, or both: whichever comes first drops this connection, once.
        c.exceptionHandler(err -> drop(made, c, err.toString()));
        c.endHandler(v -> drop(made, c, "closed"));
      });
      return made;
    }

    private void drop(Future<RedisConnection> which, RedisConnection c, String why) {
      if (connection != which) return;
      connection = null;
      LOG.debug("dropping this event loop's Redis connection: {}", why);
      c.close();
    }
  }
}
