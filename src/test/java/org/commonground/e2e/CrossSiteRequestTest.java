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
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.RawHttp;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page on another site must not be able to make a visitor's browser create, join or delete a workshop.
 * Browsers send text/plain, form and multipart bodies to any site without asking; so the API takes only
 * JSON bodies (which a browser sends cross-site only after a CORS preflight this server never grants),
 * and refuses a state-changing request whose Origin is not the server's own. Requests without an Origin
 * (curl, other servers) are not from a page and pass. The WebSocket's Origin check compares schemes too.
 */
@ExtendWith(VertxExtension.class)
class CrossSiteRequestTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static String own() { return "http://127.0.0.1:" + node.port(); }

  private static Api.Reply post(Vertx vertx, String path, String body, Map<String, String> headers) {
    return new Api(vertx, node.port()).request(HttpMethod.POST, path, body, headers, null);
  }

  @Test
  @DisplayName("a body sent as text/plain, a form or multipart is 415 with a JSON error, and creates nothing")
  void onlyJsonBodies(Vertx vertx) {
    String body = new JsonObject().put("title", "Made from elsewhere").encode();
    for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/jsonp", "text/json")) {
      Api.Reply r = post(vertx, "/api/workshops", body, Map.of("Content-Type", type));
      assertError(r, 415, "INVALID", type);
      assertThat(r.error().getString("message")).as("says how to put it right").contains("application/json");
    }
    Api.Reply charset = post(vertx, "/api/workshops", body, Map.of("Content-Type", "Application/JSON; charset=utf-8"));
    assertThat(charset.status()).as("JSON with a charset, any case: %s", charset.text()).isEqualTo(201);
  }

  @Test
  @DisplayName("a body with no Content-Type at all (a Blob posted without a type) is 415 too")
  void bodyWithoutType() {
    RawHttp.Response r = RawHttp.exchange(node.port(), "POST", "/api/workshops", Map.of(),
        new JsonObject().put("title", "Untyped").encode());
    assertThat(r.status()).as(r.body()).isEqualTo(415);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo("INVALID");
  }

  @Test
  @DisplayName("a state-changing request from a page on another origin is 403; from the server's own page, or with no Origin, it works")
  void foreignOriginRefused(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Origins");
    String join = new JsonObject().put("joinCode", w.joinCode()).put("name", "Sam").encode();
    for (String foreign : List.of("https://evil.example", "null", "https://127.0.0.1:" + node.port(),
        "http://127.0.0.1:" + (node.port() + 1), "http://127.0.0.1.evil.example:" + node.port())) {
      Api.Reply r = post(vertx, "/api/join", join, Map.of("Origin", foreign));
      assertError(r, 403, "FORBIDDEN", "join from " + foreign);
      assertError(post(vertx, "/api/workshops", new JsonObject().put("title", "X").encode(), Map.of("Origin", foreign)),
          403, "FORBIDDEN", "create from " + foreign);
    }
    Api.Reply evilDelete = api.request(HttpMethod.DELETE, "/api/workshops/" + w.id(), null,
        Map.of("Origin", "https://evil.example", "Authorization", "Bearer " + w.facilitatorToken()), null);
    assertError(evilDelete, 403, "FORBIDDEN", "delete from another origin");
    assertThat(node.welcome(vertx, w.facilitatorToken()).getJsonObject("state").getJsonArray("participants"))
        .as("nobody joined from the foreign pages, and the workshop is still there").hasSize(1);

    assertThat(post(vertx, "/api/join", join, Map.of("Origin", own())).status()).as("own page").isEqualTo(201);
    assertThat(post(vertx, "/api/join", join, Map.of()).status()).as("no Origin (curl)").isEqualTo(201);
  }

  @Test
  @DisplayName("a POST without a body needs no Content-Type (a new display link)")
  void bodilessPost(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Display again");
    Api.Reply r = api.request(HttpMethod.POST, "/api/workshops/" + w.id() + "/display", null,
        Map.of("Authorization", "Bearer " + w.facilitatorToken(), "Origin", own()), null);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
  }

  @Test
  @DisplayName("a WebSocket from the server's host and port but another scheme is refused with 403")
  void webSocketSchemeCompared(Vertx vertx) {
    Api.Created w = node.api(vertx).create("Schemes");
    try (WsClient own = WsClient.connect(vertx, node.port(), own())) {
      assertThat(own.hello(w.facilitatorToken()).getJsonObject("you").getString("role")).isEqualTo("facilitator");
    }
    assertThatThrownBy(() -> WsClient.connect(vertx, node.port(), "https://127.0.0.1:" + node.port()))
        .isInstanceOf(UpgradeRejectedException.class)
        .satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(403));
  }
}
