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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agenda as the people in the room notice it: phases start and move for everyone at once, the
 * timer counts down from what the server says, ready flags, and two facilitators pressing "next"
 * together (on one node, and on two nodes sharing one Redis).
 */
@ExtendWith(VertxExtension.class)
class AgendaE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  static final LiveNode other = node.sibling();

  // ---------------------------------------------------------------- starting and the timer

  @Test
  @DisplayName("phase.start: everyone gets phase.changed (running, endsAt = startedAt + minutes) and workshop.updated running")
  void phaseStartReachesEveryone(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Agenda start");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.connect(vertx);
         WsClient p = node.connect(vertx);
         WsClient display = node.connect(vertx)) {
      JsonObject facWelcome = fac.hello(w.facilitatorToken());
      p.hello(sam);
      display.hello(w.displayToken());
      long base = facWelcome.getLong("seq");
      assertThat(facWelcome.getJsonObject("state").getJsonObject("workshop").getString("status")).isEqualTo("lobby");
      assertThat(facWelcome.getJsonObject("state").getJsonObject("phase").getString("status")).isEqualTo("pending");

      JsonObject ack = ok(fac.call("phase.start", new JsonObject()));
      long last = ack.getLong("seq");
      JsonObject reference = null;
      for (WsClient c : List.of(fac, p, display)) {
        JsonObject changed = evAfter(c, "phase.changed", base);
        JsonObject updated = evAfter(c, "workshop.updated", base);
        assertThat(changed.getLong("seq")).isLessThanOrEqualTo(last);
        assertThat(updated.getLong("seq")).isLessThanOrEqualTo(last);
        assertThat(Math.max(changed.getLong("seq"), updated.getLong("seq"))).as("ack names the last event").isEqualTo(last);
        JsonObject phase = changed.getJsonObject("data").getJsonObject("phase");
        assertThat(phase.getInteger("index")).isZero();
        assertThat(phase.getString("status")).isEqualTo("running");
        assertThat(phase.getLong("endsAt") - phase.getLong("startedAt")).as("10 minutes of Getting started")
            .isEqualTo(10 * 60_000L);
        assertThat(phase.getLong("remainingMs")).as("remaining as of the event's ts")
            .isEqualTo(phase.getLong("endsAt") - changed.getLong("ts"))
            .isBetween(1L, 10 * 60_000L);
        JsonObject workshop = updated.getJsonObject("data").getJsonObject("workshop");
        assertThat(workshop.getString("status")).isEqualTo("running");
        assertThat(workshop.getString("id")).isEqualTo(w.id());
        if (reference == null) reference = changed;
        else assertThat(changed).as("the same frame for everyone").isEqualTo(reference);
      }
      assertThat(ok(fac.call("phase.start", new JsonObject())).getValue("seq"))
          .as("starting a running phase changes nothing").isNull();

      // Someone who joins late sees the running phase and the server's clock, so their countdown matches.
      String kim = api.join(w.joinCode(), "Kim", null);
      JsonObject late = node.welcome(vertx, kim);
      JsonObject state = late.getJsonObject("state");
      JsonObject phase = state.getJsonObject("phase");
      JsonObject started = reference.getJsonObject("data").getJsonObject("phase");
      assertThat(state.getJsonObject("workshop").getString("status")).isEqualTo("running");
      assertThat(phase.getString("status")).isEqualTo("running");
      assertThat(phase.getInteger("index")).isZero();
      assertThat(phase.getLong("startedAt")).isEqualTo(started.getLong("startedAt"));
      assertThat(phase.getLong("endsAt")).isEqualTo(started.getLong("endsAt"));
      assertThat(late.getLong("serverTime")).isNotNull().isGreaterThanOrEqualTo(started.getLong("startedAt"));
      assertThat(phase.getLong("remainingMs")).as("countdown from serverTime")
          .isEqualTo(Math.max(0, phase.getLong("endsAt") - late.getLong("serverTime")));
      assertThat(titles(state.getJsonArray("phases"))).containsExactly("Getting started",
          "Sharing ideas", "Choosing what matters most");
    }
  }

  @Test
  @DisplayName("timer.pause/resume/extend reach everyone; a negative extension never takes the time below zero")
  void pauseResumeExtend(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Timer").put("phases", new JsonArray()
        .add(new JsonObject().put("title", "Warm-up").put("minutes", 1))
        .add(new JsonObject().put("title", "Main").put("minutes", 2))));
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient p = node.join(vertx, sam)) {
      long startSeq = ok(fac.call("phase.start", new JsonObject())).getLong("seq");
      JsonObject started = phaseOf(evAfter(p, "phase.changed", 0));
      assertThat(started.getLong("endsAt") - started.getLong("startedAt")).isEqualTo(60_000L);
      evSeq(p, startSeq);

      JsonObject pausedEv = both(fac, p, ok(fac.call("timer.pause", new JsonObject())));
      JsonObject paused = phaseOf(pausedEv);
      assertThat(paused.getString("status")).isEqualTo("paused");
      assertThat(paused.getInteger("index")).isZero();
      assertThat(paused.getValue("endsAt")).as("a paused phase has no end").isNull();
      assertThat(paused.getLong("startedAt")).isEqualTo(started.getLong("startedAt"));
      assertThat(paused.getLong("remainingMs")).isBetween(0L, 60_000L)
          .isEqualTo(Math.max(0, started.getLong("endsAt") - pausedEv.getLong("ts")));
      assertThat(ok(fac.call("timer.pause", new JsonObject())).getValue("seq")).as("pausing twice changes nothing").isNull();
      JsonObject pausedState = node.welcome(vertx, sam).getJsonObject("state").getJsonObject("phase");
      assertThat(pausedState.getString("status")).as("a late joiner sees the clock stopped").isEqualTo("paused");
      assertThat(pausedState.getValue("endsAt")).isNull();
      assertThat(pausedState.getLong("remainingMs")).isEqualTo(paused.getLong("remainingMs"));

      JsonObject resumedEv = both(fac, p, ok(fac.call("timer.resume", new JsonObject())));
      JsonObject resumed = phaseOf(resumedEv);
      assertThat(resumed.getString("status")).isEqualTo("running");
      assertThat(resumed.getLong("startedAt")).isEqualTo(started.getLong("startedAt"));
      assertThat(resumed.getLong("endsAt") - resumedEv.getLong("ts")).as("the time left when paused")
          .isEqualTo(paused.getLong("remainingMs"));
      assertThat(resumed.getLong("remainingMs")).isEqualTo(paused.getLong("remainingMs"));

      JsonObject extended = phaseOf(both(fac, p, ok(fac.call("timer.extend", new JsonObject().put("seconds", 60)))));
      assertThat(extended.getString("status")).isEqualTo("running");
      assertThat(extended.getLong("endsAt")).as("one more minute").isEqualTo(resumed.getLong("endsAt") + 60_000L);

      JsonObject cutEv = both(fac, p, ok(fac.call("timer.extend", new JsonObject().put("seconds", -600))));
      JsonObject cut = phaseOf(cutEv);
      assertThat(cut.getString("status")).isEqualTo("running");
      assertThat(cut.getLong("remainingMs")).as("never below zero").isZero();
      assertThat(cut.getLong("endsAt")).as("ends now, not in the past").isEqualTo(cutEv.getLong("ts"));

      JsonObject pausedAtZero = phaseOf(both(fac, p, ok(fac.call("timer.pause", new JsonObject()))));
      assertThat(pausedAtZero.getLong("remainingMs")).isZero();
      JsonObject reply = fac.call("timer.extend", new JsonObject().put("seconds", -60));
      if (reply.getValue("seq") != null) {
        assertThat(phaseOf(both(fac, p, ok(reply))).getLong("remainingMs")).as("paused: never below zero").isZero();
      }
      JsonObject more = phaseOf(both(fac, p, ok(fac.call("timer.extend", new JsonObject().put("seconds", 30)))));
      assertThat(more.getString("status")).isEqualTo("paused");
      assertThat(more.getLong("remainingMs")).isEqualTo(30_000L);
      JsonObject goingEv = both(fac, p, ok(fac.call("timer.resume", new JsonObject())));
      assertThat(phaseOf(goingEv).getLong("endsAt") - goingEv.getLong("ts")).isEqualTo(30_000L);

      assertThat(ok(fac.call("timer.extend", new JsonObject().put("seconds", 0))).getValue("seq")).isNull();
      refused(fac.call("timer.extend", new JsonObject().put("seconds", 3601)), "INVALID");
      refused(fac.call("timer.extend", new JsonObject().put("seconds", -601)), "INVALID");
      refused(p.call("timer.pause", new JsonObject()), "FORBIDDEN");
      refused(p.call("timer.extend", new JsonObject().put("seconds", 60)), "FORBIDDEN");
    }
  }

  // ---------------------------------------------------------------- moving between phases

  @Test
  @DisplayName("only facilitators move the agenda: a participant's phase.next is FORBIDDEN and nothing moves")
  void participantCannotMove(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Who steers");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient p = node.join(vertx, sam)) {
      ok(fac.call("phase.start", new JsonObject()));
      refused(p.call("phase.next", new JsonObject()), "FORBIDDEN");
      refused(p.call("phase.goto", new JsonObject().put("index", 2)), "FORBIDDEN");
      refused(p.call("phase.start", new JsonObject()), "FORBIDDEN");
      JsonObject state = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(state.getJsonObject("phase").getInteger("index")).isZero();
      assertThat(p.events().stream().filter(e -> "phase.changed".equals(e.getString("name"))).count())
          .as("only the start moved anything").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("phase.next on the last phase, phase.prev on the first and goto out of range are INVALID")
  void agendaBounds(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Bounds");
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      ok(fac.call("phase.start", new JsonObject()));
      refused(fac.call("phase.prev", new JsonObject()), "INVALID");
      refused(fac.call("phase.goto", new JsonObject().put("index", 3)), "INVALID");
      refused(fac.call("phase.goto", new JsonObject().put("index", -1)), "INVALID");
      JsonObject last = fac.eventOf(ok(fac.call("phase.goto", new JsonObject().put("index", 2))));
      assertThat(phaseOf(last).getInteger("index")).isEqualTo(2);
      JsonObject next = fac.call("phase.next", new JsonObject());
      refused(next, "INVALID");
      JsonObject state = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state");
      assertThat(state.getJsonObject("phase").getInteger("index")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("icic-3-phase: voting is PHASE_CLOSED in phases 0 and 1 and opens when the facilitator reaches phase 2")
  void votingOpensInThirdPhase(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "ICIC").put("template", "icic-3-phase"));
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      String id = ok(s.call("contribution.add", text("peer support in A&E"))).getJsonObject("result").getString("id");
      refused(k.call("vote.cast", new JsonObject().put("targetId", id)), "PHASE_CLOSED");
      ok(fac.call("phase.start", new JsonObject()));
      refused(k.call("vote.cast", new JsonObject().put("targetId", id)), "PHASE_CLOSED");
      JsonObject toOne = ok(fac.call("phase.next", new JsonObject()));
      assertThat(phaseOf(evSeq(k, toOne.getLong("seq"))).getInteger("index")).isEqualTo(1);
      refused(k.call("vote.cast", new JsonObject().put("targetId", id)), "PHASE_CLOSED");
      JsonObject toTwo = ok(fac.call("phase.next", new JsonObject()));
      JsonObject changed = evSeq(k, toTwo.getLong("seq"));
      assertThat(phaseOf(changed).getInteger("index")).isEqualTo(2);
      assertThat(phaseOf(changed).getLong("endsAt") - phaseOf(changed).getLong("startedAt")).isEqualTo(20 * 60_000L);
      JsonObject vote = ok(k.call("vote.cast", new JsonObject().put("targetId", id)));
      assertThat(vote.getJsonObject("result").getInteger("remaining")).isEqualTo(4);
      JsonObject votes = evSeq(s, vote.getLong("seq"));
      assertThat(votes.getString("name")).isEqualTo("votes.changed");
      assertThat(votes.getJsonObject("data").getInteger("votes")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("nothing posted is lost across phase changes: every contribution is still in a fresh welcome, with its phase")
  void contributionsSurvivePhaseChanges(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Continuity");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      List<String> ids = new ArrayList<>();
      ids.add(id(s.call("contribution.add", text("posted in the lobby"))));
      ok(fac.call("phase.start", new JsonObject()));
      ids.add(id(k.call("contribution.add", text("posted in phase 0").put("kind", "question"))));
      ok(fac.call("phase.next", new JsonObject()));
      ids.add(id(s.call("contribution.add", text("posted in phase 1").put("anonymous", true))));
      ids.add(id(fac.call("contribution.add", text("scribed in phase 1")
          .put("onBehalfOf", new JsonObject().put("name", "Pat")))));
      ok(fac.call("phase.next", new JsonObject()));
      ids.add(id(k.call("contribution.add", text("take this home").put("kind", "takeaway"))));
      ok(fac.call("phase.prev", new JsonObject()));
      long last = ok(fac.call("phase.goto", new JsonObject().put("index", 0))).getLong("seq");

      Map<String, Integer> expectedPhase = Map.of(ids.get(0), 0, ids.get(1), 0, ids.get(2), 1, ids.get(3), 1,
          ids.get(4), 2);
      for (String token : List.of(w.displayToken(), kim, w.facilitatorToken())) {
        JsonObject welcome = node.welcome(vertx, token);
        assertThat(welcome.getLong("seq")).isGreaterThanOrEqualTo(last);
        JsonObject state = welcome.getJsonObject("state");
        assertThat(state.getJsonObject("phase").getInteger("index")).isZero();
        Map<String, Integer> phases = state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
            .collect(Collectors.toMap(c -> c.getString("id"), c -> c.getInteger("phase")));
        assertThat(phases).as("for %s", welcome.getJsonObject("you").getString("role")).isEqualTo(expectedPhase);
      }
      // and everyone connected saw every one of them arrive live
      evSeq(s, last);
      assertThat(s.events().stream().filter(e -> "contribution.added".equals(e.getString("name")))
          .map(e -> e.getJsonObject("data").getJsonObject("contribution").getString("id")).toList())
          .containsExactlyElementsOf(ids);
    }
  }

  // ---------------------------------------------------------------- ready

  @Test
  @DisplayName("ready.set: only a count is shared (by null), yourReady is in one's own welcome, a phase change resets it to 0")
  void readyCount(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Ready");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.connect(vertx);
         WsClient k = node.connect(vertx)) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      String kimId = k.hello(kim).getJsonObject("you").getString("participantId");

      JsonObject one = ok(s.call("ready.set", new JsonObject().put("ready", true)));
      for (WsClient c : List.of(fac, s, k)) {
        JsonObject ev = evSeq(c, one.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("ready.changed");
        assertThat(ev.getValue("by")).as("nobody learns who is ready").isNull();
        assertThat(ev.getJsonObject("data").getMap()).isEqualTo(Map.of("count", 1));
      }
      JsonObject two = ok(k.call("ready.set", new JsonObject().put("ready", true)));
      assertThat(evSeq(fac, two.getLong("seq")).getJsonObject("data").getInteger("count")).isEqualTo(2);
      assertThat(ok(s.call("ready.set", new JsonObject().put("ready", true))).getValue("seq"))
          .as("ready again changes nothing").isNull();

      JsonObject samState = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(samState.getBoolean("yourReady")).isTrue();
      assertThat(samState.getInteger("readyCount")).isEqualTo(2);
      JsonObject facState = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state");
      assertThat(facState.getBoolean("yourReady")).isFalse();
      assertThat(facState.getInteger("readyCount")).isEqualTo(2);

      JsonObject less = ok(k.call("ready.set", new JsonObject().put("ready", false)));
      assertThat(evSeq(s, less.getLong("seq")).getJsonObject("data").getInteger("count")).isEqualTo(1);
      assertThat(node.welcome(vertx, kim).getJsonObject("state").getBoolean("yourReady")).isFalse();

      ok(k.call("ready.set", new JsonObject().put("ready", true)));
      ok(fac.call("phase.start", new JsonObject()));
      assertThat(node.welcome(vertx, kim).getJsonObject("state").getInteger("readyCount"))
          .as("phase.start resets ready flags, as docs/protocol.md's facilitator table says").isZero();
      ok(s.call("ready.set", new JsonObject().put("ready", true)));
      long started = ok(k.call("ready.set", new JsonObject().put("ready", true))).getLong("seq");
      long moved = ok(fac.call("phase.next", new JsonObject())).getLong("seq");
      for (WsClient c : List.of(fac, s, k)) {
        evSeq(c, moved);
        List<JsonObject> caused = c.events().stream()
            .filter(e -> e.getLong("seq") > started && e.getLong("seq") <= moved).toList();
        assertThat(caused).extracting(e -> e.getString("name")).containsExactlyInAnyOrder("phase.changed", "ready.changed");
        for (JsonObject e : caused) {
          if ("ready.changed".equals(e.getString("name"))) {
            assertThat(e.getJsonObject("data").getInteger("count")).as("reset by the phase change").isZero();
            assertThat(e.getValue("by")).isNull();
          } else {
            assertThat(phaseOf(e).getInteger("index")).isEqualTo(1);
          }
        }
      }
      JsonObject after = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(after.getBoolean("yourReady")).isFalse();
      assertThat(after.getInteger("readyCount")).isZero();
      for (JsonObject ev : fac.events()) {
        if (ev.getString("name").startsWith("ready.")) {
          assertThat(ev.encode()).doesNotContain("\"" + samId + "\"").doesNotContain("\"" + kimId + "\"");
        }
      }
    }
  }

  // ---------------------------------------------------------------- two facilitators at once

  @Test
  @DisplayName("two facilitators on the same node pressing next at the same moment move the phase exactly once")
  void simultaneousNextSameNode(Vertx vertx) {
    simultaneousNext(vertx, node, node);
  }

  @Test
  @DisplayName("two facilitators on two nodes sharing one Redis pressing next at the same moment move the phase exactly once")
  void simultaneousNextTwoNodes(Vertx vertx) {
    simultaneousNext(vertx, node, other);
  }

  @Test
  @DisplayName("a facilitator who presses next before the other's move has reached their screen does not move the phase again")
  void nextCrossingTheOthersMove(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Crossing on the wire");
    Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken());
    assertThat(co.status()).as(co.text()).isEqualTo(201);
    try (WsClient f1 = node.join(vertx, w.facilitatorToken());
         WsClient f2 = other.join(vertx, co.body().getString("token"))) {
      long started = ok(f1.call("phase.start", new JsonObject())).getLong("seq");
      evSeq(f2, started);
      // Jo's connection is slow: what the server sends from now on has not reached Jo's screen yet.
      f2.pause();
      long moved = ok(f1.call("phase.next", new JsonObject())).getLong("seq");
      String ref = f2.cmd("phase.next", new JsonObject());
      assertThat(hasEventAfter(f2.received(), started)).as("Jo pressed next still looking at phase 0").isFalse();
      f2.resume();
      JsonObject second = ok(f2.reply(ref));
      long marker = ok(f1.call("contribution.add", text("marker"))).getLong("seq");
      evSeq(f2, marker);
      List<Integer> indexes = f2.events().stream()
          .filter(e -> e.getLong("seq") > started && "phase.changed".equals(e.getString("name")))
          .map(e -> phaseOf(e).getInteger("index")).toList();
      assertThat(indexes).as("Jo's next meant the same move as the other's (ack %s)", second.encode()).containsExactly(1);
      assertThat(second.getValue("seq")).isNull();
      assertThat(marker).isEqualTo(moved + 1);
    }
  }

  /** Rounds of both facilitators pressing next back to back, from phase 0 to the last one. */
  private static void simultaneousNext(Vertx vertx, LiveNode first, LiveNode second) {
    Api api = first.api(vertx);
    JsonArray phases = new JsonArray();
    int count = 5;
    for (int i = 0; i < count; i++) phases.add(new JsonObject().put("title", "Round " + i).put("minutes", 5));
    Api.Created w = api.create(new JsonObject().put("title", "Two at the helm").put("phases", phases));
    Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken());
    assertThat(co.status()).as(co.text()).isEqualTo(201);
    try (WsClient f1 = first.join(vertx, w.facilitatorToken());
         WsClient f2 = second.join(vertx, co.body().getString("token"))) {
      long seq = ok(f1.call("phase.start", new JsonObject())).getLong("seq");
      for (int round = 1; round < count; round++) {
        long before = seq;
        evSeq(f2, before); // both have seen the same phase
        String r1 = f1.cmd("phase.next", new JsonObject());
        String r2 = f2.cmd("phase.next", new JsonObject());
        // for the failure message: whether each had already received a move once both commands were out
        boolean f1HadMove = hasEventAfter(f1.received(), before);
        boolean f2HadMove = hasEventAfter(f2.received(), before);
        JsonObject a1 = f1.reply(r1);
        JsonObject a2 = f2.reply(r2);
        assertThat(List.of(a1.getString("t"), a2.getString("t"))).as("round %d: %s, %s (move already received: %s, %s)",
            round, a1.encode(), a2.encode(), f1HadMove, f2HadMove).containsOnly("ack");
        List<Object> seqs = new ArrayList<>();
        seqs.add(a1.getValue("seq"));
        seqs.add(a2.getValue("seq"));
        assertThat(seqs.stream().filter(x -> x == null).count())
            .as("round %d: one ack moved, the other had nothing to do: acks %s, %s (move already received when both "
                + "commands were out: first %s, second %s)", round, a1.encode(), a2.encode(), f1HadMove, f2HadMove)
            .isEqualTo(1);
        long moved = ((Number) seqs.stream().filter(x -> x != null).findFirst().orElseThrow()).longValue();
        assertThat(moved).isEqualTo(before + 1);
        // a marker behind both: once it arrives, everything the two presses caused has arrived too
        seq = ok(f1.call("contribution.add", text("marker " + round))).getLong("seq");
        assertThat(seq).as("round %d: nothing else happened between the move and the marker", round).isEqualTo(moved + 1);
        for (WsClient c : List.of(f1, f2)) {
          evSeq(c, seq);
          final long from = before;
          final long to = seq;
          List<JsonObject> changes = c.events().stream()
              .filter(e -> e.getLong("seq") > from && e.getLong("seq") <= to && "phase.changed".equals(e.getString("name")))
              .toList();
          assertThat(changes).as("round %d", round).hasSize(1);
          assertThat(phaseOf(changes.get(0)).getInteger("index")).isEqualTo(round);
        }
      }
      JsonObject state = second.welcome(vertx, w.facilitatorToken()).getJsonObject("state");
      assertThat(state.getJsonObject("phase").getInteger("index")).isEqualTo(count - 1);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static boolean isEv(JsonObject f) { return "ev".equals(f.getString("t")); }

  private static JsonObject evAfter(WsClient c, String name, long after) {
    Predicate<JsonObject> p = f -> isEv(f) && name.equals(f.getString("name")) && f.getLong("seq") > after;
    return c.seen(p);
  }

  /** The event an ack names, as both clients got it (the same frame). */
  private static JsonObject both(WsClient sender, WsClient other, JsonObject ack) {
    JsonObject mine = sender.eventOf(ack);
    JsonObject theirs = evSeq(other, ack.getLong("seq"));
    assertThat(theirs).isEqualTo(mine);
    assertThat(mine.getString("name")).isEqualTo("phase.changed");
    return mine;
  }

  private static boolean hasEventAfter(List<JsonObject> frames, long seq) {
    return frames.stream().anyMatch(f -> isEv(f) && f.getLong("seq") > seq);
  }

  private static JsonObject phaseOf(JsonObject ev) { return ev.getJsonObject("data").getJsonObject("phase"); }

  private static List<String> titles(JsonArray phases) {
    return phases.stream().map(JsonObject.class::cast).map(p -> p.getString("title")).toList();
  }
}
