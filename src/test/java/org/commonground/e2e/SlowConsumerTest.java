package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.commonground.support.Api;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SlowConsumerTest {

  @Test
  @DisplayName("a client that stops reading is disconnected with 1013 instead of growing server memory, resumes, and loses nothing")
  void slowConsumerIsDroppedAndResumes(Vertx vertx) {
    try (TestRedis redis = new TestRedis();
         TestNode node = TestNode.start(redis.url(),
             c -> c.withLimits(c.limits().withCommandRate(100_000, 100_000).withWriteQueueMaxBytes(16 * 1024)))) {
      Api api = node.api(vertx);
      Api.Created w = api.create("Slow phone");
      String slowToken = api.join(w.joinCode(), "Slow", null);
      String busyToken = api.join(w.joinCode(), "Busy", null);
      WsClient slow = WsClient.connect(vertx, node.port());
      JsonObject welcome = slow.hello(slowToken);
      slow.pause();
      String text = "x".repeat(1000);
      long lastSeq = 0;
      try (WsClient busy = WsClient.join(vertx, node.port(), busyToken)) {
        // Enough to fill the kernel's socket buffers and then the server's bounded write queue.
        for (int round = 0; round < 200 && !node.scrape().contains("cg_slow_consumers_dropped_total 1.0"); round++) {
          String ref = null;
          for (int i = 0; i < 100; i++) ref = busy.cmd("contribution.add", new JsonObject().put("text", text));
          lastSeq = busy.reply(ref).getLong("seq");
        }
      }
      assertThat(node.scrape()).contains("cg_slow_consumers_dropped_total 1.0");
      slow.resume();
      assertThat(slow.awaitClose()).isEqualTo((short) 1013);
      long heard = slow.events().isEmpty() ? welcome.getLong("seq")
          : slow.events().get(slow.events().size() - 1).getLong("seq");
      slow.close();

      try (WsClient again = WsClient.connect(vertx, node.port())) {
        assertThat(again.resume(slowToken, welcome.getString("epoch"), heard).getBoolean("resumed")).isTrue();
        again.awaitEventSeq(lastSeq);
        assertThat(again.events().get(0).getLong("seq")).isEqualTo(heard + 1);
        assertThat(again.events()).hasSize((int) (lastSeq - heard));
      }
    }
  }
}
