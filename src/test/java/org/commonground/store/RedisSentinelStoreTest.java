package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.xsOf;


import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.time.Duration;
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
 * The store's contract through Sentinel (master, replica, sentinel: real redis-server processes), with
 * creates and posts waiting for the replica as a Sentinel deployment does by default: an acknowledged
 * post is already on the replica; a frozen replica slows one post by the wait's timeout, not every post;
 * and a master killed with SIGKILL while a writer posts: posting resumes on the new master and nothing
 * acknowledged is lost.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelStoreTest extends WorkshopStoreContract {
  private static TestSentinel sentinel;
  private static boolean reached;
  private static final int ACK_TIMEOUT_MS = 500;
  private Redis client;
  private ReplicaWaits waits;

  @BeforeAll
  static void startSentinel() { sentinel = new TestSentinel(); }

  @AfterAll
  static void stopSentinel() { sentinel.close(); }

  @BeforeEach
  void connect(Vertx vertx) {
    client = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.SENTINEL)
        .addConnectionString(sentinel.sentinelUrl()).setMasterName(TestSentinel.MASTER_NAME).setRole(RedisRole.MASTER));
    waits = ReplicaWaits.of(1, ACK_TIMEOUT_MS);
    store = StoreFixtures.store(client, waits);
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
  @Order(1)
  @DisplayName("an acknowledged create or post is already on the replica")
  void acknowledgedIsOnReplica(Vertx vertx) {
    Redis replica = StoreFixtures.client(vertx, sentinel.replicaUrl());
    try {
      RedisConnection c = Await.of(replica.connect());
      assertAcknowledgedIsOnReplica(w -> c);
    } finally {
      replica.close();
    }
  }

  @Test
  @Order(2)
  @DisplayName("a post is acknowledged only once the replica has it: a replica frozen for a moment holds the ack until it is back")
  void ackWaitsForReplica() throws InterruptedException {
    ReplicaWaits patient = ReplicaWaits.of(1, 2_000);
    store = StoreFixtures.store(client, patient);
    String w = created();
    // Warm: the append script is cached and its classes loaded, so only the replica can hold this post.
    long seq = appended(append(w, 1, "p", "warm", "warm"));
    sentinel.freezeReplica();
    long[] thawSentAt = new long[1];
    // The freeze must last a known while, longer than a post takes; nothing to await but the time.
    Thread thaw = new Thread(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thawSentAt[0] = System.nanoTime();
      sentinel.thawReplica();
    });
    thaw.start();
    try {
      appended(append(w, seq, "p", "held", "held"));
      long ackedAt = System.nanoTime();
      thaw.join();
      assertThat(ackedAt).as("acknowledged after the replica was let go on, not before").isGreaterThan(thawSentAt[0]);
      assertThat(patient.unconfirmed()).as("the replica confirmed it").isZero();
    } finally {
      thaw.join();
      sentinel.thawReplica();
    }
  }

  @Test
  @Order(3)
  @DisplayName("a frozen replica: posts are still acknowledged, the first after the wait's timeout, the next ones at once; "
      + "once it is back, posts wait for it again")
  void frozenReplica(Vertx vertx) {
    String w = created();
    long seq = 1;
    sentinel.freezeReplica();
    try {
      long t0 = System.nanoTime();
      seq = appended(append(w, seq, "p", "frozen-0", "frozen-0"));
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(firstMs).as("the first post waited for the replica, up to the timeout")
          .isBetween((long) ACK_TIMEOUT_MS - 50, ACK_TIMEOUT_MS + 3_000L);
      long t1 = System.nanoTime();
      for (int i = 1; i <= 10; i++) seq = appended(append(w, seq, "p", "frozen-" + i, "frozen-" + i));
      // Each waiting would take ten timeouts; half that is far above ten fsync'd appends on a busy machine.
      assertThat((System.nanoTime() - t1) / 1_000_000).as("the next ten did not wait for the replica")
          .isLessThan(10L * ACK_TIMEOUT_MS / 2);
      assertThat(waits.unconfirmed()).as("each counted as acknowledged without its replica").isEqualTo(11);
    } finally {
      sentinel.thawReplica();
    }
    assertThat(xsOf(all(w))).contains("frozen-0", "frozen-10");
    // The pause after a shortfall is a few seconds: posts go on unconfirmed until one is confirmed again.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (int i = 0; ; i++) {
      assertThat(System.nanoTime()).as("posts wait for the replica again within 30 s").isLessThan(deadline);
      long before = waits.unconfirmed();
      seq = appended(append(w, seq, "p", "thawed-" + i, "thawed-" + i));
      if (waits.unconfirmed() == before) break;
      Await.of(vertx.timer(100));
    }
    assertThat(sentinel.replicaLinked()).isTrue();
  }

  private static long appended(AppendResult r) {
    assertThat(r).isInstanceOf(AppendResult.Appended.class);
    return ((AppendResult.Appended) r).lastSeq();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a master killed with SIGKILL while posting: posting resumes on the new master, nothing acknowledged is lost")
  void masterKilledUnderPosting(Vertx vertx) {
    assertFailoverKeepsAcknowledged(vertx, w -> sentinel.killMaster());
  }
}
