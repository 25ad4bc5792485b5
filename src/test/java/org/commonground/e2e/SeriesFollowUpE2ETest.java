package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Frames.id;
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
import java.util.concurrent.CompletableFuture;
import org.commonground.config.AppConfig;
import org.commonground.hub.Creation;
import org.commonground.protocol.Json;
import org.commonground.protocol.SequencedEvent;
import org.commonground.protocol.WorkshopBounds;
import org.commonground.protocol.WorkshopSpecs;
import org.commonground.store.Ids;
import org.commonground.store.Keys;
import org.commonground.store.RedisWorkshopStore;
import org.commonground.store.StoredEvent;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens in one meeting reaches the others of its series, on three nodes: a withdrawal reaches every
 * carried copy (also when the node that stored it died before telling), a start or an end reaches every list,
 * meetings started at once list each other, an expired meeting leaves the lists; and starting the next meeting
 * is safe to retry, checks its body first, and stops at the most meetings a series may have.
 */
@ExtendWith(VertxExtension.class)
class SeriesFollowUpE2ETest {
  @RegisterExtension
  static final LiveNode a = LiveNode.create();
  static final LiveNode b = a.sibling();
  static final LiveNode c = a.sibling();

  private static final String SECRET = "my daughter Ellie at Oak Road school is being bullied";

