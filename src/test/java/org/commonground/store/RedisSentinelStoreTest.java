package org.commonground.store;


import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
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
    assertFailoverKeepsAcknowledged(vertx, w -> sentinel.killMaster());
  }
}
