package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The store's contract on a Redis Cluster (three masters with a replica each: real redis-server processes),
 * and a master killed with SIGKILL while a writer posts: its replica takes over, posting resumes and
 * nothing acknowledged is lost.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterStoreTest extends WorkshopStoreContract {
  private static TestCluster cluster;
  private static boolean reached;
  private Redis client;
  private ReplicaWaits waits;

  @BeforeAll
  static void startCluster() { cluster = new TestCluster(); }

  @AfterAll
  static void stopCluster() { cluster.close(); }

  static RedisOptions options(TestCluster cluster) {
    RedisOptions o = new RedisOptions().setType(RedisClientType.CLUSTER);
    cluster.urls().forEach(o::addConnectionString);
    return o;
  }

  @BeforeEach
  void connect(Vertx vertx) {
    client = Redis.createClient(vertx, options(cluster));
    // As a Cluster deployment does by default: creates and posts wait for the slot's replica.
    waits = ReplicaWaits.of(1, 500);
    store = StoreFixtures.store(client, waits);
    // The first request pays for the client's start-up (the slot map, a connection per node).
    if (!reached) {
      Await.of(store.ping(), Duration.ofMinutes(1));
      reached = true;
    }
  }

  @AfterEach
  void disconnect() { client.close(); }

  /** Also no key of the workshop on any master (KEYS is sent to every one and the answers joined). */
  @Override
  protected void assertNoTrace(String workshopId) {
    super.assertNoTrace(workshopId);
    Response found = Await.of(client.send(Request.cmd(Command.KEYS).arg(new Keys(StoreFixtures.PREFIX).pattern(workshopId))));
    List<String> keys = new ArrayList<>();
    for (Response k : found) keys.add(k.toString());
    assertThat(keys).isEmpty();
  }

  @Test
  @DisplayName("purging workshops whose slots are on every master leaves no key of any of them")
  void purgeOnEveryMaster() {
    List<String> ws = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String w = created();
      append(w, 1, "p", "r1", "a");
      ws.add(w);
    }
    for (String w : ws) Await.of(store.purge(w, null));
    for (String w : ws) assertNoTrace(w);
  }

  @Test
  @DisplayName("an acknowledged create or post is already on the replica of its slot's master")
  void acknowledgedIsOnSlotReplica(Vertx vertx) {
    List<Redis> replicas = new ArrayList<>();
    try {
      assertAcknowledgedIsOnReplica(w -> {
        Redis replica = StoreFixtures.client(vertx, cluster.replicaUrlOf(new Keys(StoreFixtures.PREFIX).log(w)));
        replicas.add(replica);
        RedisConnection c = Await.of(replica.connect());
        // A cluster replica answers reads only on a connection that said READONLY.
        Await.of(c.send(Request.cmd(Command.READONLY)));
        return c;
      });
    } finally {
      replicas.forEach(Redis::close);
    }
    assertThat(waits.unconfirmed()).as("every WAIT went with its script to the slot's master and was answered")
        .isZero();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a master killed with SIGKILL while posting: its replica takes over, posting resumes, nothing acknowledged is lost")
  void masterKilledUnderPosting(Vertx vertx) {
    assertFailoverKeepsAcknowledged(vertx, w -> cluster.killMasterOf(new Keys(StoreFixtures.PREFIX).log(w)));
  }
}
