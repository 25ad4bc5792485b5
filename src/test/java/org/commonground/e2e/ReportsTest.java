package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonground.support.Api;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What leaves with the facilitator, and what never leaves at all. */
@ExtendWith(VertxExtension.class)
class ReportsTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  private static JsonObject args() { return new JsonObject(); }

  /** A small workshop run to its end: named and anonymous posts, a theme with votes, a poll, a take-home message, a parked item. */
  private record Run(Api.Created w, String alexId) {}

  private static Run runWorkshop(Vertx vertx, JsonObject settings) {
    Api api = node.api(vertx);
    Api.Created w = api.create(new JsonObject().put("title", "Crisis café").put("settings", settings)
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Ideas").put("minutes", 10)
            .put("allow", new JsonArray().add("contribute").add("vote").add("group").add("poll")))));
    String sam = api.join(w.joinCode(), "Sam Okafor", "carers");
    String alex = api.join(w.joinCode(), "Alex Secret", "experts-by-experience");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam);
         WsClient a = node.join(vertx, alex)) {
      fac.call("phase.start", args());
      String tea = s.call("contribution.add", args().put("text", "=HYPERLINK(\"http://x\") tea in mugs"))
          .getJsonObject("result").getString("id");
      String secret = a.call("contribution.add", args().put("text", "I was sectioned last year").put("anonymous", true))
          .getJsonObject("result").getString("id");
      s.call("contribution.add", args().put("text", "Peer workers on every shift").put("kind", "takeaway"));
      String parked = s.call("contribution.add", args().put("text", "Who pays for taxis?").put("kind", "parking"))
          .getJsonObject("result").getString("id");
      fac.call("parking.update", args().put("id", parked).put("status", "handed-on").put("owner", "Commissioning lead"));
      String theme = fac.call("theme.create", args().put("label", "Feeling at home")
          .put("contributionIds", new JsonArray().add(tea).add(secret))).getJsonObject("result").getString("id");
      s.call("vote.cast", args().put("targetId", theme));
      a.call("vote.cast", args().put("targetId", secret));
      String poll = fac.call("poll.open", args().put("template", "ladder")).getJsonObject("result").getString("id");
      s.call("poll.answer", args().put("pollId", poll).put("option", 3));
      fac.call("workshop.end", args());
      return new Run(w, "p3");
    }
  }

  @Test
  @DisplayName("the minutes hold agenda times, themes with votes, take-home messages, parking lot, polls and participation, and never an anonymous author")
  void markdownMinutes(Vertx vertx) {
    Run run = runWorkshop(vertx, args().put("minGroupSize", 1));
    Api.Reply md = node.api(vertx).get("/api/workshops/" + run.w().id() + "/report?format=md", run.w().facilitatorToken());
    assertThat(md.status()).isEqualTo(200);
    String text = md.text();
    assertThat(text).contains("# Crisis café", "## Agenda", "Ideas", "## Themes", "Feeling at home (1 vote)",
        "Peer workers on every shift", "Who pays for taxis?", "| Handed on | Commissioning lead |",
        "How much are people like you involved in decisions here?",
        "Consulting: we are asked what we think, but they decide: 1", "## Participation by stakeholder group",
        "| Other | 2 | 3 |", "Anonymous contributions: 1.", "I was sectioned last year", "Sam Okafor");
    assertThat(text).doesNotContain("Alex Secret").doesNotContain("p3");
    assertThat(text).as("groups of one are not named once people have posted, whatever minGroupSize says")
        .doesNotContain("Carers and family").doesNotContain("Experts by experience");
  }

  @Test
  @DisplayName("the JSON and CSV reports carry no anonymous author, and the CSV neutralises formulas")
  void jsonAndCsv(Vertx vertx) {
    Run run = runWorkshop(vertx, args().put("minGroupSize", 1));
    String base = "/api/workshops/" + run.w().id() + "/report?format=";
    Api.Reply json = node.api(vertx).get(base + "json", run.w().facilitatorToken());
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.text()).doesNotContain("Alex Secret").doesNotContain("\"p3\"");
    JsonObject theme = json.body().getJsonArray("themes").getJsonObject(0);
    JsonObject anonymous = theme.getJsonArray("contributions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("text").startsWith("I was sectioned")).findFirst().orElseThrow();
    assertThat(anonymous.getValue("by")).isNull();
    assertThat(anonymous.getValue("group")).isNull();

    Api.Reply csv = node.api(vertx).get(base + "csv", run.w().facilitatorToken());
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF\"Kind\",\"Theme\",\"Theme votes\",\"Text\",\"Votes\",\"Reactions\","
        + "\"Parking status\",\"Owner\",\"Phase\",\"Time (UTC)\",\"Author\",\"Group\"");
    assertThat(csv.text()).contains("\"'=HYPERLINK(\"\"http://x\"\") tea in mugs\"").doesNotContain("Alex Secret");
    String anonymousRow = lines.stream().filter(l -> l.contains("I was sectioned")).findFirst().orElseThrow();
    assertThat(anonymousRow).endsWith(",\"\"");
  }

  @Test
  @DisplayName("a confidential workshop's report keeps only theme labels, take-home messages and parking-lot items")
  void confidential(Vertx vertx) {
    Run run = runWorkshop(vertx, args().put("confidential", true));
    for (String format : List.of("md", "json", "csv", "docx", "pdf")) {
      String text = readable(node.api(vertx).download("/api/workshops/" + run.w().id() + "/report?format=" + format,
          run.w().facilitatorToken()), format);
      assertThat(text).as(format).doesNotContain("tea in mugs").doesNotContain("sectioned")
          .doesNotContain("Sam Okafor").contains("Peer workers on every shift").contains("Who pays for taxis?");
      if (!format.equals("csv")) assertThat(text).as(format).contains("Feeling at home");
    }
  }

  /** A report file's words as its reader sees them: the Word body, the PDF's text, or the text itself. */
  static String readable(Api.Download d, String format) {
    assertThat(d.status()).as(format).isEqualTo(200);
    try {
      if (format.equals("docx")) return ReportFilesE2ETest.zipPart(d.bytes(), "word/document.xml");
      if (format.equals("pdf")) {
        try (PDDocument doc = Loader.loadPDF(d.bytes())) {
          return new PDFTextStripper().getText(doc);
        }
      }
    } catch (Exception e) {
      throw new AssertionError(format + " does not open", e);
    }
    return new String(d.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("an anonymous post's author is in no format, Word and PDF too")
  void anonymousInEveryFormat(Vertx vertx) {
    Run run = runWorkshop(vertx, args());
    for (String format : List.of("md", "json", "csv", "docx", "pdf")) {
      String text = readable(node.api(vertx).download("/api/workshops/" + run.w().id() + "/report?format=" + format,
          run.w().facilitatorToken()), format);
      assertThat(text).as(format).contains("I was sectioned last year").doesNotContain("Alex Secret");
    }
  }

  @Test
  @DisplayName("a workshop run in Welsh gets its report in Welsh unless lang=en is asked for; another lang is refused")
  void workshopLanguage(Vertx vertx) {
    Run run = runWorkshop(vertx, args().put("lang", "cy"));
    String base = "/api/workshops/" + run.w().id() + "/report?format=md";
    assertThat(node.api(vertx).get(base, run.w().facilitatorToken()).text()).contains("## Themâu", "Dyddiad: ");
    assertThat(node.api(vertx).get(base + "&lang=en", run.w().facilitatorToken()).text()).contains("## Themes");
    assertThat(node.api(vertx).get(base + "&lang=fr", run.w().facilitatorToken()).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("groups smaller than minGroupSize are shown as Other, in participation and in rows")
  void smallGroupsMerged(Vertx vertx) {
    Run run = runWorkshop(vertx, args().put("minGroupSize", 3));
    String md = node.api(vertx).get("/api/workshops/" + run.w().id() + "/report", run.w().facilitatorToken()).text();
    assertThat(md).contains("| Other | 2 |").doesNotContain("Carers and family |");
  }

  @Test
  @DisplayName("only this workshop's facilitators get the report")
  void reportNeedsFacilitator(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Private");
    String sam = api.join(w.joinCode(), "Sam", null);
    String path = "/api/workshops/" + w.id() + "/report?format=md";
    assertThat(api.get(path, null).status()).isEqualTo(401);
    assertThat(api.get(path, sam).status()).isEqualTo(403);
    assertThat(api.get(path, w.displayToken()).status()).isEqualTo(403);
    assertThat(api.get(path, api.create("Other").facilitatorToken()).status()).isEqualTo(403);
    assertThat(api.get("/api/workshops/" + w.id() + "/report?format=exe", w.facilitatorToken()).status()).isEqualTo(400);
    assertThat(api.get(path, w.facilitatorToken()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("deleting a workshop closes its connections, stops its tokens and code, and leaves no trace in Redis")
  void purge(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("To be deleted");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient s = node.join(vertx, sam)) {
      s.call("contribution.add", args().put("text", "something personal").put("anonymous", true));
      assertThat(api.request(io.vertx.core.http.HttpMethod.DELETE, "/api/workshops/" + w.id(), null,
          Api.auth(sam), null).status()).isEqualTo(403);
      assertThat(api.request(io.vertx.core.http.HttpMethod.DELETE, "/api/workshops/" + w.id(), null,
          Api.auth(w.facilitatorToken()), null).status()).isEqualTo(204);
      assertThat(s.awaitClose()).isEqualTo((short) 4403);
    }
    assertThat(api.tryJoin(w.joinCode(), "Late", null).status()).isEqualTo(404);
    try (WsClient again = node.connect(vertx)) {
      again.send(new JsonObject().put("t", "hello").put("token", sam));
      assertThat(again.awaitClose()).isEqualTo((short) 4401);
    }
    Redis client = Redis.createClient(vertx, node.redisUrl());
    try {
      List<String> keys = new ArrayList<>();
      String cursor = "0";
      do {
        Response r = Await.of(client.send(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(1000)));
        cursor = r.get(0).toString();
        for (Response k : r.get(1)) keys.add(k.toString());
      } while (!cursor.equals("0"));
      for (String k : keys) {
        assertThat(k).doesNotContain(w.id()).doesNotContain(w.joinCode().replace("-", ""));
        Response type = Await.of(client.send(Request.cmd(Command.TYPE).arg(k)));
        if ("string".equals(type.toString())) {
          Response v = Await.of(client.send(Request.cmd(Command.GET).arg(k)));
          assertThat(v == null ? "" : v.toString()).doesNotContain(w.id()).doesNotContain("something personal");
        }
      }
    } finally {
      client.close();
    }
  }

  @Test
  @DisplayName("a post that looks like it holds an NHS number or contact details is flagged to its author first, who may still post it")
  void personalDataWarning(Vertx vertx) {
    Api api = node.api(vertx);
    Api.Created w = api.create("Careful");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam)) {
      JsonObject warned = s.call("contribution.add", args().put("text", "my NHS number is 943 476 5919"));
      assertThat(warned.getString("code")).isEqualTo("INVALID");
      assertThat(warned.getJsonObject("details").getJsonArray("personalData")).containsExactly("nhs-number");
      JsonObject email = s.call("contribution.add", args().put("text", "email me at sam@example.org"));
      assertThat(email.getJsonObject("details").getJsonArray("personalData")).containsExactly("email");
      assertThat(fac.events().stream().filter(e -> "contribution.added".equals(e.getString("name")))).isEmpty();

      JsonObject posted = s.call("contribution.add", args().put("text", "email me at sam@example.org")
          .put("personalDataOk", true));
      assertThat(posted.getString("t")).isEqualTo("ack");
      assertThat(s.call("contribution.add", args().put("text", "tea at 2am, 10 minutes walk")).getString("t"))
          .isEqualTo("ack");
    }
  }
}
