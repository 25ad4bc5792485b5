package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.commonground.support.Api;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RestartTest {

  @Test
  @DisplayName("stopping a server closes its sockets with 1001; after a restart every acknowledged contribution is still there")
  void serverRestartKeepsEverything(Vertx vertx) {
    try (TestRedis redis = new TestRedis()) {
      TestNode first = TestNode.start(redis.url());
      Api.Created w = first.api(vertx).create("Survives restarts");
      String sam = first.api(vertx).join(w.joinCode(), "Sam", "carers");
      WsClient s = WsClient.join(vertx, first.port(), sam);
      JsonObject ack = s.call("contribution.add", new JsonObject().put("text", "keep me"));
      assertThat(ack.getString("t")).isEqualTo("ack");
      first.close();
      assertThat(s.awaitClose()).isEqualTo((short) 1001);
      s.close();

      // The Redis itself restarts too: its append-only file brings everything back.
      redis.restart();
      try (TestNode second = TestNode.start(redis.url());
           WsClient again = WsClient.connect(vertx, second.port())) {
        JsonObject state = again.hello(sam).getJsonObject("state");
        assertThat(state.getJsonArray("contributions").getJsonObject(0).getString("text")).isEqualTo("keep me");
        assertThat(second.api(vertx).join(w.joinCode(), "Late", null)).isNotBlank();
      }
    }
  }

  @Test
  @DisplayName("when Redis restarts under running nodes, they notice, resubscribe and clients carry on without losing anything acknowledged")
  void redisRestartUnderRunningNodes(Vertx vertx) {
    try (TestRedis redis = new TestRedis();
         TestNode a = TestNode.start(redis.url());
         TestNode b = TestNode.start(redis.url())) {
      Api.Created w = a.api(vertx).create("Redis restart");
      String sam = a.api(vertx).join(w.joinCode(), "Sam", null);
      String kim = b.api(vertx).join(w.joinCode(), "Kim", null);
      try (WsClient s = WsClient.join(vertx, a.port(), sam);
           WsClient k = WsClient.join(vertx, b.port(), kim)) {
        JsonObject before = s.call("contribution.add", new JsonObject().put("text", "before"));
        k.awaitEventSeq(before.getLong("seq"));

        redis.stop();
        assertThat(a.api(vertx).get("/health", null).status()).isEqualTo(503);
        redis.start();
        awaitHealthy(vertx, a);
        awaitHealthy(vertx, b);

        // A command may fail while the pool reconnects; the client resends with the same ref, as the web client does.
        JsonObject after = callUntilAcked(s, "after-restart", new JsonObject().put("text", "after"));
        assertThat(k.awaitEventSeq(after.getLong("seq")).getJsonObject("data").getJsonObject("contribution")
            .getString("text")).isEqualTo("after");
        JsonObject fromKim = callUntilAcked(k, "kim-after", new JsonObject().put("text", "from node b"));
        assertThat(s.awaitEventSeq(fromKim.getLong("seq")).getJsonObject("data").getJsonObject("contribution")
            .getString("text")).isEqualTo("from node b");
      }
      try (WsClient fresh = WsClient.connect(vertx, b.port())) {
        JsonObject state = fresh.hello(w.facilitatorToken()).getJsonObject("state");
        assertThat(state.getJsonArray("contributions").stream().map(c -> ((JsonObject) c).getString("text")))
            .containsExactly("before", "after", "from node b");
      }
    }
  }

  private static JsonObject callUntilAcked(WsClient c, String ref, JsonObject args) {
    for (int attempt = 0; attempt < 20; attempt++) {
      c.cmd(ref, "contribution.add", args);
      JsonObject reply = c.reply(ref);
      if ("ack".equals(reply.getString("t"))) return reply;
      assertThat(reply.getString("code")).isEqualTo("INTERNAL");
    }
    throw new AssertionError("never acknowledged");
  }

  private static void awaitHealthy(Vertx vertx, TestNode node) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (node.api(vertx).get("/health", null).status() != 200) {
      if (System.nanoTime() > deadline) throw new AssertionError("node never became healthy again");
    }
  }
}
