package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A venue's Wi-Fi blinks: everyone in a plenary drops at the same moment and every phone reconnects at
 * once, some to the other node. Each must be resumed from its own seq with exactly what it missed,
 * then carry on live. (The 2,000-client version is a benchmark target, not a test.)
 */
@ExtendWith(VertxExtension.class)
class ReconnectStormTest {
  static final int CLIENTS = 200;
  static final Duration WITHIN = Duration.ofSeconds(15);

  @Test
  @DisplayName("200 clients of one workshop dropped at once and all resuming at once, across two nodes: every one gets "
      + "resumed:true at its own seq and exactly the events it missed, then the live ones, nothing lost or doubled")
  void everyoneDropsAndResumesAtOnce(Vertx vertx) {
    List<WsClient> clients = new ArrayList<>();
    try (TestRedis redis = new TestRedis();
         TestNode a = TestNode.start(redis.url());
         TestNode b = TestNode.start(redis.url());
         FaultyLink wifiA = FaultyLink.to(vertx, a.port());
         FaultyLink wifiB = FaultyLink.to(vertx, b.port())) {
      Api api = a.api(vertx);
      Api.Created w = api.create("Plenary");
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) tokens.add(api.join(w.joinCode(), "P" + i, null));
      WsClient fac = WsClient.join(vertx, a.port(), w.facilitatorToken());
      clients.add(fac);
      WsClient cofac = WsClient.join(vertx, b.port(), w.facilitatorToken());
      clients.add(cofac);

      List<WsClient> before = new ArrayList<>();
      List<JsonObject> welcomes = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        WsClient c = WsClient.connect(vertx, (i % 2 == 0 ? wifiA : wifiB).port());
        clients.add(c);
        welcomes.add(c.hello(tokens.get(i)));
        before.add(c);
      }
      long everyoneSaw = fac.call("contribution.add", text("welcome, everyone")).getLong("seq");
      for (WsClient c : before) Eventually.seenSeq(c, everyoneSaw);

      wifiA.cut();
      wifiB.cut();
      for (WsClient c : before) assertThat(Await.of(c.closedFuture(), WITHIN)).isIn(null, (short) 1006);

      long missedUpTo = 0;
      for (int i = 0; i < 20; i++) missedUpTo = fac.call("contribution.add", text("missed " + i)).getLong("seq");

      // The storm: every phone reconnects (half of them to the other node) and says hello with its resume at once.
      List<WsClient> again = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        WsClient c = WsClient.connect(vertx, (i % 2 == 0 ? b : a).port());
        clients.add(c);
        again.add(c);
      }
      long[] heard = new long[CLIENTS];
      long t0 = System.nanoTime();
      for (int i = 0; i < CLIENTS; i++) {
        heard[i] = Eventually.lastSeq(before.get(i), welcomes.get(i).getLong("seq"));
        again.get(i).send(new JsonObject().put("t", "hello").put("token", tokens.get(i)).put("resume",
            new JsonObject().put("epoch", welcomes.get(i).getString("epoch")).put("seq", heard[i])));
      }
      // Live events while they resume, from the other node.
      List<String> liveRefs = new ArrayList<>();
      for (int i = 0; i < 10; i++) liveRefs.add(cofac.cmd("contribution.add", text("live " + i)));
      long lastLive = 0;
      for (String ref : liveRefs) {
        JsonObject ack = Eventually.answer(cofac, ref, WITHIN);
        assertThat(ack.getString("t")).as("%s", ack).isEqualTo("ack");
        lastLive = Math.max(lastLive, ack.getLong("seq"));
      }
      long last = lastLive;
      for (int i = 0; i < CLIENTS; i++) {
        JsonObject welcome = again.get(i).await(f -> "welcome".equals(f.getString("t")), WITHIN);
        assertThat(welcome.getBoolean("resumed")).as("client %d resumed", i).isTrue();
        assertThat(welcome.getLong("seq")).as("client %d resumed at its own seq", i).isEqualTo(heard[i]);
        assertThat(welcome.containsKey("state")).isFalse();
      }
      System.out.printf("%d clients resumed in %d ms%n", CLIENTS, (System.nanoTime() - t0) / 1_000_000);

      Eventually.seenSeq(fac, last);
      assertThat(everyoneSaw).isLessThan(missedUpTo);
      for (int i = 0; i < CLIENTS; i++) {
        WsClient c = again.get(i);
        Eventually.seenSeq(c, last);
        long from = heard[i];
        List<JsonObject> expected = fac.events().stream()
            .filter(e -> e.getLong("seq") > from && e.getLong("seq") <= last).toList();
        List<JsonObject> got = c.events().stream().filter(e -> e.getLong("seq") <= last).toList();
        assertThat(got).as("client %d: the events after seq %d", i, from).isEqualTo(expected);
      }
      // The dropped connections are gone from the nodes' books; the resumed ones and the facilitators' are there.
      Eventually.until(vertx, WITHIN, "cg_connections on the two nodes adds up to " + (CLIENTS + 2),
          () -> Eventually.metric(a, "cg_connections") + Eventually.metric(b, "cg_connections") == CLIENTS + 2.0);
    } finally {
      clients.forEach(WsClient::close);
    }
  }
}
