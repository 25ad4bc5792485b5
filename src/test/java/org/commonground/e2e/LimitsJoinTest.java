package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Api.assertError;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.commonground.config.Limits;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The join rate limit: failed attempts (unknown codes) are counted per client address, successful joins
 * never are. A small allowance keeps the test quick. Each test speaks from its own loopback address
 * (127.0.0.x), so the counts of one test never reach another.
 */
@ExtendWith(VertxExtension.class)
class LimitsJoinTest {
  static final int FAILED_JOINS = 3;
  static final int WINDOW_SECONDS = 60;

  @RegisterExtension
  static final LiveNode node = LiveNode.create(c -> {
    Limits d = c.limits();
    return c.withLimits(d.withFailedJoins(FAILED_JOINS, WINDOW_SECONDS));
  });

  private static Api from(Vertx vertx, String address) {
    return new Api(vertx, node.port(), address);
  }

  /** A well-formed code that is not the given one (the last character changed). */
  private static String wrong(String code) {
    char last = code.charAt(code.length() - 1);
    return code.substring(0, code.length() - 1) + (last == '9' ? '8' : '9');
  }

  private static Api.Reply join(Api http, String code, String name) {
    return http.request(HttpMethod.POST, "/api/join", new JsonObject().put("joinCode", code).put("name", name).encode(),
        Map.of(), "Retry-After");
  }

  @Test
  @DisplayName("repeated wrong codes from one address get 429 RATE_LIMITED with Retry-After; the right code still "
      + "joins from there, and other addresses are unaffected")
  void failedJoinsLimited(Vertx vertx) {
    Api organiser = new Api(vertx, node.port());
    Api.Created w = organiser.create("Guessing game");
    Api guesser = from(vertx, "127.0.0.2");
    List<String> guesses = List.of(wrong(w.joinCode()), "ZZZ-ZZZ", "not-a-code");
    assertThat(guesses).hasSize(FAILED_JOINS);
    for (String guess : guesses) {
      Api.Reply r = join(guesser, guess, "Guesser");
      assertError(r, 404, "NOT_FOUND", "guess " + guess);
    }
    for (int i = 0; i < 2; i++) {
      Api.Reply limited = join(guesser, wrong(w.joinCode()), "Guesser");
      assertError(limited, 429, "RATE_LIMITED", "attempt " + (FAILED_JOINS + 1 + i));
      assertThat(limited.header()).as("Retry-After").isNotNull().matches("[0-9]+");
      assertThat(Integer.parseInt(limited.header())).isBetween(1, WINDOW_SECONDS);
    }

    // A successful join is never limited by address: a whole venue may share it.
    Api.Reply ok = join(guesser, w.joinCode().toLowerCase(), "Right code, same address");
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    try (WsClient p = node.connect(vertx)) {
      assertThat(p.hello(ok.body().getString("token")).getJsonObject("you").getString("role")).isEqualTo("participant");
    }
    // Another address has its own count.
    assertError(join(from(vertx, "127.0.0.3"), wrong(w.joinCode()), "Someone else"), 404, "NOT_FOUND", "other address");
    // And the limited address is still limited.
    assertError(join(guesser, "ZZZ-ZZZ", "Guesser"), 429, "RATE_LIMITED", "after the good join");
  }

  @Test
  @DisplayName("many successful joins from one address all succeed and use up none of its allowance for wrong codes")
  void successfulJoinsNotCounted(Vertx vertx) {
    Api organiser = new Api(vertx, node.port());
    Api.Created w = organiser.create("Hospital training room");
    Api venue = from(vertx, "127.0.0.4");
    int people = 4 * FAILED_JOINS;
    for (int i = 0; i < people; i++) {
      Api.Reply r = join(venue, i % 2 == 0 ? w.joinCode() : w.joinCode().replace("-", "").toLowerCase(), "Nurse " + i);
      assertThat(r.status()).as("join %d: %s", i, r.text()).isEqualTo(201);
    }
    for (int i = 0; i < FAILED_JOINS; i++) {
      assertError(join(venue, wrong(w.joinCode()), "Typo"), 404, "NOT_FOUND", "typo " + (i + 1));
    }
    assertError(join(venue, wrong(w.joinCode()), "Typo"), 429, "RATE_LIMITED", "one typo too many");
    try (WsClient fac = node.connect(vertx)) {
      assertThat(fac.hello(w.facilitatorToken()).getJsonObject("state").getJsonArray("participants")).hasSize(1 + people);
    }
  }
}
