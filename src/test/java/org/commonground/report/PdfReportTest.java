package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The PDF report reads as text and is tagged for screen readers")
class PdfReportTest {

  /** Checks a PDF as a reader and a screen reader would take it: its text, its tags, its embedded fonts. */
  static void assertReadable(byte[] pdf, String... texts) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(texts).doesNotContain(RichWorkshop.ANONYMOUS_AUTHOR);
      var catalog = doc.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(structureTypes(catalog.getStructureTreeRoot())).contains("H1", "H2", "L", "LI", "Table", "TH", "TD");
      assertThat(catalog.getLanguage()).isNotBlank();
      assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
      String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).as("claims PDF/UA-1 and PDF/A-3a").contains("pdfuaid:part>1<", "pdfaid:part>3<", "pdfaid:conformance>A<");
      assertThat(catalog.getViewerPreferences().displayDocTitle()).as("title shown, not the file name").isTrue();
      for (var page : doc.getPages()) {
        assertThat(page.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.getPDFName("Tabs")))
            .as("tab order follows the structure").isEqualTo("S");
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
    }
  }

  private static java.util.Set<String> structureTypes(PDStructureNode node) {
    java.util.Set<String> types = new java.util.HashSet<>();
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        types.add(e.getStructureType());
        types.addAll(structureTypes(e));
      }
    }
    return types;
  }

  @Test
  @DisplayName("English: every section's text, Welsh letters intact, tagged headings, lists and tables")
  void english() throws Exception {
    byte[] pdf = PdfReport.render(RichWorkshop.report(), Words.ENGLISH);
    assertReadable(pdf, "Themes", "Getting home (2 votes)", RichWorkshop.WELSH, RichWorkshop.TAKEAWAY,
        RichWorkshop.QUESTION, "Handed on", "Commissioning lead", "Was today useful? (closed)");
    String out = System.getProperty("cg.report.pdfOut");
    if (out != null) Files.write(Path.of(out), pdf);
  }

  @Test
  @DisplayName("Welsh: headings and labels in Welsh, the document's language cy")
  void welsh() throws Exception {
    byte[] pdf = PdfReport.render(RichWorkshop.report(), Words.WELSH);
    assertReadable(pdf, "Themâu", "Negeseuon i fynd adref", "Wedi’i drosglwyddo", RichWorkshop.WELSH);
    String out = System.getProperty("cg.report.pdfOutCy");
    if (out != null) Files.write(Path.of(out), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("cy");
    }
  }

  @Test
  @DisplayName("without the font the PDF is refused with a message naming the package to install")
  void fontMissing() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PdfReport.render(RichWorkshop.report(), Words.ENGLISH, "/nonexistent/fonts"))
        .isInstanceOf(PdfReport.FontMissing.class).hasMessageContaining("fonts-dejavu-core");
  }
}
