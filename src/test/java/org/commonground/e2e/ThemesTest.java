package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Grouping, suggestions and placement help as the room sees them (with a predictable stand-in engine). */
@ExtendWith(VertxExtension.class)
class ThemesTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static JsonObject args() { return new JsonObject(); }

  private static String post(WsClient c, String text) {
    return c.call("contribution.add", args().put("text", text)).getJsonObject("result").getString("id");
  }

  @Test
  @DisplayName("participants group only where the phase allows it; a theme takes its notes out of any other; deleting loses none")
  void manualGrouping(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Grouping");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      String tea = post(s, "tea in proper mugs");
      String sofa = post(s, "a sofa not plastic chairs");
      JsonObject closed = s.call("theme.create", args().put("label", "Comfort").put("contributionIds", new JsonArray().add(sofa)));
      assertThat(closed.getString("code")).isEqualTo("PHASE_CLOSED");

      fac.call("phase.goto", args().put("index", 1));
      JsonObject created = s.call("theme.create", args().put("label", "Comfort").put("contributionIds", new JsonArray().add(sofa).add(tea)));
      String comfort = created.getJsonObject("result").getString("id");
      JsonObject food = fac.call("theme.create", args().put("label", "Food").put("contributionIds", new JsonArray().add(tea)));
      String foodId = food.getJsonObject("result").getString("id");
      JsonObject theme = s.eventOf(food).getJsonObject("data").getJsonObject("theme");
      assertThat(theme.getJsonArray("contributionIds")).containsExactly(tea);

      JsonObject state = fresh(vertx, w.facilitatorToken());
      assertThat(themeIn(state, comfort).getJsonArray("contributionIds")).containsExactly(sofa);
      assertThat(contributionIn(state, tea).getString("themeId")).isEqualTo(foodId);

      JsonObject moved = s.call("contribution.move", args().put("id", sofa).put("themeId", foodId));
      assertThat(s.eventOf(moved).getJsonObject("data")).isEqualTo(args().put("id", sofa).put("themeId", foodId));
      fac.call("theme.delete", args().put("id", foodId));
      state = fresh(vertx, sam);
      assertThat(state.getJsonArray("contributions")).hasSize(2);
      assertThat(contributionIn(state, tea).getValue("themeId")).isNull();
      assertThat(contributionIn(state, sofa).getValue("themeId")).isNull();
      assertThat(s.call("theme.delete", args().put("id", comfort)).getString("code")).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  @DisplayName("suggestions reach everyone, move nothing until accepted, and accepting never undoes grouping done by hand")
  void suggestAndAccept(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Suggestions");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      String tea1 = post(s, "tea in proper mugs");
      String tea2 = post(s, "tea at 2am please");
      String quiet1 = post(s, "quiet room to calm down");
      String quiet2 = post(s, "quiet music not the telly");
      assertThat(s.call("themes.suggest", args()).getString("code")).isEqualTo("FORBIDDEN");

      JsonObject ack = fac.call("themes.suggest", args());
      assertThat(ack.getString("t")).isEqualTo("ack");
      JsonArray suggestions = s.seen(f -> "ev".equals(f.getString("t")) && "themes.suggested".equals(f.getString("name")))
          .getJsonObject("data").getJsonArray("suggestions");
      assertThat(suggestions).hasSize(2);
      assertThat(fresh(vertx, sam).getJsonArray("themes")).isEmpty();

      // Someone groups one of the tea notes by hand before the facilitator accepts.
      String mine = fac.call("theme.create", args().put("label", "Late night").put("contributionIds", new JsonArray().add(tea2)))
          .getJsonObject("result").getString("id");
      JsonObject accepted = fac.call("themes.accept", args());
      assertThat(accepted.getJsonObject("result").getJsonArray("themeIds")).hasSize(2);

      JsonObject state = fresh(vertx, w.facilitatorToken());
      assertThat(contributionIn(state, tea2).getString("themeId")).isEqualTo(mine);
      String teaTheme = contributionIn(state, tea1).getString("themeId");
      assertThat(themeIn(state, teaTheme).getJsonArray("contributionIds")).containsExactly(tea1);
      assertThat(themeIn(state, teaTheme).getBoolean("suggested")).isTrue();
      assertThat(contributionIn(state, quiet1).getString("themeId")).isEqualTo(contributionIn(state, quiet2).getString("themeId"));
      assertThat(state.getJsonArray("suggestions")).isEmpty();
    }
  }

  @Test
  @DisplayName("unthemed contributions carry the themes that fit them, updated as people group")
  void placementHelp(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Placement");
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      String a = post(fac, "tea in proper mugs");
      String b = post(fac, "more tea please");
      String food = fac.call("theme.create", args().put("label", "tea").put("contributionIds", new JsonArray().add(a)))
          .getJsonObject("result").getString("id");
      JsonObject placed = fac.seen(f -> "placement.updated".equals(f.getString("name")));
      assertThat(placed.getJsonObject("data").getJsonObject("fits").getJsonArray(b)).containsExactly(food);
      assertThat(placed.getValue("by")).isNull();
      assertThat(contributionIn(fresh(vertx, w.facilitatorToken()), b).getJsonArray("fits")).containsExactly(food);

      fac.call("contribution.move", args().put("id", b).put("themeId", food));
      assertThat(contributionIn(fresh(vertx, w.facilitatorToken()), b).containsKey("fits")).isFalse();
    }
  }

  @Test
  @DisplayName("when the theme engine cannot load, themes.suggest says so clearly and everything else works")
  void engineUnavailable(Vertx vertx) {
    try (TestRedis own = new TestRedis();
         TestNode broken = TestNode.start(own.url(), c -> c, () -> {
           throw new IllegalStateException("model file missing");
         })) {
      Api.Created w = broken.api(vertx).create("No engine");
      try (WsClient fac = WsClient.join(vertx, broken.port(), w.facilitatorToken())) {
        String id = post(fac, "still works");
        JsonObject err = fac.call("themes.suggest", args());
        assertThat(err.getString("code")).isEqualTo("INTERNAL");
        assertThat(err.getString("message")).contains("unavailable").contains("model file missing");
        assertThat(fac.call("theme.create", args().put("label", "Manual").put("contributionIds", new JsonArray().add(id)))
            .getString("t")).isEqualTo("ack");
      }
    }
  }

  private static JsonObject fresh(Vertx vertx, String token) { return node.welcome(vertx, token).getJsonObject("state"); }

  private static JsonObject themeIn(JsonObject state, String id) {
    return state.getJsonArray("themes").stream().map(JsonObject.class::cast).filter(t -> t.getString("id").equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("no theme " + id + " in " + state.getJsonArray("themes")));
  }

  private static JsonObject contributionIn(JsonObject state, String id) {
    return state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
  }

}
