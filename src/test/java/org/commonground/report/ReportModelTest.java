package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Report model: one set of figures, in the order a reader wants them")
class ReportModelTest {

  @Test
  @DisplayName("themes come most votes first, questions are listed on their own, a poll is closed once the workshop ends")
  void order() {
    Report r = RichWorkshop.report();
    assertThat(r.themes()).extracting(Report.ThemeItem::label).containsExactly("Getting home", "Feeling at home");
    assertThat(r.themes().get(0).votes()).isEqualTo(2);
    assertThat(r.questions()).extracting(Report.Item::text).containsExactly(RichWorkshop.QUESTION);
    assertThat(r.polls()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo("closed"));
    assertThat(r.parking()).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo("handed-on");
      assertThat(p.owner()).isEqualTo("Commissioning lead");
    });
  }

  @Test
  @DisplayName("each contribution carries its theme and the theme's votes, so no format counts for itself")
  void itemsCarryTheirTheme() {
    Report r = RichWorkshop.report();
    Report.Item welsh = r.allItems().stream().filter(i -> RichWorkshop.WELSH.equals(i.text())).findFirst().orElseThrow();
    assertThat(welsh.theme()).isEqualTo("Getting home");
    assertThat(welsh.themeVotes()).isEqualTo(2);
    Report.Item secret = r.allItems().stream().filter(i -> RichWorkshop.ANONYMOUS_TEXT.equals(i.text())).findFirst().orElseThrow();
    assertThat(secret.by()).isNull();
    assertThat(secret.group()).isNull();
    assertThat(secret.votes()).isEqualTo(1);
    assertThat(r.allItems()).extracting(Report.Item::id).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("the Markdown reads as typed, in report order, with statuses in words and no '(still open)' after the end")
  void markdown() {
    String md = MarkdownReport.render(RichWorkshop.report());
    assertThat(md).contains("- " + RichWorkshop.TAKEAWAY, "Tea in mugs, not paper cups (really)",
        "| Who pays for taxis? | Handed on | Commissioning lead |", "### Was today useful? (closed)")
        .doesNotContain("still open").doesNotContain("handed-on").doesNotContain(RichWorkshop.ANONYMOUS_AUTHOR)
        .doesNotContain("\\(").doesNotContain("\\.").doesNotContain("\\-").doesNotContain("\\[");
    assertThat(md.indexOf("## Themes")).isLessThan(md.indexOf("## Take-home messages"));
    assertThat(md.indexOf("### Getting home (2 votes)")).isLessThan(md.indexOf("### Feeling at home"));
    assertThat(md.indexOf("## Take-home messages")).isLessThan(md.indexOf("## Questions asked"));
    assertThat(md.indexOf("## Questions asked")).isLessThan(md.indexOf("## Parking lot"));
    assertThat(md.indexOf("## Polls")).isLessThan(md.indexOf("## Agenda as planned and as run"));
  }

  @Test
  @DisplayName("in Welsh the headings, labels and date are Welsh, and contributions stay as written")
  void welsh() {
    String md = MarkdownReport.render(RichWorkshop.report(), Words.WELSH);
    assertThat(md).contains("## Themâu", "## Negeseuon i fynd adref", "## Cwestiynau a ofynnwyd", "Wedi’i drosglwyddo",
        "Dyddiad: ", "Tea in mugs", RichWorkshop.WELSH).doesNotContain("## Themes");
    assertThat(Words.WELSH.date(1_796_083_200_000L)).isEqualTo("1 Rhagfyr 2026");
  }

  @Test
  @DisplayName("a Welsh report of an English workshop names the built-in groups in Welsh, and a group's own name as set")
  void welshGroupNames() {
    String md = MarkdownReport.render(RichWorkshop.report(), Words.WELSH);
    assertThat(md).contains("Gofalwyr a theulu").doesNotContain("Carers and family");
    assertThat(Words.WELSH.group("Peer supporters")).isEqualTo("Peer supporters");
    assertThat(Words.ENGLISH.group("Gofalwyr a theulu")).isEqualTo("Carers and family");
  }

  @Test
  @DisplayName("the CSV has a byte-order mark, one row per contribution then per action, and no author or group on anonymous rows")
  void csv() {
    Report r = RichWorkshop.report();
    String csv = CsvReport.render(r);
    assertThat(csv).startsWith("\uFEFF\"Kind\"");
    var lines = csv.substring(1).lines().toList();
    assertThat(lines).hasSize(1 + r.allItems().size() + r.actions().size());
    assertThat(lines.get(lines.size() - 1)).startsWith("\"Action\",\"\",\"\",\"" + RichWorkshop.ACTION)
        .contains("\"Being done\",\"Jo\"");
    String secret = lines.stream().filter(l -> l.contains(RichWorkshop.ANONYMOUS_TEXT)).findFirst().orElseThrow();
    assertThat(secret).startsWith("\"Idea\",\"Feeling at home\",\"0\",").endsWith(",\"\",\"\"");
    String parked = lines.stream().filter(l -> l.contains(RichWorkshop.PARKED)).findFirst().orElseThrow();
    assertThat(parked).contains("\"Handed on\",\"Commissioning lead\"");
    assertThat(csv).doesNotContain(RichWorkshop.ANONYMOUS_AUTHOR);
  }
}
