package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqOf;
import static org.commonground.store.StoreFixtures.seqsOf;
import static org.commonground.store.StoreFixtures.xsOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonground.store.AppendResult.Appended;
import org.commonground.store.AppendResult.Duplicate;
import org.commonground.store.AppendResult.Stale;
import org.commonground.store.WorkshopStore.CodeTakenException;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.commonground.workshop.Code;
import org.commonground.workshop.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's contract ({@link WorkshopStoreContract}) against a real, private Redis, and what only Redis
 * shows: key names, hashed tokens, expiries.
 */
@ExtendWith(VertxExtension.class)
class RedisWorkshopStoreTest extends WorkshopStoreContract {
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  Redis client;
  RedisWorkshopStore redisStore;
  Keys keys;

  @BeforeEach
  void connect(Vertx vertx) {
    client = StoreFixtures.client(vertx, redis.url());
    redisStore = StoreFixtures.store(client);
    store = redisStore;
    keys = redisStore.keys();
  }

  @AfterEach
  void disconnect() { client.close(); }

  // ------------------------------------------------------------------ helpers




  private Response raw(Request r) { return Await.of(client.send(r)); }

  /** Every Redis key that belongs to one workshop's hash slot. */
  private List<String> keysOf(String w) {
    Response r = raw(Request.cmd(Command.KEYS).arg(StoreFixtures.PREFIX + ":{w:" + w + "}:*"));
    List<String> out = new ArrayList<>();
    for (Response k : r) out.add(k.toString());
    return out;
  }

  private long ttl(String key) { return raw(Request.cmd(Command.TTL).arg(key)).toLong(); }

  @Override
  protected void assertNoTrace(String workshopId) {
    super.assertNoTrace(workshopId);
    assertThat(keysOf(workshopId)).isEmpty();
  }

  // ------------------------------------------------------------------ what only Redis shows

  @Test
  @DisplayName("tokens are stored only as their SHA-256: no key or value holds the secret")
  void tokensStoredHashed() {
    String w = Ids.workshopId();
    NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
    Await.of(store.create(w, joinCode(), "e", firstBody(), List.of(fac)));
    String secret = fac.token().substring(fac.token().indexOf('.') + 1);

    String tokenKey = keys.token(w, Tokens.hash(fac.token()));
    assertThat(keysOf(w)).contains(tokenKey).noneMatch(k -> k.contains(secret));
    for (String k : keysOf(w)) {
      String type = raw(Request.cmd(Command.TYPE).arg(k)).toString();
      if ("string".equals(type)) {
        assertThat(raw(Request.cmd(Command.GET).arg(k)).toString()).as(k).doesNotContain(secret);
      }
    }
  }

  @Test
  @DisplayName("refs are kept for the ref TTL, whether appended or remembered")
  void refsExpire() {
    String w = created();
    append(w, 1, "p", "r1", "a");
    Await.of(store.rememberAnswer(w, "p", "r2", StoredAnswer.ack(null, "{}")));
    assertThat(ttl(keys.ref(w, "p", "r1"))).isBetween(StoreFixtures.REF_TTL - 5L, (long) StoreFixtures.REF_TTL);
    assertThat(ttl(keys.ref(w, "p", "r2"))).isBetween(StoreFixtures.REF_TTL - 5L, (long) StoreFixtures.REF_TTL);
  }

  @Test
  @DisplayName("after the window has passed, counting starts again at 1")
  void windowExpires(Vertx vertx) {
    String addr = "10.0.2." + Ids.random(4);
    assertThat(Await.of(store.countFailedJoin(addr, 1))[0]).isEqualTo(1);
    assertThat(Await.of(store.countFailedJoin(addr, 1))[0]).isEqualTo(2);
    // await the key's expiry (polled, bounded by Await's timeout)
    Await.of(untilGone(vertx, keys.failedJoins(addr)));
    long[] fresh = Await.of(store.countFailedJoin(addr, 1));
    assertThat(fresh[0]).isEqualTo(1);
    assertThat(fresh[1]).isBetween(0L, 1L);
  }

  private Future<Void> untilGone(Vertx vertx, String key) {
    return client.send(Request.cmd(Command.EXISTS).arg(key)).compose(r -> r.toInteger() == 0
        ? Future.<Void>succeededFuture()
        : vertx.timer(50).compose(t -> untilGone(vertx, key)));
  }

  @Test
  @DisplayName("presence is kept with an expiry")
  void presenceExpires() {
    String w = created();
    Await.of(store.publishPresence(w, "nodeA", "{\"node\":\"A\"}"));
    assertThat(ttl(keys.presence(w))).isPositive();
  }
}
