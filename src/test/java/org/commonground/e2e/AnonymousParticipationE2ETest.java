package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Participation by stakeholder group, in every report format, never gives away who wrote an anonymous post. */
@ExtendWith(VertxExtension.class)
class AnonymousParticipationE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static final String WHY =
      "The smallest group size can't go below 3 once people have posted: it would show who wrote what. Choose 3 or more.";

  private static String report(Vertx vertx, Api.Created w, String format) {
    Api.Reply r = node.api(vertx).get("/api/workshops/" + w.id() + "/report?format=" + format, w.facilitatorToken());
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.text();
  }

  private static Api.Created workshop(Vertx vertx, JsonObject settings) {
    return node.api(vertx).create(new JsonObject().put("title", "Carers' voices").put("settings", settings));
  }

  @Test
  @DisplayName("a lone carer's anonymous post is not shown as a Carers figure in md, json or csv, even with minGroupSize 1 set at creation")
  void loneCarerNotExposed(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = workshop(vertx, new JsonObject().put("minGroupSize", 1));
    String carer = api.join(w.joinCode(), "Pat", "carers");
    for (String name : List.of("Dr Lee", "Mo", "Jo")) api.join(w.joinCode(), name, "professionals");
    try (WsClient p = node.join(vertx, carer)) {
      ok(p.call("contribution.add", text("I have not slept in weeks").put("anonymous", true)));
    }

    String md = report(vertx, w, "md");
    assertThat(md).contains("I have not slept in weeks", "Anonymous contributions: 1.", "Groups of fewer than 3 people")
        .doesNotContain("Carers and family").doesNotContain("Pat");

    JsonObject json = new JsonObject(report(vertx, w, "json"));
    assertThat(json.getInteger("anonymousContributions")).isEqualTo(1);
    assertThat(json.getInteger("minGroupSize")).isEqualTo(3);
    for (Object g : json.getJsonArray("participation")) {
      assertThat(((JsonObject) g).getInteger("contributions")).as("group %s", g).isZero();
    }
    assertThat(json.encode()).doesNotContain("Carers and family");

    String csv = report(vertx, w, "csv");
    String row = csv.lines().filter(l -> l.contains("slept")).findFirst().orElseThrow();
    assertThat(row).endsWith(",\"\"");
    assertThat(csv).doesNotContain("Carers and family").doesNotContain("carers");
  }

  @Test
  @DisplayName("two reports, before and after an anonymous post, differ only in the anonymous total, at the default size")
  void reportsCannotBeDifferenced(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = workshop(vertx, new JsonObject());
    List<String> carers = List.of(api.join(w.joinCode(), "Pat", "carers"), api.join(w.joinCode(), "Ann", "carers"),
        api.join(w.joinCode(), "Bo", "carers"));
    for (String name : List.of("Dr Lee", "Mo", "Jo")) api.join(w.joinCode(), name, "professionals");
    try (WsClient ann = node.join(vertx, carers.get(1));
         WsClient pat = node.join(vertx, carers.get(0))) {
      ok(ann.call("contribution.add", text("Respite at weekends")));
      JsonObject before = new JsonObject(report(vertx, w, "json"));

      ok(pat.call("contribution.add", text("I resent my mum some days").put("anonymous", true)));
      JsonObject after = new JsonObject(report(vertx, w, "json"));

      JsonArray groups = after.getJsonArray("participation");
      assertThat(groups).isEqualTo(before.getJsonArray("participation"));
      assertThat(groups.getJsonObject(0).getString("group")).isEqualTo("Carers and family");
      assertThat(groups.getJsonObject(0).getInteger("contributions")).as("Ann's named post only").isEqualTo(1);
      assertThat(after.getInteger("anonymousContributions")).isEqualTo(before.getInteger("anonymousContributions") + 1);
    }
  }

  @Test
  @DisplayName("minGroupSize can be set to 1 before anyone posts, but once someone has it is INVALID, saying why and what to choose")
  void floorOncePosted(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = workshop(vertx, new JsonObject());
    String sam = api.join(w.joinCode(), "Sam", "carers");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      ok(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("minGroupSize", 2))));
      ok(fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("minGroupSize", 3))));
      ok(s.call("contribution.add", text("hello").put("anonymous", true)));

      JsonObject refused = fac.call("workshop.update", new JsonObject().put("settings", new JsonObject().put("minGroupSize", 1)));
      assertThat(refused.getString("t")).isEqualTo("err");
      assertThat(refused.getString("code")).isEqualTo("INVALID");
      assertThat(refused.getString("message")).isEqualTo(WHY);

      JsonObject settings = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state").getJsonObject("workshop")
          .getJsonObject("settings");
      assertThat(settings.getInteger("minGroupSize")).isEqualTo(3);
    }
  }
}
