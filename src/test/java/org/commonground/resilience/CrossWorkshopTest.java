package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workshops are walled off from each other: nothing of one workshop (its tokens, its ids) reaches into
 * another. Ids are per workshop (c1, t1, q1, p2…), so an id of B can name something else in A; these use
 * ids B has and A has not.
 */
@ExtendWith(VertxExtension.class)
class CrossWorkshopTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  /** A fresh welcome's state, without presence (who is online is no part of what commands change). */
  static JsonObject stateOf(Vertx vertx, LiveNode node, String facilitatorToken) {
    JsonObject state = node.welcome(vertx, facilitatorToken).getJsonObject("state").copy();
    for (Object p : state.getJsonArray("participants")) ((JsonObject) p).remove("online");
    return state;
  }

  /** Workshop B: more of everything than A, so B's higher ids name nothing in A. */
  private record Busy(Api.Created w, String bea, String beaText) {}

  private static Busy busyWorkshop(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created b = api.create(new JsonObject().put("title", "Workshop B")
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Everything").put("minutes", 30)
            .put("allow", new JsonArray().add("contribute").add("group").add("vote").add("react").add("poll").add("hand")))));
    String bea = null;
    for (int i = 0; i < 5; i++) {
      String t = api.join(b.joinCode(), "Bea from B " + i, null);
      if (bea == null) bea = t;
    }
    try (WsClient fac = node.join(vertx, b.facilitatorToken());
         WsClient p = node.join(vertx, bea)) {
      for (int i = 1; i <= 8; i++) p.call("contribution.add", text("secret of B number " + i));
      for (int i = 0; i < 3; i++) {
        fac.call("theme.create", new JsonObject().put("label", "B theme " + i)
            .put("contributionIds", new JsonArray().add("c" + (i + 1))));
      }
      fac.call("poll.open", new JsonObject().put("template", "ladder"));
      fac.call("poll.open", new JsonObject().put("question", "B's question").put("options", new JsonArray().add("x").add("y")));
    }
    return new Busy(b, bea, "secret of B number");
  }

  @Test
  @DisplayName("a token of workshop A opens nothing of workshop B over HTTP, whatever A's role: its report, co-facilitators "
      + "and deletion answer 403, a token re-addressed to B 401, and B is unchanged")
  void tokensAreWalledOff(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created a = api.create("Workshop A");
    String aParticipant = api.join(a.joinCode(), "Ann", null);
    Busy b = busyWorkshop(vertx);
    String bId = b.w().id();
    JsonObject before = stateOf(vertx, node, b.w().facilitatorToken());
    Http http = new Http(vertx, node.port());

    for (String token : List.of(aParticipant, a.displayToken(), a.facilitatorToken())) {
      Map<String, String> auth = Api.auth(token);
      String role = token.equals(aParticipant) ? "A's participant" : token.equals(a.displayToken()) ? "A's display" : "A's facilitator";
      for (String format : List.of("md", "json", "csv")) {
        Http.Response r = http.send(HttpMethod.GET, "/api/workshops/" + bId + "/report?format=" + format, null, auth);
        assertThat(r.status()).as("%s on B's %s report: %s", role, format, r.body()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(b.beaText());
      }
      Http.Response co = http.send(HttpMethod.POST, "/api/workshops/" + bId + "/facilitators",
          new JsonObject().put("name", "Intruder").encode(), auth);
      assertThat(co.status()).as("%s adding a co-facilitator to B: %s", role, co.body()).isEqualTo(403);
      Http.Response del = http.send(HttpMethod.DELETE, "/api/workshops/" + bId, null, auth);
      assertThat(del.status()).as("%s deleting B: %s", role, del.body()).isEqualTo(403);
    }
    // A token's secret under B's id is no token of B.
    for (String token : List.of(aParticipant, a.facilitatorToken())) {
      String readdressed = bId + token.substring(token.indexOf('.'));
      Http.Response r = http.send(HttpMethod.GET, "/api/workshops/" + bId + "/report", null, Api.auth(readdressed));
      assertThat(r.status()).as("a token of A re-addressed to B: %s", r.body()).isEqualTo(401);
      try (WsClient c = node.connect(vertx)) {
        c.send(new JsonObject().put("t", "hello").put("token", readdressed));
        assertThat(c.awaitClose()).isEqualTo((short) 4401);
      }
    }
    assertThat(stateOf(vertx, node, b.w().facilitatorToken())).isEqualTo(before);
    assertThat(api.get("/api/workshops/" + bId + "/report?format=json", b.w().facilitatorToken()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a hello with A's token only ever shows A: its welcome, its events and its presence, however busy B is")
  void helloShowsOnlyItsOwnWorkshop(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created a = api.create("Workshop A");
    String ann = api.join(a.joinCode(), "Ann of A", null);
    Busy b = busyWorkshop(vertx);
    for (String token : List.of(ann, a.facilitatorToken(), a.displayToken())) {
      try (WsClient c = node.connect(vertx);
           WsClient bFac = node.join(vertx, b.w().facilitatorToken());
           WsClient bea = node.join(vertx, b.bea())) {
        JsonObject welcome = c.hello(token);
        assertThat(welcome.getJsonObject("state").getJsonObject("workshop").getString("id")).isEqualTo(a.id());
        // B carries on, loudly.
        bea.call("contribution.add", text("more from B"));
        bFac.call("phase.start", new JsonObject());
        api.join(b.w().joinCode(), "Late Bea from B", null);
        // A barrier: once A's own next event arrives, anything of B would have come before it.
        long seq = fromA(vertx, a).getLong("seq");
        c.awaitEventSeq(seq);
        String all = c.received().toString();
        assertThat(all).doesNotContain(b.w().id()).doesNotContain(b.beaText()).doesNotContain("more from B")
            .doesNotContain("from B").doesNotContain("B theme").doesNotContain("B's question");
        assertThat(c.events()).allMatch(e -> e.getLong("seq") <= seq);
      }
    }
  }

  private static JsonObject fromA(Vertx vertx, Api.Created a) {
    try (WsClient fac = node.join(vertx, a.facilitatorToken())) {
      return fac.call("contribution.add", text("a note in A"));
    }
  }

  @Test
  @DisplayName("ids that exist only in workshop B, used in commands in workshop A, are NOT_FOUND and change neither workshop")
  void otherWorkshopsIdsAreNotFound(Vertx vertx) {
    Api api = node.api(vertx);
    // Participants may rename themes in A (themeEditing everyone), so a rename of B's theme is refused for its id.
    Api.Created a = api.create(new JsonObject().put("title", "Workshop A")
        .put("settings", new JsonObject().put("themeEditing", "everyone"))
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Everything").put("minutes", 30)
            .put("allow", new JsonArray().add("contribute").add("group").add("vote").add("react").add("poll").add("hand")))));
    String ann = api.join(a.joinCode(), "Ann", null);
    Busy b = busyWorkshop(vertx);
    try (WsClient fac = node.join(vertx, a.facilitatorToken());
         WsClient p = node.join(vertx, ann)) {
      p.call("contribution.add", text("A's first"));
      p.call("contribution.add", text("A's second"));
      fac.call("theme.create", new JsonObject().put("label", "A theme").put("contributionIds", new JsonArray().add("c1")));
      JsonObject aBefore = stateOf(vertx, node, a.facilitatorToken());
      JsonObject bBefore = stateOf(vertx, node, b.w().facilitatorToken());

      // c7, t3, q2 and p6 are B's; A has c1-c2, t1, no poll, p1-p2.
      record Try(WsClient as, String name, JsonObject args) {}
      List<Try> tries = List.of(
          new Try(p, "contribution.edit", new JsonObject().put("id", "c7").put("text", "rewritten")),
          new Try(p, "contribution.withdraw", new JsonObject().put("id", "c7")),
          new Try(p, "reaction.toggle", new JsonObject().put("contributionId", "c7").put("reaction", "agree")),
          new Try(p, "vote.cast", new JsonObject().put("targetId", "c7")),
          new Try(p, "vote.cast", new JsonObject().put("targetId", "t3")),
          new Try(p, "contribution.move", new JsonObject().put("id", "c7").put("themeId", "t1")),
          new Try(p, "contribution.move", new JsonObject().put("id", "c2").put("themeId", "t3")),
          new Try(p, "theme.rename", new JsonObject().put("id", "t3").put("label", "renamed")),
          new Try(p, "poll.answer", new JsonObject().put("pollId", "q2").put("option", 0)),
          new Try(fac, "contribution.hide", new JsonObject().put("id", "c7")),
          new Try(fac, "contribution.unhide", new JsonObject().put("id", "c7")),
          new Try(fac, "theme.delete", new JsonObject().put("id", "t3")),
          new Try(fac, "theme.merge", new JsonObject().put("ids", new JsonArray().add("t1").add("t3")).put("label", "merged")),
          new Try(fac, "theme.create", new JsonObject().put("label", "stolen").put("contributionIds", new JsonArray().add("c7"))),
          new Try(fac, "poll.close", new JsonObject().put("id", "q2")),
          new Try(fac, "spotlight.set", new JsonObject().put("type", "contribution").put("id", "c7")),
          new Try(fac, "spotlight.set", new JsonObject().put("type", "theme").put("id", "t3")),
          new Try(fac, "spotlight.set", new JsonObject().put("type", "poll").put("id", "q2")),
          new Try(fac, "parking.update", new JsonObject().put("id", "c7").put("status", "revisited")),
          new Try(fac, "contribution.park", new JsonObject().put("id", "c7")),
          new Try(fac, "floor.give", new JsonObject().put("participantId", "p6")),
          new Try(fac, "participant.remove", new JsonObject().put("id", "p6")));
      for (Try t : tries) {
        JsonObject reply = t.as().call(t.name(), t.args());
        assertThat(reply.getString("t")).as("%s %s in A: %s", t.name(), t.args(), reply).isEqualTo("err");
        assertThat(reply.getString("code")).as("%s %s in A: %s", t.name(), t.args(), reply).isEqualTo("NOT_FOUND");
      }
      assertThat(stateOf(vertx, node, a.facilitatorToken())).isEqualTo(aBefore);
      assertThat(stateOf(vertx, node, b.w().facilitatorToken())).isEqualTo(bBefore);
    }
  }
}
