package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.evSeq;
import static org.commonground.support.Frames.id;
import static org.commonground.support.Frames.ok;
import static org.commonground.support.Frames.refused;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
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

/**
 * A series of meetings on two nodes: actions, the next meeting with what the first left open, a person coming
 * back as themselves, "you said, we did" read with a first-meeting link, and purging.
 */
@ExtendWith(VertxExtension.class)
class SeriesE2ETest {
  @RegisterExtension
  static final LiveNode a = LiveNode.create();
  static final LiveNode b = a.sibling();

  private static JsonObject args(Object... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], kv[i + 1]);
    return o;
  }

  private static List<JsonObject> list(JsonObject state, String field) {
    return state.getJsonArray(field).stream().map(JsonObject.class::cast).toList();
  }

  @Test
  @DisplayName("a first meeting's open items and actions go on to the next; an outcome set there shows on the first's page")
  void twoMeetings(Vertx vertx) {
    Api apiA = a.api(vertx);
    Api apiB = b.api(vertx);
    Api.Created first = apiA.create("March meeting");
    String sam = apiA.join(first.joinCode(), "Sam", "carers");
    String kim = apiB.join(first.joinCode(), "Kim", null);
    String taxisItem;
    try (WsClient fac = a.join(vertx, first.facilitatorToken());
         WsClient s = a.join(vertx, sam);
         WsClient k = b.join(vertx, kim)) {
      ok(fac.call("phase.start", new JsonObject()));
      taxisItem = id(s.call("contribution.add", args("text", "Transport to meetings", "kind", "parking")));
      ok(k.call("contribution.add", args("text", "Who pays for carers", "kind", "parking", "anonymous", true)));
      String handed = id(s.call("contribution.add", args("text", "Parking permits", "kind", "parking")));
      ok(fac.call("parking.update", args("id", handed, "status", "handed-on", "owner", "Estates team")));
      String takeaway = id(s.call("contribution.add", args("text", "Peer support works", "kind", "takeaway")));
      ok(fac.call("theme.create", args("label", "Getting there", "contributionIds", new JsonArray().add(takeaway))));

      JsonObject added = ok(fac.call("action.add", args("text", "Ask about taxis", "owner", "Jo", "due", "2026-04-01",
          "contributionId", taxisItem)));
      assertThat(added.getJsonObject("result").getString("id")).isEqualTo("a1");
      JsonObject seen = evSeq(k, added.getLong("seq"));
      assertThat(seen.getString("name")).isEqualTo("action.added");
      assertThat(seen.getJsonObject("data").getJsonObject("action").getString("status")).isEqualTo("open");
      ok(fac.call("action.add", args("text", "Write to the board")));
      ok(fac.call("action.add", args("text", "Share the notes")));
      ok(fac.call("action.update", args("id", "a2", "status", "in-progress")));
      ok(fac.call("action.update", args("id", "a3", "status", "done", "outcome", "Shared on 3 December")));

      refused(s.call("action.add", args("text", "Mine")), "FORBIDDEN");
      refused(s.call("action.update", args("id", "a1", "status", "done")), "FORBIDDEN");
      refused(fac.call("action.update", args("id", "a9", "status", "done")), "NOT_FOUND");
      refused(fac.call("action.update", args("id", "a1", "status", "finished")), "INVALID");
      refused(fac.call("action.add", args("text", "When?", "due", "3 December")), "INVALID");
      refused(fac.call("action.add", args("text", "  ")), "INVALID");
      ok(fac.call("workshop.end", new JsonObject()));
    }

    // Only this meeting's facilitator starts the next.
    Api.Created other = apiA.create("Another group");
    JsonObject next = args("title", "April meeting", "date", "2026-04-02");
    assertThat(apiB.post("/api/workshops/" + first.id() + "/next", next, sam).status()).isEqualTo(403);
    assertThat(apiB.post("/api/workshops/" + first.id() + "/next", next, other.facilitatorToken()).status()).isEqualTo(403);
    assertThat(apiB.post("/api/workshops/" + first.id() + "/next", next, null).status()).isEqualTo(401);
    assertThat(apiB.post("/api/workshops/" + first.id() + "/next", args("title", "X", "date", "April"),
        first.facilitatorToken()).status()).isEqualTo(400);

    Api.Reply made = apiB.post("/api/workshops/" + first.id() + "/next", next, first.facilitatorToken());
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    JsonObject body = made.body();
    assertThat(body.fieldNames()).contains("workshopId", "joinCode", "facilitatorToken", "displayToken", "links");
    String secondId = body.getString("workshopId");
    String fac2 = body.getString("facilitatorToken");

    JsonObject second = b.welcome(vertx, fac2).getJsonObject("state");
    JsonObject series = second.getJsonObject("series");
    assertThat(list(series, "meetings")).extracting(m -> m.getString("workshopId")).containsExactly(first.id(), secondId);
    assertThat(list(series, "meetings").get(0).getString("status")).isEqualTo("ended");
    assertThat(list(series, "meetings").get(1).getString("date")).isEqualTo("2026-04-02");
    assertThat(second.getJsonArray("phases").size()).as("the agenda is kept").isEqualTo(
        a.welcome(vertx, sam).getJsonObject("state").getJsonArray("phases").size());

    List<JsonObject> items = list(second, "contributions");
    assertThat(items).extracting(c -> c.getString("text")).containsExactly("Transport to meetings", "Who pays for carers");
    assertThat(items.get(0).getJsonObject("carriedFrom")).isEqualTo(args("workshopId", first.id(), "id", taxisItem));
    assertThat(items.get(0).getJsonObject("onBehalfOf").getString("name")).isEqualTo("Sam");
    assertThat(items.get(0).getString("author")).isNull();
    assertThat(items.get(1).getBoolean("anonymous")).isTrue();
    assertThat(items.get(1).getString("author")).isNull();
    assertThat(items.get(1).getValue("onBehalfOf")).isNull();
    assertThat(items).allSatisfy(c -> assertThat(c.getString("status")).isEqualTo("open"));

    List<JsonObject> actions = list(second, "actions");
    assertThat(actions).extracting(x -> x.getString("text")).containsExactly("Ask about taxis", "Write to the board");
    assertThat(actions.get(0).getJsonObject("carriedFrom")).isEqualTo(args("workshopId", first.id(), "id", "a1"));
    assertThat(actions.get(0).getString("contributionId")).isEqualTo(items.get(0).getString("id"));
    assertThat(actions.get(1).getString("status")).isEqualTo("in-progress");

    // The first meeting knows of the second (on the other node too).
    JsonObject firstState = a.welcome(vertx, sam).getJsonObject("state");
    assertThat(list(firstState.getJsonObject("series"), "meetings")).extracting(m -> m.getString("workshopId"))
        .containsExactly(first.id(), secondId);

    try (WsClient f2 = b.join(vertx, fac2)) {
      ok(f2.call("action.update", args("id", actions.get(0).getString("id"), "status", "done",
          "outcome", "Taxis booked from May")));
    }

    Api.Reply page = apiA.get("/api/series/" + series.getString("id") + "/outcomes", sam);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.text()).doesNotContain("Sam").doesNotContain("Kim").doesNotContain("Jo\"")
        .doesNotContain("author").doesNotContain("carers");
    List<JsonObject> meetings = list(page.body(), "meetings");
    assertThat(meetings).extracting(m -> m.getString("title")).containsExactly("March meeting", "April meeting");
    JsonObject march = meetings.get(0);
    assertThat(march.getJsonArray("takeaways").getList()).containsExactly("Peer support works");
    assertThat(list(march, "themes")).extracting(t -> t.getString("label")).containsExactly("Getting there");
    List<JsonObject> marchActions = list(march, "actions");
    assertThat(marchActions).extracting(x -> x.getString("text"))
        .containsExactly("Ask about taxis", "Write to the board", "Share the notes");
    assertThat(marchActions.get(0).getString("status")).isEqualTo("done");
    assertThat(marchActions.get(0).getString("outcome")).isEqualTo("Taxis booked from May");
    assertThat(marchActions.get(0).getString("updatedIn")).isEqualTo(secondId);
    assertThat(marchActions.get(2).getString("outcome")).isEqualTo("Shared on 3 December");
    assertThat(list(meetings.get(1), "actions")).as("carried actions are shown where they began").isEmpty();

    assertThat(apiA.get("/api/series/" + series.getString("id") + "/outcomes").status()).isEqualTo(401);
    assertThat(apiA.get("/api/series/" + series.getString("id") + "/outcomes", other.facilitatorToken()).status())
        .isEqualTo(403);

    // Sam comes back from the same device: no name to type, the same group.
    String code2 = body.getString("joinCode");
    assertThat(apiB.get("/api/join/" + code2).body().getJsonObject("series").getJsonArray("workshopIds").getList())
        .contains(first.id());
    Api.Reply back = apiB.post("/api/join", args("joinCode", code2, "returning", sam), null);
    assertThat(back.status()).as(back.text()).isEqualTo(201);
    JsonObject welcomeBack = b.welcome(vertx, back.body().getString("token"));
    assertThat(welcomeBack.getJsonObject("you").getString("name")).isEqualTo("Sam");
    assertThat(list(welcomeBack.getJsonObject("state"), "participants"))
        .filteredOn(p -> "Sam".equals(p.getString("name"))).singleElement()
        .satisfies(p -> assertThat(p.getString("group")).isEqualTo("carers"));
    Api.Reply stranger = apiB.post("/api/join", args("joinCode", code2, "returning", other.facilitatorToken()), null);
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.error().getString("message")).contains("Type your name");
  }

  @Test
  @DisplayName("purging a meeting takes it out of the series; when none is left nothing of the series stays in Redis")
  void purge(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("One");
    String sam = api.join(first.joinCode(), "Sam", null);
    Api.Reply made = b.api(vertx).post("/api/workshops/" + first.id() + "/next", args("title", "Two"),
        first.facilitatorToken());
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    String secondId = made.body().getString("workshopId");
    String seriesId = a.welcome(vertx, sam).getJsonObject("state").getJsonObject("series").getString("id");

    assertThat(b.api(vertx).request(HttpMethod.DELETE, "/api/workshops/" + secondId, null,
        Api.auth(made.body().getString("facilitatorToken")), null).status()).isEqualTo(204);
    JsonObject left = a.welcome(vertx, sam).getJsonObject("state").getJsonObject("series");
    assertThat(list(left, "meetings")).extracting(m -> m.getString("workshopId")).containsExactly(first.id());
    assertThat(list(api.get("/api/series/" + seriesId + "/outcomes", sam).body(), "meetings")).hasSize(1);

    assertThat(api.request(HttpMethod.DELETE, "/api/workshops/" + first.id(), null, Api.auth(first.facilitatorToken()),
        null).status()).isEqualTo(204);
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(a.redisUrl()));
    try {
      List<String> keys = new ArrayList<>();
      for (Response k : Await.of(redis.send(Request.cmd(Command.KEYS).arg("*")))) keys.add(k.toString());
      assertThat(keys).noneMatch(k -> k.contains(first.id()) || k.contains(secondId) || k.contains(seriesId));
    } finally {
      redis.close();
    }
  }
}
