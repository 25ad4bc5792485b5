package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Api.assertError;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.commonground.config.HttpConfig;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creating a workshop needs no login when no organiser key is set, so it must stay cheap for the server:
 * a few creations per client address per window, counted in Redis across nodes, and a bounded agenda and
 * settings (at creation and in workshop.update). Each test speaks from its own address (127.0.0.x, or a
 * forwarded one behind the proxy), so their counts never meet.
 */
@ExtendWith(VertxExtension.class)
class CreationLimitsTest {
  static final int ALLOWED = 3;

  @RegisterExtension
  static final LiveNode node = LiveNode.create(c -> c.withLimits(c.limits().withCreations(ALLOWED, 3600)));
  static final LiveNode other = node.sibling();
  static final LiveNode proxied = node.sibling(c -> c.withLimits(c.limits().withCreations(ALLOWED, 3600))
      .withHttp(new HttpConfig(c.http().host(), c.http().port(), null, c.http().allowedOrigins(), true)));

  private static JsonObject titled(String title) { return new JsonObject().put("title", title); }

  private static Api from(Vertx vertx, LiveNode n, String address) { return new Api(vertx, n.port(), address); }

  @Test
  @DisplayName("past the allowance, creating is 429 RATE_LIMITED with Retry-After, on every node; other addresses are not affected")
  void perAddressAcrossNodes(Vertx vertx) {
    Api a = from(vertx, node, "127.0.0.21");
    Api b = from(vertx, other, "127.0.0.21");
    assertThat(a.post("/api/workshops", titled("One"), null).status()).isEqualTo(201);
    assertThat(b.post("/api/workshops", titled("Two"), null).status()).as("the other node").isEqualTo(201);
    assertThat(a.post("/api/workshops", titled("Three"), null).status()).isEqualTo(201);
    for (Api api : new Api[] {a, b}) {
      Api.Reply r = api.request(HttpMethod.POST, "/api/workshops", titled("Too many").encode(), Map.of(), "Retry-After");
      assertError(r, 429, "RATE_LIMITED", "past the allowance");
      assertThat(Long.parseLong(r.header())).as("Retry-After seconds").isBetween(1L, 3600L);
      assertThat(r.error().getString("message")).contains("wait");
    }
    assertThat(from(vertx, node, "127.0.0.22").post("/api/workshops", titled("Elsewhere"), null).status())
        .as("another address").isEqualTo(201);
  }

  @Test
  @DisplayName("a refused body does not use up the allowance")
  void invalidNotCounted(Vertx vertx) {
    Api api = from(vertx, node, "127.0.0.23");
    for (int i = 0; i < ALLOWED + 2; i++) {
      assertError(api.post("/api/workshops", new JsonObject().put("title", 5), null), 400, "INVALID", "bad title");
    }
    for (int i = 0; i < ALLOWED; i++) assertThat(api.post("/api/workshops", titled("Good " + i), null).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("behind a proxy, the allowance is per forwarded address, and addresses a client adds itself are ignored")
  void perForwardedAddress(Vertx vertx) {
    Api proxy = new Api(vertx, proxied.port());
    for (int i = 0; i <= ALLOWED; i++) {
      Api.Reply r = proxy.request(HttpMethod.POST, "/api/workshops", titled("Via proxy").encode(),
          Map.of("X-Forwarded-For", "10.9.9." + i + ", 203.0.113.50"), null);
      assertThat(r.status()).as("creation %d: %s", i + 1, r.text()).isEqualTo(i < ALLOWED ? 201 : 429);
    }
    Api.Reply next = proxy.request(HttpMethod.POST, "/api/workshops", titled("Next door").encode(),
        Map.of("X-Forwarded-For", "203.0.113.51"), null);
    assertThat(next.status()).as("another client behind the proxy").isEqualTo(201);
  }

  private static JsonArray phases(int n, String title, String prompt) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < n; i++) out.add(new JsonObject().put("title", title).put("minutes", 5).put("prompt", prompt));
    return out;
  }

  private static JsonObject groups(int n, String label) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < n; i++) out.add(new JsonObject().put("id", "g" + i).put("label", label));
    return new JsonObject().put("stakeholderGroups", out);
  }

  private static void assertInvalidNaming(Api.Reply r, String field, int limit) {
    assertError(r, 400, "INVALID", field);
    assertThat(r.error().getString("message")).as("names the field and the limit").contains(field)
        .contains(Integer.toString(limit));
  }

  @Test
  @DisplayName("an agenda or settings past their bounds is 400 INVALID naming the field and the limit; at the bounds it is created")
  void boundedAtCreation(Vertx vertx) {
    Api api = from(vertx, node, "127.0.0.24");
    JsonObject atBounds = titled("t".repeat(200)).put("phases", phases(20, "p".repeat(120), "q".repeat(500)))
        .put("settings", groups(12, "l".repeat(60)));
    Api.Reply ok = api.post("/api/workshops", atBounds, null);
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);

    assertInvalidNaming(api.post("/api/workshops", titled("t".repeat(201)), null), "title", 200);
    assertInvalidNaming(api.post("/api/workshops", titled("T").put("phases", phases(21, "P", null)), null), "phases", 20);
    assertInvalidNaming(api.post("/api/workshops", titled("T").put("phases", phases(2, "p".repeat(121), null)), null),
        "phases[0].title", 120);
    assertInvalidNaming(api.post("/api/workshops", titled("T").put("phases", phases(2, "P", "q".repeat(501))), null),
        "phases[0].prompt", 500);
    assertInvalidNaming(api.post("/api/workshops", titled("T").put("settings", groups(13, "L")), null),
        "settings.stakeholderGroups", 12);
    assertInvalidNaming(api.post("/api/workshops", titled("T").put("settings", groups(2, "l".repeat(61))), null),
        "settings.stakeholderGroups[0].label", 60);
  }

  @Test
  @DisplayName("workshop.update is held to the same bounds: INVALID naming the field and the limit, and nothing changes")
  void boundedInUpdate(Vertx vertx) {
    Api.Created w = from(vertx, node, "127.0.0.25").create(titled("Bounded update"));
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      JsonObject tooMany = fac.call("workshop.update", new JsonObject().put("settings", groups(13, "L")));
      assertThat(tooMany.getString("t")).as("%s", tooMany).isEqualTo("err");
      assertThat(tooMany.getString("code")).isEqualTo("INVALID");
      assertThat(tooMany.getString("message")).contains("settings.stakeholderGroups").contains("12");
      JsonObject longLabel = fac.call("workshop.update", new JsonObject().put("settings", groups(2, "l".repeat(61))));
      assertThat(longLabel.getString("code")).isEqualTo("INVALID");
      assertThat(longLabel.getString("message")).contains("label").contains("60");
      JsonObject longTitle = fac.call("workshop.update", titled("t".repeat(201)));
      assertThat(longTitle.getString("code")).isEqualTo("INVALID");
      assertThat(longTitle.getString("message")).contains("title").contains("200");

      JsonObject fine = fac.call("workshop.update", new JsonObject().put("settings", groups(12, "l".repeat(60))));
      assertThat(fine.getString("t")).as("%s", fine).isEqualTo("ack");
    }
    assertThat(node.welcome(vertx, w.facilitatorToken()).getJsonObject("state").getJsonObject("workshop")
        .getString("title")).isEqualTo("Bounded update");
  }
}
