package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.commonground.support.Api;
import org.commonground.support.WsClient;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A new display link on request (extension): the one from the create answer cannot be shown again. */
@ExtendWith(VertxExtension.class)
class DisplayLinkTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("a facilitator, or a co-facilitator, gets a new display link that opens the big screen; the first one still works")
  void newLinkOpensTheDisplay(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Partnership board");
    Api.Reply cofac = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Alex"),
        w.facilitatorToken());

    for (String facilitator : new String[] {w.facilitatorToken(), cofac.body().getString("token")}) {
      Api.Reply r = api.post("/api/workshops/" + w.id() + "/display", new JsonObject(), facilitator);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      String token = r.body().getString("displayToken");
      assertThat(r.body().getJsonObject("links").getString("display")).isEqualTo("/d/#" + token);
      JsonObject welcome = node.welcome(vertx, token);
      assertThat(welcome.getJsonObject("you").getString("role")).isEqualTo("display");
      assertThat(welcome.getJsonObject("state").getJsonObject("workshop").getString("title")).isEqualTo("Partnership board");
    }
    assertThat(node.welcome(vertx, w.displayToken()).getJsonObject("you").getString("role")).isEqualTo("display");
  }

  @Test
  @DisplayName("only this workshop's facilitators get a display link: 401 without a token, 403 for a participant or another workshop")
  void onlyFacilitators(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Crisis café");
    Api.Created other = api.create("Another workshop");
    String participant = api.join(w.joinCode(), "Sam", null);
    String path = "/api/workshops/" + w.id() + "/display";

    assertThat(api.post(path, new JsonObject(), null).status()).isEqualTo(401);
    assertThat(api.post(path, new JsonObject(), participant).status()).isEqualTo(403);
    assertThat(api.post(path, new JsonObject(), w.displayToken()).status()).isEqualTo(403);
    Api.Reply foreign = api.post(path, new JsonObject(), other.facilitatorToken());
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.error().getString("code")).isEqualTo("FORBIDDEN");
  }

  @Test
  @DisplayName("a deleted workshop gives no display link: its facilitator's token opens nothing (401), and the first display link is dead too")
  void deletedWorkshop(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Short-lived");
    assertThat(api.request(io.vertx.core.http.HttpMethod.DELETE, "/api/workshops/" + w.id(), null,
        Api.auth(w.facilitatorToken()), null).status()).isEqualTo(204);

    Api.Reply r = api.post("/api/workshops/" + w.id() + "/display", new JsonObject(), w.facilitatorToken());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error().getString("code")).isEqualTo("UNAUTHENTICATED");
    // That nothing of it comes back through a new token is the store's part: AddTokenTest.purged.
    try (WsClient display = node.connect(vertx)) {
      display.send(new JsonObject().put("t", "hello").put("token", w.displayToken()));
      assertThat(display.awaitClose()).isEqualTo((short) 4401);
    }
  }
}
