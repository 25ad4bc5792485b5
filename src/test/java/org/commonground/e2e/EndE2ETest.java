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
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonground.config.Lifetimes;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The end of a workshop: everyone is told, it takes no more changes, and its data is set to go after retentionDays. */
@ExtendWith(VertxExtension.class)
class EndE2ETest {
  /** Slack for the seconds between the end and the TTL read. */
  private static final long SLACK_SECONDS = 120;
  /** How long refs are remembered (config/default.json limits.refTtlSeconds). */
  private static final long REF_TTL_SECONDS = 900;

  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("workshop.end reaches everyone as workshop.ended; later commands get ENDED, but an author may still withdraw")
  void endedForEveryone(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("The end");
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim);
         WsClient display = node.join(vertx, w.displayToken())) {
      ok(fac.call("phase.start", new JsonObject()));
      String mine = id(s.call("contribution.add", text("keep the café open late")));
      String kims = id(k.call("contribution.add", text("more peer workers")));
      refused(s.call("workshop.end", new JsonObject()), "FORBIDDEN");

      JsonObject end = ok(fac.call("workshop.end", new JsonObject()));
      for (WsClient c : List.of(fac, s, k, display)) {
        JsonObject ev = evSeq(c, end.getLong("seq"));
        assertThat(ev.getString("name")).isEqualTo("workshop.ended");
        assertThat(ev.getJsonObject("data").getMap()).isEmpty();
      }

      refused(s.call("contribution.add", text("one more thing")), "ENDED");
      refused(s.call("hand.raise", new JsonObject()), "ENDED");
      refused(s.call("ready.set", new JsonObject().put("ready", true)), "ENDED");
      refused(s.call("contribution.edit", new JsonObject().put("id", mine).put("text", "changed my mind")), "ENDED");
      refused(fac.call("phase.next", new JsonObject()), "ENDED");
      refused(fac.call("timer.extend", new JsonObject().put("seconds", 60)), "ENDED");
      refused(fac.call("workshop.update", new JsonObject().put("title", "Reopened")), "ENDED");
      refused(fac.call("poll.open", new JsonObject().put("template", "ladder")), "ENDED");
      refused(fac.call("workshop.end", new JsonObject()), "ENDED");
      refused(fac.call("contribution.hide", new JsonObject().put("id", kims)), "ENDED");

      refused(k.call("contribution.withdraw", new JsonObject().put("id", mine)), "FORBIDDEN");
      JsonObject withdrawn = ok(s.call("contribution.withdraw", new JsonObject().put("id", mine)));
      JsonObject removed = evSeq(k, withdrawn.getLong("seq"));
      assertThat(removed.getString("name")).isEqualTo("contribution.removed");
      assertThat(removed.getJsonObject("data").getString("id")).isEqualTo(mine);

      Api.Reply late = api.tryJoin(w.joinCode(), "Latecomer", null);
      assertThat(late.status()).isEqualTo(410);
      assertThat(late.error().getString("code")).isEqualTo("ENDED");
      Api.Reply cofac = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
          w.facilitatorToken());
      assertThat(cofac.status()).as(cofac.text()).isEqualTo(410);

      JsonObject state = node.welcome(vertx, kim).getJsonObject("state");
      assertThat(state.getJsonObject("workshop").getString("status")).isEqualTo("ended");
      assertThat(state.getJsonObject("phase").getString("status")).isEqualTo("done");
      assertThat(state.getJsonArray("contributions").stream().map(JsonObject.class::cast)
          .map(c -> c.getString("id")).toList()).containsExactly(kims);
    }
  }

  @Test
  @DisplayName("after the end every Redis key of the workshop, and its join code, expires about retentionDays later; a withdraw keeps that")
  void retentionAfterEnd(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Retention")
        .put("settings", new JsonObject().put("retentionDays", 7)));
    Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken());
    assertThat(co.status()).isEqualTo(201);
    String sam = api.join(w.joinCode(), "Sam", null);
    String kim = api.join(w.joinCode(), "Kim", null);
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(node.redisUrl()));
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient k = node.join(vertx, kim)) {
      ok(fac.call("phase.start", new JsonObject()));
      String mine = id(s.call("contribution.add", text("kept until the end")));
      ok(k.call("hand.raise", new JsonObject()));
      refused(k.call("vote.cast", new JsonObject().put("targetId", mine)), "PHASE_CLOSED");
      // the retention in force at the end is the one that counts
      ok(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("retentionDays", 3))));
      long retention = 3 * 86_400L;

      Map<String, Long> live = ttls(client, w.id());
      long idle = Lifetimes.DEFAULTS.idleSeconds();
      assertThat(live.get(key(w.id(), "log"))).as("a running workshop expires only when idle that long")
          .isBetween(idle - SLACK_SECONDS, idle);

      long end = ok(fac.call("workshop.end", new JsonObject())).getLong("seq");
      evSeq(s, end);
      String codeKey = "cg:code:" + w.joinCode().replace("-", "");
      // The workshop's keys expire in the same script that appends workshop.ended; the join code lives in
      // another slot and is set to expire right after, so it may lag the ack by a moment.
      assertThat(eventualTtl(vertx, client, codeKey)).as("the join code %s", codeKey)
          .isBetween(retention - SLACK_SECONDS, retention);
      assertExpiring(ttls(client, w.id()), w.id(), retention);

      ok(s.call("contribution.withdraw", new JsonObject().put("id", mine)));
      Map<String, Long> after = ttls(client, w.id());
      assertExpiring(after, w.id(), retention);
      assertThat(ttlOf(client, codeKey)).isBetween(retention - SLACK_SECONDS, retention);
    } finally {
      client.close();
    }
  }

  /** Every key has a TTL; the workshop's own keys about retention, remembered refs at most their own TTL. */
  @Test
  @DisplayName("a workshop nobody starts expires 30 days after it was made, a started one 30 days after it was last busy")
  void abandonedWorkshopsExpire(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Never run");
    assertThat(api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"),
        w.facilitatorToken()).status()).isEqualTo(201);
    String sam = api.join(w.joinCode(), "Sam", null);
    api.join(w.joinCode(), "Kim", null);
    String codeKey = "cg:code:" + w.joinCode().replace("-", "");
    long notStarted = Lifetimes.DEFAULTS.notStartedSeconds();
    long idle = Lifetimes.DEFAULTS.idleSeconds();
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(node.redisUrl()));
    try (WsClient fac = node.join(vertx, w.facilitatorToken()); WsClient s = node.join(vertx, sam)) {
      ok(s.call("contribution.add", text("posted before the start")));
      assertExpiring(ttls(client, w.id()), w.id(), notStarted);
      assertThat(ttlOf(client, codeKey)).isBetween(notStarted - SLACK_SECONDS, notStarted);

      ok(fac.call("phase.start", new JsonObject()));
      assertExpiring(ttls(client, w.id()), w.id(), idle);
      // The join code lives in another slot and follows a moment after the ack.
      Await.until(vertx, Await.TIMEOUT, "the join code to follow the idle lifetime",
          () -> ttlOf(client, codeKey) <= idle);
      assertThat(ttlOf(client, codeKey)).isBetween(idle - SLACK_SECONDS, idle);
    } finally {
      client.close();
    }
  }

  private static void assertExpiring(Map<String, Long> ttls, String workshopId, long retention) {
    assertThat(ttls.keySet()).contains(key(workshopId, "seq"), key(workshopId, "log"), key(workshopId, "epoch"),
        key(workshopId, "tokens"));
    assertThat(ttls.keySet().stream().filter(k -> k.startsWith(key(workshopId, "tok:")))).as("facilitator, co-facilitator, "
        + "display and two participants each have a token").hasSize(5);
    List<String> persistent = new ArrayList<>();
    ttls.forEach((k, ttl) -> { if (ttl <= 0) persistent.add(k + "=" + ttl); });
    assertThat(persistent).as("keys that would outlive retention").isEmpty();
    ttls.forEach((k, ttl) -> {
      if (k.startsWith(key(workshopId, "ref:"))) {
        assertThat(ttl).as(k).isBetween(1L, Math.max(REF_TTL_SECONDS, retention));
      } else if (k.equals(key(workshopId, "presence"))) {
        assertThat(ttl).as(k).isBetween(1L, retention);
      } else {
        assertThat(ttl).as(k).isBetween(retention - SLACK_SECONDS, retention);
      }
    });
  }

  private static String key(String workshopId, String suffix) { return "cg:{w:" + workshopId + "}:" + suffix; }

  /** Every key of a workshop with its TTL, by SCAN. */
  private static Map<String, Long> ttls(Redis client, String workshopId) {
    Map<String, Long> out = new TreeMap<>();
    String pattern = "cg:{w:" + workshopId + "}:*";
    String cursor = "0";
    do {
      Response r = Await.of(client.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern)
          .arg("COUNT").arg(1000)));
      cursor = r.get(0).toString();
      for (Response k : r.get(1)) out.put(k.toString(), null);
    } while (!"0".equals(cursor));
    out.replaceAll((k, v) -> ttlOf(client, k));
    assertThat(out).as("keys of %s", workshopId).isNotEmpty();
    return out;
  }

  /** The TTL of a key once it has one, read again (on a Vert.x timer, up to the usual timeout) until it does. */
  private static long eventualTtl(Vertx vertx, Redis client, String key) {
    long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
    long ttl = ttlOf(client, key);
    while (ttl <= 0 && System.nanoTime() < deadline) {
      Await.of(vertx.timer(20));
      ttl = ttlOf(client, key);
    }
    return ttl;
  }

  private static long ttlOf(Redis client, String key) {
    return Await.of(client.send(Request.cmd(Command.TTL).arg(key))).toLong();
  }
}
