package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Await;
import org.commonground.support.TestSentinel;
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
 * The store's contract through Sentinel (master, replica, sentinel: real redis-server processes), and a
 * master killed with SIGKILL while a writer posts: posting resumes on the new master and nothing
 * acknowledged is lost.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelStoreTest extends WorkshopStoreContract {
  private static TestSentinel sentinel;
  private static boolean reached;
  private Redis client;

  @BeforeAll
  static void startSentinel() { sentinel = new TestSentinel(); }

  @AfterAll
  static void stopSentinel() { sentinel.close(); }

  @BeforeEach
  void connect(Vertx vertx) {
    client = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.SENTINEL)
        .addConnectionString(sentinel.sentinelUrl()).setMasterName(TestSentinel.MASTER_NAME).setRole(RedisRole.MASTER));
    store = StoreFixtures.store(client);
    // The first request pays for the client's start-up (ask the sentinel, connect, load the scripts'
    // classes), which on a loaded machine can take longer than one test's request may.
    if (!reached) {
      Await.of(store.ping(), Duration.ofMinutes(1));
      reached = true;
    }
  }

  @AfterEach
  void disconnect() { client.close(); }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a master killed with SIGKILL while posting: posting resumes on the new master, nothing acknowledged is lost")
  void masterKilledUnderPosting(Vertx vertx) {
    String w = created();
    List<String> acknowledged = new ArrayList<>();
    long seq = 1;
    for (int i = 0; i < 50; i++) seq = post(w, seq, "before-" + i, acknowledged);

    sentinel.killMaster();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int after = 0;
    while (after < 20) {
      assertThat(System.nanoTime()).as("posting resumed within 60 s").isLessThan(deadline);
      try {
        long current = Await.of(store.seq(w), Duration.ofSeconds(5));
        seq = post(w, current, "after-" + after, acknowledged);
        after++;
      } catch (RuntimeException | AssertionError notYet) {
        // The master is gone and the replica not promoted yet: the writer tries again, as a node does.
        Await.of(vertx.timer(100));
      }
    }

    List<String> log = all(w);
    assertThat(StoreFixtures.xsOf(log)).as("every acknowledged post is in the log").containsAll(acknowledged);
    assertThat(StoreFixtures.seqsOf(log)).as("no gap").isEqualTo(java.util.stream.LongStream.rangeClosed(1, log.size())
        .boxed().toList());
  }

  /** One append against {@code seq}; its x counts as acknowledged once the store says it is in the log. */
  private long post(String w, long seq, String x, List<String> acknowledged) {
    AppendResult r = Await.of(store.append(w, seq, "p", "ref-" + x, "{}", List.of(body(x)), List.of()),
        Duration.ofSeconds(5));
    // A retry of a post whose answer was lost with the master hears its first answer.
    if (r instanceof AppendResult.Duplicate d && d.answer().seq() != null) {
      acknowledged.add(x);
      return d.answer().seq();
    }
    assertThat(r).isInstanceOf(AppendResult.Appended.class);
    acknowledged.add(x);
    return ((AppendResult.Appended) r).lastSeq();
  }
}
