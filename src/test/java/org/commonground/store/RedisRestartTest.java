package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqOf;
import static org.commonground.store.StoreFixtures.seqsOf;
import static org.commonground.store.StoreFixtures.xOf;
import static org.commonground.store.StoreFixtures.xsOf;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.commonground.store.AppendResult.Appended;
import org.commonground.store.AppendResult.Duplicate;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.commonground.workshop.Code;
import org.commonground.workshop.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Redis restart (same port, same data): the log survives and the Subscriber comes back by itself. */
@ExtendWith(VertxExtension.class)
class RedisRestartTest {
  /** How long a restarted Redis may take to be noticed and resubscribed ("within seconds"). */
  static final Duration RESUBSCRIBED_WITHIN = Duration.ofSeconds(10);

  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  Redis client;
  RedisWorkshopStore store;
  Subscriber subscriber;
  final AtomicInteger resubscriptions = new AtomicInteger();
  final Map<Integer, Promise<Void>> resubscribed = new ConcurrentHashMap<>();
  final Map<String, Promise<String>> heard = new ConcurrentHashMap<>();

  @BeforeEach
  void connect(Vertx vertx) {
    client = StoreFixtures.client(vertx, redis.url());
    store = StoreFixtures.store(client);
  }

  @AfterEach
  void disconnect() {
    if (subscriber != null) Await.of(subscriber.close());
    client.close();
  }

  /** Completes when the n-th (re)subscription has been reported (1 = the first connection). */
  private Future<Void> resubscription(int n) { return resubscribed.computeIfAbsent(n, k -> Promise.promise()).future(); }

  /** Completes with the message carrying this seq for this workshop. */
  private Future<String> heard(String workshopId, long seq) {
    return heard.computeIfAbsent(workshopId + "#" + seq, k -> Promise.promise()).future();
  }

  private Subscriber start(Vertx vertx, VertxTestContext testContext, Checkpoint messages) {
    subscriber = StoreFixtures.subscriber(vertx, redis.url(), new Subscriber.Listener() {
      @Override
      public void onMessage(String workshopId, String message) {
        testContext.verify(() -> {
          long seq = seqOf(message);
          assertThat(heard.computeIfAbsent(workshopId + "#" + seq, k -> Promise.promise()).tryComplete(message))
              .as("%s seq %d heard once", workshopId, seq).isTrue();
          messages.flag();
        });
      }

      @Override
      public void onResubscribed() {
        int n = resubscriptions.incrementAndGet();
        resubscribed.computeIfAbsent(n, k -> Promise.promise()).tryComplete();
      }
    });
    Await.of(subscriber.start());
    Await.of(resubscription(1));
    return subscriber;
  }

  private String created(String code, NewToken... tokens) {
    String w = Ids.workshopId();
    Await.of(store.create(w, code, "epoch-" + w, firstBody(), List.of(tokens)));
    return w;
  }

  private AppendResult append(String w, long expected, String ref, String x) {
    return Await.of(store.append(w, expected, "p", ref, "{\"ok\":true}", List.of(body(x)), List.of()));
  }

