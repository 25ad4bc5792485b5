package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reports render people's words as text")
class RenderingTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"})
  @DisplayName("a CSV cell that a spreadsheet would run as a formula is prefixed with an apostrophe")
  void formulasNeutralised(String cell) {
    assertThat(CsvReport.neutralise(cell)).isEqualTo("'" + cell);
  }

  @Test
  @DisplayName("ordinary CSV cells are left alone")
  void ordinaryCells() {
    assertThat(CsvReport.neutralise("tea in mugs")).isEqualTo("tea in mugs");
    assertThat(CsvReport.neutralise("")).isEmpty();
    assertThat(CsvReport.neutralise("a=b")).isEqualTo("a=b");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"# not a heading", "- not a list", "+ not a list", "* not a list", "> not a quote"})
  @DisplayName("a start Markdown would read as a heading, list or quote is escaped")
  void blockStartsEscaped(String typed) {
    assertThat(MarkdownReport.text(typed)).isEqualTo("\\" + typed);
  }

  @Test
  @DisplayName("ordinary punctuation is left as typed, so pasted minutes read as people wrote them")
  void punctuationAsTyped() {
    String typed = "Discharge (after 5pm) is hard - see [the audit]. Cost: £5.50! <b> a_b *really*";
    assertThat(MarkdownReport.text(typed)).isEqualTo(typed);
    assertThat(MarkdownReport.text("1. first")).isEqualTo("1\\. first");
    assertThat(MarkdownReport.text("2026) a year")).isEqualTo("2026\\) a year");
    assertThat(MarkdownReport.text("two\nlines")).isEqualTo("two lines");
  }

  @Test
  @DisplayName("a pipe in a table cell is escaped, and only there")
  void pipesInCells() {
    assertThat(MarkdownReport.cell("yes | no")).isEqualTo("yes \\| no");
    assertThat(MarkdownReport.text("yes | no")).isEqualTo("yes | no");
  }

  @Test
  @DisplayName("every format lists the actions with their status and outcome in words")
  void actionsInEveryFormat() {
    Report r = RichWorkshop.report();
    for (String out : new String[] {MarkdownReport.render(r), CsvReport.render(r), HtmlReport.render(r, Words.ENGLISH, "serif")}) {
      assertThat(out).contains(RichWorkshop.ACTION, "Being done", "Asked on 2 December").doesNotContain("in-progress");
    }
  }
}
