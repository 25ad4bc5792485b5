package org.commonground.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.commonground.hub.Outcome;
import org.commonground.protocol.ProtocolException;
import org.commonground.store.Ids;
import org.commonground.store.Keys;
import org.commonground.store.RedisWorkshopStore;
import org.commonground.store.StoredAnswer;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The steps of a new join code against a real Redis, with the command's outcome chosen by the test: what
 * happens to the codes when the change is refused, lost on the way, or the drawn code is taken.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A new join code: claim, change, then the old code goes")
class JoinCodeSwitchTest {
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  private static final Actor FACILITATOR = Scenario.FACILITATOR;

  private Redis client;
  private RedisWorkshopStore store;
  private String workshopId;
  private String oldCode;
  private String newCode;

  @BeforeEach
  void workshop(Vertx vertx) {
    client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.url()));
    store = new RedisWorkshopStore(client, new Keys("cgtest"), 900);
    workshopId = Ids.workshopId();
    oldCode = code();
    newCode = code();
    Await.of(store.create(workshopId, oldCode, "epoch", "\"ts\":0,\"x\":\"created\"}", List.of()));
  }

  @AfterEach
  void close() { Await.of(client.close()); }

  private static String code() { return org.commonground.protocol.JoinCodes.generate(); }

  private Optional<String> opens(String code) { return Await.of(store.workshopOfCode(code)); }

  /** A switch whose change gets {@code outcome}, drawing {@code codes} in turn. */
  private JoinCodeSwitch switching(Outcome outcome, String... codes) {
    Deque<String> draws = new ArrayDeque<>(List.of(codes));
    return new JoinCodeSwitch(store, (id, actor, ref, command) -> Future.succeededFuture(outcome), draws::removeFirst);
  }

  private long ttl(String code) {
    return Await.of(client.send(Request.cmd(io.vertx.redis.client.Command.TTL).arg("cgtest:code:" + code))).toLong();
  }

  private static Outcome appended(String oldCode, String newCode) {
    return new Outcome.Ack(2L, "{\"joinCode\":\"" + newCode + "\",\"replaced\":\"" + oldCode + "\"}");
  }

  @Test
  @DisplayName("once the change is appended the new code opens the workshop and the old one opens nothing")
  void switched() {
    String got = Await.of(switching(appended(oldCode, newCode), newCode)
        .replace(workshopId, FACILITATOR));

    assertThat(got).isEqualTo(newCode);
    assertThat(opens(newCode)).contains(workshopId);
    assertThat(opens(oldCode)).isEmpty();
    assertThat(ttl(newCode)).as("a running workshop's code does not expire").isEqualTo(-1L);
  }

  @Test
  @DisplayName("a refused change gives the new code up and keeps the old one, with the refusal's code")
  void refused() {
    JoinCodeSwitch s = switching(new Outcome.Error(Code.FORBIDDEN, "only facilitators can give the workshop a new join code"),
        newCode);

    assertThatThrownBy(() -> Await.of(s.replace(workshopId, FACILITATOR)))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.FORBIDDEN));
    assertThat(opens(newCode)).isEmpty();
    assertThat(opens(oldCode)).contains(workshopId);
  }

  @Test
  @DisplayName("a change that could not be saved (and left no answer under its ref) gives the new code up")
  void notSaved() {
    JoinCodeSwitch s = switching(new Outcome.Error(Code.INTERNAL, "could not save that just now; please try again"),
        newCode);

    assertThatThrownBy(() -> Await.of(s.replace(workshopId, FACILITATOR)))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.INTERNAL));
    assertThat(opens(newCode)).isEmpty();
    assertThat(opens(oldCode)).contains(workshopId);
  }

  @Test
  @DisplayName("a change appended whose answer was lost on the way counts as made: the new code stays, the old one goes")
  void answerLost() {
    // The append keeps its answer under the ref in the same step as the event; here only the answer is kept.
    String result = "{\"joinCode\":\"" + newCode + "\",\"replaced\":\"" + oldCode + "\"}";
    JoinCodeSwitch s = new JoinCodeSwitch(store, (id, actor, ref, command) ->
        store.rememberAnswer(id, actor.participantId(), ref, StoredAnswer.ack(2L, result))
            .map(r -> new Outcome.Error(Code.INTERNAL, "could not save that just now; please try again")),
        () -> newCode);

    assertThat(Await.of(s.replace(workshopId, FACILITATOR))).isEqualTo(newCode);
    assertThat(opens(newCode)).contains(workshopId);
    assertThat(opens(oldCode)).isEmpty();
  }

  @Test
  @DisplayName("a drawn code another workshop holds is left alone, and another code is drawn")
  void collision() {
    String other = Ids.workshopId();
    String taken = code();
    Await.of(store.create(other, taken, "epoch", "\"ts\":0,\"x\":\"created\"}", List.of()));

    String got = Await.of(switching(appended(oldCode, newCode), taken, newCode)
        .replace(workshopId, FACILITATOR));

    assertThat(got).isEqualTo(newCode);
    assertThat(opens(taken)).contains(other);
    assertThat(opens(newCode)).contains(workshopId);
  }

  @Test
  @DisplayName("an ended workshop's new code expires with the rest of its data")
  void endedExpires() {
    // The append that ends a workshop sets every key of it to expire (here in an hour); the epoch stands for all.
    Await.of(client.send(Request.cmd(io.vertx.redis.client.Command.EXPIRE).arg("cgtest:{w:" + workshopId + "}:epoch")
        .arg(3_600)));

    Await.of(switching(appended(oldCode, newCode), newCode).replace(workshopId, FACILITATOR));

    assertThat(ttl(newCode)).isBetween(3_500L, 3_600L);
  }
}
