package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class LiveWorkshopTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("a participant's post reaches everyone, and the sender gets the ev before the ack")
  void postReachesEveryone(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Crisis café");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient p = node.join(vertx, sam)) {
      String ref = p.cmd("contribution.add", text("  tea!!  "));
      JsonObject ack = p.reply(ref);
      assertThat(ack.getString("t")).as(ack.encode()).isEqualTo("ack");
      List<JsonObject> frames = p.received();
      int evAt = -1;
      int ackAt = -1;
      for (int i = 0; i < frames.size(); i++) {
        JsonObject f = frames.get(i);
        if ("ev".equals(f.getString("t")) && f.getLong("seq").equals(ack.getLong("seq"))) evAt = i;
        if (ref.equals(f.getString("ref"))) ackAt = i;
      }
      assertThat(evAt).as("ev before ack").isGreaterThanOrEqualTo(0).isLessThan(ackAt);
      JsonObject ev = fac.awaitEvent("contribution.added");
      JsonObject c = ev.getJsonObject("data").getJsonObject("contribution");
      assertThat(c.getString("text")).isEqualTo("tea!!");
      assertThat(c.getString("group")).isEqualTo("carers");
      assertThat(ev.getString("by")).isEqualTo(c.getString("author"));
      assertThat(ack.getJsonObject("result").getString("id")).isEqualTo(c.getString("id"));
    }
  }

  @Test
  @DisplayName("an anonymous post names nobody in any event or state, facilitators included; only its author sees it as theirs")
  void anonymousStaysAnonymous(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Anonymity");
    String alex = api.join(w.joinCode(), "Alex", "experts-by-experience");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient a = node.join(vertx, alex)) {
      JsonObject ack = a.call("contribution.add", text("I felt judged at the door").put("anonymous", true));
      String id = ack.getJsonObject("result").getString("id");
      a.call("contribution.edit", new JsonObject().put("id", id).put("text", "I felt judged at the front door"));
      a.call("reaction.toggle", new JsonObject().put("contributionId", id).put("reaction", "heart"));
      fac.awaitEvent("contribution.reacted");
      for (JsonObject ev : fac.events()) {
        if (ev.getString("name").startsWith("contribution.")) {
          assertThat(ev.getValue("by")).as("by of %s", ev.getString("name")).isNull();
          JsonObject c = ev.getJsonObject("data").getJsonObject("contribution");
          if (c != null) {
            assertThat(c.getValue("author")).isNull();
            assertThat(c.getValue("group")).isNull();
            assertThat(c.getBoolean("anonymous")).isTrue();
          }
        }
      }
      assertThat(fac.received().toString()).doesNotContain("experts-by-experience\",\"anonymous");
      JsonObject facState = rejoin(vertx, w.facilitatorToken());
      JsonObject mine = rejoin(vertx, alex);
      JsonObject inFac = contribution(facState, id);
      assertThat(inFac.getValue("author")).isNull();
      assertThat(inFac.getBoolean("mine")).isFalse();
      assertThat(contribution(mine, id).getBoolean("mine")).isTrue();
      a.call("contribution.withdraw", new JsonObject().put("id", id));
      JsonObject removed = fac.awaitEvent("contribution.removed");
      assertThat(removed.getValue("by")).isNull();
    }
  }

  @Test
  @DisplayName("authors edit and withdraw their own posts; facilitators hide and unhide; everyone sees it happen")
  void editWithdrawHideUnhide(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Moderation");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", "professionals");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      String id = s.call("contribution.add", text("no jargon pls").put("kind", "question"))
          .getJsonObject("result").getString("id");
      assertThat(s.call("contribution.edit", new JsonObject().put("id", id).put("text", "no jargon please"))
          .getString("t")).isEqualTo("ack");
      JsonObject updated = k.awaitEvent("contribution.updated");
      assertThat(updated.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo("no jargon please");
      assertThat(updated.getJsonObject("data").getJsonObject("contribution").getLong("editedAt")).isNotNull();

      JsonObject forbidden = k.call("contribution.edit", new JsonObject().put("id", id).put("text", "mine now"));
      assertThat(forbidden.getString("code")).isEqualTo("FORBIDDEN");

      fac.call("contribution.hide", new JsonObject().put("id", id).put("reason", "off topic"));
      JsonObject hidden = k.awaitEvent("contribution.removed");
      assertThat(hidden.getJsonObject("data").getString("id")).isEqualTo(id);
      assertThat(contributionOrNull(rejoin(vertx, kim), id)).isNull();
      assertThat(contribution(rejoin(vertx, w.facilitatorToken()), id).getBoolean("hidden")).isTrue();

      fac.call("contribution.unhide", new JsonObject().put("id", id));
      JsonObject back = k.awaitEvent("contribution.added");
      assertThat(back.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo("no jargon please");

      s.call("contribution.withdraw", new JsonObject().put("id", id));
      k.await(f -> "ev".equals(f.getString("t")) && "contribution.removed".equals(f.getString("name"))
          && f.getLong("seq") > hidden.getLong("seq"));
      assertThat(contributionOrNull(rejoin(vertx, w.facilitatorToken()), id)).as("withdrawn is gone for good").isNull();
      assertThat(fac.call("contribution.unhide", new JsonObject().put("id", id)).getString("code")).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  @DisplayName("a command sent again with the same ref, even on a new connection, is applied once and answered alike")
  void sameRefAppliedOnce(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Idempotency");
    String sam = api.join(w.joinCode(), "Sam", null);
    JsonObject first;
    try (WsClient s = node.join(vertx, sam)) {
      s.cmd("same-ref", "contribution.add", text("only once"));
      first = s.reply("same-ref");
    }
    try (WsClient s = node.join(vertx, sam)) {
      s.cmd("same-ref", "contribution.add", text("only once"));
      JsonObject again = s.reply("same-ref");
      assertThat(again).isEqualTo(first);
      s.cmd("withdraw-ref", "contribution.withdraw", new JsonObject().put("id", first.getJsonObject("result").getString("id")));
      JsonObject w1 = s.reply("withdraw-ref");
      s.cmd("withdraw-ref", "contribution.withdraw", new JsonObject().put("id", first.getJsonObject("result").getString("id")));
      assertThat(s.reply("withdraw-ref")).as("a resent withdraw is not NOT_FOUND").isEqualTo(w1);
    }
    JsonObject state = rejoin(vertx, w.facilitatorToken());
    assertThat(state.getJsonArray("contributions")).isEmpty();
  }

  @Test
  @DisplayName("presence tells who came online and who left; the welcome state marks them online")
  void presence(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Presence");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      String samId;
      try (WsClient s = node.join(vertx, sam)) {
        samId = "p2";
        JsonObject joined = fac.await(f -> "presence".equals(f.getString("t")) && f.getJsonArray("joined").contains(samId));
        assertThat(joined.getInteger("online")).isEqualTo(2);
        JsonArray participants = rejoin(vertx, w.facilitatorToken()).getJsonArray("participants");
        assertThat(participants.stream().map(JsonObject.class::cast)
            .filter(p -> p.getString("id").equals(samId)).findFirst().orElseThrow().getBoolean("online")).isTrue();
      }
      JsonObject left = fac.await(f -> "presence".equals(f.getString("t")) && f.getJsonArray("left").contains(samId));
      assertThat(left.getInteger("online")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a co-facilitator added over HTTP can moderate; a scribe entry carries the named person")
  void coFacilitatorAndScribe(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Co-facilitation");
    Api.Reply r = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken());
    assertThat(r.status()).isEqualTo(201);
    try (WsClient jo = node.join(vertx, r.body().getString("token"))) {
      JsonObject ack = jo.call("contribution.add", text("we need a quiet room")
          .put("onBehalfOf", new JsonObject().put("name", "Pat (on the phone)").put("group", "carers")));
      assertThat(ack.getString("t")).as(ack.encode()).isEqualTo("ack");
      JsonObject c = jo.eventOf(ack).getJsonObject("data").getJsonObject("contribution");
      assertThat(c.getJsonObject("onBehalfOf").getString("name")).isEqualTo("Pat (on the phone)");
      assertThat(c.getString("group")).isEqualTo("carers");
      assertThat(jo.call("contribution.hide", new JsonObject().put("id", c.getString("id"))).getString("t")).isEqualTo("ack");
    }
  }

  @Test
  @DisplayName("commands sent right behind the hello, before the welcome arrives, are applied, not refused")
  void commandsPipelinedBehindHello(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Pipelining");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient s = node.connect(vertx)) {
      s.send(new JsonObject().put("t", "hello").put("token", sam));
      for (int i = 0; i < 5; i++) s.cmd("early-" + i, "contribution.add", text("outbox item " + i));
      for (int i = 0; i < 5; i++) assertThat(s.reply("early-" + i).getString("t")).isEqualTo("ack");
    }
  }

  @Test
  @DisplayName("before joining, the code shows the workshop's title and its own stakeholder groups; a wrong code shows nothing")
  void joinPreview(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Carers' café").put("settings", new JsonObject()
        .put("anonymity", "always")
        .put("stakeholderGroups", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "young").put("label", "Young carers")))));
    Api.Reply preview = api.get("/api/join/" + w.joinCode().toLowerCase());
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().getString("title")).isEqualTo("Carers' café");
    assertThat(preview.body().getString("anonymity")).isEqualTo("always");
    assertThat(preview.body().getJsonArray("stakeholderGroups").getJsonObject(0).getString("label")).isEqualTo("Young carers");
    assertThat(preview.text()).doesNotContain(w.facilitatorToken()).doesNotContain("p1");
    assertThat(api.get("/api/join/AAAAAA").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a person's own poll answers and reactions come back in their welcome, and nobody else's")
  void ownChoicesInWelcome(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Own choices");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      String id = fac.call("contribution.add", text("tea")).getJsonObject("result").getString("id");
      String poll = fac.call("poll.open", new JsonObject().put("template", "ladder")).getJsonObject("result").getString("id");
      s.call("poll.answer", new JsonObject().put("pollId", poll).put("option", 4));
      s.call("reaction.toggle", new JsonObject().put("contributionId", id).put("reaction", "heart"));
      JsonObject mine = rejoin(vertx, sam);
      assertThat(mine.getJsonObject("yourAnswers").getInteger(poll)).isEqualTo(4);
      assertThat(mine.getJsonObject("yourReactions").getJsonArray(id)).containsExactly("heart");
      JsonObject theirs = rejoin(vertx, w.facilitatorToken());
      assertThat(theirs.getJsonObject("yourAnswers")).isEmpty();
      assertThat(theirs.getJsonObject("yourReactions")).isEmpty();
    }
  }

  private static JsonObject rejoin(Vertx vertx, String token) {
    try (WsClient c = node.connect(vertx)) {
      return c.hello(token).getJsonObject("state");
    }
  }

  private static JsonObject contribution(JsonObject state, String id) {
    JsonObject c = contributionOrNull(state, id);
    assertThat(c).as("contribution %s in state", id).isNotNull();
    return c;
  }

  private static JsonObject contributionOrNull(JsonObject state, String id) {
    return state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id)).findFirst().orElse(null);
  }
}
