package org.commonground.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as a tagged, accessible PDF (PDF/UA): made by openhtmltopdf from {@link HtmlReport}'s print
 * view, so its headings, lists and tables are tagged as such and a screen reader can follow them. PDF/UA
 * needs every font embedded: DejaVu Sans is, from the Debian package fonts-dejavu-core (it carries every
 * Welsh letter, ŵ ŷ â). Nothing is downloaded at run time; without the font the PDF is refused with a
 * message saying what to install, rather than made with letters missing.
 */
public final class PdfReport {
  private PdfReport() {}

  static final String FAMILY = "DejaVu Sans";
  /** Where Debian's fonts-dejavu-core puts the font; -Dcg.report.fontDir= to use another copy. */
  static final String FONT_DIR = System.getProperty("cg.report.fontDir", "/usr/share/fonts/truetype/dejavu");

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /** The font is not where it should be: the server can do everything but PDFs until it is installed. */
  public static final class FontMissing extends IllegalStateException {
    FontMissing(String message) { super(message); }
  }

  public static byte[] render(Report r, Words w) { return render(r, w, FONT_DIR); }

  static byte[] render(Report r, Words w, String fontDir) {
    File regular = font(fontDir, "DejaVuSans.ttf");
    File bold = font(fontDir, "DejaVuSans-Bold.ttf");
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessbility(true);
      // PDF/A-3a as well: archived minutes must open the same in years to come. Java's own sRGB profile is the
      // output intent PDF/A asks for, so no colour profile file is needed.
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
      builder.useColorProfile(SRGB);
      builder.useFont(regular, FAMILY, 400, FontStyle.NORMAL, false);
      builder.useFont(bold, FAMILY, 700, FontStyle.NORMAL, false);
      builder.withHtmlContent(HtmlReport.render(r, w, FAMILY), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static File font(String dir, String name) {
    File f = new File(dir, name);
    if (!f.isFile()) {
      throw new FontMissing("the PDF report needs the font " + f
          + ": install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set -Dcg.report.fontDir");
    }
    return f;
  }
}
