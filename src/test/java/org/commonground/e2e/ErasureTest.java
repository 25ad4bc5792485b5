package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What someone takes back is gone from everything a later reader can reach: the stored log, a late
 * joiner's resume, a display, another node, a report. Hidden words stay only where facilitators keep them.
 */
@ExtendWith(VertxExtension.class)
class ErasureTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  static final LiveNode other = node.sibling();

  private static final String WITHDRAWN = "my NHS number is 943 476 5919, please delete";
  private static final String REPLACED = "the ward sister shouted at my mum";
  private static final String EDITED = "staff were sometimes short with visitors";
  private static final String HIDDEN = "Dr Jones on ward 7 is useless";

  private Vertx vertx;
  private Api api;
  private Api.Created w;
  private String sam;
  private String kim;

  @BeforeEach
  void workshopWhereWordsAreTakenBack(Vertx vertx) {
    this.vertx = vertx;
    api = node.api(vertx);
    w = api.create("Taking words back");
    sam = api.join(w.joinCode(), "Sam", "carers");
    kim = api.join(w.joinCode(), "Kim", null);
  }

  /** Sam withdraws one post; Kim edits an anonymous one; the facilitator hides one of Sam's. Returns their ids. */
  private String[] takeWordsBack(WsClient fac, WsClient s, WsClient k) {
    String withdrawn = s.call("contribution.add", new JsonObject().put("text", WITHDRAWN).put("personalDataOk", true))
        .getJsonObject("result").getString("id");
    String edited = k.call("contribution.add", new JsonObject().put("text", REPLACED).put("anonymous", true))
        .getJsonObject("result").getString("id");
    String hidden = s.call("contribution.add", new JsonObject().put("text", HIDDEN))
        .getJsonObject("result").getString("id");
    assertThat(s.call("contribution.withdraw", new JsonObject().put("id", withdrawn)).getString("t")).isEqualTo("ack");
    assertThat(k.call("contribution.edit", new JsonObject().put("id", edited).put("text", EDITED)).getString("t"))
        .isEqualTo("ack");
    assertThat(fac.call("contribution.hide", new JsonObject().put("id", hidden)).getString("t")).isEqualTo("ack");
    return new String[] {withdrawn, edited, hidden};
  }

  @Test
  @DisplayName("withdrawn words and the words an edit replaced are nowhere in Redis; hidden words only in the facilitators' place")
  void storedLogKeepsFactsNotWords() {
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      takeWordsBack(fac, s, k);
    }
    List<String> everything = redisContents(w.id());
    assertThat(String.join("\n", everything)).doesNotContain("943 476 5919").doesNotContain(REPLACED).contains(EDITED);
    assertThat(everything.stream().filter(v -> v.contains("Dr Jones")))
        .as("hidden words are kept once, in the hidden-texts hash").hasSize(1)
        .allSatisfy(v -> assertThat(v).startsWith("hidden:"));
  }

  @Test
  @DisplayName("a late joiner who resumes from seq 0 gets a fresh state, never the history before they came")
  void lateJoinerCannotReplayHistory() {
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      takeWordsBack(fac, s, k);
    }
    String lee = api.join(w.joinCode(), "Lee", null);
    String epoch = node.welcome(vertx, lee).getString("epoch");
    for (String token : List.of(lee, w.displayToken())) {
      try (WsClient c = node.connect(vertx)) {
        JsonObject welcome = c.resume(token, epoch, 0);
        assertThat(welcome.getBoolean("resumed")).as("resume from 0 with %s", token).isFalse();
        assertThat(welcome.encode()).doesNotContain("943 476 5919").doesNotContain(REPLACED).doesNotContain("Dr Jones");
      }
    }
  }

  @Test
  @DisplayName("someone who was there resumes across a withdrawal, an edit and a hide without receiving the old words")
  void resumeAcrossErasureCarriesNoOldWords() {
    String epoch;
    long seq;
    try (WsClient k = node.connect(vertx)) {
      JsonObject welcome = k.hello(kim);
      epoch = welcome.getString("epoch");
      seq = welcome.getLong("seq");
    }
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      takeWordsBack(fac, s, k);
    }
    for (LiveNode n : List.of(node, other)) {
      try (WsClient k = n.connect(vertx)) {
        assertThat(k.resume(kim, epoch, seq).getBoolean("resumed")).isTrue();
        // The hide is the last thing replayed (await fails the test if it never comes).
        k.await(f -> "contribution.removed".equals(f.getString("name")) && f.getJsonObject("data").getBoolean("hidden"));
        String replay = k.received().toString();
        assertThat(replay).contains(EDITED).doesNotContain("943 476 5919").doesNotContain(REPLACED)
            .doesNotContain("Dr Jones");
      }
    }
  }

  @Test
  @DisplayName("a facilitator on a node that loads the workshop afresh still sees the hidden words, and unhiding brings them back to everyone")
  void unhideRestoresWordsFromTheFacilitatorsPlace() {
    String hidden;
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      hidden = takeWordsBack(fac, s, k)[2];
    }
    try (WsClient fac = other.connect(vertx); WsClient s = other.join(vertx, sam)) {
      JsonObject state = fac.hello(w.facilitatorToken()).getJsonObject("state");
      JsonObject shown = state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
          .filter(c -> c.getString("id").equals(hidden)).findFirst().orElseThrow();
      assertThat(shown.getString("text")).isEqualTo(HIDDEN);
      assertThat(shown.getBoolean("hidden")).isTrue();

      assertThat(fac.call("contribution.unhide", new JsonObject().put("id", hidden)).getString("t")).isEqualTo("ack");
      JsonObject back = s.awaitEvent("contribution.added");
      assertThat(back.getJsonObject("data").getJsonObject("contribution").getString("text")).isEqualTo(HIDDEN);
    }
    assertThat(redisContents(w.id()).stream().filter(v -> v.startsWith("hidden:"))).isEmpty();
  }

  @Test
  @DisplayName("a report taken after the words were taken back has none of them")
  void reportHasNoTakenBackWords() {
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      takeWordsBack(fac, s, k);
    }
    for (String format : List.of("md", "json", "csv")) {
      Api.Reply report = api.get("/api/workshops/" + w.id() + "/report?format=" + format, w.facilitatorToken());
      assertThat(report.status()).isEqualTo(200);
      assertThat(report.text()).as(format).contains(EDITED).doesNotContain("943 476 5919").doesNotContain(REPLACED)
          .doesNotContain("Dr Jones");
    }
  }

  /** Every value of every key of the workshop, each as "kind:field=value" or "kind:value", read straight from Redis. */
  private List<String> redisContents(String workshopId) {
    Redis redis = Redis.createClient(vertx, node.redisUrl());
    try {
      List<String> out = new ArrayList<>();
      Response keys = Await.of(redis.send(Request.cmd(Command.KEYS).arg("*" + workshopId + "*")));
      for (Response key : keys) {
        String name = key.toString();
        String type = Await.of(redis.send(Request.cmd(Command.TYPE).arg(name))).toString();
        String kind = name.substring(name.lastIndexOf(':') + 1);
        switch (type) {
          case "string" -> out.add(kind + ":" + Await.of(redis.send(Request.cmd(Command.GET).arg(name))));
          case "hash" -> {
            Response h = Await.of(redis.send(Request.cmd(Command.HGETALL).arg(name)));
            for (String f : h.getKeys()) out.add(kind + ":" + f + "=" + h.get(f));
          }
          case "stream" -> {
            for (Response e : Await.of(redis.send(Request.cmd(Command.XRANGE).arg(name).arg("-").arg("+")))) {
              out.add(kind + ":" + e.get(1).get(1));
            }
          }
          case "set" -> {
            for (Response m : Await.of(redis.send(Request.cmd(Command.SMEMBERS).arg(name)))) out.add(kind + ":" + m);
          }
          default -> out.add(kind + ":(" + type + ")");
        }
      }
      return out;
    } finally {
      redis.close();
    }
  }
}
