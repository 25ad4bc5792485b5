package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.ok;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keeping out someone who was removed: lock joining, or give the workshop a new join code. */
@ExtendWith(VertxExtension.class)
class JoinCodeE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  static final LiveNode other = node.sibling();

  private static final String LOCKED_MESSAGE = "This workshop is not letting new people join just now. Ask the facilitator.";

  private static JsonObject locked(boolean on) {
    return new JsonObject().put("settings", new JsonObject().put("joiningLocked", on));
  }

  private static String bare(String code) { return code.replace("-", ""); }

  private static Api.Reply newCode(Api api, Api.Created w, String bearer) {
    return api.post("/api/workshops/" + w.id() + "/join-code", null, bearer);
  }

  @Test
  @DisplayName("while joining is locked a new person gets 403 LOCKED in plain words; people already in reconnect; unlocked, joining works again")
  void lockJoining(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Support group");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = other.join(vertx, sam)) {
      JsonObject ack = ok(fac.call("workshop.update", locked(true)));
      JsonObject ev = evSeq(s, ack.getLong("seq"));
      assertThat(ev.getString("name")).isEqualTo("workshop.updated");
      assertThat(ev.getJsonObject("data").getJsonObject("workshop").getJsonObject("settings").getBoolean("joiningLocked"))
          .isTrue();

      for (LiveNode n : List.of(node, other)) {
        Api.Reply refused = n.api(vertx).tryJoin(w.joinCode(), "Removed Person", null);
        Api.assertError(refused, 403, "LOCKED", "a join while locked");
        assertThat(refused.error().getString("message")).isEqualTo(LOCKED_MESSAGE);
      }
      assertThat(api.get("/api/join/" + bare(w.joinCode())).body().getBoolean("joiningLocked")).isTrue();
      JsonObject again = other.welcome(vertx, sam);
      assertThat(again.getJsonObject("you").getString("name")).as("Sam is already in: their token still works").isEqualTo("Sam");
      assertThat(again.getJsonObject("state").getJsonObject("workshop").getJsonObject("settings").getBoolean("joiningLocked"))
          .isTrue();

      ok(fac.call("workshop.update", locked(false)));
      assertThat(api.tryJoin(w.joinCode(), "Kim", null).status()).isEqualTo(201);
    }
  }

  @Test
  @DisplayName("after removing someone, a new join code keeps them out: the old code opens nothing at once, everyone sees the new one")
  void newCodeKeepsTheRemovedOut(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Support group");
    String sam = api.join(w.joinCode(), "Sam", "carers");
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient display = other.join(vertx, w.displayToken());
         WsClient k = other.join(vertx, kim);
         WsClient s = node.connect(vertx)) {
      String samId = s.hello(sam).getJsonObject("you").getString("participantId");
      ok(fac.call("participant.remove", new JsonObject().put("id", samId)));
      assertThat(s.awaitClose()).isEqualTo((short) 4403);

      Api.Reply r = newCode(api, w, w.facilitatorToken());

      assertThat(r.status()).as(r.text()).isEqualTo(200);
      String code = r.body().getString("joinCode");
      assertThat(code).matches("[A-HJ-KMNP-Z2-9]{3}-[A-HJ-KMNP-Z2-9]{3}").isNotEqualTo(w.joinCode());
      assertThat(r.body().getJsonObject("links").getString("join")).isEqualTo("/j/" + bare(code));
      for (WsClient c : List.of(fac, display, k)) {
        JsonObject ev = c.seen(f -> "ev".equals(f.getString("t")) && "workshop.updated".equals(f.getString("name")));
        assertThat(ev.getJsonObject("data").getJsonObject("workshop").getString("joinCode")).isEqualTo(code);
      }

      for (LiveNode n : List.of(node, other)) {
        Api a = n.api(vertx);
        Api.assertError(a.tryJoin(w.joinCode(), "Sam again", "carers"), 404, "NOT_FOUND", "a join with the old code");
        Api.assertError(a.get("/api/join/" + bare(w.joinCode())), 404, "NOT_FOUND", "a preview of the old code");
      }
      assertThat(api.get("/api/join/" + bare(code)).body().getString("title")).isEqualTo("Support group");
      assertThat(other.api(vertx).tryJoin(code, "Lou", null).status()).isEqualTo(201);
      assertThat(node.welcome(vertx, kim).getJsonObject("state").getJsonObject("workshop").getString("joinCode"))
          .isEqualTo(code);
      assertThat(codesOf(vertx, w.id())).as("the code keys that open this workshop").containsExactly(bare(code));
    }
  }

  @Test
  @DisplayName("only this workshop's facilitators get a new code: 401 without a token, 403 for a participant, the display or another workshop")
  void onlyFacilitators(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Support group");
    Api.Created another = api.create("Another workshop");
    String sam = api.join(w.joinCode(), "Sam", null);

    Api.assertError(newCode(api, w, null), 401, "UNAUTHENTICATED", "no token");
    Api.assertError(newCode(api, w, "not-a-token"), 401, "UNAUTHENTICATED", "an unknown token");
    Api.assertError(newCode(api, w, sam), 403, "FORBIDDEN", "a participant");
    Api.assertError(newCode(api, w, w.displayToken()), 403, "FORBIDDEN", "the display");
    Api.assertError(newCode(api, w, another.facilitatorToken()), 403, "FORBIDDEN", "another workshop's facilitator");
    assertThat(api.tryJoin(w.joinCode(), "Kim", null).status()).as("the code is unchanged").isEqualTo(201);
  }

  @Test
  @DisplayName("after the end a new code switches the old one off, and expires with the workshop's data")
  void afterTheEnd(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Ended group").put("settings", new JsonObject().put("retentionDays", 2)));
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      ok(fac.call("workshop.end", new JsonObject()));
    }

    Api.Reply r = newCode(api, w, w.facilitatorToken());

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    String code = bare(r.body().getString("joinCode"));
    Api.assertError(api.get("/api/join/" + bare(w.joinCode())), 404, "NOT_FOUND", "a preview of the old code");
    assertThat(api.get("/api/join/" + code).body().getString("status")).isEqualTo("ended");
    Api.assertError(api.tryJoin(code, "Late", null), 410, "ENDED", "a join after the end");
    Redis redis = Redis.createClient(vertx, node.redisUrl());
    try {
      long ttl = Await.of(redis.send(Request.cmd(Command.TTL).arg("cg:code:" + code))).toLong();
      assertThat(ttl).as("seconds until the new code expires").isBetween(2 * 86_400L - 60, 2 * 86_400L);
    } finally {
      redis.close();
    }
  }

  /** The codes whose keys open this workshop, straight from Redis. */
  private static List<String> codesOf(Vertx vertx, String workshopId) {
    Redis redis = Redis.createClient(vertx, node.redisUrl());
    try {
      List<String> codes = new ArrayList<>();
      String cursor = "0";
      do {
        Response r = Await.of(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg("cg:code:*")
            .arg("COUNT").arg(1000)));
        cursor = r.get(0).toString();
        for (Response k : r.get(1)) {
          Response v = Await.of(redis.send(Request.cmd(Command.GET).arg(k.toString())));
          if (v != null && v.toString().equals(workshopId)) codes.add(k.toString().substring("cg:code:".length()));
        }
      } while (!cursor.equals("0"));
      return codes;
    } finally {
      redis.close();
    }
  }
}
