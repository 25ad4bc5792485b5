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

/** Dot votes, polls and raised hands, as seen by the voters, the other people in the room and the facilitator. */
@ExtendWith(VertxExtension.class)
class VotingPollsHandsE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  // ---------------------------------------------------------------- votes

  private static Api.Created votingWorkshop(Api api, int budget) {
    return api.create(new JsonObject().put("title", "Dot voting")
        .put("settings", new JsonObject().put("votesPerParticipant", budget))
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Choose").put("minutes", 5)
            .put("allow", new JsonArray().add("contribute").add("vote")))));
  }

  @Test
  @DisplayName("votes: cast and retract answer the remaining budget; votes.changed carries totals only and by null to everyone")
  void castAndRetract(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = votingWorkshop(api, 2);
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.connect(vertx);
         WsClient k = node.connect(vertx)) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      String kimId = k.hello(kim).getJsonObject("you").getString("participantId");
      String c1 = id(s.call("contribution.add", text("a crisis line that answers")));
      String c2 = id(k.call("contribution.add", text("peer workers on every ward")));

      JsonObject first = ok(k.call("vote.cast", target(c1)));
      assertThat(first.getJsonObject("result").getMap()).isEqualTo(Map.of("remaining", 1));
      for (WsClient c : List.of(fac, s, k)) {
        JsonObject ev = evSeq(c, first.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("votes.changed");
        assertThat(ev.getValue("by")).as("nobody learns who voted").isNull();
        assertThat(ev.getJsonObject("data").getMap()).isEqualTo(Map.of("targetId", c1, "votes", 1));
      }
      JsonObject second = ok(k.call("vote.cast", target(c1)));
      assertThat(second.getJsonObject("result").getInteger("remaining")).isZero();
      assertThat(evSeq(s, second.getLong("seq")).getJsonObject("data").getInteger("votes")).as("two dots on one").isEqualTo(2);

      JsonObject over = k.call("vote.cast", target(c2));
      refused(over, "LIMIT");

      JsonObject back = ok(k.call("vote.retract", target(c1)));
      assertThat(back.getJsonObject("result").getInteger("remaining")).isEqualTo(1);
      assertThat(evSeq(fac, back.getLong("seq")).getJsonObject("data").getMap()).isEqualTo(Map.of("targetId", c1, "votes", 1));
      JsonObject moved = ok(k.call("vote.cast", target(c2)));
      assertThat(moved.getJsonObject("result").getInteger("remaining")).isZero();
      JsonObject samVote = ok(s.call("vote.cast", target(c1)));
      assertThat(samVote.getJsonObject("result").getInteger("remaining")).as("Sam has a budget of their own").isEqualTo(1);
      assertThat(evSeq(k, samVote.getLong("seq")).getJsonObject("data").getInteger("votes")).as("the total of everyone").isEqualTo(2);
      JsonObject nothing = ok(s.call("vote.retract", target(c2)));
      assertThat(nothing.getValue("seq")).as("no vote of Sam's to take back").isNull();
      assertThat(nothing.getJsonObject("result").getInteger("remaining")).isEqualTo(1);
      refused(s.call("vote.cast", target("nope")), "NOT_FOUND");

      JsonObject kimState = node.welcome(vertx, kim).getJsonObject("state");
      assertThat(kimState.getJsonObject("yourVotes").getMap()).isEqualTo(Map.of(c1, 1, c2, 1));
      JsonObject samState = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(samState.getJsonObject("yourVotes").getMap()).isEqualTo(Map.of(c1, 1));
      JsonObject facState = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state");
      assertThat(facState.getJsonObject("yourVotes").getMap()).isEmpty();
      for (JsonObject state : List.of(kimState, samState, facState)) {
        assertThat(contribution(state, c1).getInteger("votes")).isEqualTo(2);
        assertThat(contribution(state, c2).getInteger("votes")).isEqualTo(1);
      }
      for (WsClient c : List.of(fac, s, k)) {
        for (JsonObject ev : c.events()) {
          if (!"votes.changed".equals(ev.getString("name"))) continue;
          assertThat(ev.encode()).doesNotContain("\"" + samId + "\"").doesNotContain("\"" + kimId + "\"");
        }
      }
    }
  }

  // ---------------------------------------------------------------- polls

  @Test
  @DisplayName("polls: answers from two people are tallied for everyone, a changed answer replaces the old, a closed poll is PHASE_CLOSED")
  void pollLifecycle(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Polls");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String kim = api.join(w.joinCode(), "Kim", "professionals");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.connect(vertx);
         WsClient k = node.connect(vertx);
         WsClient display = node.join(vertx, w.displayToken())) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      String kimId = k.hello(kim).getJsonObject("you").getString("participantId");

      JsonObject opened = ok(fac.call("poll.open", new JsonObject().put("question", "Was today useful?")
          .put("options", new JsonArray().add("Not really").add("Somewhat").add("Very"))));
      String pollId = opened.getJsonObject("result").getString("id");
      for (WsClient c : List.of(s, k, display)) {
        JsonObject ev = evSeq(c, opened.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("poll.opened");
        JsonObject poll = ev.getJsonObject("data").getJsonObject("poll");
        assertThat(poll.getString("id")).isEqualTo(pollId);
        assertThat(poll.getString("question")).isEqualTo("Was today useful?");
        assertThat(poll.getJsonArray("options").getList()).containsExactly("Not really", "Somewhat", "Very");
        assertThat(poll.getString("status")).isEqualTo("open");
        assertThat(poll.getJsonArray("counts").getList()).containsExactly(0, 0, 0);
      }

      JsonObject a1 = ok(s.call("poll.answer", answer(pollId, 1)));
      assertThat(tally(display, a1)).containsExactly(0, 1, 0);
      JsonObject a2 = ok(k.call("poll.answer", answer(pollId, 2)));
      assertThat(tally(s, a2)).containsExactly(0, 1, 1);
      JsonObject changed = ok(s.call("poll.answer", answer(pollId, 2)));
      assertThat(tally(k, changed)).as("Sam's new answer replaces the old").containsExactly(0, 0, 2);
      assertThat(ok(s.call("poll.answer", answer(pollId, 2))).getValue("seq")).as("the same answer again").isNull();
      refused(s.call("poll.answer", answer(pollId, 3)), "INVALID");
      refused(s.call("poll.answer", answer("q999", 0)), "NOT_FOUND");
      refused(s.call("poll.open", new JsonObject().put("question", "Mine?")
          .put("options", new JsonArray().add("a").add("b"))), "FORBIDDEN");

      JsonObject stateOpen = node.welcome(vertx, sam).getJsonObject("state");
      JsonObject pollOpen = poll(stateOpen, pollId);
      assertThat(pollOpen.getString("status")).isEqualTo("open");
      assertThat(pollOpen.getJsonArray("counts").getList()).containsExactly(0, 0, 2);
      assertThat(pollOpen.fieldNames()).containsExactlyInAnyOrder("id", "question", "options", "status", "counts");

      JsonObject closed = ok(fac.call("poll.close", new JsonObject().put("id", pollId)));
      JsonObject closedEv = evSeq(k, closed.getLong("seq"));
      assertThat(closedEv.getString("name")).isEqualTo("poll.closed");
      assertThat(closedEv.getJsonObject("data").getJsonObject("poll").getString("status")).isEqualTo("closed");
      assertThat(closedEv.getJsonObject("data").getJsonObject("poll").getJsonArray("counts").getList()).containsExactly(0, 0, 2);
      refused(k.call("poll.answer", answer(pollId, 0)), "PHASE_CLOSED");
      assertThat(ok(fac.call("poll.close", new JsonObject().put("id", pollId))).getValue("seq")).isNull();

      for (String token : List.of(kim, w.facilitatorToken(), w.displayToken())) {
        JsonObject state = node.welcome(vertx, token).getJsonObject("state");
        JsonObject p = poll(state, pollId);
        assertThat(p.getString("status")).isEqualTo("closed");
        assertThat(p.getJsonArray("counts").getList()).containsExactly(0, 0, 2);
        assertThat(state.getJsonArray("polls").encode()).as("no one's answer in the state")
            .doesNotContain("\"" + samId + "\"").doesNotContain("\"" + kimId + "\"");
      }
      for (WsClient c : List.of(fac, s, k, display)) {
        for (JsonObject ev : c.events()) {
          if (!ev.getString("name").startsWith("poll.")) continue;
          if ("poll.tallied".equals(ev.getString("name"))) {
            assertThat(ev.getValue("by")).as("answers are anonymous").isNull();
            assertThat(ev.getJsonObject("data").fieldNames()).containsExactlyInAnyOrder("pollId", "counts");
          }
          assertThat(ev.encode()).doesNotContain("\"" + samId + "\"").doesNotContain("\"" + kimId + "\"");
        }
      }
    }
  }

  @Test
  @DisplayName("the ladder poll template opens the co-production ladder, bottom rung first")
  void ladderTemplate(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Ladder");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      JsonObject opened = ok(fac.call("poll.open", new JsonObject().put("template", "ladder")));
      JsonObject poll = evSeq(s, opened.getLong("seq")).getJsonObject("data").getJsonObject("poll");
      assertThat(poll.getString("question")).isEqualTo("How much are people like you involved in decisions here?");
      assertThat(poll.getJsonArray("options").getList()).containsExactly(
          "Coercing: others decide, and we have to go along with it",
          "Educating: they try to get us to agree with what is already decided",
          "Informing: we are told what has been decided",
          "Consulting: we are asked what we think, but they decide",
          "Engaging: we have more say, but they still decide",
          "Co-designing: we help plan and design things with them",
          "Co-producing: we decide and do things together as equal partners");
      assertThat(poll.getJsonArray("counts").getList()).containsExactly(0, 0, 0, 0, 0, 0, 0);
      JsonObject a = ok(s.call("poll.answer", answer(poll.getString("id"), 6)));
      assertThat(tally(fac, a)).containsExactly(0, 0, 0, 0, 0, 0, 1);
      refused(fac.call("poll.open", new JsonObject().put("template", "stairs")), "INVALID");
    }
  }

  // ---------------------------------------------------------------- hands

  @Test
  @DisplayName("hands: raise and lower keep a fair queue for everyone; hand.next gives the floor to the first; an empty queue is NOT_FOUND")
  void handsQueue(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Hands");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.connect(vertx);
         WsClient k = node.connect(vertx)) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      String kimId = k.hello(kim).getJsonObject("you").getString("participantId");

      assertThat(queue(k, ok(s.call("hand.raise", new JsonObject())))).containsExactly(samId);
      assertThat(queue(s, ok(k.call("hand.raise", new JsonObject())))).containsExactly(samId, kimId);
      assertThat(ok(s.call("hand.raise", new JsonObject())).getValue("seq")).as("a second raise changes nothing").isNull();
      assertThat(queue(fac, ok(s.call("hand.lower", new JsonObject())))).containsExactly(kimId);
      assertThat(ok(s.call("hand.lower", new JsonObject())).getValue("seq")).as("lowering a lowered hand").isNull();
      assertThat(queue(k, ok(s.call("hand.raise", new JsonObject())))).as("back of the queue").containsExactly(kimId, samId);
      assertThat(node.welcome(vertx, w.displayToken()).getJsonObject("state").getJsonArray("hands").getList())
          .containsExactly(kimId, samId);

      refused(s.call("hand.next", new JsonObject()), "FORBIDDEN");
      JsonObject next = ok(fac.call("hand.next", new JsonObject()));
      assertThat(next.getJsonObject("result").getString("participantId")).isEqualTo(kimId);
      for (WsClient c : List.of(fac, s, k)) {
        JsonObject floor = evSeq(c, next.getLong("seq"));
        assertThat(floor.getString("name")).isEqualTo("floor.given");
        assertThat(floor.getJsonObject("data").getString("participantId")).isEqualTo(kimId);
        JsonObject hands = evSeq(c, next.getLong("seq") - 1);
        assertThat(hands.getString("name")).isEqualTo("hands.changed");
        assertThat(hands.getJsonObject("data").getJsonArray("queue").getList()).containsExactly(samId);
      }
      JsonObject then = ok(fac.call("hand.next", new JsonObject()));
      assertThat(evSeq(k, then.getLong("seq")).getJsonObject("data").getString("participantId")).isEqualTo(samId);
      assertThat(evSeq(k, then.getLong("seq") - 1).getJsonObject("data").getJsonArray("queue").getList()).isEmpty();
      refused(fac.call("hand.next", new JsonObject()), "NOT_FOUND");
      assertThat(node.welcome(vertx, sam).getJsonObject("state").getJsonArray("hands").getList()).isEmpty();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static JsonObject target(String id) { return new JsonObject().put("targetId", id); }

  private static JsonObject answer(String pollId, int option) {
    return new JsonObject().put("pollId", pollId).put("option", option);
  }

  /** The counts of the poll.tallied an ack names, as another client got it. */
  private static List<Object> tally(WsClient c, JsonObject ack) {
    JsonObject ev = evSeq(c, ack.getLong("seq"));
    assertThat(ev.getString("name")).isEqualTo("poll.tallied");
    return ev.getJsonObject("data").getJsonArray("counts").getList();
  }

  /** The queue of the hands.changed an ack names, as another client got it. */
  private static List<Object> queue(WsClient c, JsonObject ack) {
    JsonObject ev = evSeq(c, ack.getLong("seq"));
    assertThat(ev.getString("name")).isEqualTo("hands.changed");
    return ev.getJsonObject("data").getJsonArray("queue").getList();
  }

  private static JsonObject contribution(JsonObject state, String id) {
    return state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no contribution " + id + " in " + state.encode()));
  }

  private static JsonObject poll(JsonObject state, String id) {
    return state.getJsonArray("polls").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no poll " + id + " in " + state.encode()));
  }
}
