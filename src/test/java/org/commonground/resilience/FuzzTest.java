package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.commonground.resilience.FrameFuzzer.Answer;
import org.commonground.resilience.FrameFuzzer.Frame;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A few thousand random and malformed frames from a seeded generator ({@link FrameFuzzer}), over many
 * connections of a workshop's facilitator, participants and display, with the shipped limits. Each
 * connection sends at most 42 frames that can be refused (under the 50 errors a minute that close it
 * with 4429) and at most 25 commands (under the burst of 30), so every answer is the frame's own.
 *
 * <p>To prove that the workshop changed only through what it acknowledged, an identical shadow workshop
 * on the same node is sent exactly the acknowledged commands, in order, afterwards: both must end in the
 * same state. A third, busy workshop, whose ids and tokens the fuzz uses, must not change at all.
 *
 * <p>Rerun a failure with {@code -Dcg.fuzz.seed=<seed printed by the run>}.
 */
@ExtendWith(VertxExtension.class)
class FuzzTest {
  static final long DEFAULT_SEED = 20_250_608L;
  static final int CONNECTIONS = 75;
  static final int FRAMES_PER_CONNECTION = 40;
  static final int COMMANDS_PER_CONNECTION = 24;
  static final Duration WITHIN = Duration.ofSeconds(10);
  static final Set<String> CODES = Set.of("INVALID", "UNKNOWN_COMMAND", "FORBIDDEN", "NOT_FOUND", "PHASE_CLOSED", "LIMIT",
      "RATE_LIMITED", "ENDED");
  /** Keys that differ between two workshops built alike, or between two moments: not state that commands set. */
  static final Set<String> INCIDENTAL = Set.of("createdAt", "editedAt", "startedAt", "endsAt", "remainingMs", "online",
      "fits", "serverTime");

  /** Someone the fuzz speaks for, in the target workshop and in its shadow. */
  record Actor(String name, String token, String participantId, boolean facilitator, boolean display, String shadowToken) {}

  /** An acknowledged command that produced events, to be replayed on the shadow. */
  record Applied(Actor actor, String ref, String text, JsonObject ack) {}

  private static JsonArray allowEverything() {
    return new JsonArray().add("contribute").add("group").add("vote").add("react").add("poll").add("hand");
  }

  static JsonObject normalised(JsonObject state) {
    JsonObject s = strip(state.copy());
    s.getJsonObject("workshop").remove("id");
    s.getJsonObject("workshop").remove("joinCode");
    return s;
  }

  @SuppressWarnings("unchecked")
  private static <T> T strip(T v) {
    if (v instanceof JsonObject o) {
      for (String k : INCIDENTAL) o.remove(k);
      for (String k : o.fieldNames()) strip(o.getValue(k));
    } else if (v instanceof JsonArray a) {
      for (Object x : a) strip(x);
    }
    return v;
  }

  static JsonObject stateOf(Vertx vertx, TestNode node, String token) {
    try (WsClient c = WsClient.connect(vertx, node.port())) {
      return c.hello(token).getJsonObject("state");
    }
  }

  /** The same opening in the target and its shadow: c1-c3, t1, q1. */
  private static void opening(Vertx vertx, TestNode node, String fac, String sam, String alex) {
    try (WsClient f = WsClient.join(vertx, node.port(), fac);
         WsClient s = WsClient.join(vertx, node.port(), sam);
         WsClient x = WsClient.join(vertx, node.port(), alex)) {
      s.call("contribution.add", text("waiting lists are too long"));
      s.call("contribution.add", text("nobody explains the letters").put("anonymous", true));
      x.call("contribution.add", text("who decides the priorities?").put("kind", "question"));
      f.call("theme.create", new JsonObject().put("label", "waiting").put("contributionIds", new JsonArray().add("c1")));
      f.call("poll.open", new JsonObject().put("template", "ladder"));
    }
  }

