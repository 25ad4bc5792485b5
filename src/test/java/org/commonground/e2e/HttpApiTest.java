package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.support.Api.assertError;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API with bad and edge-case requests, on a node with the shipped settings (no organiser key).
 * Every error is {"error":{"code","message"}} with the status docs/protocol.md gives, and none leaves a trace.
 */
@ExtendWith(VertxExtension.class)
class HttpApiTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  /** The participants as a facilitator's fresh welcome state lists them. */
  private static JsonArray participants(Vertx vertx, String facilitatorToken) {
    try (WsClient fac = node.connect(vertx)) {
      return fac.hello(facilitatorToken).getJsonObject("state").getJsonArray("participants");
    }
  }

  private static List<String> names(JsonArray participants) {
    return participants.stream().map(o -> ((JsonObject) o).getString("name")).toList();
  }

  private static List<String> ids(JsonArray participants) {
    return participants.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("creating a workshop without a title, or with wrong types or out-of-range values, is 400 INVALID")
  void createInvalid(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    JsonObject phase = new JsonObject().put("title", "Talk").put("minutes", 10);
    List<JsonObject> bodies = List.of(
        new JsonObject(),
        new JsonObject().put("name", "Title under another name"),
        new JsonObject().putNull("title"),
        new JsonObject().put("title", 42),
        new JsonObject().put("title", true),
        new JsonObject().put("title", new JsonArray().add("Crisis café")),
        new JsonObject().put("title", "   "),
        new JsonObject().put("title", "T").put("template", 3),
        new JsonObject().put("title", "T").put("template", "no-such-agenda"),
        new JsonObject().put("title", "T").put("phases", "all of them"),
        new JsonObject().put("title", "T").put("phases", new JsonArray()),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(5)),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(new JsonObject().put("title", "No minutes"))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("minutes", "ten"))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("minutes", 2.5))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("minutes", -1))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("title", 7))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("allow", "contribute"))),
        new JsonObject().put("title", "T").put("phases", new JsonArray().add(phase.copy().put("allow", new JsonArray().add("dance")))),
        new JsonObject().put("title", "T").put("settings", "generous"),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("maxParticipants", "ten")),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("maxParticipants", 0)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("maxParticipants", 1.5)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("votesPerParticipant", 0)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("votesPerParticipant", 21)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("anonymity", "sometimes")),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("anonymity", true)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("confidential", "yes")),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("minGroupSize", 0)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("retentionDays", 0)),
        new JsonObject().put("title", "T").put("settings", new JsonObject().put("stakeholderGroups", "everyone")),
        new JsonObject().put("title", "T").put("settings", new JsonObject()
            .put("stakeholderGroups", new JsonArray().add(new JsonObject().put("id", "a")))),
        new JsonObject().put("title", "T").put("settings", new JsonObject()
            .put("stakeholderGroups", new JsonArray().add(new JsonObject().put("id", "a").put("label", "A"))
                .add(new JsonObject().put("id", "a").put("label", "Also A")))));
    for (JsonObject body : bodies) {
      assertError(api.post("/api/workshops", body, null), 400, "INVALID", body.encode());
    }
    for (String raw : List.of("not json", "{\"title\":", "[\"title\"]", "\"title\"", "null", "")) {
      assertError(api.raw(HttpMethod.POST, "/api/workshops", raw), 400, "INVALID", "raw " + raw);
    }
    assertError(api.post("/api/workshops", null, null), 400, "INVALID", "no body");
    // The server is none the worse.
    assertThat(api.create("After the bad ones").joinCode()).matches("[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}");
  }

  @Test
  @DisplayName("unknown fields in create and join are ignored, and the given settings take effect")
  void unknownFieldsIgnored(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Reply created = api.post("/api/workshops", new JsonObject().put("title", "Extras").put("colour", "teal")
        .put("settings", new JsonObject().put("maxParticipants", 3).put("sparkle", true))
        .put("future", new JsonObject().put("nested", new JsonArray().add(1))), null);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonObject c = created.body();
    Api.Reply joined = api.post("/api/join", new JsonObject().put("joinCode", c.getString("joinCode")).put("name", "Sam")
        .put("group", "carers").put("favouriteBiscuit", "custard cream"), null);
    assertThat(joined.status()).as(joined.text()).isEqualTo(201);
    assertThat(joined.body().getString("workshopId")).isEqualTo(c.getString("workshopId"));
    try (WsClient fac = node.connect(vertx)) {
      JsonObject workshop = fac.hello(c.getString("facilitatorToken")).getJsonObject("state").getJsonObject("workshop");
      assertThat(workshop.getString("title")).isEqualTo("Extras");
      JsonObject settings = workshop.getJsonObject("settings");
      assertThat(settings.getInteger("maxParticipants")).isEqualTo(3);
      assertThat(settings.getInteger("votesPerParticipant")).isEqualTo(5);
      assertThat(settings.containsKey("sparkle")).isFalse();
    }
  }

  @Test
  @DisplayName("a join code is accepted in lower case, without the dash, and with stray spaces")
  void joinCodeForms(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Codes");
    String shown = w.joinCode();
    assertThat(shown).matches("[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}");
    String bare = shown.replace("-", "");
    List<String> forms = List.of(shown, bare, bare.toLowerCase(), shown.toLowerCase(),
        bare.substring(0, 2).toLowerCase() + bare.substring(2), "  " + shown + " ");
    int n = 0;
    for (String form : forms) {
      Api.Reply r = api.post("/api/join", new JsonObject().put("joinCode", form).put("name", "Person " + (++n)), null);
      assertThat(r.status()).as("join with %s: %s", form, r.text()).isEqualTo(201);
      assertThat(r.body().getString("workshopId")).isEqualTo(w.id());
      assertThat(r.body().getString("participantId")).isNotBlank();
      assertThat(r.body().getString("token")).isNotBlank();
    }
    assertThat(participants(vertx, w.facilitatorToken())).hasSize(1 + forms.size());
  }

  @Test
  @DisplayName("an unknown or malformed join code is 404 NOT_FOUND")
  void unknownCode(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Known");
    // A well-formed code that differs from the real one in its last character.
    String real = w.joinCode();
    char last = real.charAt(real.length() - 1);
    String wellFormed = real.substring(0, real.length() - 1) + (last == '9' ? '8' : '9');
    for (String code : List.of(wellFormed, "O0I-1LL")) {
      Api.Reply r = api.post("/api/join", new JsonObject().put("joinCode", code).put("name", "Guess"), null);
      assertError(r, 404, "NOT_FOUND", code);
    }
    // The real one still works, and nobody was added by the misses.
    api.join(real, "Sam", null);
    assertThat(participants(vertx, w.facilitatorToken())).hasSize(2);
  }

  @Test
  @DisplayName("a join with a missing or bad name or code, or a wrongly typed group, is 400 INVALID and adds nobody")
  void joinInvalid(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Join shapes");
    String code = w.joinCode();
    List<JsonObject> bodies = List.of(
        new JsonObject().put("joinCode", code),
        new JsonObject().put("joinCode", code).putNull("name"),
        new JsonObject().put("joinCode", code).put("name", ""),
        new JsonObject().put("joinCode", code).put("name", "    "),
        new JsonObject().put("joinCode", code).put("name", 42),
        new JsonObject().put("joinCode", code).put("name", "n".repeat(81)),
        new JsonObject().put("joinCode", code).put("name", "Sam").put("group", 3),
        new JsonObject().put("joinCode", code).put("name", "Sam").put("group", new JsonArray().add("carers")),
        new JsonObject().put("name", "Sam"),
        new JsonObject().put("joinCode", 123456).put("name", "Sam"));
    for (JsonObject body : bodies) {
      assertError(api.post("/api/join", body, null), 400, "INVALID", body.encode());
    }
    for (String raw : List.of("not json", "[]", "")) {
      assertError(api.raw(HttpMethod.POST, "/api/join", raw), 400, "INVALID", "raw " + raw);
    }
    assertThat(participants(vertx, w.facilitatorToken())).hasSize(1);
    // A name of exactly 80 characters is fine.
    Api.Reply ok = api.post("/api/join", new JsonObject().put("joinCode", code).put("name", "n".repeat(80)), null);
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
  }

  @Test
  @DisplayName("joining with an unknown stakeholder group is 400 INVALID and adds nobody; a known group then works")
  void unknownGroup(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create(new JsonObject().put("title", "Groups").put("settings", new JsonObject()
        .put("stakeholderGroups", new JsonArray().add(new JsonObject().put("id", "nurses").put("label", "Nurses")))));
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      for (String group : List.of("carers", "Nurses", "NURSES", "nurses ")) {
        Api.Reply r = api.post("/api/join", new JsonObject().put("joinCode", w.joinCode()).put("name", "Wrong group")
            .put("group", group), null);
        assertError(r, 400, "INVALID", "group " + group);
      }
      api.join(w.joinCode(), "Right group", "nurses");
      JsonObject ev = fac.awaitEvent("participant.joined");
      assertThat(ev.getJsonObject("data").getJsonObject("participant").getString("group")).isEqualTo("nurses");
      assertThat(fac.events()).hasSize(1);
    }
    JsonArray ps = participants(vertx, w.facilitatorToken());
    assertThat(ps).hasSize(2);
    assertThat(ps.getJsonObject(1).getString("group")).isEqualTo("nurses");
  }

  @Test
  @DisplayName("a participant is shown under the name they joined with, and a co-facilitator under theirs")
  void nameKept(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Names");
    String sam = api.join(w.joinCode(), "  Sam Okafor ", "carers");
    Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Priya"),
        w.facilitatorToken());
    assertThat(co.status()).as(co.text()).isEqualTo(201);
    try (WsClient p = node.connect(vertx)) {
      assertThat(p.hello(sam).getJsonObject("you").getString("name")).isEqualTo("Sam Okafor");
    }
    assertThat(names(participants(vertx, w.facilitatorToken()))).containsExactly("Facilitator", "Sam Okafor", "Priya");
  }

  @Test
  @DisplayName("a full workshop answers 409 FULL and adds nobody, while a co-facilitator can still be added")
  void fullWorkshop(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create(new JsonObject().put("title", "Small room")
        .put("settings", new JsonObject().put("maxParticipants", 1)));
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      String sam = api.join(w.joinCode(), "Sam", "carers");
      JsonObject samJoined = fac.awaitEvent("participant.joined");
      for (int i = 0; i < 3; i++) {
        Api.Reply full = api.post("/api/join", new JsonObject().put("joinCode", w.joinCode()).put("name", "Late " + i), null);
        assertError(full, 409, "FULL", "join number " + (i + 2));
      }
      Api.Reply co = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Priya"),
          w.facilitatorToken());
      assertThat(co.status()).as(co.text()).isEqualTo(201);
      String coId = co.body().getString("participantId");
      String coToken = co.body().getString("token");
      assertThat(coId).isNotBlank();
      // Events on one connection are ordered, so once the co-facilitator's arrives, any for the late ones would have too.
      JsonObject coJoined = fac.await(f -> "participant.joined".equals(f.getString("name"))
          && coId.equals(f.getJsonObject("data").getJsonObject("participant").getString("id")));
      assertThat(coJoined.getJsonObject("data").getJsonObject("participant").getString("role")).isEqualTo("facilitator");
      assertThat(fac.events()).containsExactly(samJoined, coJoined);

      // A second co-facilitator is no more limited than the first; a display never counts either.
      Api.Reply co2 = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Jo"), coToken);
      assertThat(co2.status()).as(co2.text()).isEqualTo(201);
      try (WsClient display = node.connect(vertx)) {
        display.hello(w.displayToken());
      }
      assertError(api.post("/api/join", new JsonObject().put("joinCode", w.joinCode()).put("name", "Later"), null),
          409, "FULL", "join after the co-facilitators");

      JsonArray ps = participants(vertx, w.facilitatorToken());
      assertThat(ids(ps)).containsExactly("p1", samJoined.getJsonObject("data").getJsonObject("participant").getString("id"),
          coId, co2.body().getString("participantId"));
      assertThat(ps.stream().map(o -> ((JsonObject) o).getString("role")))
          .containsExactly("facilitator", "participant", "facilitator", "facilitator");
      // The one participant and the co-facilitator are fully working members.
      try (WsClient p = BadInputWebSocketTest.joinLive(vertx, node.port(), sam);
           WsClient c = node.connect(vertx)) {
        assertThat(c.hello(coToken).getJsonObject("you").getString("role")).isEqualTo("facilitator");
        JsonObject ack = p.call("contribution.add", new JsonObject().put("text", "room for one"));
        assertThat(ack.getString("t")).isEqualTo("ack");
        c.awaitEventSeq(ack.getLong("seq"));
      }
    }
  }

  @Test
  @DisplayName("adding a co-facilitator needs this workshop's facilitator token: none 401, a wrong role or workshop 403")
  void coFacilitatorAuth(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Co-facilitation");
    Api.Created other = api.create("Another workshop");
    String sam = api.join(w.joinCode(), "Sam", null);
    String path = "/api/workshops/" + w.id() + "/facilitators";
    JsonObject body = new JsonObject().put("name", "Priya");

    assertError(api.post(path, body, null), 401, "UNAUTHENTICATED", "no token");
    assertError(api.post(path, body, w.id() + ".not-a-real-secret"), 401, "UNAUTHENTICATED", "unknown token");
    assertError(api.post(path, body, "garbage"), 401, "UNAUTHENTICATED", "garbage token");
    assertError(api.post(path, body, sam), 403, "FORBIDDEN", "participant token");
    assertError(api.post(path, body, w.displayToken()), 403, "FORBIDDEN", "display token");
    assertError(api.post(path, body, other.facilitatorToken()), 403, "FORBIDDEN", "another workshop's facilitator");
    // Nor does a facilitator of this workshop reach another one through its path.
    assertError(api.post("/api/workshops/" + other.id() + "/facilitators", body, w.facilitatorToken()), 403, "FORBIDDEN",
        "this facilitator on another workshop's path");

    assertThat(participants(vertx, w.facilitatorToken())).hasSize(2);
    assertThat(participants(vertx, other.facilitatorToken())).hasSize(1);
    Api.Reply ok = api.post(path, body, w.facilitatorToken());
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    assertThat(participants(vertx, w.facilitatorToken())).hasSize(3);
  }

  @Test
  @DisplayName("adding a co-facilitator without a good name is 400 INVALID")
  void coFacilitatorInvalid(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Co names");
    String path = "/api/workshops/" + w.id() + "/facilitators";
    for (JsonObject body : List.of(new JsonObject(), new JsonObject().put("name", ""), new JsonObject().put("name", 5),
        new JsonObject().put("name", "x".repeat(81)))) {
      assertError(api.post(path, body, w.facilitatorToken()), 400, "INVALID", body.encode());
    }
    assertThat(participants(vertx, w.facilitatorToken())).hasSize(1);
  }

  @Test
  @DisplayName("GET /health answers 200 with status UP")
  void health(Vertx vertx) {
    Api.Reply r = new Api(vertx, node.port()).get("/health");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.body()).as(r.text()).isNotNull();
    assertThat(r.body().getString("status")).isEqualTo("UP");
  }

  @Test
  @DisplayName("GET /metrics on the metrics address is Prometheus text with the appended-events counter and the delivery latency")
  void metrics(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Counted");
    api.join(w.joinCode(), "Sam", null);
    Api.Reply r = new Api(vertx, node.metricsPort()).header(HttpMethod.GET, "/metrics", null, "Content-Type");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header()).startsWith("text/plain");
    assertThat(r.text()).contains("cg_events_appended_total").contains("cg_delivery_latency");
    assertThat(r.text()).as("standalone Redis: no replica waited for, so none missed")
        .contains("cg_redis_unconfirmed_writes_total 0.0");
    assertThat(metric(vertx, "cg_events_appended_total")).as("events appended after a join in\n%s", r.text())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  @DisplayName("/metrics counts the frames written to sockets: every event a facilitator sees is counted")
  void framesDelivered(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Counted frames");
    double before = metric(vertx, "cg_frames_delivered_total");
    try (WsClient fac = node.connect(vertx)) {
      fac.hello(w.facilitatorToken());
      for (String name : List.of("Sam", "Ana", "Bo")) {
        api.join(w.joinCode(), name, null);
        fac.await(f -> "participant.joined".equals(f.getString("name"))
            && name.equals(f.getJsonObject("data").getJsonObject("participant").getString("name")));
      }
    }
    // Counted on the socket's event loop just after the writes, so read until it shows (other tests share the node).
    Await.until(vertx, Await.TIMEOUT, "three joins counted as delivered frames",
        () -> metric(vertx, "cg_frames_delivered_total") >= before + 3);
  }

  /** One counter's value from /metrics (0 when it has no sample yet). */
  private static double metric(Vertx vertx, String name) {
    Api.Reply r = new Api(vertx, node.metricsPort()).header(HttpMethod.GET, "/metrics", null, "Content-Type");
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(r.text());
    return m.find() ? Double.parseDouble(m.group(2)) : 0;
  }

  @Test
  @DisplayName("GET /metrics on the public port is 404 NOT_FOUND: metrics are served only on their own address")
  void metricsNotPublic(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Reply r = api.get("/metrics");
    assertError(r, 404, "NOT_FOUND", "/metrics on the public port");
    assertThat(r.text()).doesNotContain("cg_events_appended_total").doesNotContain("vertx_http_server");
    assertThat(node.metricsPort()).isNotEqualTo(node.port());
  }

  @Test
  @DisplayName("the QR code is an SVG of the join link, with no token in it")
  void qr(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Scan me");
    Api.Reply r = api.header(HttpMethod.GET, "/api/workshops/" + w.id() + "/qr.svg", null, "Content-Type");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.header()).startsWith("image/svg+xml");
    assertThat(r.text()).startsWith("<svg").endsWith("</svg>").contains("/j/" + w.joinCode().replace("-", ""));
    assertThat(r.text()).doesNotContain(w.facilitatorToken()).doesNotContain(w.displayToken());
  }

  @Test
  @DisplayName("the QR code of a malformed workshop id is 404 NOT_FOUND")
  void qrMalformed(Vertx vertx) {
    assertError(new Api(vertx, node.port()).get("/api/workshops/NOT-AN-ID/qr.svg"), 404, "NOT_FOUND", "malformed id");
  }

  @Test
  @DisplayName("the QR code of a workshop that does not exist is 404 NOT_FOUND")
  void qrUnknown(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    assertError(api.get("/api/workshops/abcdefghijkm/qr.svg"), 404, "NOT_FOUND", "unknown id");
    assertThat(api.get("/health").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("API answers, errors, pages, health and the QR code carry a Content-Security-Policy")
  void csp(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Headers");
    String created = api.header(HttpMethod.POST, "/api/workshops", new JsonObject().put("title", "CSP").encode(),
        "Content-Security-Policy").header();
    List<String> paths = List.of("/", "/j/" + w.joinCode().replace("-", ""), "/health",
        "/api/workshops/" + w.id() + "/qr.svg", "/no/such/page", "/api/no-such-endpoint");
    assertThat(created).as("create answer").contains("default-src 'self'");
    for (String path : paths) {
      Api.Reply r = api.header(HttpMethod.GET, path, null, "Content-Security-Policy");
      assertThat(r.header()).as("CSP on %s (%d)", path, r.status()).isNotNull().contains("default-src 'self'")
          .contains("frame-ancestors 'none'");
    }
    Api.Reply bad = api.header(HttpMethod.POST, "/api/join", "not json", "Content-Security-Policy");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header()).as("CSP on an error").contains("default-src 'self'");
  }

  @Test
  @DisplayName("an unknown API path is 404 NOT_FOUND as a JSON error")
  void unknownPath(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    assertError(api.get("/api/no-such-endpoint"), 404, "NOT_FOUND", "GET unknown");
    assertError(api.post("/api/no-such-endpoint", new JsonObject().put("x", 1), null), 404, "NOT_FOUND", "POST unknown");
  }

  @Test
  @DisplayName("an oversized request body is refused with a JSON error, and the server keeps serving")
  void oversizedBody(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    String huge = new JsonObject().put("title", "Huge").put("padding", "p".repeat(200_000)).encode();
    Api.Reply r = api.raw(HttpMethod.POST, "/api/workshops", huge);
    assertThat(r.status()).as(r.text()).isIn(400, 413);
    assertThat(r.error()).as(r.text()).isNotNull();
    assertThat(r.error().getString("code")).isEqualTo("INVALID");
    assertThat(api.create("Normal size").id()).isNotBlank();
  }
}
