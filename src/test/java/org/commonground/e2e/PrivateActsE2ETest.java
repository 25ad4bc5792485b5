package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.id;
import static org.commonground.support.Frames.ok;
import static org.commonground.support.Frames.text;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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

/** Who reacted, voted or is ready is nobody else's business: no frame names them. */
@ExtendWith(VertxExtension.class)
class PrivateActsE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static JsonObject allowAll() {
    return new JsonObject().put("title", "Ideas").put("minutes", 10)
        .put("allow", new JsonArray().add("contribute").add("react").add("vote"));
  }

  @Test
  @DisplayName("a reaction reaches everyone, the display and the reactor too, with by null; the reactor still sees it is theirs")
  void reactionNamesNobody(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Crisis café").put("phases", new JsonArray().add(allowAll())));
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String alex = api.join(w.joinCode(), "Alex", "professionals");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient display = node.join(vertx, w.displayToken());
         WsClient s = node.join(vertx, sam);
         WsClient a = node.join(vertx, alex)) {
      String idea = id(s.call("contribution.add", text("Peer support in A&E")));

      JsonObject ack = ok(a.call("reaction.toggle", new JsonObject().put("contributionId", idea).put("reaction", "heart")));

      assertThat(ack.getJsonObject("result").getBoolean("on")).as("the reactor's own state, from its ack").isTrue();
      for (WsClient c : List.of(fac, display, s, a)) {
        JsonObject ev = evSeq(c, ack.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("contribution.reacted");
        assertThat(ev.getValue("by")).as("by, as %s", c == a ? "the reactor" : "someone else").isNull();
        assertThat(ev.getJsonObject("data").getJsonObject("reactions").getInteger("heart")).isEqualTo(1);
      }
      JsonObject reloaded = node.welcome(vertx, alex).getJsonObject("state");
      assertThat(reloaded.getJsonObject("yourReactions").getJsonArray(idea)).containsExactly("heart");
      assertThat(node.welcome(vertx, sam).getJsonObject("state").getJsonObject("yourReactions")).isEmpty();
    }
  }

  @Test
  @DisplayName("votes.changed and ready.changed carry totals only, with by null, for everyone")
  void votesAndReadyNameNobody(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Priorities").put("phases", new JsonArray().add(allowAll())));
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String alex = api.join(w.joinCode(), "Alex", "professionals");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient a = node.join(vertx, alex)) {
      ok(fac.call("phase.start", new JsonObject()));
      String idea = id(s.call("contribution.add", text("Evening clinics")));

      JsonObject vote = ok(a.call("vote.cast", new JsonObject().put("targetId", idea)));
      JsonObject ready = ok(a.call("ready.set", new JsonObject().put("ready", true)));

      for (WsClient c : List.of(fac, s, a)) {
        JsonObject v = evSeq(c, vote.getLong("seq"));
        assertThat(v.getValue("by")).isNull();
        assertThat(v.getJsonObject("data").fieldNames()).containsExactlyInAnyOrder("targetId", "votes");
        JsonObject r = evSeq(c, ready.getLong("seq"));
        assertThat(r.getValue("by")).isNull();
        assertThat(r.getJsonObject("data")).isEqualTo(new JsonObject().put("count", 1));
      }
    }
  }
}
