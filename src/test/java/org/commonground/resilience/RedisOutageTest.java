package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis unreachable for a while under a running node. The outage lasts a few seconds here (in production
 * it may last minutes; the behaviour is the same): every command is answered, never held; the node comes
 * back by itself when Redis does; resending with the same refs applies each command once.
 * RestartTest covers a restart of Redis between two commands; these cover what happens during the gap.
 */
@ExtendWith(VertxExtension.class)
class RedisOutageTest {
  /** Generous: the point is that an answer comes at all while Redis is away. */
  static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);
  static final long OUTAGE_MS = 3_000;

  private static void assertCouldNotSave(JsonObject reply, String what) {
    assertThat(reply.getString("t")).as("%s: %s", what, reply).isEqualTo("err");
    assertThat(reply.getString("code")).as("%s: %s", what, reply).isEqualTo("INTERNAL");
    assertThat(reply.getString("message")).as("%s: %s", what, reply).startsWith("could not save");
  }

  /** Resends a command with the same ref, as the web client's outbox does, until it is acknowledged. */
  static JsonObject resendUntilAcked(Vertx vertx, WsClient c, String ref, String name, JsonObject args) {
    long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
    while (true) {
      c.cmd(ref, name, args);
      JsonObject reply = Eventually.answer(c, ref, ANSWERED_WITHIN);
      if ("ack".equals(reply.getString("t"))) return reply;
      assertThat(reply.getString("code")).as("while Redis comes back: %s", reply).isEqualTo("INTERNAL");
      if (System.nanoTime() > deadline) throw new AssertionError(ref + " never acknowledged after Redis came back");
      Eventually.pause(vertx, 100);
    }
  }

  private static List<String> texts(JsonObject welcome) {
    return welcome.getJsonObject("state").getJsonArray("contributions").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static long welcomeSeq(WsClient c) { return c.received().get(0).getLong("seq"); }

  private static long countAdded(WsClient c, String text) {
    return c.events().stream().filter(e -> "contribution.added".equals(e.getString("name"))
        && text.equals(e.getJsonObject("data").getJsonObject("contribution").getString("text"))).count();
  }

  @Test
  @DisplayName("while Redis is down, every command is answered within 10 s with INTERNAL \"could not save…\", nothing is applied, "
      + "/health is 503, new connections are told to come back (1011) and open ones stay open")
  void commandsDuringOutage(Vertx vertx) {
    try (TestRedis redis = new TestRedis(); TestNode node = TestNode.start(redis.url())) {
      Api api = node.api(vertx);
      Api.Created w = api.create("Outage");
      String sam = api.join(w.joinCode(), "Sam", "carers");
      String kim = api.join(w.joinCode(), "Kim", null);
      try (WsClient fac = WsClient.join(vertx, node.port(), w.facilitatorToken());
           WsClient s = WsClient.join(vertx, node.port(), sam);
           WsClient k = WsClient.join(vertx, node.port(), kim);
           WsClient display = WsClient.join(vertx, node.port(), w.displayToken())) {
        JsonObject before = s.call("contribution.add", text("before"));
        String beforeId = before.getJsonObject("result").getString("id");
        long seqBefore = before.getLong("seq");
        fac.awaitEventSeq(seqBefore);
        k.awaitEventSeq(seqBefore);

        redis.stop();
        try {
          Eventually.until(vertx, ANSWERED_WITHIN, "/health answers 503", () -> Eventually.health(vertx, node) == 503);

          record Try(WsClient client, String name, JsonObject args) {}
          List<Try> tries = List.of(
              new Try(s, "contribution.add", text("during")),
              new Try(s, "contribution.edit", new JsonObject().put("id", beforeId).put("text", "edited during")),
              new Try(s, "hand.raise", new JsonObject()),
              new Try(k, "reaction.toggle", new JsonObject().put("contributionId", beforeId).put("reaction", "agree")),
              new Try(fac, "phase.start", new JsonObject()),
              new Try(fac, "poll.open", new JsonObject().put("template", "ladder")),
              new Try(fac, "contribution.hide", new JsonObject().put("id", beforeId)));
          for (Try t : tries) {
            String ref = t.client().cmd(t.name(), t.args());
            assertCouldNotSave(Eventually.answer(t.client(), ref, ANSWERED_WITHIN), t.name());
          }

          // What needs no storage is answered as usual: bad input, a display's command, a ping.
          String bad = s.cmd("contribution.add", new JsonObject().put("text", 42));
          assertThat(Eventually.answer(s, bad, ANSWERED_WITHIN).getString("code")).isEqualTo("INVALID");
          String fromDisplay = display.cmd("contribution.add", text("from the wall"));
          assertThat(Eventually.answer(display, fromDisplay, ANSWERED_WITHIN).getString("code")).isEqualTo("FORBIDDEN");
          s.send(new JsonObject().put("t", "ping"));
          assertThat(s.await(f -> "pong".equals(f.getString("t")), ANSWERED_WITHIN)).isNotNull();

          // A new connection cannot be welcomed now: it is closed with 1011 (reconnect) instead of waiting.
          try (WsClient late = WsClient.connect(vertx, node.port())) {
            late.send(new JsonObject().put("t", "hello").put("token", sam));
            assertThat(Await.of(late.closedFuture(), ANSWERED_WITHIN)).isEqualTo((short) 1011);
            assertThat(late.received()).noneMatch(f -> "welcome".equals(f.getString("t")));
          }

          // HTTP answers too, with a JSON error, instead of hanging.
          long t0 = System.nanoTime();
          Api.Reply join = api.tryJoin(w.joinCode(), "Late", null);
          Api.Reply create = api.post("/api/workshops", new JsonObject().put("title", "During the outage"), null);
          assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(ANSWERED_WITHIN);
          for (Api.Reply r : List.of(join, create)) {
            assertThat(r.status()).as(r.text()).isIn(500, 503);
            assertThat(r.error().getString("code")).as(r.text()).isEqualTo("INTERNAL");
          }

          // The outage goes on: later commands are refused just as promptly.
          Eventually.pause(vertx, OUTAGE_MS);
          String later = s.cmd("contribution.add", text("still down"));
          assertCouldNotSave(Eventually.answer(s, later, ANSWERED_WITHIN), "after " + OUTAGE_MS + " ms");
          assertThat(Eventually.health(vertx, node)).isEqualTo(503);
          assertThat(List.of(fac, s, k, display)).noneMatch(WsClient::isClosed);
        } finally {
          redis.start();
        }
        Eventually.until(vertx, ANSWERED_WITHIN, "/health back to 200", () -> Eventually.health(vertx, node) == 200);

        // Nothing refused during the outage was applied.
        try (WsClient fresh = WsClient.connect(vertx, node.port())) {
          JsonObject welcome = fresh.hello(w.facilitatorToken());
          assertThat(welcome.getLong("seq")).isEqualTo(seqBefore);
          JsonObject state = welcome.getJsonObject("state");
          assertThat(texts(welcome)).containsExactly("before");
          assertThat(state.getJsonArray("contributions").getJsonObject(0).getValue("editedAt")).isNull();
          assertThat(state.getJsonArray("hands")).isEmpty();
          assertThat(state.getJsonArray("polls")).isEmpty();
          assertThat(state.getJsonObject("phase").getString("status")).isEqualTo("pending");
        }
        assertThat(fac.events().get(fac.events().size() - 1).getLong("seq")).isEqualTo(seqBefore);
        // And the connections that lived through it work again.
        JsonObject after = s.call("contribution.add", text("after"));
        assertThat(after.getString("t")).as("%s", after).isEqualTo("ack");
        assertThat(fac.awaitEventSeq(after.getLong("seq")).getJsonObject("data").getJsonObject("contribution")
            .getString("text")).isEqualTo("after");
      }
    }
  }

  @Test
  @DisplayName("after Redis comes back, the same nodes work again without a restart: commands resent with their refs apply once, "
      + "every client on both nodes sees each once, and a client that could not resume during the outage resumes now")
  void recoveryAppliesResentRefsOnce(Vertx vertx) {
    try (TestRedis redis = new TestRedis();
         TestNode a = TestNode.start(redis.url());
         TestNode b = TestNode.start(redis.url())) {
      Api api = a.api(vertx);
      Api.Created w = api.create("Recovery");
      String sam = api.join(w.joinCode(), "Sam", null);
      String kim = api.join(w.joinCode(), "Kim", null);
      String lee = api.join(w.joinCode(), "Lee", null);
      try (WsClient fac = WsClient.join(vertx, a.port(), w.facilitatorToken());
           WsClient facOnB = WsClient.join(vertx, b.port(), w.facilitatorToken());
           WsClient s = WsClient.join(vertx, a.port(), sam);
           WsClient k = WsClient.join(vertx, b.port(), kim)) {
        JsonObject before = s.call("contribution.add", text("before"));
        String beforeId = before.getJsonObject("result").getString("id");
        for (WsClient c : List.of(fac, facOnB, k)) c.awaitEventSeq(before.getLong("seq"));
        // Lee's phone dropped just before the outage; it will try to resume during it, and after.
        JsonObject leeWelcome;
        try (WsClient l = WsClient.connect(vertx, b.port())) {
          leeWelcome = l.hello(lee);
        }

        record Cmd(WsClient client, String ref, String name, JsonObject args) {}
        List<Cmd> cmds = List.of(
            new Cmd(s, "during-1", "contribution.add", text("one")),
            new Cmd(s, "during-2", "contribution.add", text("two")),
            new Cmd(k, "react-1", "reaction.toggle", new JsonObject().put("contributionId", beforeId).put("reaction", "agree")),
            new Cmd(fac, "start-1", "phase.start", new JsonObject()));
        redis.stop();
        try {
          for (Cmd c : cmds) {
            c.client().cmd(c.ref(), c.name(), c.args());
            assertCouldNotSave(Eventually.answer(c.client(), c.ref(), ANSWERED_WITHIN), c.name());
          }
          try (WsClient l = WsClient.connect(vertx, b.port())) {
            l.send(new JsonObject().put("t", "hello").put("token", lee)
                .put("resume", new JsonObject().put("epoch", leeWelcome.getString("epoch")).put("seq", leeWelcome.getLong("seq"))));
            assertThat(Await.of(l.closedFuture(), ANSWERED_WITHIN)).isEqualTo((short) 1011);
          }
          Eventually.pause(vertx, OUTAGE_MS);
        } finally {
          redis.start();
        }
        for (TestNode n : List.of(a, b)) {
          Eventually.until(vertx, ANSWERED_WITHIN, "/health back to 200", () -> Eventually.health(vertx, n) == 200);
        }

        Map<String, JsonObject> acks = new LinkedHashMap<>();
        for (Cmd c : cmds) acks.put(c.ref(), resendUntilAcked(vertx, c.client(), c.ref(), c.name(), c.args()));
        // Sent once more, each is answered as the first time and applied no more, also over a new connection on the other node.
        for (Cmd c : cmds) {
          c.client().cmd(c.ref(), c.name(), c.args());
          assertThat(Eventually.answer(c.client(), c.ref(), ANSWERED_WITHIN)).as("%s sent again", c.ref())
              .isEqualTo(acks.get(c.ref()));
        }
        try (WsClient s2 = WsClient.join(vertx, b.port(), sam)) {
          s2.cmd("during-2", "contribution.add", text("two"));
          assertThat(Eventually.answer(s2, "during-2", ANSWERED_WITHIN)).isEqualTo(acks.get("during-2"));
        }

        long last = acks.values().stream().mapToLong(x -> x.getLong("seq")).max().orElseThrow();
        for (WsClient c : List.of(fac, facOnB, s, k)) {
          Eventually.seenSeq(c, last);
          assertThat(countAdded(c, "one")).isEqualTo(1);
          assertThat(countAdded(c, "two")).isEqualTo(1);
          assertThat(c.events().stream().filter(e -> "contribution.reacted".equals(e.getString("name")))).hasSize(1);
        }
        Eventually.consecutive(facOnB.events(), welcomeSeq(facOnB), "facilitator on node B");
        assertThat(fac.events()).isEqualTo(facOnB.events());

        // Lee resumes now, with exactly what was missed.
        try (WsClient l = WsClient.connect(vertx, b.port())) {
          JsonObject resumed = l.resume(lee, leeWelcome.getString("epoch"), leeWelcome.getLong("seq"));
          assertThat(resumed.getBoolean("resumed")).isTrue();
          Eventually.seenSeq(l, last);
          List<JsonObject> expected = facOnB.events().stream()
              .filter(e -> e.getLong("seq") > leeWelcome.getLong("seq") && e.getLong("seq") <= last).toList();
          assertThat(l.events()).isEqualTo(expected);
        }
        for (TestNode n : List.of(a, b)) {
          try (WsClient fresh = WsClient.connect(vertx, n.port())) {
            JsonObject welcome = fresh.hello(w.facilitatorToken());
            assertThat(texts(welcome)).containsExactly("before", "one", "two");
            JsonObject state = welcome.getJsonObject("state");
            assertThat(state.getJsonArray("contributions").getJsonObject(0).getJsonObject("reactions").getInteger("agree"))
                .isEqualTo(1);
            assertThat(state.getJsonObject("phase").getString("status")).isEqualTo("running");
          }
        }
      }
    }
  }

  @Test
  @DisplayName("commands in flight when Redis goes away each get exactly one answer, ack or INTERNAL; resent with their refs "
      + "after it returns, every one is applied exactly once")
  void inFlightAtTheMomentOfTheOutage(Vertx vertx) {
    // Resending everything takes more than the shipped burst of commands: rate limits are not the point here.
    try (TestRedis redis = new TestRedis();
         TestNode node = TestNode.start(redis.url(), c -> c.withLimits(c.limits().withCommandRate(1_000, 1_000)))) {
      Api api = node.api(vertx);
      Api.Created w = api.create("In flight");
      String sam = api.join(w.joinCode(), "Sam", null);
      try (WsClient fac = WsClient.join(vertx, node.port(), w.facilitatorToken());
           WsClient s = WsClient.join(vertx, node.port(), sam)) {
        int n = 25;
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String ref = "burst-" + i;
          refs.add(ref);
          s.cmd(ref, "contribution.add", text("burst " + i));
        }
        redis.stop();
        Map<String, JsonObject> first = new LinkedHashMap<>();
        try {
          for (String ref : refs) {
            JsonObject reply = Eventually.answer(s, ref, ANSWERED_WITHIN);
            if ("err".equals(reply.getString("t"))) assertCouldNotSave(reply, ref);
            first.put(ref, reply);
          }
          // A last command goes through the same queue: by its answer, any late second answer would have come.
          String sentinel = s.cmd("contribution.add", text("sentinel"));
          assertCouldNotSave(Eventually.answer(s, sentinel, ANSWERED_WITHIN), "sentinel");
          for (String ref : refs) assertThat(Eventually.answers(s, ref)).as("answers for %s", ref).hasSize(1);
        } finally {
          redis.start();
        }
        Eventually.until(vertx, ANSWERED_WITHIN, "/health back to 200", () -> Eventually.health(vertx, node) == 200);

        long acked = first.values().stream().filter(r -> "ack".equals(r.getString("t"))).count();
        System.out.printf("in flight at the outage: %d of %d acknowledged before it%n", acked, n);
        long last = 0;
        for (int i = 0; i < n; i++) {
          String ref = refs.get(i);
          JsonObject ack = resendUntilAcked(vertx, s, ref, "contribution.add", text("burst " + i));
          if ("ack".equals(first.get(ref).getString("t"))) {
            assertThat(ack).as("%s, acknowledged before the outage, resent", ref).isEqualTo(first.get(ref));
          }
          last = Math.max(last, ack.getLong("seq"));
        }
        Eventually.seenSeq(fac, last);
        for (int i = 0; i < n; i++) assertThat(countAdded(fac, "burst " + i)).as("burst %d", i).isEqualTo(1);
        Eventually.consecutive(fac.events(), welcomeSeq(fac), "facilitator");
        try (WsClient fresh = WsClient.connect(vertx, node.port())) {
          List<String> texts = texts(fresh.hello(w.facilitatorToken()));
          assertThat(texts).hasSize(n).doesNotHaveDuplicates().doesNotContain("sentinel");
        }
      }
    }
  }

  @Test
  @DisplayName("while Redis is frozen (connections open, nothing answered), commands are still answered within 10 s, "
      + "/health is 503, and everything works again once it thaws")
  void frozenRedis(Vertx vertx) throws Exception {
    try (TestRedis redis = new TestRedis(); TestNode node = TestNode.start(redis.url())) {
      Api api = node.api(vertx);
      Api.Created w = api.create("Frozen");
      String sam = api.join(w.joinCode(), "Sam", null);
      try (WsClient s = WsClient.join(vertx, node.port(), sam)) {
        String pid = redisPid(vertx, redis);
        signal("STOP", pid);
        String ref;
        try {
          ref = s.cmd("contribution.add", text("while frozen"));
          JsonObject reply = Eventually.answer(s, ref, ANSWERED_WITHIN);
          assertCouldNotSave(reply, "while frozen");
          assertThat(Eventually.health(vertx, node)).isEqualTo(503);
        } finally {
          signal("CONT", pid);
        }
        JsonObject ack = resendUntilAcked(vertx, s, ref, "contribution.add", text("while frozen"));
        assertThat(ack.getString("t")).isEqualTo("ack");
        Eventually.until(vertx, ANSWERED_WITHIN, "/health back to 200", () -> Eventually.health(vertx, node) == 200);
      }
    }
  }

  private static String redisPid(Vertx vertx, TestRedis redis) {
    Redis client = Redis.createClient(vertx, redis.url());
    try {
      String info = Await.of(client.send(Request.cmd(Command.INFO).arg("server"))).toString();
      return info.lines().filter(l -> l.startsWith("process_id:")).findFirst().orElseThrow().substring(11).strip();
    } finally {
      client.close();
    }
  }

  private static void signal(String sig, String pid) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + sig, pid).inheritIO().start();
    assertThat(p.waitFor()).as("kill -%s %s", sig, pid).isZero();
  }
}
