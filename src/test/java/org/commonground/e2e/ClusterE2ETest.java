package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.commonground.config.RedisConfig;
import org.commonground.support.Api;
import org.commonground.support.TestCluster;
import org.commonground.support.TestNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes started with {@code redis.type = cluster} on a real Redis Cluster, used as people would. */
@ExtendWith(VertxExtension.class)
class ClusterE2ETest {
  private static TestCluster cluster;
  private static TestNode a;
  private static TestNode b;

  @BeforeAll
  static void start() {
    cluster = new TestCluster();
    a = node();
    b = node();
  }

  private static TestNode node() {
    return TestNode.start(cluster.url(), c -> c.withRedis(new RedisConfig(cluster.url(), c.redis().keyPrefix(),
        c.redis().poolSize(), c.redis().appendfsync(), "cluster", null)));
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
    cluster.close();
  }

  @Test
  @DisplayName("create, join on two nodes, post: everyone sees it; someone who drops resumes on the other node with what they missed")
  void createJoinPostResume(Vertx vertx) {
    Api.Created w = a.api(vertx).create("On a cluster");
    String sam = a.api(vertx).join(w.joinCode(), "Sam", null);
    String kim = b.api(vertx).join(w.joinCode(), "Kim", null);
    JsonObject welcome;
    try (WsClient fac = WsClient.join(vertx, a.port(), w.facilitatorToken());
         WsClient s = WsClient.connect(vertx, a.port())) {
      welcome = s.hello(sam);
      try (WsClient k = WsClient.join(vertx, b.port(), kim)) {
        k.call("contribution.add", new JsonObject().put("text", "posted on node B"));
        JsonObject seen = fac.await(f -> "ev".equals(f.getString("t")) && "contribution.added".equals(f.getString("name")));
        assertThat(seen.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo("posted on node B");
        s.awaitEventSeq(seen.getLong("seq"));
        welcome = welcome.put("seq", seen.getLong("seq"));
      }
    }
    try (WsClient k = WsClient.join(vertx, b.port(), kim)) {
      k.call("contribution.add", new JsonObject().put("text", "while Sam was away"));
    }
    try (WsClient s = WsClient.connect(vertx, b.port())) {
      JsonObject resumed = s.resume(sam, welcome.getString("epoch"), welcome.getLong("seq"));
      assertThat(resumed.getBoolean("resumed")).isTrue();
      JsonObject ev = s.awaitEventSeq(welcome.getLong("seq") + 1);
      assertThat(ev.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo("while Sam was away");
    }
  }
}
