package org.commonground.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis client whose every request fails after a deadline instead of waiting for an unreachable
 * server: callers answer "try again" in bounded time, and a workshop's command queue never stalls
 * behind a request that will not come back. A request that timed out may still have run; refs make a
 * resent command apply once.
 */
public final class TimedRedis implements Redis {
  private final Redis redis;
  private final long timeoutMs;

  public TimedRedis(Redis redis, long timeoutMs) {
    this.redis = redis;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<RedisConnection> connect() { return redis.connect().timeout(timeoutMs, TimeUnit.MILLISECONDS); }

  @Override
  public Future<Void> close() { return redis.close(); }

  @Override
  public Future<Response> send(Request command) { return redis.send(command).timeout(timeoutMs, TimeUnit.MILLISECONDS); }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    return redis.batch(commands).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
