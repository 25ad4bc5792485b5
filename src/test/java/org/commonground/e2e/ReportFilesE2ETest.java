package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each report file, fetched from the real server and opened as its reader would open it, for one rich workshop. */
@ExtendWith(VertxExtension.class)
class ReportFilesE2ETest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  static final String WELSH = "Mae angen gwŷr a gwragedd i helpu â’r ŵyl";
  static Api.Created w;
  static String earlyReport;
  /** The workshop's date (UTC), from the report itself: "today" would be wrong for a run across midnight. */
  static String created;

  private static JsonObject args() { return new JsonObject(); }

  private static String id(JsonObject ack) { return ack.getJsonObject("result").getString("id"); }

  @BeforeAll
  static void run(Vertx vertx) {
    Api api = node.api(vertx);
    w = api.create(new JsonObject().put("title", "Better hospital discharge").put("settings", args().put("minGroupSize", 3))
        .put("phases", new JsonArray().add(args().put("title", "Ideas").put("minutes", 20)
            .put("allow", new JsonArray().add("contribute").add("vote").add("group").add("poll")))));
    String sam = api.join(w.joinCode(), "Sam Okafor", "carers");
    String alex = api.join(w.joinCode(), "Alex Secret", "carers");
    String bo = api.join(w.joinCode(), "Bo", "carers");
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient s = node.join(vertx, sam); WsClient a = node.join(vertx, alex); WsClient b = node.join(vertx, bo)) {
      fac.call("phase.start", args());
      String tea = id(s.call("contribution.add", args().put("text", "Tea in mugs, not paper cups (really)")));
      String secret = id(a.call("contribution.add", args().put("text", "I was sectioned last year").put("anonymous", true)));
      String welsh = id(b.call("contribution.add", args().put("text", WELSH)));
      String question = id(s.call("contribution.add", args().put("text", "Who phones the GP after discharge?").put("kind", "question")));
      s.call("contribution.add", args().put("text", "Discharge starts on admission - plan [early].").put("kind", "takeaway"));
      String parked = id(s.call("contribution.add", args().put("text", "Who pays for taxis?").put("kind", "parking")));
      fac.call("parking.update", args().put("id", parked).put("status", "handed-on").put("owner", "Commissioning lead"));
      fac.call("theme.create", args().put("label", "Feeling at home").put("contributionIds", new JsonArray().add(tea).add(secret)));
      String busy = id(fac.call("theme.create", args().put("label", "Getting home")
          .put("contributionIds", new JsonArray().add(welsh).add(question))));
      s.call("vote.cast", args().put("targetId", busy));
      b.call("vote.cast", args().put("targetId", busy));
      String poll = id(fac.call("poll.open", args().put("question", "Was today useful?")
          .put("options", new JsonArray().add("Yes").add("No"))));
      s.call("poll.answer", args().put("pollId", poll).put("option", 0));
      earlyReport = api.get(path("md"), w.facilitatorToken()).text();
      created = Instant.ofEpochMilli(api.get(path("json"), w.facilitatorToken()).body().getLong("createdAt"))
          .atZone(ZoneOffset.UTC).toLocalDate().toString();
      fac.call("workshop.end", args());
    }
  }

  private static String path(String format) { return "/api/workshops/" + w.id() + "/report?format=" + format; }

  private static Api.Download download(Vertx vertx, String format) {
    Api.Download d = node.api(vertx).download(path(format), w.facilitatorToken());
    assertThat(d.status()).as(new String(d.bytes(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(d.disposition()).isEqualTo("attachment; filename=\"better-hospital-discharge-" + created + "." + format.replace("&lang=cy", "") + "\"");
    return d;
  }

  @Test
  @DisplayName("facilitators get the report while the workshop runs, not only after it")
  void duringTheWorkshop() {
    assertThat(earlyReport).contains("# Better hospital discharge", "(still running)", "Was today useful? (still open)");
  }

  @Test
  @DisplayName("the Markdown reads as typed, themes most votes first, and the poll closed at the end")
  void markdown(Vertx vertx) {
    String md = new String(download(vertx, "md").bytes(), StandardCharsets.UTF_8);
    assertThat(md).contains("- Tea in mugs, not paper cups (really) (Sam Okafor, Carers and family)",
        "- Discharge starts on admission - plan [early].", "| Who pays for taxis? | Handed on | Commissioning lead |",
        "### Was today useful? (closed)", "- Yes: 1", WELSH).doesNotContain("still open").doesNotContain("Alex Secret");
    assertThat(md.indexOf("### Getting home (2 votes)")).isLessThan(md.indexOf("### Feeling at home (0 votes)"));
    assertThat(md).doesNotContain("\\(").doesNotContain("\\.").doesNotContain("\\-").doesNotContain("\\[");
  }

  @Test
  @DisplayName("the CSV opens in Excel with its byte-order mark, one row per contribution, anonymous rows without author or group")
  void csv(Vertx vertx) {
    Api.Download d = download(vertx, "csv");
    byte[] b = d.bytes();
    assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(b, 3, b.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1 + 6);
    assertThat(lines.get(0)).startsWith("\"Kind\",\"Theme\",\"Theme votes\",\"Text\"");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Idea\",\"Getting home\",\"2\",\"" + WELSH + "\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"Who pays for taxis?\"", "\"Handed on\",\"Commissioning lead\""));
    String secret = lines.stream().filter(l -> l.contains("sectioned")).findFirst().orElseThrow();
    assertThat(secret).endsWith(",\"\",\"\"");
    assertThat(String.join("\n", lines)).doesNotContain("Alex Secret");
  }

  @Test
  @DisplayName("the Word file has Word's headings, the texts, Welsh letters, and no anonymous author")
  void docx(Vertx vertx) throws Exception {
    Api.Download d = download(vertx, "docx");
    assertThat(d.type()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    String xml = zipPart(d.bytes(), "word/document.xml");
    assertThat(xml).contains("w:val=\"Title\"", "w:val=\"Heading1\"", "w:val=\"Heading2\"", "Better hospital discharge",
        "I was sectioned last year", "Who phones the GP after discharge?", "Handed on", "Commissioning lead", WELSH)
        .doesNotContain("Alex Secret");
  }

  @Test
  @DisplayName("lang=cy gives Welsh headings, labels and date, with the contributions as written")
  void welsh(Vertx vertx) throws Exception {
    String xml = zipPart(download(vertx, "docx&lang=cy").bytes(), "word/document.xml");
    assertThat(xml).contains("Themâu", "Negeseuon i fynd adref", "Wedi’i drosglwyddo", "Tea in mugs", "Dyddiad");
  }

  @Test
  @DisplayName("the PDF is tagged (a structure tree, marked), its text readable, its fonts embedded, no anonymous author")
  void pdf(Vertx vertx) throws Exception {
    Api.Download d = download(vertx, "pdf");
    assertThat(d.type()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(d.bytes())) {
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Better hospital discharge");
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Better hospital discharge", "Getting home (2 votes)", WELSH, "I was sectioned last year",
          "Who phones the GP after discharge?", "Handed on", "Commissioning lead", "Was today useful? (closed)")
          .doesNotContain("Alex Secret").doesNotContain("still open");
    }
  }

  static String zipPart(byte[] zipped, String name) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name);
  }
}
