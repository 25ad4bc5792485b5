package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.ok;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.commonground.language.WelshOrEnglish;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A workshop run in Welsh, and Welsh and English posts side by side, as people on two server nodes see them. */
@ExtendWith(VertxExtension.class)
class WelshE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  static final LiveNode other = node.sibling();

  private static final String WELSH_POST = "Doedd dim gofal yn y cartref am wythnos ar ôl i Mam adael yr ysbyty.";
  private static final String ENGLISH_POST = "Nobody told us when Dad was being sent home from the ward.";

  @Test
  @DisplayName("created in Welsh: the agenda, its prompts, the facilitator's name and the ladder poll are in Welsh")
  void workshopInWelsh(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Mynd adref o'r ysbyty").put("lang", "cy"));
    Api.Reply preview = api.get("/api/join/" + w.joinCode());
    assertThat(preview.body().getString("lang")).as("the join page can open in Welsh").isEqualTo("cy");
    assertThat(preview.body().getJsonArray("stakeholderGroups").getJsonObject(1).getString("label"))
        .isEqualTo("Gofalwyr a theulu");
    String sam = api.join(w.joinCode(), "Siân", "carers");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = other.join(vertx, sam)) {
      JsonObject state = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(state.getJsonObject("workshop").getJsonObject("settings").getString("lang")).isEqualTo("cy");
      JsonObject first = state.getJsonArray("phases").getJsonObject(0);
      assertThat(first.getString("title")).isEqualTo("Dechrau arni");
      assertThat(first.getString("prompt")).isEqualTo(
          "Beth sydd bwysicaf i chi am bwnc heddiw? Ysgrifennwch un syniad ar y tro.");
      assertThat(state.getJsonArray("participants").getJsonObject(0).getString("name")).isEqualTo("Hwylusydd");

      JsonObject opened = ok(fac.call("poll.open", new JsonObject().put("template", "ladder")));
      JsonObject poll = evSeq(s, opened.getLong("seq")).getJsonObject("data").getJsonObject("poll");
      assertThat(poll.getString("question")).isEqualTo(
          "Faint o lais sydd gan bobl fel chi yn y penderfyniadau sy'n cael eu gwneud yma?");
      assertThat(poll.getJsonArray("options").getString(0)).startsWith("Gorfodi: ");

      JsonObject english = ok(fac.call("poll.open", new JsonObject().put("template", "ladder").put("lang", "en")));
      assertThat(evSeq(s, english.getLong("seq")).getJsonObject("data").getJsonObject("poll").getString("question"))
          .isEqualTo("How much are people like you involved in decisions here?");
      assertThat(fac.call("poll.open", new JsonObject().put("template", "ladder").put("lang", "fr"))
          .getString("code")).isEqualTo("INVALID");
    }
  }

  @Test
  @DisplayName("a facilitatorName given at creation is the creator's name; a bad lang is 400 INVALID")
  void facilitatorNameAndBadLang(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Gofal yn y cartref").put("lang", "cy")
        .put("facilitatorName", "Rhiannon"));
    JsonObject state = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state");
    assertThat(state.getJsonArray("participants").getJsonObject(0).getString("name")).isEqualTo("Rhiannon");
    Api.Reply bad = api.post("/api/workshops", new JsonObject().put("title", "t").put("lang", "fr"), null);
    Api.assertError(bad, 400, "INVALID", "lang");
  }

  @Test
  @DisplayName("each post carries the language it is in, the same for everyone on either node, and an edit updates it")
  void postsCarryTheirLanguage(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Leaving hospital");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient s = node.join(vertx, sam);
         WsClient k = other.join(vertx, kim)) {
      // The workshop's first command (the joins above) starts loading the models; until they are in, a post is not held for them.
      Await.until(vertx, Duration.ofSeconds(60), "the language models to load", WelshOrEnglish::ready);
      JsonObject cy = ok(s.call("contribution.add", text(WELSH_POST)));
      JsonObject en = ok(k.call("contribution.add", text(ENGLISH_POST)));
      JsonObject shortOne = ok(s.call("contribution.add", text("ok")));
      for (WsClient c : List.of(s, k)) {
        assertThat(langOf(evSeq(c, cy.getLong("seq")))).isEqualTo("cy");
        assertThat(langOf(evSeq(c, en.getLong("seq")))).isEqualTo("en");
        assertThat(langOf(evSeq(c, shortOne.getLong("seq")))).as("too short to tell").isNull();
      }
      String cyId = cy.getJsonObject("result").getString("id");
      JsonObject edited = ok(s.call("contribution.edit", text("No care at home for a week after Mum left hospital.")
          .put("id", cyId)));
      JsonObject updated = evSeq(k, edited.getLong("seq"));
      assertThat(updated.getString("name")).isEqualTo("contribution.updated");
      assertThat(langOf(updated)).isEqualTo("en");

      for (LiveNode n : List.of(node, other)) {
        JsonArray contributions = n.welcome(vertx, kim).getJsonObject("state").getJsonArray("contributions");
        assertThat(contributions.stream().map(o -> ((JsonObject) o).getValue("lang")).toList())
            .containsExactly("en", "en", null);
      }
    }
  }

  private static String langOf(JsonObject ev) {
    JsonObject c = ev.getJsonObject("data").getJsonObject("contribution");
    assertThat(c.containsKey("lang")).as("lang is always there, null when not known").isTrue();
    return c.getString("lang");
  }
}
