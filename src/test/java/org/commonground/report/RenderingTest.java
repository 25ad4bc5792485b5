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

  @Test
  @DisplayName("Markdown special characters in people's words are escaped, so minutes show them as typed")
  void markdownEscaped() {
    assertThat(MarkdownReport.text("# not a heading [link](x) <b>")).isEqualTo("\\# not a heading \\[link\\]\\(x\\) \\<b\\>");
    assertThat(MarkdownReport.text("two\nlines")).isEqualTo("two lines");
    assertThat(MarkdownReport.text("| pipe")).isEqualTo("\\| pipe");
  }
}
