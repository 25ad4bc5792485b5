package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqOf;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonground.support.Await;
import org.commonground.support.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a node's Subscriber hears on a Redis Cluster: a script's PUBLISH on any master reaches a
 * subscription made on any node, and a master killed with SIGKILL costs a reconnection, after which
 * every workshop is heard again.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSubscriberTest {
  private static TestCluster cluster;
  private Redis client;
  private RedisWorkshopStore store;
  private Subscriber subscriber;
  private final Map<String, List<Long>> heard = new ConcurrentHashMap<>();
  private final AtomicInteger resubscribed = new AtomicInteger();

  @BeforeAll
  static void startCluster() { cluster = new TestCluster(); }

  @AfterAll
  static void stopCluster() { cluster.close(); }

  @BeforeEach
  void connect(Vertx vertx) {
    client = Redis.createClient(vertx, RedisClusterStoreTest.options(cluster));
    store = StoreFixtures.store(client);
    Await.of(store.ping(), Duration.ofMinutes(1));
    subscriber = new Subscriber(vertx, RedisClusterStoreTest.options(cluster), new Keys(StoreFixtures.PREFIX),
        new Subscriber.Listener() {
          @Override public void onMessage(String workshopId, String message) {
            if (message.startsWith("{\"seq\"")) heard.computeIfAbsent(workshopId, w -> new CopyOnWriteArrayList<>()).add(seqOf(message));
          }
          @Override public void onResubscribed() { resubscribed.incrementAndGet(); }
        });
    Await.of(subscriber.start(), Duration.ofMinutes(1));
  }

  @AfterEach
  void disconnect() {
    Await.of(subscriber.close());
    client.close();
  }

  /** Enough workshops that, with random ids, every master holds the slot of some of them. */
  private List<String> workshops(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String w = Ids.workshopId();
      Await.of(store.create(w, joinCode(), "e", firstBody(), List.of()));
      Await.of(subscriber.subscribe(w));
      out.add(w);
    }
    return out;
  }

  private void post(String w, long seq) {
    assertThat(Await.of(store.append(w, seq, "p", "r" + seq, "{}", List.of(body("m" + seq)), List.of())))
        .isEqualTo(new AppendResult.Appended(seq + 1));
  }

  private void awaitHeard(Vertx vertx, List<String> ws, List<Long> seqs) {
    Await.until(vertx, Duration.ofSeconds(15), "every workshop heard " + seqs,
        () -> ws.stream().allMatch(w -> heard.getOrDefault(w, List.of()).containsAll(seqs)));
  }

  @Test
  @Order(1)
  @DisplayName("appends to workshops on every master are heard, in seq order, by one subscriber")
  void heardFromEveryMaster(Vertx vertx) {
    List<String> ws = workshops(12);
    for (long seq = 1; seq <= 3; seq++) for (String w : ws) post(w, seq);
    awaitHeard(vertx, ws, List.of(2L, 3L, 4L));
    for (String w : ws) assertThat(heard.get(w)).as(w).containsExactly(2L, 3L, 4L);
  }

  @Test
  @Order(2)
  @DisplayName("an idle subscription stays up: pings, sent to any node, are answered and nothing reconnects")
  void idleStaysUp(Vertx vertx) {
    List<String> ws = workshops(3);
    Await.of(vertx.timer(6_000));
    assertThat(subscriber.connected()).isTrue();
    assertThat(resubscribed.get()).as("(re)subscriptions while idle").isEqualTo(1);
    for (String w : ws) post(w, 1);
    awaitHeard(vertx, ws, List.of(2L));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a master killed with SIGKILL: the subscriber reconnects, resubscribes and hears every workshop again")
  void masterKilled(Vertx vertx) {
    List<String> ws = workshops(12);
    for (String w : ws) post(w, 1);
    awaitHeard(vertx, ws, List.of(2L));

    cluster.killMasterOf(new Keys(StoreFixtures.PREFIX).log(ws.get(0)));
    Await.until(vertx, Duration.ofSeconds(60), "the subscriber resubscribed", () -> resubscribed.get() >= 2);
    // Posting resumes once the replica is promoted; each workshop's next event is heard.
    for (String w : ws) {
      Await.until(vertx, Duration.ofSeconds(60), "posting to " + w + " resumed", () -> {
        try {
          post(w, 2);
          return true;
        } catch (RuntimeException | AssertionError notYet) {
          // Its answer may have been lost with the master, and the post made all the same.
          try {
            return Await.of(store.seq(w), Duration.ofSeconds(5)) >= 3;
          } catch (RuntimeException | AssertionError down) {
            return false;
          }
        }
      });
    }
    awaitHeard(vertx, ws, List.of(3L));
  }
}