  /** Polls a condition on the event loop until it holds (bounded by Await's timeout). */
  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    return condition.getAsBoolean() ? Future.succeededFuture() : vertx.timer(20).compose(t -> until(vertx, condition));
  }

  @Test
  @DisplayName("after a Redis restart the Subscriber reconnects by itself, resubscribes, and new appends are heard")
  void reconnectsAfterRestart(Vertx vertx, VertxTestContext testContext) {
    String code = joinCode();
    String w = Ids.workshopId();
    NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
    Await.of(store.create(w, code, "epoch-w", firstBody(), List.of(fac)));
    String w2 = created(joinCode());

    Subscriber sub = start(vertx, testContext, testContext.checkpoint(3));
    Await.of(sub.subscribe(w));
    Await.of(sub.subscribe(w2));
    assertThat(append(w, 1, "r1", "before")).isEqualTo(new Appended(2));
    assertThat(xOf(Await.of(heard(w, 2)))).isEqualTo("before");

    long t0 = System.nanoTime();
    redis.restart();
    Await.of(resubscription(2), RESUBSCRIBED_WITHIN);
    System.out.printf("resubscribed %d ms after the restart returned%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(sub.connected()).isTrue();

    // the pooled client recovers too, the scripts are loaded again, and every channel is heard
    assertThat(append(w, 2, "r2", "after")).isEqualTo(new Appended(3));
    assertThat(append(w2, 1, "r1", "after-2")).isEqualTo(new Appended(2));
    assertThat(xOf(Await.of(heard(w, 3)))).isEqualTo("after");
    assertThat(xOf(Await.of(heard(w2, 2)))).isEqualTo("after-2");
  }

  @Test
  @DisplayName("everything written before a restart is still there afterwards (append-only persistence)")
  void dataSurvivesRestart() {
    String code = joinCode();
    String w = Ids.workshopId();
    NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
    NewToken sam = NewToken.mint(w, "sam", Role.PARTICIPANT);
    Await.of(store.create(w, code, "epoch-w", firstBody(), List.of(fac)));
    assertThat(append(w, 1, "r1", "a")).isEqualTo(new Appended(2));
    assertThat(Await.of(store.append(w, 2, "sam", "join", "{\"id\":\"sam\"}", List.of(body("b"), body("c")),
        List.of(sam)))).isEqualTo(new Appended(4));
    Await.of(store.rememberAnswer(w, "sam", "bad", StoredAnswer.error(Code.LIMIT, "no")));

    redis.restart();

    assertThat(Await.of(store.seq(w))).isEqualTo(4L);
    assertThat(Await.of(store.epoch(w))).contains("epoch-w");
    assertThat(Await.of(store.workshopOfCode(code))).contains(w);
    List<String> log = Await.of(store.range(w, 1, 100, 100));
    assertThat(seqsOf(log)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(xsOf(log)).containsExactly("created", "a", "b", "c");
    assertThat(Await.of(store.resolve(fac.token()))).contains(new TokenGrant(w, "f1", Role.FACILITATOR));
    assertThat(Await.of(store.resolve(sam.token()))).contains(new TokenGrant(w, "sam", Role.PARTICIPANT));
    assertThat(Await.of(store.answerOf(w, "sam", "bad")))
        .contains(StoredAnswer.error(Code.LIMIT, "no"));
    // a resent command is still recognised, and the log carries on from where it was
    assertThat(Await.of(store.append(w, 4, "sam", "join", "{}", List.of(body("again")), List.of())))
        .isEqualTo(new Duplicate(StoredAnswer.ack(4L, "{\"id\":\"sam\"}")));
    assertThat(append(w, 4, "r5", "d")).isEqualTo(new Appended(5));
    // every script runs again on the restarted Redis, which has forgotten them
    String w2 = created(joinCode());
    assertThat(Await.of(store.seq(w2))).isEqualTo(1L);
    assertThat(Await.of(store.countFailedJoin("10.9.9." + Ids.random(3), 60))[0]).isEqualTo(1L);
  }

  @Test
  @DisplayName("a workshop subscribed while Redis is down is subscribed when the Subscriber reconnects")
  void subscribeWhileDown(Vertx vertx, VertxTestContext testContext) {
    String w = created(joinCode());
    Subscriber sub = start(vertx, testContext, testContext.checkpoint(1));

    redis.stop();
    try {
      Await.of(until(vertx, () -> !sub.connected()), RESUBSCRIBED_WITHIN);
      Await.of(sub.subscribe(w));
      // while Redis is down, the store's futures fail rather than hang
      assertThat(Await.of(store.ping().map(v -> "up").otherwise(err -> "failed"))).isEqualTo("failed");
      assertThat(Await.of(store.append(w, 1, "p", "r0", "{}", List.of(body("lost")), List.of())
          .map(r -> "answered " + r).otherwise(err -> "failed"))).isEqualTo("failed");
    } finally {
      redis.start();
    }
    Await.of(resubscription(2), RESUBSCRIBED_WITHIN);
    assertThat(Await.of(store.seq(w))).as("the failed append left nothing").isEqualTo(1L);
    assertThat(append(w, 1, "r1", "late")).isEqualTo(new Appended(2));
    assertThat(xOf(Await.of(heard(w, 2)))).isEqualTo("late");
  }

  @Test
  @DisplayName("a Redis that stops answering (paused) is noticed by the ping; the Subscriber reconnects and resubscribes")
  void unansweredPing(Vertx vertx, VertxTestContext testContext) {
    String w = created(joinCode());
    Subscriber sub = start(vertx, testContext, testContext.checkpoint(1));
    Await.of(sub.subscribe(w));

    // every client's commands wait while Redis is paused: the subscriber's pings go unanswered
    Await.of(client.send(Request.cmd(Command.CLIENT)
        .arg("PAUSE").arg(6_000).arg("ALL")));
    Await.of(resubscription(2), RESUBSCRIBED_WITHIN.plusSeconds(6));
    assertThat(sub.connected()).isTrue();
    assertThat(append(w, 1, "r1", "after-pause")).isEqualTo(new Appended(2));
    assertThat(xOf(Await.of(heard(w, 2)))).isEqualTo("after-pause");
  }
}
