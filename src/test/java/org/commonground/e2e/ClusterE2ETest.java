package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commonground.config.AppConfig;
import org.commonground.config.RedisConfig;
import org.commonground.store.Keys;
import org.commonground.support.Await;
import org.commonground.support.Api;
import org.commonground.support.TestCluster;
import org.commonground.support.TestNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes started with {@code redis.type = cluster} on a real Redis Cluster, used as people would. */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
  @Order(1)
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

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("the master holding a workshop killed with SIGKILL while someone posts: posting resumes, every acknowledged post is there once")
  void masterKilledUnderPosting(Vertx vertx) {
    Api.Created w = a.api(vertx).create("Failover on a cluster");
    String kim = b.api(vertx).join(w.joinCode(), "Kim", null);
    List<String> acknowledged = new ArrayList<>();
    try (WsClient k = WsClient.join(vertx, b.port(), kim)) {
      for (int i = 0; i < 10; i++) acknowledged.add(post(vertx, k, "before " + i));
      cluster.killMasterOf(new Keys(AppConfig.defaults().redis().keyPrefix()).log(w.id()));
      for (int i = 0; i < 10; i++) acknowledged.add(post(vertx, k, "after " + i));
    }
    try (WsClient fac = WsClient.connect(vertx, a.port())) {
      List<String> texts = fac.hello(w.facilitatorToken()).getJsonObject("state").getJsonArray("contributions").stream()
          .map(o -> ((JsonObject) o).getString("text")).toList();
      assertThat(texts).containsExactlyInAnyOrderElementsOf(acknowledged);
    }
  }

  /**
   * Posts {@code text}, resending it with the same ref (as the web client's outbox does) while the node
   * answers that it could not save, until it is acknowledged; returns the text.
   */
  private static String post(Vertx vertx, WsClient c, String text) {
    String ref = "r-" + text.replace(' ', '-');
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      c.cmd(ref, "contribution.add", new JsonObject().put("text", text));
      JsonObject reply = c.await(f -> ("ack".equals(f.getString("t")) || "err".equals(f.getString("t")))
          && ref.equals(f.getString("ref")), Duration.ofSeconds(15));
      if ("ack".equals(reply.getString("t"))) return text;
      assertThat(reply.getString("code")).as("while the replica takes over: %s", reply).isEqualTo("INTERNAL");
      assertThat(System.nanoTime()).as(text + " acknowledged within 60 s").isLessThan(deadline);
      Await.of(vertx.timer(200));
    }
  }
}
