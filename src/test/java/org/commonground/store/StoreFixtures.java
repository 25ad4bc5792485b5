package org.commonground.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import org.commonground.protocol.JoinCodes;

/** Small helpers shared by the store tests: a store on a given Redis, bodies, seqs of stored records. */
final class StoreFixtures {
  private StoreFixtures() {}

  static final String PREFIX = "cgtest";
  static final int REF_TTL = 900;

  static Redis client(Vertx vertx, String url) {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
  }

  static RedisWorkshopStore store(Redis client) {
    return new RedisWorkshopStore(client, new Keys(PREFIX), REF_TTL);
  }

  /** A store whose creates and posts wait for replicas as {@code waits} says. */
  static RedisWorkshopStore store(Redis client, ReplicaWaits waits) {
    return new RedisWorkshopStore(client, new Keys(PREFIX), REF_TTL, 0, waits);
  }

  /** A node's Subscriber on the given Redis, under the test prefix; not started yet. */
  static Subscriber subscriber(Vertx vertx, String url, Subscriber.Listener listener) {
    return new Subscriber(vertx, new RedisOptions().setConnectionString(url), new Keys(PREFIX), listener);
  }

  /** A stored event body without its leading {@code {"seq":N,}. */
  static StoredEvent body(String x) {
    return StoredEvent.of("\"ts\":1,\"x\":" + JsonObject.of("x", x).encode().substring("{\"x\":".length()));
  }

  static String firstBody() { return "\"ts\":0,\"x\":\"created\"}"; }

  static long seqOf(String record) { return new JsonObject(record).getLong("seq"); }

  static String xOf(String record) { return new JsonObject(record).getString("x"); }

  static List<Long> seqsOf(List<String> records) { return records.stream().map(StoreFixtures::seqOf).toList(); }

  static List<String> xsOf(List<String> records) { return records.stream().map(StoreFixtures::xOf).toList(); }

  static String joinCode() { return JoinCodes.generate(); }
}
