package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.e2e.BadInputWebSocketTest.joinLive;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.config.Limits;
import org.commonground.config.AppConfig;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-connection time and rate limits, on a node with a short hello timeout and a small command rate
 * (short so the tests are quick; the shipped values are the benchmark's business). Only outcomes are
 * asserted, never timings.
 */
@ExtendWith(VertxExtension.class)
class LimitsWebSocketTest {
  static final int HELLO_TIMEOUT_MS = 800;
  static final double COMMANDS_PER_SECOND = 2;
  static final int COMMAND_BURST = 4;

  @RegisterExtension
  static final LiveNode node = LiveNode.create(c -> {
    Limits d = c.limits();
    return c.withLimits(d.withCommandRate(COMMANDS_PER_SECOND, COMMAND_BURST).withHelloTimeoutMs(HELLO_TIMEOUT_MS));
  });

  private record Room(Api.Created w, String sam, String alex) {}

  private static Room room(Vertx vertx, String title) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create(title);
    return new Room(w, api.join(w.joinCode(), "Sam", null), api.join(w.joinCode(), "Alex", null));
  }

  private static JsonObject add(String text) { return new JsonObject().put("text", text); }

  private static JsonObject awaitAdded(WsClient c, String text) {
    return c.await(f -> "ev".equals(f.getString("t")) && "contribution.added".equals(f.getString("name"))
        && text.equals(f.getJsonObject("data").getJsonObject("contribution").getString("text")));
  }

  private static List<String> addedTexts(WsClient c) {
    return c.events().stream().filter(e -> "contribution.added".equals(e.getString("name")))
        .map(e -> e.getJsonObject("data").getJsonObject("contribution").getString("text")).toList();
  }

  @Test
  @DisplayName("a connection that says no hello in time is closed with 4408, even if it pings or says a bad hello; "
      + "one that said hello stays and works")
  void helloTimeout(Vertx vertx) {
    Room r = room(vertx, "Slow starters");
    try (WsClient fac = joinLive(vertx, node.port(), r.w().facilitatorToken());
         WsClient sam = joinLive(vertx, node.port(), r.sam());
         WsClient silent = node.connect(vertx);
         WsClient pinger = node.connect(vertx);
         WsClient badHello = node.connect(vertx)) {
      pinger.send(new JsonObject().put("t", "ping"));
      assertThat(pinger.awaitType("pong")).isNotNull();
      badHello.send(new JsonObject().put("t", "hello"));
      JsonObject err = badHello.awaitType("err");
      assertThat(err.getString("code")).isEqualTo("INVALID");
      assertThat(err.getValue("ref")).isNull();

      assertThat(silent.awaitClose()).isEqualTo((short) 4408);
      assertThat(pinger.awaitClose()).isEqualTo((short) 4408);
      assertThat(badHello.awaitClose()).isEqualTo((short) 4408);
      assertThat(silent.received()).isEmpty();

      // Sam connected before them, so well past the timeout by now, and is still in.
      assertThat(sam.isClosed()).isFalse();
      JsonObject ack = sam.call("contribution.add", add("still here"));
      assertThat(ack.getString("t")).as("%s", ack).isEqualTo("ack");
      assertThat(awaitAdded(fac, "still here").getLong("seq")).isEqualTo(ack.getLong("seq"));
    }
  }

  @Test
  @DisplayName("a connection closed for saying no hello gets no welcome; a new connection that says hello in time does")
  void closedWithoutHello(Vertx vertx) {
    Room r = room(vertx, "Too late");
    try (WsClient late = node.connect(vertx)) {
      assertThat(late.awaitClose()).isEqualTo((short) 4408);
      assertThat(late.received()).noneMatch(f -> "welcome".equals(f.getString("t")));
    }
    try (WsClient fresh = node.connect(vertx)) {
      assertThat(fresh.hello(r.sam()).getJsonObject("you").getString("role")).isEqualTo("participant");
    }
  }

  @Test
  @DisplayName("a connection sending commands faster than its rate gets RATE_LIMITED, nothing of it is applied, "
      + "other connections are unaffected, and the same ref succeeds once the rate allows")
  void commandRate(Vertx vertx) {
    Room r = room(vertx, "Eager beavers");
    try (WsClient fac = joinLive(vertx, node.port(), r.w().facilitatorToken());
         WsClient alex = joinLive(vertx, node.port(), r.alex());
         WsClient sam = joinLive(vertx, node.port(), r.sam())) {
      int sent = 3 * COMMAND_BURST;
      List<String> refs = new ArrayList<>();
      long began = System.nanoTime();
      for (int i = 0; i < sent; i++) {
        String ref = "burst-" + i;
        sam.cmd(ref, "contribution.add", add("burst " + i));
        refs.add(ref);
      }
      // Refused commands are answered at once, accepted ones after their event: collect the replies as they come.
      Map<String, JsonObject> replies = new HashMap<>();
      sam.await(f -> {
        String ref = f.getString("ref");
        if (("ack".equals(f.getString("t")) || "err".equals(f.getString("t"))) && refs.contains(ref)) replies.put(ref, f);
        return replies.size() == sent;
      });
      // What the bucket can have handed out: a full burst, plus what came back while the burst was going on.
      int allowance = COMMAND_BURST + (int) Math.ceil((System.nanoTime() - began) / 1e9 * COMMANDS_PER_SECOND);
      List<String> acked = new ArrayList<>();
      List<String> limited = new ArrayList<>();
      for (int i = 0; i < sent; i++) {
        JsonObject reply = replies.get(refs.get(i));
        if ("ack".equals(reply.getString("t"))) {
          acked.add("burst " + i);
        } else {
          assertThat(reply.getString("code")).as("reply %s", reply).isEqualTo("RATE_LIMITED");
          assertThat(reply.getString("message")).isNotBlank();
          limited.add(refs.get(i));
        }
      }
      assertThat(acked).as("commands let through").isNotEmpty().hasSizeLessThanOrEqualTo(allowance);
      assertThat(limited).as("commands refused").isNotEmpty();
      assertThat(sam.isClosed()).isFalse();

      // Alex has his own allowance (Sam's other tabs share Sam's: see ratePerPerson).
      JsonObject alexAck = alex.call("contribution.add", add("alex is not slowed"));
      assertThat(alexAck.getString("t")).as("%s", alexAck).isEqualTo("ack");
      awaitAdded(fac, "alex is not slowed");
      assertThat(addedTexts(fac)).containsExactlyElementsOf(concat(acked, List.of("alex is not slowed")));

      // Once a token has come back, a refused command sent again under its ref is applied, once.
      String retried = limited.get(0);
      Await.of(vertx.timer(Math.round(1_500 / COMMANDS_PER_SECOND)), Duration.ofSeconds(5));
      sam.cmd(retried, "contribution.add", add("burst " + retried.substring("burst-".length())));
      JsonObject ack = sam.reply(retried);
      assertThat(ack.getString("t")).as("%s", ack).isEqualTo("ack");
      JsonObject ev = fac.awaitEventSeq(ack.getLong("seq"));
      assertThat(ev.getJsonObject("data").getJsonObject("contribution").getString("text"))
          .isEqualTo("burst " + retried.substring("burst-".length()));
    }
  }

  @Test
  @DisplayName("one link opens a handful of connections at most: the next is closed with 4409, and a place frees up when one closes")
  void connectionsPerPerson(Vertx vertx) {
    Room r = room(vertx, "One person, many tabs");
    int cap = AppConfig.defaults().limits().connectionsPerPerson();
    List<WsClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < cap; i++) open.add(joinLive(vertx, node.port(), r.sam()));
      try (WsClient extra = node.connect(vertx)) {
        extra.send(new JsonObject().put("t", "hello").put("token", r.sam()));
        assertThat(extra.awaitClose()).isEqualTo((short) 4409);
      }
      try (WsClient alex = joinLive(vertx, node.port(), r.alex())) {
        assertThat(alex.call("contribution.add", add("someone else still gets in")).getString("t")).isEqualTo("ack");
      }
      open.remove(0).close();
      // The server hears of the close a moment after the handshake: try until the place is free.
      Await.until(vertx, Await.TIMEOUT, "a closed connection to free its place", () -> {
        try (WsClient again = node.connect(vertx)) {
          again.send(new JsonObject().put("t", "hello").put("token", r.sam()));
          again.await(f -> "welcome".equals(f.getString("t")), Duration.ofSeconds(2));
          return true;
        } catch (AssertionError refused) {
          return false;
        }
      });
    } finally {
      open.forEach(WsClient::close);
    }
  }

  @Test
  @DisplayName("more connections do not mean more commands: one person's rate is shared by all their connections")
  void ratePerPerson(Vertx vertx) {
    Room r = room(vertx, "Many sockets, one rate");
    try (WsClient first = node.join(vertx, r.sam()); WsClient second = node.join(vertx, r.sam())) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < COMMAND_BURST; i++) refs.add(first.cmd("contribution.add", add("burst " + i)));
      String extra = second.cmd("contribution.add", add("one too many"));
      List<JsonObject> replies = new ArrayList<>();
      for (String ref : refs) replies.add(first.seen(f -> ref.equals(f.getString("ref"))));
      replies.add(second.seen(f -> extra.equals(f.getString("ref"))));
      // The two sockets' commands may reach the workshop in either order: one of them, whichever came last,
      // finds the shared allowance spent.
      assertThat(replies.stream().filter(f -> "ack".equals(f.getString("t")))).hasSize(COMMAND_BURST);
      assertThat(replies.stream().filter(f -> "RATE_LIMITED".equals(f.getString("code")))).hasSize(1);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
