package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

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
  @DisplayName("every request made on one event loop uses that loop's one connection and is answered on that loop")
  void oneConnectionPerLoop(Vertx vertx) {
    Context a = ((VertxInternal) vertx).createEventLoopContext();
    Context b = ((VertxInternal) vertx).createEventLoopContext();

    List<Answer> fromA = Await.of(on(a, () -> clientIds(5)));
    List<Answer> fromB = Await.of(on(b, () -> clientIds(5)));

    assertThat(fromA).extracting(Answer::clientId).containsOnly(fromA.get(0).clientId());
    assertThat(fromA).extracting(Answer::thread).containsOnly(fromA.get(0).requestThread());
    assertThat(fromB).extracting(Answer::clientId).containsOnly(fromB.get(0).clientId());
    if (!fromA.get(0).requestThread().equals(fromB.get(0).requestThread())) {
      assertThat(fromB.get(0).clientId()).as("another loop, another connection").isNotEqualTo(fromA.get(0).clientId());
    }
  }

  @Test
  @DisplayName("a loop's connection that Redis closes is replaced: requests on that loop are answered again")
  void droppedConnectionIsReplaced(Vertx vertx) {
    Context a = ((VertxInternal) vertx).createEventLoopContext();
    long before = Await.of(on(a, () -> clientIds(1))).get(0).clientId();

    Await.of(admin.send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(before)));

    // A request sent in the moment before the loop hears of the close may fail (its caller resends, as
    // every caller of the store does); within a few requests the loop is on a new connection.
    Long after = null;
    for (int i = 0; i < 50 && after == null; i++) {
      try {
        after = Await.of(on(a, () -> clientIds(1))).get(0).clientId();
      } catch (RuntimeException | AssertionError e) {
        Await.of(vertx.timer(20));
      }
    }
    assertThat(after).isNotNull().isNotEqualTo(before);
  }

  @Test
  @DisplayName("requests made off the event loops are answered through the pool")
  void offLoopUsesThePool() {
    assertThat(Await.of(client.send(Request.cmd(Command.PING))).toString()).isEqualTo("PONG");
  }

  record Answer(long clientId, String requestThread, String thread) {}

  private Future<List<Answer>> clientIds(int n) {
    String requestThread = Thread.currentThread().getName();
    List<Future<Answer>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(client.send(Request.cmd(Command.CLIENT).arg("ID"))
          .map(r -> new Answer(r.toLong(), requestThread, Thread.currentThread().getName())));
    }
    return Future.all(all).map(c -> c.<Answer>list());
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(p));
    return p.future();
  }
}
