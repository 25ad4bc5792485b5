package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import org.commonground.store.LoopConnections;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event loop's Redis connection is made while Redis accepts connections but answers nothing (a frozen
 * server, a network dropping packets): the loop gives up on it after its connect deadline, instead of
 * holding every later request behind it, and connects again once Redis answers.
 */
@ExtendWith(VertxExtension.class)
class SilentRedisConnectTest {
  static final long CONNECT_TIMEOUT_MS = 1_000;

  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  @Test
  @DisplayName("a connection Redis never answers is given up after the connect deadline; once Redis answers, the loop connects again")
  void givesUpAndReconnects(Vertx vertx) {
    try (FaultyLink link = FaultyLink.to(vertx, redis.port())) {
      RedisOptions options = new RedisOptions().setConnectionString("redis://127.0.0.1:" + link.port());
      LoopConnections client = new LoopConnections(Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(4)),
          Redis.createClient(vertx, options), CONNECT_TIMEOUT_MS);
      Context loop = ((VertxInternal) vertx).createEventLoopContext();
      try {
        link.silence();
        assertThatThrownBy(() -> Await.of(ping(loop, client), Duration.ofSeconds(10)))
            .as("failed by the connect deadline, not after the socket's own minute").isNotInstanceOf(AssertionError.class);

        link.speak();
        link.cut();
        Await.until(vertx, Duration.ofSeconds(10), "PONG on the loop once Redis answers", () -> {
          try {
            return "PONG".equals(Await.of(ping(loop, client), Duration.ofSeconds(10)).toString());
          } catch (RuntimeException e) {
            return false;
          }
        });
      } finally {
        Await.of(client.close());
      }
    }
  }

  private static Future<Response> ping(Context loop, Redis client) {
    Promise<Response> p = Promise.promise();
    loop.runOnContext(v -> client.send(Request.cmd(Command.PING)).onComplete(p));
    return p.future();
  }
}
