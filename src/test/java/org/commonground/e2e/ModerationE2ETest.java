package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.id;
import static org.commonground.support.Frames.ok;
import static org.commonground.support.Frames.refused;
import static org.commonground.support.Frames.text;

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

/** The facilitator's hand on the room: parking lot, spotlight, removing someone, the workshop's settings. */
@ExtendWith(VertxExtension.class)
class ModerationE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  static final LiveNode other = node.sibling();

  // ---------------------------------------------------------------- parking lot

  @Test
  @DisplayName("parking: a parking contribution is in state.parking, open; handing it on shows status and owner to everyone")
  void parkingLot(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Parking lot");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      JsonObject added = ok(s.call("contribution.add", text("who pays for travel?").put("kind", "parking")));
      String id = added.getJsonObject("result").getString("id");
      JsonObject c = evSeq(k, added.getLong("seq")).getJsonObject("data").getJsonObject("contribution");
      assertThat(c.getString("kind")).isEqualTo("parking");
      assertThat(c.getString("status")).isEqualTo("open");
      assertThat(c.getValue("owner")).isNull();
      String idea = id(s.call("contribution.add", text("an ordinary idea")));

      JsonObject state = node.welcome(vertx, kim).getJsonObject("state");
      assertThat(state.getJsonArray("parking").getList()).containsExactly(id);
      assertThat(contribution(state, id).getString("status")).isEqualTo("open");

      refused(s.call("parking.update", new JsonObject().put("id", id).put("status", "revisited")), "FORBIDDEN");
      refused(fac.call("parking.update", new JsonObject().put("id", id).put("status", "handed-on")), "INVALID");
      refused(fac.call("parking.update", new JsonObject().put("id", idea).put("status", "revisited")), "INVALID");
      refused(fac.call("parking.update", new JsonObject().put("id", "c999").put("status", "revisited")), "NOT_FOUND");

      JsonObject handed = ok(fac.call("parking.update", new JsonObject().put("id", id).put("status", "handed-on")
          .put("owner", "Estates team")));
      for (WsClient client : List.of(fac, s, k)) {
        JsonObject ev = evSeq(client, handed.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("contribution.updated");
        JsonObject u = ev.getJsonObject("data").getJsonObject("contribution");
        assertThat(u.getString("id")).isEqualTo(id);
        assertThat(u.getString("status")).isEqualTo("handed-on");
        assertThat(u.getString("owner")).isEqualTo("Estates team");
        assertThat(u.getString("text")).isEqualTo("who pays for travel?");
      }
      JsonObject after = node.welcome(vertx, sam).getJsonObject("state");
      assertThat(after.getJsonArray("parking").getList()).containsExactly(id);
      assertThat(contribution(after, id).getString("status")).isEqualTo("handed-on");
      assertThat(contribution(after, id).getString("owner")).isEqualTo("Estates team");

      JsonObject revisited = ok(fac.call("parking.update", new JsonObject().put("id", id).put("status", "revisited")));
      JsonObject r = evSeq(s, revisited.getLong("seq")).getJsonObject("data").getJsonObject("contribution");
      assertThat(r.getString("status")).isEqualTo("revisited");
      assertThat(r.getValue("owner")).as("only a handed-on item has an owner").isNull();
    }
  }

  // ---------------------------------------------------------------- spotlight

  @Test
  @DisplayName("spotlight.set on a contribution reaches the display and everyone, null clears it, an unknown id is NOT_FOUND")
  void spotlight(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Spotlight");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient display = node.join(vertx, w.displayToken())) {
      String id = id(s.call("contribution.add", text("listen before you fix")));
      JsonObject on = ok(fac.call("spotlight.set", new JsonObject().put("type", "contribution").put("id", id)));
      for (WsClient c : List.of(display, s)) {
        JsonObject ev = evSeq(c, on.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("spotlight.changed");
        assertThat(ev.getJsonObject("data").getJsonObject("spotlight").getMap())
            .containsExactlyInAnyOrderEntriesOf(new JsonObject().put("type", "contribution").put("id", id).getMap());
      }
      JsonObject state = node.welcome(vertx, w.displayToken()).getJsonObject("state");
      assertThat(state.getJsonObject("spotlight").getString("id")).isEqualTo(id);
      assertThat(state.getJsonObject("spotlight").getString("type")).isEqualTo("contribution");
      assertThat(ok(fac.call("spotlight.set", new JsonObject().put("type", "contribution").put("id", id)))
          .getValue("seq")).as("the same spotlight again").isNull();

      refused(fac.call("spotlight.set", new JsonObject().put("type", "contribution").put("id", "c999")), "NOT_FOUND");
      refused(fac.call("spotlight.set", new JsonObject().put("type", "theme").put("id", "t999")), "NOT_FOUND");
      refused(s.call("spotlight.set", new JsonObject().put("type", "contribution").put("id", id)), "FORBIDDEN");

      JsonObject off = ok(fac.call("spotlight.set", new JsonObject().put("type", null).put("id", null)));
      for (WsClient c : List.of(display, s)) {
        JsonObject ev = evSeq(c, off.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("spotlight.changed");
        assertThat(ev.getJsonObject("data").containsKey("spotlight")).isTrue();
        assertThat(ev.getJsonObject("data").getValue("spotlight")).isNull();
      }
      assertThat(node.welcome(vertx, sam).getJsonObject("state").getValue("spotlight")).isNull();
    }
  }

  // ---------------------------------------------------------------- removal

  @Test
  @DisplayName("participant.remove: every open socket of theirs closes 4403 (on both nodes), their token opens nothing, their posts stay")
  void removeParticipant(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Removal");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient phone = node.connect(vertx);
         WsClient laptop = node.join(vertx, sam);
         WsClient tablet = other.join(vertx, sam);
         WsClient k = other.join(vertx, kim)) {
      String samId = phone.hello(sam).getJsonObject("you").getString("participantId");
      String post = id(phone.call("contribution.add", text("I was here")));
      ok(phone.call("hand.raise", new JsonObject()));
      long lastBefore = ok(phone.call("ready.set", new JsonObject().put("ready", true))).getLong("seq");

      refused(k.call("participant.remove", new JsonObject().put("id", samId)), "FORBIDDEN");
      refused(fac.call("participant.remove", new JsonObject().put("id", "p999")), "NOT_FOUND");

      JsonObject removed = ok(fac.call("participant.remove", new JsonObject().put("id", samId)));
      assertThat(removed.getLong("seq")).isGreaterThan(lastBefore);
      for (WsClient c : List.of(phone, laptop, tablet)) {
        assertThat(c.awaitClose()).as("each of Sam's sockets").isEqualTo((short) 4403);
      }
      JsonObject told = k.seen(f -> "ev".equals(f.getString("t")) && "participant.removed".equals(f.getString("name")));
      assertThat(told.getJsonObject("data").getString("id")).isEqualTo(samId);
      assertThat(told.getLong("seq")).isGreaterThan(lastBefore).isLessThanOrEqualTo(removed.getLong("seq"));
      evSeq(k, removed.getLong("seq"));
      assertThat(k.isClosed()).as("others stay connected").isFalse();

      for (LiveNode n : List.of(node, other)) {
        try (WsClient again = n.connect(vertx)) {
          again.send(new JsonObject().put("t", "hello").put("token", sam));
          assertThat(again.awaitClose()).as("the token of a removed participant").isEqualTo((short) 4403);
          assertThat(again.received()).noneMatch(f -> "welcome".equals(f.getString("t")));
        }
      }

      JsonObject state = other.welcome(vertx, kim).getJsonObject("state");
      assertThat(state.getJsonArray("participants").stream().map(JsonObject.class::cast)
          .map(p -> p.getString("id")).toList()).doesNotContain(samId);
      JsonObject kept = contribution(state, post);
      assertThat(kept.getString("text")).isEqualTo("I was here");
      assertThat(kept.getString("author")).isEqualTo(samId);
      assertThat(kept.getString("group")).isEqualTo("carers");
      assertThat(state.getJsonArray("hands").getList()).as("their hand goes").isEmpty();
      assertThat(state.getInteger("readyCount")).as("their ready flag goes").isZero();
      refused(fac.call("participant.remove", new JsonObject().put("id", samId)), "NOT_FOUND");
    }
  }

  // ---------------------------------------------------------------- settings

  @Test
  @DisplayName("workshop.update: a new title and settings merged into the effective ones reach everyone in workshop.updated")
  void updateWorkshop(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Draft title")
        .put("settings", new JsonObject().put("anonymity", "always")));
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = other.join(vertx, sam)) {
      JsonObject before = node.welcome(vertx, sam).getJsonObject("state").getJsonObject("workshop");
      JsonObject ack = ok(fac.call("workshop.update", new JsonObject().put("title", "Crisis care: what works")
          .put("settings", new JsonObject().put("votesPerParticipant", 3).put("confidential", true))));
      JsonObject ev = evSeq(s, ack.getLong("seq"));
      assertThat(ev.getString("name")).isEqualTo("workshop.updated");
      JsonObject workshop = ev.getJsonObject("data").getJsonObject("workshop");
      assertThat(workshop.getString("id")).isEqualTo(w.id());
      assertThat(workshop.getString("title")).isEqualTo("Crisis care: what works");
      assertThat(workshop.getString("status")).isEqualTo("lobby");
      JsonObject settings = workshop.getJsonObject("settings");
      JsonObject expected = before.getJsonObject("settings").copy().put("votesPerParticipant", 3).put("confidential", true);
      assertThat(settings).as("merged: the rest stays as it was").isEqualTo(expected);
      assertThat(settings.getString("anonymity")).isEqualTo("always");
      assertThat(settings.getInteger("retentionDays")).isEqualTo(30);

      JsonObject more = ok(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("minGroupSize", 5))));
      JsonObject merged = evSeq(s, more.getLong("seq")).getJsonObject("data").getJsonObject("workshop");
      assertThat(merged.getString("title")).as("no title given: kept").isEqualTo("Crisis care: what works");
      assertThat(merged.getJsonObject("settings")).isEqualTo(expected.copy().put("minGroupSize", 5));

      assertThat(ok(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("minGroupSize", 5))))
          .getValue("seq")).as("nothing new").isNull();
      refused(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("votesPerParticipant", 50))),
          "INVALID");
      refused(s.call("workshop.update", new JsonObject().put("title", "Mine now")), "FORBIDDEN");

      JsonObject state = other.welcome(vertx, sam).getJsonObject("state").getJsonObject("workshop");
      assertThat(state.getString("title")).isEqualTo("Crisis care: what works");
      assertThat(state.getJsonObject("settings")).isEqualTo(expected.copy().put("minGroupSize", 5));
    }
  }

  // ---------------------------------------------------------------- helpers

  private static JsonObject contribution(JsonObject state, String id) {
    return state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no contribution " + id + " in " + state.encode()));
  }
}
