package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LiveWorkshopTest {
  static TestRedis redis;
  static TestNode node;

  @BeforeAll
  static void start() {
    redis = new TestRedis();
    node = TestNode.start(redis.url());
  }

  @AfterAll
  static void stop() {
    node.close();
    redis.close();
  }

  @Test
  @DisplayName("a participant's post reaches everyone, and the sender gets the ev before the ack")
  void postReachesEveryone(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Crisis café");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    try (WsClient fac = WsClient.join(vertx, node.port(), w.facilitatorToken());
         WsClient p = WsClient.join(vertx, node.port(), sam)) {
      String ref = p.cmd("contribution.add", new JsonObject().put("text", "  tea!!  "));
      JsonObject ack = p.reply(ref);
      assertThat(ack.getString("t")).isEqualTo("ack");
      List<JsonObject> frames = p.received();
      int evAt = -1;
      int ackAt = -1;
      for (int i = 0; i < frames.size(); i++) {
        JsonObject f = frames.get(i);
        if ("ev".equals(f.getString("t")) && f.getLong("seq").equals(ack.getLong("seq"))) evAt = i;
        if (ref.equals(f.getString("ref"))) ackAt = i;
      }
      assertThat(evAt).as("ev before ack").isGreaterThanOrEqualTo(0).isLessThan(ackAt);
      JsonObject ev = fac.awaitEvent("contribution.added");
      JsonObject c = ev.getJsonObject("data").getJsonObject("contribution");
      assertThat(c.getString("text")).isEqualTo("tea!!");
      assertThat(c.getString("group")).isEqualTo("carers");
      assertThat(ev.getString("by")).isEqualTo(c.getString("author"));
    }
  }
}
