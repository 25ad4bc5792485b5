package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests made on an event loop go over that loop's own connection, which is replaced when Redis drops it. */
@ExtendWith(VertxExtension.class)
class LoopConnectionsTest {
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  LoopConnections client;
  Redis admin;

  @BeforeEach
  void connect(Vertx vertx) {
    RedisOptions options = new RedisOptions().setConnectionString(redis.url());
    client = new LoopConnections(Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(8)
        .setPoolName("test-loops-" + Ids.random(6))),
        Redis.createClient(vertx, new RedisOptions(options).setPoolName("test-pool-" + Ids.random(6))), 5_000);
    admin = StoreFixtures.client(vertx, redis.url());
  }

  @AfterEach
  void close() {
    Await.of(client.close());
    Await.of(admin.close());
  }

  @Test
  @DisplayName("every request made on one event loop uses that loop's one connection; another loop has its own")
  void oneConnectionPerLoop(Vertx vertx) {
    ContextInternal a = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal b = ((VertxInternal) vertx).createEventLoopContext();
    for (int i = 0; i < 64 && b.nettyEventLoop() == a.nettyEventLoop(); i++) {
      b = ((VertxInternal) vertx).createEventLoopContext();
    }
    assertThat(b.nettyEventLoop()).as("two event loops to compare").isNotSameAs(a.nettyEventLoop());

    List<Long> fromA = Await.of(on(a, () -> clientIds(5)));
    List<Long> fromB = Await.of(on(b, () -> clientIds(5)));

    assertThat(fromA).containsOnly(fromA.get(0));
    assertThat(fromB).containsOnly(fromB.get(0));
    assertThat(fromB.get(0)).as("another loop, another connection").isNotEqualTo(fromA.get(0));
  }

  @Test
  @DisplayName("a loop's connection that Redis closes is replaced: requests on that loop are answered again")
  void droppedConnectionIsReplaced(Vertx vertx) {
    Context a = ((VertxInternal) vertx).createEventLoopContext();
    long before = Await.of(on(a, () -> clientIds(1))).get(0);

    Await.of(admin.send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(before)));

    // A request sent in the moment before the loop hears of the close may fail (its caller resends, as
    // every caller of the store does); soon the loop is on a new connection.
    Await.until(vertx, Duration.ofSeconds(10), "a new connection on the loop", () -> {
      try {
        return Await.of(on(a, () -> clientIds(1))).get(0) != before;
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  @Test
  @DisplayName("requests made off the event loops are answered through the pool")
  void offLoopUsesThePool() {
    assertThat(Await.of(client.send(Request.cmd(Command.PING))).toString()).isEqualTo("PONG");
  }

  /** The Redis connection ids that answer {@code n} requests made here. */
  private Future<List<Long>> clientIds(int n) {
    List<Future<Long>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) all.add(client.send(Request.cmd(Command.CLIENT).arg("ID")).map(r -> r.toLong()));
    return Future.all(all).map(c -> c.<Long>list());
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(p));
    return p.future();
  }
}
