package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two server processes' worth of nodes (each its own Vert.x) sharing one Redis. */
@ExtendWith(VertxExtension.class)
class TwoNodesTest {
  @RegisterExtension
  static final LiveNode a = LiveNode.create();
  static final LiveNode b = a.sibling();

  @Test
  @DisplayName("clients on two nodes posting at once all see one order: same seqs, same events, no gap, no duplicate")
  void oneOrderAcrossNodes(Vertx vertx) {
    Api.Created w = a.api(vertx).create("Plenary");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 4; i++) tokens.add((i % 2 == 0 ? a : b).api(vertx).join(w.joinCode(), "P" + i, null));
    List<WsClient> clients = new ArrayList<>();
    try {
      long start = -1;
      for (int i = 0; i < 4; i++) {
        WsClient c = WsClient.connect(vertx, (i % 2 == 0 ? a : b).port());
        long seq = c.hello(tokens.get(i)).getLong("seq");
        start = Math.max(start, seq);
        clients.add(c);
      }
      int perClient = 25;
      List<List<String>> refs = new ArrayList<>();
      for (int n = 0; n < perClient; n++) {
        for (int i = 0; i < clients.size(); i++) {
          if (n == 0) refs.add(new ArrayList<>());
          refs.get(i).add(clients.get(i).cmd("contribution.add", new JsonObject().put("text", "c" + i + " n" + n)));
        }
      }
      for (int i = 0; i < clients.size(); i++) {
        for (String ref : refs.get(i)) {
          JsonObject reply = clients.get(i).reply(ref);
          assertThat(reply.getString("t")).as("%s", reply).isEqualTo("ack");
        }
      }
      long last = start + (long) perClient * clients.size();
      List<String> reference = null;
      for (WsClient c : clients) {
        c.seen(f -> "ev".equals(f.getString("t")) && f.getLong("seq") == last);
        List<String> seen = new ArrayList<>();
        long expect = -1;
        for (JsonObject ev : c.events()) {
          if (!"contribution.added".equals(ev.getString("name"))) continue;
          if (expect > 0) assertThat(ev.getLong("seq")).as("consecutive seq").isEqualTo(expect);
          expect = ev.getLong("seq") + 1;
          seen.add(ev.getLong("seq") + ":" + ev.getJsonObject("data").getJsonObject("contribution").getString("text"));
        }
        assertThat(seen).hasSize(perClient * clients.size()).doesNotHaveDuplicates();
        if (reference == null) reference = seen;
        else assertThat(seen).isEqualTo(reference);
      }
    } finally {
      clients.forEach(WsClient::close);
    }
  }

  @Test
  @DisplayName("a client that drops from one node resumes on the other with exactly what it missed")
  void resumeOnAnotherNode(Vertx vertx) {
    Api.Created w = a.api(vertx).create("Failover");
    String sam = a.api(vertx).join(w.joinCode(), "Sam", null);
    String kim = b.api(vertx).join(w.joinCode(), "Kim", null);
    JsonObject welcome;
    try (WsClient s = a.connect(vertx)) {
      welcome = s.hello(sam);
    }
    try (WsClient k = a.join(vertx, kim)) {
      k.call("contribution.add", new JsonObject().put("text", "while Sam was away"));
    }
    try (WsClient s = b.connect(vertx)) {
      JsonObject resumed = s.resume(sam, welcome.getString("epoch"), welcome.getLong("seq"));
      assertThat(resumed.getBoolean("resumed")).isTrue();
      JsonObject ev = s.awaitEventSeq(welcome.getLong("seq") + 1);
      assertThat(ev.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo("while Sam was away");
    }
  }

  @Test
  @DisplayName("presence is shared: someone online on one node shows as online to a client on the other")
  void presenceAcrossNodes(Vertx vertx) {
    Api.Created w = a.api(vertx).create("Presence across nodes");
    String sam = a.api(vertx).join(w.joinCode(), "Sam", null);
    try (WsClient fac = a.join(vertx, w.facilitatorToken());
         WsClient s = b.join(vertx, sam)) {
      JsonObject p = fac.await(f -> "presence".equals(f.getString("t")) && f.getJsonArray("joined").contains("p2"));
      assertThat(p.getInteger("online")).isEqualTo(2);
    }
  }
}
