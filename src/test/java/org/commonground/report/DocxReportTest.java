package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Word report opens as Word would show it")
class DocxReportTest {

  /** The document body as Word stores it, read straight from the zip. */
  static String documentXml(byte[] docx) throws Exception { return part(docx, "word/document.xml"); }

  static String part(byte[] docx, String name) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name);
  }

  @Test
  @DisplayName("title first, Heading 1 and 2 in report order, lists and tables with a header row, and no anonymous author")
  void structure() throws Exception {
    byte[] docx = DocxReport.render(RichWorkshop.report(), Words.ENGLISH);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFParagraph> ps = doc.getParagraphs();
      assertThat(ps.get(0).getStyle()).isEqualTo("Title");
      assertThat(ps.get(1).getText()).startsWith("Date: ");
      assertThat(ps.stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText)).containsExactly(
          "Themes", "Take-home messages", "Questions asked", "Parking lot", "Actions", "Polls", "Agenda as planned and as run",
          "Participation by stakeholder group");
      assertThat(ps.stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText))
          .startsWith("Getting home (2 votes)", "Feeling at home (0 votes)").contains("Was today useful? (closed)");
      assertThat(ps.stream().filter(p -> p.getNumID() != null).map(XWPFParagraph::getText))
          .contains(RichWorkshop.TAKEAWAY, RichWorkshop.WELSH + " (Bo, Carers and family)");
      assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      assertThat(doc.getTables()).isNotEmpty().allSatisfy(t -> assertThat(t.getRow(0).isRepeatHeader()).isTrue());
      assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("Handed on");
    }
    String xml = documentXml(docx);
    assertThat(xml).contains(RichWorkshop.ACTION, "Being done", "Asked on 2 December", "2026-12-03");
    assertThat(xml).contains(RichWorkshop.ANONYMOUS_TEXT, RichWorkshop.QUESTION, "Commissioning lead", "gwŷr", "ŵyl")
        .doesNotContain(RichWorkshop.ANONYMOUS_AUTHOR);
    String view = System.getProperty("cg.report.docxViewOut");
    if (view != null) java.nio.file.Files.writeString(java.nio.file.Path.of(view), DocxView.html(docx));
  }

  @Test
  @DisplayName("in Welsh the headings are Welsh and the font is one that carries ŵ and ŷ")
  void welsh() throws Exception {
    byte[] docx = DocxReport.render(RichWorkshop.report(), Words.WELSH);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText))
          .startsWith("Themâu", "Negeseuon i fynd adref");
    }
    assertThat(part(docx, "word/styles.xml")).contains("w:ascii=\"Arial\"", "w:hAnsi=\"Arial\"", "w:val=\"cy-GB\"");
  }

  @Test
  @DisplayName("control characters someone pasted are dropped, not left to make Word refuse the file")
  void controlCharacters() throws Exception {
    assertThat(DocxReport.plain("bell\u0007 and\nnew line\u0000")).isEqualTo("bell and new line");
    assertThat(DocxReport.plain("Mae’r ŵyl yn \"hwyl\" <b>")).isEqualTo("Mae’r ŵyl yn \"hwyl\" <b>");
  }
}
