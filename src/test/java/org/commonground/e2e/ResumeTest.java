package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class ResumeTest {
  // Generous command rate: one test posts more events than the resume memory holds.
  @RegisterExtension
  static final LiveNode node = LiveNode.create(c -> c.withLimits(c.limits().withCommandRate(100_000, 100_000)));

  @Test
  @DisplayName("a dropped client that resumes with epoch and seq gets exactly the events it missed, then live ones")
  void resumeGetsExactlyTheMissedEvents(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Resume");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient k = node.join(vertx, kim)) {
      String epoch;
      long seq;
      try (WsClient s = node.connect(vertx)) {
        JsonObject welcome = s.hello(sam);
        epoch = welcome.getString("epoch");
        s.call("contribution.add", new JsonObject().put("text", "before the drop"));
        seq = s.events().get(s.events().size() - 1).getLong("seq");
      }
      for (int i = 0; i < 5; i++) k.call("contribution.add", new JsonObject().put("text", "while away " + i));
      long last = k.events().get(k.events().size() - 1).getLong("seq");
      try (WsClient s = node.connect(vertx)) {
        JsonObject welcome = s.resume(sam, epoch, seq);
        assertThat(welcome.getBoolean("resumed")).isTrue();
        assertThat(welcome.getLong("seq")).isEqualTo(seq);
        assertThat(welcome.containsKey("state")).isFalse();
        s.awaitEventSeq(last);
        List<Long> seqs = s.events().stream().map(e -> e.getLong("seq")).toList();
        assertThat(seqs).containsExactly(seq + 1, seq + 2, seq + 3, seq + 4, seq + 5);
        k.call("contribution.add", new JsonObject().put("text", "live again"));
        assertThat(s.awaitEventSeq(last + 1).getJsonObject("data").getJsonObject("contribution").getString("text"))
            .isEqualTo("live again");
      }
    }
  }

  @Test
  @DisplayName("an unknown epoch, or a seq from the future, gets the full state instead of a resume")
  void staleEpochGetsFullState(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Stale");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient s = node.connect(vertx)) {
      JsonObject welcome = s.resume(sam, "not-the-epoch", 1);
      assertThat(welcome.getBoolean("resumed")).isFalse();
      assertThat(welcome.getJsonObject("state")).isNotNull();
      String epoch = welcome.getString("epoch");
      try (WsClient s2 = node.connect(vertx)) {
        JsonObject ahead = s2.resume(sam, epoch, welcome.getLong("seq") + 100);
        assertThat(ahead.getBoolean("resumed")).isFalse();
        assertThat(ahead.getLong("seq")).isEqualTo(welcome.getLong("seq"));
      }
    }
  }

  @Test
  @DisplayName("a client away for longer than the in-memory history still resumes, from the log")
  void resumeFromTheLog(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Long absence");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    String epoch;
    long seq;
    try (WsClient s = node.connect(vertx)) {
      JsonObject welcome = s.hello(sam);
      epoch = welcome.getString("epoch");
      seq = welcome.getLong("seq");
    }
    int missed = 1_200;
    try (WsClient k = node.join(vertx, kim)) {
      // In windows: a workshop queues a bounded number of commands and refuses the rest.
      for (int i = 0; i < missed; i += 100) {
        String lastRef = null;
        for (int j = i; j < i + 100; j++) lastRef = k.cmd("contribution.add", new JsonObject().put("text", "note " + j));
        assertThat(k.reply(lastRef).getString("t")).isEqualTo("ack");
      }
    }
    try (WsClient s = node.connect(vertx)) {
      assertThat(s.resume(sam, epoch, seq).getBoolean("resumed")).isTrue();
      s.awaitEventSeq(seq + missed);
      List<JsonObject> events = s.events();
      assertThat(events).hasSize(missed);
      for (int i = 0; i < missed; i++) assertThat(events.get(i).getLong("seq")).isEqualTo(seq + 1 + i);
      assertThat(events.get(missed - 1).getJsonObject("data").getJsonObject("contribution").getString("text"))
          .isEqualTo("note " + (missed - 1));
    }
  }
}