  @Test
  @DisplayName("a few thousand random and malformed frames (seeded): every frame gets exactly its one answer, the server "
      + "stays up, another workshop whose ids and tokens are used does not change, and the target changes only by what it acknowledged")
  void fuzz(Vertx vertx) {
    long seed = Long.getLong("cg.fuzz.seed", DEFAULT_SEED);
    System.out.printf("FuzzTest seed %d (rerun with -Dcg.fuzz.seed=%d)%n", seed, seed);
    Random rnd = new Random(seed);
    try (TestRedis redis = new TestRedis(); TestNode node = TestNode.start(redis.url(), c -> c, ShortLabelThemes::new)) {
      Api api = node.api(vertx);
      JsonObject spec = new JsonObject().put("title", "Target").put("phases", new JsonArray()
          .add(new JsonObject().put("title", "Open").put("minutes", 10).put("allow", new JsonArray().add("contribute").add("react")))
          .add(new JsonObject().put("title", "Group").put("minutes", 20).put("allow", allowEverything()))
          .add(new JsonObject().put("title", "Close").put("minutes", 5).put("allow", new JsonArray().add("vote").add("poll"))));
      Api.Created target = api.create(spec);
      Api.Created shadow = api.create(spec);
      String sam = api.join(target.joinCode(), "Sam", "carers");
      String alex = api.join(target.joinCode(), "Alex", "professionals");
      String samShadow = api.join(shadow.joinCode(), "Sam", "carers");
      String alexShadow = api.join(shadow.joinCode(), "Alex", "professionals");
      opening(vertx, node, target.facilitatorToken(), sam, alex);
      opening(vertx, node, shadow.facilitatorToken(), samShadow, alexShadow);

      Api.Created other = api.create(new JsonObject().put("title", "Other").put("phases", new JsonArray()
          .add(new JsonObject().put("title", "All").put("minutes", 30).put("allow", allowEverything()))));
      List<String> otherTokens = new ArrayList<>(List.of(other.facilitatorToken(), other.displayToken()));
      for (int i = 0; i < 7; i++) otherTokens.add(api.join(other.joinCode(), "Other " + i, null));
      try (WsClient f = WsClient.join(vertx, node.port(), other.facilitatorToken());
           WsClient p = WsClient.join(vertx, node.port(), otherTokens.get(2))) {
        for (int i = 1; i <= 12; i++) p.call("contribution.add", text("other workshop note " + i));
        for (int i = 1; i <= 4; i++) {
          f.call("theme.create", new JsonObject().put("label", "other " + i).put("contributionIds", new JsonArray().add("c" + i)));
        }
        for (int i = 0; i < 3; i++) f.call("poll.open", new JsonObject().put("template", "ladder"));
        p.call("vote.cast", new JsonObject().put("targetId", "t4"));
      }
      JsonObject otherBefore = strip(stateOf(vertx, node, other.facilitatorToken()).copy());

      List<String> own = List.of("c1", "c2", "c3", "t1", "q1", "p1", "p2", "p3");
      List<String> foreign = new ArrayList<>();
      for (int i = 4; i <= 12; i++) foreign.add("c" + i);
      foreign.addAll(List.of("t2", "t3", "t4", "q2", "q3", "p4", "p5", "p6", "p7", "p8", "p9"));
      List<String> tokens = new ArrayList<>(List.of(target.facilitatorToken(), sam, alex, target.displayToken(), "nonsense"));
      tokens.addAll(otherTokens);
      FrameFuzzer fuzzer = new FrameFuzzer(rnd, own, foreign, List.of("p1", "p2", "p3", "display"), tokens);

      List<Actor> actors = List.of(
          new Actor("facilitator", target.facilitatorToken(), "p1", true, false, shadow.facilitatorToken()),
          new Actor("Sam", sam, "p2", false, false, samShadow),
          new Actor("Alex", alex, "p3", false, false, alexShadow),
          new Actor("display", target.displayToken(), "display", false, true, null));
      Map<String, Map<String, JsonObject>> acked = new HashMap<>();
      Map<String, Map<String, String>> ackedFrames = new HashMap<>();
      for (Actor a : actors) {
        acked.put(a.participantId(), new LinkedHashMap<>());
        ackedFrames.put(a.participantId(), new LinkedHashMap<>());
      }
      List<Applied> applied = new ArrayList<>();
      Map<String, Integer> codes = new TreeMap<>();
      int frames = 0;
      int closedTooLarge = 0;

      for (int n = 0; n < CONNECTIONS; n++) {
        Actor actor = rnd.nextInt(10) == 0 ? actors.get(3) : actors.get(rnd.nextInt(3));
        Map<String, JsonObject> mine = acked.get(actor.participantId());
        String who = "connection " + n + " (" + actor.name() + ")";
        try (WsClient c = WsClient.connect(vertx, node.port())) {
          Map<String, Integer> refAnswers = new HashMap<>();
          int nullErrs = 0;
          int pongs = 0;
          boolean closed = false;
          List<Frame> sent = new ArrayList<>();
          int early = rnd.nextInt(3);
          for (int i = 0; i < early; i++) sent.add(fuzzer.beforeHello());
          int commands = 0;
          for (int i = 0; i < early + 1 + FRAMES_PER_CONNECTION && !closed; i++) {
            Frame f;
            if (i < early) {
              f = sent.get(i);
            } else if (i == early) {
              JsonObject welcome = c.hello(actor.token());
              assertThat(welcome.getJsonObject("state").getJsonObject("workshop").getString("id")).isEqualTo(target.id());
              continue;
            } else if (i == early + FRAMES_PER_CONNECTION && rnd.nextInt(20) == 0) {
              f = fuzzer.oversized();
            } else if (!actor.display() && commands < COMMANDS_PER_CONNECTION && !mine.isEmpty() && rnd.nextInt(20) == 0) {
              // The same command sent again under its ref, as a client does after a reconnect.
              List<String> refs = new ArrayList<>(mine.keySet());
              String ref = refs.get(rnd.nextInt(refs.size()));
              f = new Frame(ackedFrames.get(actor.participantId()).get(ref), Answer.REF, ref, null, "resent", true, true);
            } else {
              List<String> reusable = new ArrayList<>(mine.keySet());
              f = fuzzer.next(actor.display(), actor.facilitator(), COMMANDS_PER_CONNECTION - commands, reusable);
            }
            if (f.command() && i > early) commands++;
            frames++;
            String what = who + ", frame " + (i + 1) + ": " + abbreviated(f.text());
            c.sendText(f.text());
            JsonObject reply = null;
            switch (f.answer()) {
              case NULL_ERR -> {
                reply = c.await(x -> "err".equals(x.getString("t")) && x.getValue("ref") == null, WITHIN);
                nullErrs++;
              }
              case REF -> {
                reply = Eventually.answer(c, f.ref(), WITHIN);
                refAnswers.merge(f.ref(), 1, Integer::sum);
              }
              case REF_OR_NULL_ERR -> {
                reply = c.await(x -> "err".equals(x.getString("t"))
                    && (x.getValue("ref") == null || f.ref().equals(x.getValue("ref"))), WITHIN);
                if (reply.getValue("ref") == null) nullErrs++;
                else refAnswers.merge(f.ref(), 1, Integer::sum);
              }
              case PONG -> {
                c.await(x -> "pong".equals(x.getString("t")), WITHIN);
                pongs++;
              }
              case CLOSE_TOO_LARGE -> {
                assertThat(Await.of(c.closedFuture(), WITHIN)).as(what).isEqualTo((short) 1009);
                closed = true;
                closedTooLarge++;
              }
            }
            if (reply == null) continue;
            if ("err".equals(reply.getString("t"))) {
              String code = reply.getString("code");
              codes.merge(code, 1, Integer::sum);
              assertThat(code).as("%s -> %s", what, reply).isIn(CODES);
              assertThat(reply.getString("message")).as("%s -> %s", what, reply).isNotBlank();
              if (f.code() != null) assertThat(code).as("%s -> %s", what, reply).isEqualTo(f.code());
              assertThat(f.name()).as("%s: an acknowledged command sent again must be answered as before, not %s", what, reply)
                  .isNotEqualTo("resent");
            } else {
              codes.merge("ack", 1, Integer::sum);
              assertThat(f.code()).as("%s must be refused, got %s", what, reply).isNull();
              assertThat(actor.display()).as("%s: a display's command acknowledged: %s", what, reply).isFalse();
              if (f.reused()) {
                // A ref already acknowledged is never applied again, whatever comes with it.
                assertThat(reply).as("%s: a reused ref", what).isEqualTo(mine.get(f.ref()));
              } else {
                assertThat(mine).as("%s: a fresh ref", what).doesNotContainKey(f.ref());
                mine.put(f.ref(), reply);
                ackedFrames.get(actor.participantId()).put(f.ref(), f.text());
                if (reply.getValue("seq") != null) applied.add(new Applied(actor, f.ref(), f.text(), reply));
              }
            }
          }
          if (!closed) {
            // A last frame through the same paths; by its answer, any second answer to an earlier frame would be here.
            if (actor.display()) {
              c.send(new JsonObject().put("t", "ping"));
              c.await(x -> "pong".equals(x.getString("t")), WITHIN);
              pongs++;
            } else {
              String ref = "sentinel-" + n;
              c.cmd(ref, "contribution.withdraw", new JsonObject().put("id", "no-such-contribution"));
              assertThat(Eventually.answer(c, ref, WITHIN).getString("code")).isEqualTo("NOT_FOUND");
              refAnswers.merge(ref, 1, Integer::sum);
            }
            assertThat(c.isClosed()).as("%s was closed", who).isFalse();
          }
          List<JsonObject> got = c.received();
          Map<String, Integer> gotRef = new HashMap<>();
          int gotNull = 0;
          int gotPong = 0;
          for (JsonObject x : got) {
            String t = x.getString("t");
            if ("pong".equals(t)) gotPong++;
            if (!"ack".equals(t) && !"err".equals(t)) continue;
            if (x.getValue("ref") == null) gotNull++;
            else gotRef.merge(x.getString("ref"), 1, Integer::sum);
          }
          assertThat(gotRef).as("%s: answers per ref", who).isEqualTo(refAnswers);
          assertThat(gotNull).as("%s: errors with ref null", who).isEqualTo(nullErrs);
          assertThat(gotPong).as("%s: pongs", who).isEqualTo(pongs);
        }
      }
      System.out.printf("FuzzTest: %d frames over %d connections, %d closed for size; answers %s; %d commands applied%n",
          frames, CONNECTIONS, closedTooLarge, codes, applied.size());
      assertThat(frames).isGreaterThan(2_500);
      assertThat(codes).doesNotContainKey("INTERNAL");

      // The other workshop, whose ids and tokens were thrown at the target, is exactly as it was.
      assertThat(strip(stateOf(vertx, node, other.facilitatorToken()).copy())).isEqualTo(otherBefore);

      // The shadow gets exactly the acknowledged commands, in order: it must end where the target is.
      Map<Actor, WsClient> shadows = new HashMap<>();
      Map<Actor, Integer> sentOnShadow = new HashMap<>();
      try {
        for (Applied a : applied) {
          WsClient sc = shadows.get(a.actor());
          if (sc == null || sentOnShadow.get(a.actor()) >= COMMANDS_PER_CONNECTION) {
            if (sc != null) sc.close();
            sc = WsClient.join(vertx, node.port(), a.actor().shadowToken());
            shadows.put(a.actor(), sc);
            sentOnShadow.put(a.actor(), 0);
          }
          sentOnShadow.merge(a.actor(), 1, Integer::sum);
          sc.sendText(a.text());
          JsonObject reply = Eventually.answer(sc, a.ref(), WITHIN);
          assertThat(reply.getString("t")).as("replaying %s (acknowledged in the target as %s): %s",
              abbreviated(a.text()), a.ack(), reply).isEqualTo("ack");
        }
      } finally {
        shadows.values().forEach(WsClient::close);
      }
      JsonObject targetState = normalised(stateOf(vertx, node, target.facilitatorToken()));
      JsonObject shadowState = normalised(stateOf(vertx, node, shadow.facilitatorToken()));
      assertThat(targetState).as("the target after the fuzz, and its shadow after the acknowledged commands").isEqualTo(shadowState);

      // The server is still up: healthy, and a newcomer can join and post.
      assertThat(Eventually.health(vertx, node)).isEqualTo(200);
      String newcomer = api.join(target.joinCode(), "Newcomer", null);
      try (WsClient fac = WsClient.join(vertx, node.port(), target.facilitatorToken());
           WsClient p = WsClient.join(vertx, node.port(), newcomer)) {
        // Whatever phase the fuzz left the workshop in, a facilitator can always post; the newcomer may be held by the phase.
        JsonObject ack = fac.call("contribution.add", text("still here after the fuzz"));
        assertThat(ack.getString("t")).as("%s", ack).isEqualTo("ack");
        assertThat(Eventually.seenSeq(p, ack.getLong("seq")).getJsonObject("data").getJsonObject("contribution")
            .getString("text")).isEqualTo("still here after the fuzz");
        JsonObject own2 = p.call("ready.set", new JsonObject().put("ready", true));
        assertThat(own2.getString("t")).as("%s", own2).isEqualTo("ack");
      }
    }
  }

  private static String abbreviated(String text) {
    String t = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    return t.replaceAll("\\p{Cntrl}", "·");
  }
}
