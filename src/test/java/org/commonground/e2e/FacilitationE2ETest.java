package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.id;
import static org.commonground.support.Frames.ok;
import static org.commonground.support.Frames.refused;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
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
 * The facilitation fixes through the WebSocket, as the people in the room notice them: parking a post from its
 * card, the spotlight going dark, the floor to anyone, going back with the time left, next in the lobby,
 * accepting suggestions one after another, stories, and who may change themes.
 */
@ExtendWith(VertxExtension.class)
class FacilitationE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static JsonObject args() { return new JsonObject(); }

  private static JsonObject data(JsonObject ev) { return ev.getJsonObject("data"); }

  /** The ev frames a command caused, as {@code c} received them: from the first seq after {@code before} to the ack's. */
  private static List<JsonObject> caused(WsClient c, long before, JsonObject ack) {
    long last = ack.getLong("seq");
    evSeq(c, last);
    return c.events().stream().filter(e -> e.getLong("seq") > before && e.getLong("seq") <= last).toList();
  }

  private static long lastSeq(WsClient c) {
    List<JsonObject> evs = c.events();
    return evs.isEmpty() ? 0 : evs.get(evs.size() - 1).getLong("seq");
  }

  private static List<String> names(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("name")).toList();
  }

  private static JsonObject fresh(Vertx vertx, String token) { return node.welcome(vertx, token).getJsonObject("state"); }

  private static JsonObject byId(JsonArray items, String id) {
    return items.stream().map(JsonObject.class::cast).filter(x -> id.equals(x.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + items));
  }

  private static JsonObject phaseOf(JsonObject ev) { return data(ev).getJsonObject("phase"); }

  // ---------------------------------------------------------------- contribution.park

  @Test
  @DisplayName("park: the facilitator parks Sam's themed, voted, spotlit post from its card; everyone sees it in the parking lot, votes back, screen dark")
  void park(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Parking").put("phases", new JsonArray()
        .add(new JsonObject().put("title", "All").put("minutes", 30)
            .put("allow", new JsonArray().add("contribute").add("group").add("vote")))));
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim);
         WsClient display = node.join(vertx, w.displayToken())) {
      String off = id(s.call("contribution.add", text("Who pays for taxis after discharge?").put("anonymous", true)));
      String stays = id(s.call("contribution.add", text("Peer workers on every ward")));
      String theme = id(fac.call("theme.create", args().put("label", "Discharge")
          .put("contributionIds", new JsonArray().add(off).add(stays))));
      ok(k.call("vote.cast", args().put("targetId", off)));
      ok(k.call("vote.cast", args().put("targetId", off)));
      ok(fac.call("spotlight.set", args().put("type", "contribution").put("id", off)));
      refused(s.call("contribution.park", args().put("id", off)), "FORBIDDEN");
      long before = lastSeq(fac);

      JsonObject ack = ok(fac.call("contribution.park", args().put("id", off)));

      assertThat(ack.getJsonObject("result").getMap()).isEqualTo(Map.of("id", off));
      for (WsClient c : List.of(fac, s, k, display)) {
        List<JsonObject> evs = caused(c, before, ack);
        assertThat(names(evs)).containsExactly("votes.changed", "contribution.updated", "spotlight.changed");
        assertThat(data(evs.get(0)).getMap()).isEqualTo(Map.of("targetId", off, "votes", 0));
        JsonObject parked = data(evs.get(1)).getJsonObject("contribution");
        assertThat(parked.getString("kind")).isEqualTo("parking");
        assertThat(parked.getString("status")).isEqualTo("open");
        assertThat(parked.getValue("owner")).isNull();
        assertThat(parked.getValue("themeId")).isNull();
        assertThat(parked.getString("text")).isEqualTo("Who pays for taxis after discharge?");
        assertThat(parked.getBoolean("anonymous")).isTrue();
        assertThat(parked.getValue("author")).as("still anonymous").isNull();
        assertThat(evs).allSatisfy(e -> assertThat(e.encode()).doesNotContain(s.received().get(0)
            .getJsonObject("you").getString("participantId") + "\""));
        assertThat(data(evs.get(2)).getValue("spotlight")).isNull();
      }

      JsonObject samState = fresh(vertx, sam);
      assertThat(samState.getJsonArray("parking").getList()).containsExactly(off);
      assertThat(byId(samState.getJsonArray("themes"), theme).getJsonArray("contributionIds").getList()).containsExactly(stays);
      assertThat(byId(samState.getJsonArray("contributions"), off).getBoolean("mine")).isTrue();
      assertThat(samState.getValue("spotlight")).isNull();
      assertThat(fresh(vertx, kim).getJsonObject("yourVotes").getMap()).as("Kim has the votes back").isEmpty();
      assertThat(ok(k.call("vote.cast", args().put("targetId", stays))).getJsonObject("result").getInteger("remaining"))
          .isEqualTo(4);

      JsonObject again = ok(fac.call("contribution.park", args().put("id", off)));
      assertThat(again.getValue("seq")).as("already parked: nothing changes").isNull();
      JsonObject owned = ok(fac.call("parking.update", args().put("id", off).put("status", "handed-on")
          .put("owner", "Discharge team")));
      JsonObject updated = data(evSeq(s, owned.getLong("seq"))).getJsonObject("contribution");
      assertThat(updated.getString("status")).isEqualTo("handed-on");
      assertThat(updated.getString("owner")).isEqualTo("Discharge team");
      refused(fac.call("contribution.park", args().put("id", "c999")), "NOT_FOUND");
    }
  }

  // ---------------------------------------------------------------- spotlight

  @Test
  @DisplayName("spotlight: it goes dark when the agenda moves to another part and when the workshop ends")
  void spotlightEnds(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Spotlight");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient display = node.join(vertx, w.displayToken())) {
      ok(fac.call("phase.start", args()));
      String c = id(fac.call("contribution.add", text("On the big screen")));
      ok(fac.call("spotlight.set", args().put("type", "contribution").put("id", c)));
      long before = lastSeq(fac);

      JsonObject moved = ok(fac.call("phase.next", args()));
      List<JsonObject> evs = caused(display, before, moved);
      assertThat(names(evs)).containsExactly("phase.changed", "spotlight.changed");
      assertThat(data(evs.get(1)).containsKey("spotlight")).isTrue();
      assertThat(data(evs.get(1)).getValue("spotlight")).isNull();
      assertThat(fresh(vertx, w.displayToken()).getValue("spotlight")).isNull();

      String q = ok(fac.call("poll.open", args().put("template", "ladder"))).getJsonObject("result").getString("id");
      ok(fac.call("spotlight.set", args().put("type", "poll").put("id", q)));
      ok(fac.call("timer.pause", args()));
      assertThat(fresh(vertx, w.displayToken()).getJsonObject("spotlight").getString("id"))
          .as("pausing the timer leaves it").isEqualTo(q);
      before = lastSeq(fac);
      JsonObject ended = ok(fac.call("workshop.end", args()));
      assertThat(names(caused(display, before, ended))).containsExactly("spotlight.changed", "workshop.ended");
      assertThat(fresh(vertx, w.displayToken()).getValue("spotlight")).isNull();
    }
  }

  // ---------------------------------------------------------------- floor.give, hand.lower

  @Test
  @DisplayName("hands: the facilitator gives the floor to the third in the queue and lowers the first's hand; a participant cannot")
  void floorAndHands(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Hands");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    String alex = api.join(w.joinCode(), "Alex", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.connect(vertx);
         WsClient k = node.connect(vertx);
         WsClient a = node.connect(vertx)) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      String kimId = k.hello(kim).getJsonObject("you").getString("participantId");
      String alexId = a.hello(alex).getJsonObject("you").getString("participantId");
      ok(fac.call("phase.start", args()));
      long before = 0;
      // The last raise's seq, not what the facilitator has heard so far: its events may still be on their way.
      for (WsClient c : List.of(s, k, a)) before = ok(c.call("hand.raise", args())).getLong("seq");

      JsonObject given = ok(fac.call("floor.give", args().put("participantId", alexId)));

      assertThat(given.getJsonObject("result").getMap()).isEqualTo(Map.of("participantId", alexId));
      List<JsonObject> evs = caused(a, before, given);
      assertThat(names(evs)).containsExactly("hands.changed", "floor.given");
      assertThat(data(evs.get(0)).getJsonArray("queue").getList()).containsExactly(samId, kimId);
      assertThat(data(evs.get(1)).getString("participantId")).isEqualTo(alexId);

      JsonObject again = fac.call("floor.give", args().put("participantId", alexId));
      refused(again, "NOT_FOUND");
      assertThat(again.getString("message")).isEqualTo(
          "That person does not have their hand up now. Give the floor to someone who is in the queue.");
      JsonObject notYours = k.call("hand.lower", args().put("participantId", samId));
      refused(notYours, "FORBIDDEN");
      assertThat(notYours.getString("message")).contains("your own hand");
      refused(k.call("floor.give", args().put("participantId", samId)), "FORBIDDEN");

      JsonObject lowered = ok(fac.call("hand.lower", args().put("participantId", samId)));
      JsonObject ev = evSeq(s, lowered.getLong("seq"));
      assertThat(ev.getString("name")).isEqualTo("hands.changed");
      assertThat(data(ev).getJsonArray("queue").getList()).containsExactly(kimId);
      assertThat(ok(fac.call("hand.lower", args().put("participantId", samId))).getValue("seq"))
          .as("already down").isNull();
      ok(k.call("hand.lower", args()));
      assertThat(fresh(vertx, w.facilitatorToken()).getJsonArray("hands")).isEmpty();
    }
  }

  // ---------------------------------------------------------------- agenda

  @Test
  @DisplayName("agenda: next in the lobby starts part 1; back to it later continues with the time it had left, not its full time")
  void backKeepsTime(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Back");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      JsonObject first = ok(fac.call("phase.next", args().put("from", -1)));
      assertThat(first.getJsonObject("result").getInteger("index")).as("part 1, not part 2").isZero();
      JsonObject started = phaseOf(evSeq(s, first.getLong("seq") - 1));
      assertThat(started.getInteger("index")).isZero();
      assertThat(started.getString("status")).isEqualTo("running");
      assertThat(data(evSeq(s, first.getLong("seq"))).getJsonObject("workshop").getString("status")).isEqualTo("running");

      // Part 1 loses 4 of its 10 minutes, then the agenda moves on and comes back.
      JsonObject shortened = ok(fac.call("timer.extend", args().put("seconds", -240)));
      long endsAt = phaseOf(evSeq(s, shortened.getLong("seq"))).getLong("endsAt");
      JsonObject next = ok(fac.call("phase.next", args().put("from", 0)));
      JsonObject two = phaseOf(evSeq(s, next.getLong("seq")));
      assertThat(two.getInteger("index")).isEqualTo(1);
      long leftWhenLeft = endsAt - two.getLong("startedAt");
      JsonObject back = ok(fac.call("phase.prev", args().put("from", 1)));
      JsonObject one = phaseOf(evSeq(s, back.getLong("seq")));

      assertThat(one.getInteger("index")).isZero();
      assertThat(one.getLong("endsAt") - one.getLong("startedAt")).as("the time part 1 had left when it was left")
          .isEqualTo(leftWhenLeft).isLessThanOrEqualTo(6 * 60_000L);
      JsonObject welcome = fresh(vertx, sam).getJsonObject("phase");
      assertThat(welcome.getLong("endsAt")).isEqualTo(one.getLong("endsAt"));

      JsonObject toThree = ok(fac.call("phase.goto", args().put("index", 2)));
      JsonObject three = phaseOf(evSeq(s, toThree.getLong("seq")));
      assertThat(three.getLong("endsAt") - three.getLong("startedAt")).as("never started: full time").isEqualTo(20 * 60_000L);
    }
  }

  @Test
  @DisplayName("agenda: two facilitators pressing next in the lobby at once start part 1 once")
  void lobbyNextTwice(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Two at the start");
    Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken());
    assertThat(co.status()).as(co.text()).isEqualTo(201);
    try (WsClient f1 = node.join(vertx, w.facilitatorToken());
         WsClient f2 = node.join(vertx, co.body().getString("token"))) {
      // One console sends from -1 (the lobby); the other sends no from, and has not yet seen the start.
      f2.pause();
      JsonObject a1 = ok(f1.call("phase.next", args().put("from", -1)));
      String r2 = f2.cmd("phase.next", args());
      f2.resume();
      JsonObject a2 = ok(f2.reply(r2));
      JsonObject a3 = ok(f1.call("phase.next", args().put("from", -1)));

      assertThat(a1.getValue("seq")).isNotNull();
      assertThat(a2.getValue("seq")).as("Jo's press meant the same start: %s", a2.encode()).isNull();
      assertThat(a3.getValue("seq")).as("a stale press from the lobby").isNull();
      assertThat(fresh(vertx, w.facilitatorToken()).getJsonObject("phase").getInteger("index")).isZero();
    }
  }

  // ---------------------------------------------------------------- themes.accept {ids}

  @Test
  @DisplayName("suggestions: accepting the one beside each button, one after another, makes exactly that theme each time")
  void acceptById(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Accept one by one");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      for (String t : List.of("tea in mugs", "tea at night", "quiet room", "quiet music", "parking free", "parking near")) {
        id(s.call("contribution.add", text(t)));
      }
      ok(fac.call("themes.suggest", args()));
      JsonArray offered = data(fac.seen(f -> "themes.suggested".equals(f.getString("name")))).getJsonArray("suggestions");
      assertThat(offered).hasSize(3);
      assertThat(fresh(vertx, w.facilitatorToken()).getJsonArray("suggestions")).isEqualTo(offered);
      JsonObject second = offered.getJsonObject(1);
      JsonObject third = offered.getJsonObject(2);

      JsonObject a = ok(fac.call("themes.accept", args().put("ids", new JsonArray().add(second.getString("id")))));
      JsonObject b = ok(fac.call("themes.accept", args().put("ids", new JsonArray().add(third.getString("id")))));

      JsonObject state = fresh(vertx, sam);
      String t1 = a.getJsonObject("result").getJsonArray("themeIds").getString(0);
      String t2 = b.getJsonObject("result").getJsonArray("themeIds").getString(0);
      assertThat(byId(state.getJsonArray("themes"), t1).getString("label")).isEqualTo(second.getString("label"));
      assertThat(byId(state.getJsonArray("themes"), t2).getString("label")).isEqualTo(third.getString("label"));
      assertThat(state.getJsonArray("suggestions").getList()).as("the first is still offered, with its id")
          .containsExactly(offered.getJsonObject(0).getMap());
      JsonObject left = data(evSeq(s, b.getLong("seq")));
      assertThat(left.getJsonArray("suggestions")).containsExactly(offered.getJsonObject(0));

      JsonObject stale = fac.call("themes.accept", args().put("ids", new JsonArray().add(second.getString("id"))));
      refused(stale, "NOT_FOUND");
      assertThat(stale.getString("message"))
          .isEqualTo("That suggestion is no longer on the list. Look again at the suggestions.");
      assertThat(fresh(vertx, sam).getJsonArray("themes")).hasSize(2);
    }
  }

  // ---------------------------------------------------------------- story, themeEditing

  @Test
  @DisplayName("story: a participant posts a story of lived experience; everyone sees kind story, and the CSV report lists it")
  void story(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Stories");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      JsonObject ack = ok(s.call("contribution.add", text("My mum waited six weeks for a care package")
          .put("kind", "story")));
      assertThat(data(evSeq(fac, ack.getLong("seq"))).getJsonObject("contribution").getString("kind")).isEqualTo("story");
      refused(s.call("contribution.add", text("x").put("kind", "anecdote")), "INVALID");

      Api.Reply csv = api.get("/api/workshops/" + w.id() + "/report?format=csv", w.facilitatorToken());
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.text()).contains("\"Story\",\"\",\"\",\"My mum waited six weeks for a care package\"");
    }
  }

  @Test
  @DisplayName("themeEditing: by default a participant may group but not rename, merge or delete; set to everyone, they may")
  void themeEditing(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Who edits themes").put("template", "reflective-practice"));
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      JsonObject settings = fresh(vertx, sam).getJsonObject("workshop").getJsonObject("settings");
      assertThat(settings.getString("themeEditing")).isEqualTo("facilitators");
      String c1 = id(s.call("contribution.add", text("I felt unheard")));
      String mine = id(s.call("theme.create", args().put("label", "Feelings").put("contributionIds", new JsonArray().add(c1))));
      String other = id(fac.call("theme.create", args().put("label", "Other")));
      for (JsonObject[] cmd : List.of(
          new JsonObject[] {new JsonObject().put("n", "theme.rename"), args().put("id", mine).put("label", "Being heard")},
          new JsonObject[] {new JsonObject().put("n", "theme.merge"), args().put("ids", new JsonArray().add(mine).add(other)).put("label", "All")},
          new JsonObject[] {new JsonObject().put("n", "theme.delete"), args().put("id", mine)})) {
        JsonObject err = s.call(cmd[0].getString("n"), cmd[1]);
        refused(err, "FORBIDDEN");
        assertThat(err.getString("message")).isEqualTo("Only the facilitator can rename, merge or delete themes in this workshop.");
      }

      JsonObject updated = ok(fac.call("workshop.update", args().put("settings", args().put("themeEditing", "everyone"))));
      assertThat(data(evSeq(s, updated.getLong("seq"))).getJsonObject("workshop").getJsonObject("settings")
          .getString("themeEditing")).isEqualTo("everyone");
      JsonObject renamed = ok(s.call("theme.rename", args().put("id", mine).put("label", "Being heard")));
      assertThat(data(evSeq(fac, renamed.getLong("seq"))).getJsonObject("theme").getString("label")).isEqualTo("Being heard");
      ok(s.call("theme.delete", args().put("id", other)));
      refused(fac.call("workshop.update", args().put("settings", args().put("themeEditing", "anyone"))), "INVALID");

      Api.Created everyone = api.create(new JsonObject().put("title", "Open").put("settings",
          new JsonObject().put("themeEditing", "everyone")));
      assertThat(fresh(vertx, everyone.facilitatorToken()).getJsonObject("workshop").getJsonObject("settings")
          .getString("themeEditing")).isEqualTo("everyone");
    }
  }
}
