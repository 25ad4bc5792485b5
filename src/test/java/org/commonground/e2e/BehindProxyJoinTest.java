package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.commonground.config.HttpConfig;
import org.commonground.config.Limits;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failed-join limit behind a reverse proxy: every request reaches the node from the proxy's address,
 * so with {@code behindProxy} the address the proxy appended to X-Forwarded-For counts instead, and only
 * that one (what a client writes there itself must not let it escape the limit). Without it, the header
 * is ignored. Each test uses its own forwarded addresses, so their counts never meet.
 */
@ExtendWith(VertxExtension.class)
class BehindProxyJoinTest {
  static final int FAILED_JOINS = 2;

  @RegisterExtension
  static final LiveNode proxied = LiveNode.create(c -> small(c.withHttp(new HttpConfig(c.http().host(), c.http().port(),
      null, c.http().allowedOrigins(), true))));
  static final LiveNode direct = proxied.sibling(BehindProxyJoinTest::small);

  private static org.commonground.config.AppConfig small(org.commonground.config.AppConfig c) {
    Limits d = c.limits();
    return c.withLimits(d.withFailedJoins(FAILED_JOINS, 60));
  }

  private static int wrongJoin(Api api, String forwardedFor) {
    return api.request(HttpMethod.POST, "/api/join", new JsonObject().put("joinCode", "ZZZ-ZZZ").put("name", "Guess").encode(),
        Map.of("X-Forwarded-For", forwardedFor), "Retry-After").status();
  }

  @Test
  @DisplayName("behind a proxy, each client address the proxy forwards has its own allowance of wrong codes")
  void perForwardedClient(Vertx vertx) {
    Api proxy = new Api(vertx, proxied.port());
    for (int i = 0; i < FAILED_JOINS; i++) assertThat(wrongJoin(proxy, "203.0.113.10")).isEqualTo(404);
    assertThat(wrongJoin(proxy, "203.0.113.10")).as("that client is past its allowance").isEqualTo(429);
    assertThat(wrongJoin(proxy, "203.0.113.11")).as("another client behind the same proxy is not").isEqualTo(404);
  }

  @Test
  @DisplayName("behind a proxy, addresses a client writes into X-Forwarded-For itself do not reset its allowance")
  void spoofedEntriesIgnored(Vertx vertx) {
    Api proxy = new Api(vertx, proxied.port());
    for (int i = 0; i <= FAILED_JOINS; i++) {
      int status = wrongJoin(proxy, "10.9.9." + i + ", 198.51.100.7");
      assertThat(status).as("attempt %d", i + 1).isEqualTo(i < FAILED_JOINS ? 404 : 429);
    }
  }

  @Test
  @DisplayName("not behind a proxy, X-Forwarded-For is ignored: one connection's address has one allowance")
  void headerIgnoredWithoutProxy(Vertx vertx) {
    Api client = new Api(vertx, direct.port(), "127.0.0.9");
    for (int i = 0; i <= FAILED_JOINS; i++) {
      int status = wrongJoin(client, "192.0.2." + i);
      assertThat(status).as("attempt %d", i + 1).isEqualTo(i < FAILED_JOINS ? 404 : 429);
    }
  }
}