  private static JsonObject args(Object... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], kv[i + 1]);
    return o;
  }

  private static List<String> meetingsOf(JsonObject welcome) {
    return welcome.getJsonObject("state").getJsonObject("series").getJsonArray("meetings").stream()
        .map(JsonObject.class::cast).map(m -> m.getString("workshopId")).toList();
  }

  private static List<String> texts(JsonObject welcome) {
    return welcome.getJsonObject("state").getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .map(x -> x.getString("text")).toList();
  }

  private static boolean withdrawal(JsonObject f) {
    return "contribution.removed".equals(f.getString("name")) && !f.getJsonObject("data").getBoolean("hidden");
  }

  private static Api.Reply next(Api api, String fromId, String token, JsonObject body) {
    return api.post("/api/workshops/" + fromId + "/next", body, token);
  }

  private static Api.Reply made(Api api, String fromId, String token, JsonObject body) {
    Api.Reply r = next(api, fromId, token, body);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r;
  }

  @Test
  @DisplayName("an item withdrawn in the first meeting vanishes live from its copies two meetings on, their reports and Redis")
  void withdrawalReachesEveryCopy(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", "carers");
    String item;
    try (WsClient s = a.join(vertx, sam)) {
      item = id(s.call("contribution.add", args("text", SECRET, "kind", "parking")));
      ok(s.call("contribution.add", args("text", "Who pays for carers", "kind", "parking")));
    }
    JsonObject second = made(b.api(vertx), first.id(), first.facilitatorToken(), args("title", "April meeting")).body();
    JsonObject third = made(c.api(vertx), second.getString("workshopId"), second.getString("facilitatorToken"),
        args("title", "May meeting")).body();
    String fac2 = second.getString("facilitatorToken");
    String fac3 = third.getString("facilitatorToken");
    assertThat(texts(c.welcome(vertx, fac3))).contains(SECRET);

    try (WsClient f2 = b.join(vertx, fac2); WsClient f3 = c.join(vertx, fac3); WsClient s = a.join(vertx, sam)) {
      ok(s.call("contribution.withdraw", args("id", item)));
      assertThat(f2.await(SeriesFollowUpE2ETest::withdrawal).getValue("by")).isNull();
      f3.await(SeriesFollowUpE2ETest::withdrawal);
    }
    for (LiveNode n : List.of(a, b, c)) {
      assertThat(texts(n.welcome(vertx, fac2))).containsExactly("Who pays for carers");
      assertThat(texts(n.welcome(vertx, fac3))).containsExactly("Who pays for carers");
    }
    for (JsonObject m : List.of(second, third)) {
      for (String format : List.of("md", "json", "csv")) {
        Api.Reply report = api.get("/api/workshops/" + m.getString("workshopId") + "/report?format=" + format,
            m.getString("facilitatorToken"));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).as(format).contains("Who pays for carers").doesNotContain("Oak Road");
      }
    }
    String seriesId = a.welcome(vertx, sam).getJsonObject("state").getJsonObject("series").getString("id");
    assertThat(api.get("/api/series/" + seriesId + "/outcomes", sam).text()).doesNotContain("Oak Road");
    assertThat(redisValues(vertx)).noneMatch(v -> v.contains("Oak Road"));
  }

  @Test
  @DisplayName("a withdrawal stored by a node that died before telling the next meeting reaches it when a node loads it")
  void withdrawalSurvivesANodeDying(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", null);
    String item;
    try (WsClient s = a.join(vertx, sam)) {
      item = id(s.call("contribution.add", args("text", SECRET, "kind", "parking")));
    }
    JsonObject second = made(b.api(vertx), first.id(), first.facilitatorToken(), args("title", "April meeting")).body();
    String fac2 = second.getString("facilitatorToken");

    try (WsClient onB = b.join(vertx, fac2)) {
      // Stored as the withdrawing node stores it; that node is gone before it tells anyone else.
      Redis redis = Redis.createClient(vertx, a.redisUrl());
      try {
        RedisWorkshopStore store = new RedisWorkshopStore(redis, new Keys(AppConfig.defaults().redis().keyPrefix()), 900);
        long seq = Await.of(store.seq(first.id()));
        String body = SequencedEvent.bodyWithoutSeq(System.currentTimeMillis(),
            new Emitted(null, new Event.ContributionRemoved(item, false, null)));
        Await.of(store.append(first.id(), seq, "p2", "died-" + item, "{}",
            List.of(new StoredEvent(body, new StoredEvent.TextOp(StoredEvent.TextOp.Kind.ERASE, item, null))), List.of()));
      } finally {
        redis.close();
      }
      // A node that loads the next meeting afresh finds the item gone where it came from.
      try (WsClient onC = c.connect(vertx)) {
        if (texts(onC.hello(fac2)).contains(SECRET)) onC.await(SeriesFollowUpE2ETest::withdrawal);
      }
      onB.await(SeriesFollowUpE2ETest::withdrawal);
    }
    assertThat(texts(b.welcome(vertx, fac2))).isEmpty();
    assertThat(texts(c.welcome(vertx, fac2))).isEmpty();
  }

  @Test
  @DisplayName("the next meeting asked for twice with one requestId is one meeting, answered both times with working links")
  void retriedNextIsOneMeeting(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", null);
    try (WsClient s = a.join(vertx, sam)) {
      ok(s.call("contribution.add", args("text", "Transport to meetings", "kind", "parking")));
    }
    JsonObject body = args("title", "April meeting", "requestId", "retry-0123456789");
    JsonObject once = made(b.api(vertx), first.id(), first.facilitatorToken(), body).body();
    JsonObject twice = made(c.api(vertx), first.id(), first.facilitatorToken(), body).body();

    assertThat(twice.getString("workshopId")).isEqualTo(once.getString("workshopId"));
    assertThat(twice.getString("joinCode")).isEqualTo(once.getString("joinCode"));
    for (String token : List.of(once.getString("facilitatorToken"), twice.getString("facilitatorToken"))) {
      JsonObject welcome = a.welcome(vertx, token);
      assertThat(welcome.getJsonObject("you").getString("role")).isEqualTo("facilitator");
      assertThat(texts(welcome)).as("carried once").containsExactly("Transport to meetings");
    }
    assertThat(a.welcome(vertx, twice.getString("displayToken")).getJsonObject("you").getString("role")).isEqualTo("display");
    assertThat(meetingsOf(a.welcome(vertx, sam))).containsExactly(first.id(), once.getString("workshopId"));
  }

  @Test
  @DisplayName("a meeting created but never carried into (its node died) is finished by the retry, not made twice")
  void retryFinishesAHalfMadeMeeting(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", null);
    try (WsClient s = a.join(vertx, sam)) {
      ok(s.call("contribution.add", args("text", "Transport to meetings", "kind", "parking")));
    }
    String key = "half-made-0123456789";
    String halfMade = Ids.workshopIdFrom(first.id() + "/" + key);
    Redis redis = Redis.createClient(vertx, a.redisUrl());
    try {
      RedisWorkshopStore store = new RedisWorkshopStore(redis, new Keys(AppConfig.defaults().redis().keyPrefix()), 900);
      Await.of(new Creation(store).create(halfMade, WorkshopSpecs.parse(Json.parseObject("{\"title\":\"April meeting\"}"))));
    } finally {
      redis.close();
    }

    JsonObject made = made(b.api(vertx), first.id(), first.facilitatorToken(),
        args("title", "April meeting", "requestId", key)).body();
    assertThat(made.getString("workshopId")).isEqualTo(halfMade);
    JsonObject welcome = b.welcome(vertx, made.getString("facilitatorToken"));
    assertThat(texts(welcome)).containsExactly("Transport to meetings");
    assertThat(meetingsOf(welcome)).containsExactly(first.id(), halfMade);
    assertThat(meetingsOf(a.welcome(vertx, sam))).containsExactly(first.id(), halfMade);
  }

  @Test
  @DisplayName("a bad body is 400 before the token or the meeting is looked at")
  void bodyCheckedFirst(Vertx vertx) {
    Api api = a.api(vertx);
    for (Api.Reply r : List.of(next(api, "nosuchmeeting", null, args("title", "")),
        next(api, "nosuchmeeting", "not-a-token", args("title", "May", "date", "in May")),
        next(api, "nosuchmeeting", null, args("title", "May", "requestId", "a b")))) {
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.error().getString("code")).isEqualTo("INVALID");
    }
  }

  @Test
  @DisplayName("two next meetings started at once list each other, and every meeting lists both")
  void startedAtOnce(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", null);
    CompletableFuture<JsonObject> one = CompletableFuture.supplyAsync(
        () -> made(a.api(vertx), first.id(), first.facilitatorToken(), args("title", "April, room 1")).body());
    CompletableFuture<JsonObject> two = CompletableFuture.supplyAsync(
        () -> made(a.api(vertx), first.id(), first.facilitatorToken(), args("title", "April, room 2")).body());
    JsonObject x = one.join();
    JsonObject y = two.join();
    List<String> all = List.of(first.id(), x.getString("workshopId"), y.getString("workshopId"));
    for (String token : List.of(sam, x.getString("facilitatorToken"), y.getString("facilitatorToken"))) {
      assertThat(meetingsOf(a.welcome(vertx, token))).containsExactlyInAnyOrderElementsOf(all);
    }
  }

  @Test
  @DisplayName("a meeting starting and ending shows in the other meetings' lists as it happens")
  void statusReachesTheOthers(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    JsonObject second = made(api, first.id(), first.facilitatorToken(), args("title", "April meeting")).body();
    String secondId = second.getString("workshopId");
    try (WsClient f1 = b.join(vertx, first.facilitatorToken()); WsClient f2 = c.join(vertx, second.getString("facilitatorToken"))) {
      ok(f2.call("phase.start", new JsonObject()));
      f1.await(f -> "series.updated".equals(f.getString("name")) && "running".equals(statusIn(f, secondId)));
      ok(f2.call("workshop.end", new JsonObject()));
      f1.await(f -> "series.updated".equals(f.getString("name")) && "ended".equals(statusIn(f, secondId)));
    }
    JsonObject listed = a.welcome(vertx, first.facilitatorToken()).getJsonObject("state").getJsonObject("series")
        .getJsonArray("meetings").getJsonObject(1);
    assertThat(listed.getString("status")).isEqualTo("ended");
  }

  private static String statusIn(JsonObject frame, String workshopId) {
    return frame.getJsonObject("data").getJsonObject("series").getJsonArray("meetings").stream()
        .map(JsonObject.class::cast).filter(m -> workshopId.equals(m.getString("workshopId"))).findFirst()
        .map(m -> m.getString("status")).orElse(null);
  }

  @Test
  @DisplayName("a meeting that expired leaves the others' lists once noticed, and the outcomes page says nothing of it")
  void expiredMeetingLeavesTheList(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("March meeting");
    String sam = api.join(first.joinCode(), "Sam", null);
    JsonObject second = made(api, first.id(), first.facilitatorToken(), args("title", "April meeting")).body();
    String secondId = second.getString("workshopId");
    String seriesId = a.welcome(vertx, sam).getJsonObject("state").getJsonObject("series").getString("id");
    // Its retention ran out: its keys are gone, with no purge to tell anyone.
    Redis redis = Redis.createClient(vertx, a.redisUrl());
    try {
      for (Response k : Await.of(redis.send(Request.cmd(Command.KEYS).arg("*" + secondId + "*")))) {
        Await.of(redis.send(Request.cmd(Command.DEL).arg(k.toString())));
      }
    } finally {
      redis.close();
    }
    try (WsClient f1 = a.join(vertx, first.facilitatorToken())) {
      Api.Reply page = c.api(vertx).get("/api/series/" + seriesId + "/outcomes", sam);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      assertThat(page.body().getJsonArray("meetings")).hasSize(1);
      assertThat(page.text()).doesNotContain(secondId);
      f1.await(f -> "series.updated".equals(f.getString("name"))
          && f.getJsonObject("data").getJsonObject("series").getJsonArray("meetings").size() == 1);
    }
    assertThat(meetingsOf(a.welcome(vertx, sam))).containsExactly(first.id());
  }

  @Test
  @DisplayName("a series stops at " + WorkshopBounds.SERIES_MEETINGS + " meetings: the next one after that is a clear 400")
  void seriesCap(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created first = api.create("Meeting 1");
    for (int i = 2; i <= WorkshopBounds.SERIES_MEETINGS; i++) {
      made(api, first.id(), first.facilitatorToken(), args("title", "Meeting " + i));
    }
    assertThat(meetingsOf(a.welcome(vertx, first.facilitatorToken()))).hasSize(WorkshopBounds.SERIES_MEETINGS);
    Api.Reply refused = next(api, first.id(), first.facilitatorToken(), args("title", "One too many"));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.error().getString("code")).isEqualTo("INVALID");
    assertThat(refused.error().getString("message")).contains(String.valueOf(WorkshopBounds.SERIES_MEETINGS))
        .contains("start a new workshop");
    assertThat(meetingsOf(a.welcome(vertx, first.facilitatorToken()))).hasSize(WorkshopBounds.SERIES_MEETINGS);
  }

  /** Every string, hash value and stream entry in Redis. */
  private static List<String> redisValues(Vertx vertx) {
    Redis redis = Redis.createClient(vertx, a.redisUrl());
    try {
      List<String> out = new ArrayList<>();
      for (Response key : Await.of(redis.send(Request.cmd(Command.KEYS).arg("*")))) {
        String name = key.toString();
        switch (Await.of(redis.send(Request.cmd(Command.TYPE).arg(name))).toString()) {
          case "string" -> out.add(String.valueOf(Await.of(redis.send(Request.cmd(Command.GET).arg(name)))));
          case "hash" -> {
            Response h = Await.of(redis.send(Request.cmd(Command.HGETALL).arg(name)));
            for (String f : h.getKeys()) out.add(String.valueOf(h.get(f)));
          }
          case "stream" -> {
            for (Response e : Await.of(redis.send(Request.cmd(Command.XRANGE).arg(name).arg("-").arg("+")))) {
              out.add(e.get(1).get(1).toString());
            }
          }
          default -> { }
        }
      }
      return out;
    } finally {
      redis.close();
    }
  }
}
