package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqOf;
import static org.commonground.store.StoreFixtures.xOf;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.commonground.store.AppendResult.Appended;
import org.commonground.store.AppendResult.Stale;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pub/sub side of an append: what a node's Subscriber hears. */
@ExtendWith(VertxExtension.class)
class SubscriberTest {
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  Redis client;
  RedisWorkshopStore store;
  Subscriber subscriber;

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

  private Subscriber subscriber(Vertx vertx, BiConsumer<String, String> onMessage, Runnable onResubscribed) {
    subscriber = StoreFixtures.subscriber(vertx, redis.url(), new Subscriber.Listener() {
      @Override public void onMessage(String workshopId, String message) { onMessage.accept(workshopId, message); }
      @Override public void onResubscribed() { onResubscribed.run(); }
    });
    return subscriber;
  }

  private String created() {
    String w = Ids.workshopId();
    Await.of(store.create(w, joinCode(), "e", firstBody(), List.of()));
    return w;
  }

  @Test
  @DisplayName("events appended to a subscribed workshop arrive on its channel, once each, in seq order")
  void inSeqOrder(Vertx vertx, VertxTestContext testContext) {
    String w = created();
    String other = created();
    int events = 12;
    Checkpoint heard = testContext.checkpoint(events);
    AtomicLong lastSeq = new AtomicLong(1);
    Subscriber sub = subscriber(vertx, (workshopId, message) -> testContext.verify(() -> {
      assertThat(workshopId).isEqualTo(w);
      long seq = seqOf(message);
      assertThat(seq).as("seq after %d", lastSeq.get()).isEqualTo(lastSeq.get() + 1);
      assertThat(xOf(message)).isEqualTo("m" + seq);
      lastSeq.set(seq);
      heard.flag();
    }), () -> {});
    Await.of(sub.start());
    Await.of(sub.subscribe(w));

    // single and multi-event appends, interleaved with appends to a workshop nobody here subscribed to
    long seq = 1;
    long otherSeq = 1;
    int[] batches = {1, 3, 1, 5, 2};
    for (int n : batches) {
      List<StoredEvent> bodies = new ArrayList<>();
      for (int i = 1; i <= n; i++) bodies.add(body("m" + (seq + i)));
      AppendResult r = Await.of(store.append(w, seq, "p", "r" + seq, "{}", bodies, List.of()));
      assertThat(r).isEqualTo(new Appended(seq + n));
      seq += n;
      assertThat(Await.of(store.append(other, otherSeq, "p", "o" + otherSeq, "{}", List.of(body("other")), List.of())))
          .isEqualTo(new Appended(++otherSeq));
    }
    assertThat(seq).isEqualTo(1 + events);
  }

  @Test
  @DisplayName("a refused (stale) or duplicate append publishes nothing: the next message is the next real event")
  void refusedAppendsAreSilent(Vertx vertx, VertxTestContext testContext) {
    String w = created();
    Checkpoint heard = testContext.checkpoint(2);
    AtomicInteger count = new AtomicInteger();
    Subscriber sub = subscriber(vertx, (workshopId, message) -> testContext.verify(() -> {
      int i = count.incrementAndGet();
      assertThat(xOf(message)).isEqualTo(i == 1 ? "first" : "second");
      assertThat(seqOf(message)).isEqualTo(i + 1L);
      heard.flag();
    }), () -> {});
    Await.of(sub.start());
    Await.of(sub.subscribe(w));

    assertThat(Await.of(store.append(w, 1, "p", "r1", "{}", List.of(body("first")), List.of())))
        .isEqualTo(new Appended(2));
    assertThat(Await.of(store.append(w, 1, "p", "r2", "{}", List.of(body("stale")), List.of())))
        .isInstanceOfSatisfying(Stale.class, s -> assertThat(s.currentSeq()).isEqualTo(2));
    assertThat(Await.of(store.append(w, 2, "p", "r1", "{}", List.of(body("dup")), List.of())))
        .isInstanceOf(AppendResult.Duplicate.class);
    assertThat(Await.of(store.append(w, 2, "p", "r2", "{}", List.of(body("second")), List.of())))
        .isEqualTo(new Appended(3));
  }

  @Test
  @DisplayName("a published presence message is heard on the workshop's channel")
  void presenceIsHeard(Vertx vertx, VertxTestContext testContext) {
    String w = created();
    Checkpoint heard = testContext.checkpoint();
    String msg = "{\"presence\":\"nodeA\",\"online\":[\"p1\"]}";
    Subscriber sub = subscriber(vertx, (workshopId, message) -> testContext.verify(() -> {
      assertThat(workshopId).isEqualTo(w);
      assertThat(message).isEqualTo(msg);
      heard.flag();
    }), () -> {});
    Await.of(sub.start());
    Await.of(sub.subscribe(w));
    Await.of(store.publishPresence(w, "nodeA", msg));
  }

  @Test
  @DisplayName("start() connects, reports itself resubscribed once, and an unsubscribed workshop is no longer heard")
  void unsubscribe(Vertx vertx, VertxTestContext testContext) {
    String gone = created();
    String kept = created();
    Checkpoint heard = testContext.checkpoint();
    AtomicInteger resubscribed = new AtomicInteger();
    Promise<Void> started = Promise.promise();
    Subscriber sub = subscriber(vertx, (workshopId, message) -> testContext.verify(() -> {
      assertThat(workshopId).as("only the kept workshop is heard").isEqualTo(kept);
      heard.flag();
    }), () -> {
      resubscribed.incrementAndGet();
      started.tryComplete();
    });
    assertThat(sub.connected()).isFalse();
    Await.of(sub.start());
    Await.of(started.future());
    assertThat(sub.connected()).isTrue();
    assertThat(resubscribed.get()).isEqualTo(1);

    Await.of(sub.subscribe(gone));
    Await.of(sub.subscribe(kept));
    Await.of(sub.unsubscribe(gone));
    Await.of(store.append(gone, 1, "p", "r", "{}", List.of(body("unheard")), List.of()));
    Await.of(store.append(kept, 1, "p", "r", "{}", List.of(body("heard")), List.of()));
  }

  @Test
  @DisplayName("an idle subscription on a healthy Redis stays up: pings are answered, no reconnection")
  void idleStaysUp(Vertx vertx, VertxTestContext testContext) {
    String w = created();
    Checkpoint heard = testContext.checkpoint();
    AtomicInteger resubscribed = new AtomicInteger();
    Subscriber sub = subscriber(vertx, (workshopId, message) -> testContext.verify(() -> {
      assertThat(xOf(message)).isEqualTo("after-idle");
      heard.flag();
    }), resubscribed::incrementAndGet);
    Await.of(sub.start());
    Await.of(sub.subscribe(w));
    // longer than the ping timeout (2 s) plus its period (1 s), with margin
    Await.of(vertx.timer(6_000));
    assertThat(sub.connected()).isTrue();
    assertThat(resubscribed.get()).as("(re)subscriptions while idle").isEqualTo(1);
    Await.of(store.append(w, 1, "p", "r", "{}", List.of(body("after-idle")), List.of()));
  }
}
