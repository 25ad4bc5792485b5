package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.commonground.workshop.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class AddTokenTest {
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();
  Redis client;
  RedisWorkshopStore store;
  final Keys keys = new Keys(StoreFixtures.PREFIX);

  @BeforeEach
  void connect(Vertx vertx) {
    client = StoreFixtures.client(vertx, redis.url());
    store = StoreFixtures.store(client);
  }

  @AfterEach
  void close() { Await.of(client.close()); }

  private String created() {
    String w = Ids.workshopId();
    Await.of(store.create(w, joinCode(), "epoch-" + w, firstBody(), List.of()));
    return w;
  }

  @Test
  @DisplayName("a token added to a running workshop resolves, and does not expire")
  void added() {
    String w = created();
    NewToken t = NewToken.mint(w, "display", Role.DISPLAY);
    assertThat(Await.of(store.addToken(w, t))).isTrue();
    assertThat(Await.of(store.resolve(t.token()))).hasValueSatisfying(g -> assertThat(g.role()).isEqualTo(Role.DISPLAY));
    assertThat(Await.of(client.send(Request.cmd(Command.TTL).arg(keys.token(w, Tokens.hash(t.token()))))).toLong())
        .isEqualTo(-1L);
  }

  @Test
  @DisplayName("a token added after the workshop's end expires with the workshop")
  void afterTheEnd() {
    String w = created();
    Await.of(store.append(w, 1, "p1", "end", "{}", List.of(body("ended")), List.of(), 3_600));
    NewToken t = NewToken.mint(w, "display", Role.DISPLAY);
    assertThat(Await.of(store.addToken(w, t))).isTrue();
    long ttl = Await.of(client.send(Request.cmd(Command.TTL).arg(keys.token(w, Tokens.hash(t.token()))))).toLong();
    assertThat(ttl).isBetween(3_500L, 3_600L);
  }

  @Test
  @DisplayName("no token is added to a purged workshop, and nothing of it comes back")
  void purged() {
    String w = created();
    Await.of(store.purge(w, null));
    NewToken t = NewToken.mint(w, "display", Role.DISPLAY);
    assertThat(Await.of(store.addToken(w, t))).isFalse();
    assertThat(Await.of(store.resolve(t.token()))).isEmpty();
    assertThat(Await.of(client.send(Request.cmd(Command.KEYS).arg(keys.pattern(w))))).isEmpty();
  }
}
