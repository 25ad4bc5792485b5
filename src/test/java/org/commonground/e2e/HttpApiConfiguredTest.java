package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.support.Api.assertError;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.commonground.config.HttpConfig;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.RawHttp;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node configured as in production: an organiser key, a partner origin allowed to open WebSockets, and
 * a public address for join links.
 */
@ExtendWith(VertxExtension.class)
class HttpApiConfiguredTest {
  static final String KEY = "k";
  static final String PARTNER = "https://partner.example";
  static final String PUBLIC_URL = "https://workshops.example.org/";

  @RegisterExtension
  static final LiveNode node = LiveNode.create(c -> c.withOrganiserKey(KEY)
      .withHttp(new HttpConfig(c.http().host(), c.http().port(), PUBLIC_URL, List.of(PARTNER))));

  @Test
  @DisplayName("with an organiser key, creating a workshop without it, or with another, is 401 UNAUTHENTICATED; with it, 201")
  void organiserKey(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    JsonObject body = new JsonObject().put("title", "Members only");
    assertError(http.post("/api/workshops", body, null), 401, "UNAUTHENTICATED", "no key");
    for (String wrong : List.of("K", "kk", " ", "k.", "Bearer k")) {
      assertError(http.post("/api/workshops", body, wrong), 401, "UNAUTHENTICATED", "key '" + wrong + "'");
    }
    assertError(http.request(HttpMethod.POST, "/api/workshops", body.encode(), Map.of("Authorization", "Basic k"), null),
        401, "UNAUTHENTICATED", "Basic scheme");
    assertError(http.request(HttpMethod.POST, "/api/workshops", body.encode(), Map.of("Authorization", "k"), null),
        401, "UNAUTHENTICATED", "no scheme");
    // Without the key, even a bad body is only told to authenticate.
    assertError(http.raw(HttpMethod.POST, "/api/workshops", "not json"), 401, "UNAUTHENTICATED", "no key, bad body");

    Api.Reply created = http.post("/api/workshops", body, KEY);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.body().getString("joinCode")).isNotBlank();
    Api.Reply lowerScheme = http.request(HttpMethod.POST, "/api/workshops", body.encode(),
        Map.of("Authorization", "bearer " + KEY), null);
    assertThat(lowerScheme.status()).as("the scheme is case-insensitive: %s", lowerScheme.text()).isEqualTo(201);
    // With the key, bad bodies are still INVALID.
    assertError(http.post("/api/workshops", new JsonObject().put("title", 5), KEY), 400, "INVALID", "key, bad title");
  }

  @Test
  @DisplayName("with an organiser key, joining and adding a co-facilitator need no organiser key")
  void joinNeedsNoKey(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    Api.Created w = http.create(new JsonObject().put("title", "Open door"), KEY);
    String sam = http.join(w.joinCode(), "Sam", "carers");
    assertThat(sam).isNotBlank();
    Api.Reply co = http.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Priya"),
        w.facilitatorToken());
    assertThat(co.status()).as(co.text()).isEqualTo(201);
    // The organiser key is not a facilitator token.
    assertError(http.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Org"), KEY),
        401, "UNAUTHENTICATED", "organiser key as a facilitator token");
  }

  @Test
  @DisplayName("a WebSocket from an allowed partner origin is welcome; other foreign origins are still refused with 403")
  void allowedOrigins(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    Api.Created w = http.create(new JsonObject().put("title", "Partners"), KEY);
    String sam = http.join(w.joinCode(), "Sam", null);
    int port = node.port();
    try (WsClient partner = WsClient.connect(vertx, port, PARTNER);
         WsClient own = WsClient.connect(vertx, port, "http://127.0.0.1:" + port)) {
      assertThat(partner.hello(sam).getJsonObject("you").getString("role")).isEqualTo("participant");
      assertThat(own.hello(w.facilitatorToken()).getJsonObject("you").getString("role")).isEqualTo("facilitator");
    }
    for (String foreign : List.of("https://evil.example", "http://partner.example", "https://partner.example:8443",
        "https://partner.example.evil.example")) {
      assertThatThrownBy(() -> WsClient.connect(vertx, port, foreign)).as("origin %s", foreign)
          .isInstanceOf(UpgradeRejectedException.class)
          .satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(403));
    }
  }

  @Test
  @DisplayName("the API takes state-changing requests from the public address and allowed origins, not from others")
  void apiOrigins(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    Api.Created w = http.create(new JsonObject().put("title", "Partner joins"), KEY);
    String join = new JsonObject().put("joinCode", w.joinCode()).put("name", "Sam").encode();
    for (String origin : List.of(PARTNER, "https://workshops.example.org", "https://workshops.example.org:443")) {
      Api.Reply r = http.request(HttpMethod.POST, "/api/join", join, Map.of("Origin", origin), null);
      assertThat(r.status()).as("from %s: %s", origin, r.text()).isEqualTo(201);
    }
    for (String origin : List.of("http://partner.example", "http://workshops.example.org", "https://evil.example")) {
      assertError(http.request(HttpMethod.POST, "/api/join", join, Map.of("Origin", origin), null), 403, "FORBIDDEN", origin);
    }
  }

  @Test
  @DisplayName("behind a proxy, a WebSocket from the configured public address (the page's own origin) is welcome")
  void publicUrlOrigin(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    Api.Created w = http.create(new JsonObject().put("title", "Behind the proxy"), KEY);
    String sam = http.join(w.joinCode(), "Sam", null);
    // The browser sends the public origin; a proxy that rewrites Host passes the node's own address on.
    try (WsClient viaProxy = WsClient.connect(vertx, node.port(), "https://workshops.example.org")) {
      assertThat(viaProxy.hello(sam).getJsonObject("you").getString("role")).isEqualTo("participant");
    }
  }

  @Test
  @DisplayName("the QR code points at the configured public address")
  void qrUsesPublicUrl(Vertx vertx) {
    Api http = new Api(vertx, node.port());
    Api.Created w = http.create(new JsonObject().put("title", "Printed poster"), KEY);
    Api.Reply qr = http.header(HttpMethod.GET, "/api/workshops/" + w.id() + "/qr.svg", null, "Content-Type");
    assertThat(qr.status()).isEqualTo(200);
    assertThat(qr.header()).startsWith("image/svg+xml");
    assertThat(qr.text()).contains("https://workshops.example.org/j/" + w.joinCode().replace("-", ""))
        .doesNotContain("127.0.0.1");
    RawHttp.Response forged = RawHttp.exchange(node.port(), "GET", "/api/workshops/" + w.id() + "/qr.svg",
        Map.of("Host", "evil.example"), null);
    assertThat(forged.body()).as("a forged Host").contains("https://workshops.example.org/j/").doesNotContain("evil");
    assertThat(forged.header("Cache-Control")).startsWith("private");
  }
}
