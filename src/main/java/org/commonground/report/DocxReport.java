package org.commonground.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The report as a Word document, the form minutes and board papers are written in. It uses Word's own
 * Title and Heading 1/2 styles (so the navigation pane and a table of contents work), real bulleted lists
 * and tables whose header row repeats across pages. Arial carries every Welsh letter (ŵ ŷ â) and is on
 * every NHS Windows laptop. Contributions are text runs only: nothing a person typed becomes a field or link.
 */
public final class DocxReport {
  private DocxReport() {}

  static final String FONT = "Arial";

  public static byte[] render(Report r, Words w) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      new Writer(doc, r, w).write();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Writer {
    private final XWPFDocument doc;
    private final Report r;
    private final Words w;
    private final BigInteger bullets;

    Writer(XWPFDocument doc, Report r, Words w) {
      this.doc = doc;
      this.r = r;
      this.w = w;
      XWPFStyles styles = doc.createStyles();
      styles(styles);
      // The report's own language, so Word checks spelling and a screen reader speaks headings in it.
      styles.setSpellingLanguage("cy".equals(w.lang()) ? "cy-GB" : "en-GB");
      this.bullets = bulletList(doc.createNumbering());
      doc.getProperties().getCoreProperties().setTitle(r.title());
    }

    void write() {
      para("Title", r.title());
      para(null, w.get("date") + ": " + w.date(r.createdAt()) + (r.endedAt() == null ? " (" + w.get("running") + ")" : ""));
      para(null, w.get("utc") + (r.confidential() ? " " + w.get("confidential") : ""));

      para("Heading1", w.get("themes"));
      if (r.themes().isEmpty()) para(null, w.get("noThemes"));
      for (Report.ThemeItem t : r.themes()) {
        para("Heading2", t.label() + " (" + w.votes(t.votes()) + ")");
        items(t.contributions());
      }
      if (!r.unthemed().isEmpty()) {
        para("Heading2", w.get("unthemed"));
        items(r.unthemed());
      }
      para("Heading1", w.get("takeaways"));
      if (r.takeaways().isEmpty()) para(null, w.get("noTakeaways"));
      for (Report.Item t : r.takeaways()) bullet(t.text());
      para("Heading1", w.get("questions"));
      if (r.questions().isEmpty()) para(null, w.get("noQuestions"));
      else items(r.questions());

      para("Heading1", w.get("parking"));
      if (r.parking().isEmpty()) para(null, w.get("noParking"));
      else table(List.of(w.get("item"), w.get("status"), w.get("owner")), r.parking().stream()
          .map(p -> List.of(nz(p.text()), w.parking(p.status()), nz(p.owner()))).toList());

      para("Heading1", w.get("actions"));
      if (r.actions().isEmpty()) para(null, w.get("noActions"));
      else table(w.actionHeadings(), r.actions().stream().map(w::actionRow).toList());

      para("Heading1", w.get("polls"));
      if (r.polls().isEmpty()) para(null, w.get("noPolls"));
      for (Report.PollResult p : r.polls()) {
        para("Heading2", p.question() + " (" + w.get(p.status()) + ")");
        table(List.of(w.get("answer"), w.get("count")), p.options().stream()
            .map(o -> List.of(o.label(), Integer.toString(o.count()))).toList());
      }

      para("Heading1", w.get("agenda"));
      table(List.of(w.get("phase"), w.get("planned"), w.get("ran")), r.agenda().stream()
          .map(a -> List.of((a.index() + 1) + ". " + a.title(), a.plannedMinutes() + " " + w.get("min"), w.ran(a))).toList());

      para("Heading1", w.get("participation"));
      para(null, w.get("groupRule", r.minGroupSize()));
      table(List.of(w.get("group"), w.get("people"), w.get("contributions")), r.participation().stream()
          .map(g -> List.of(w.group(g.group()), Integer.toString(g.participants()), Integer.toString(g.contributions()))).toList());
      para(null, w.get("anonymous", r.anonymousContributions()));
    }

    private void items(List<Report.Item> items) {
      if (r.confidential()) {
        para(null, w.contributions(items.size()));
        return;
      }
      for (Report.Item i : items) bullet(i.text() + meta(i));
    }

    /** Who said it and how many votes it got, as the Markdown shows it; never a name for an anonymous post. */
    private String meta(Report.Item i) {
      StringBuilder m = new StringBuilder();
      if (i.by() != null) m.append(i.by());
      if (i.group() != null) m.append(m.length() > 0 ? ", " : "").append(w.group(i.group()));
      if (i.votes() > 0) m.append(m.length() > 0 ? ", " : "").append(w.votes(i.votes()));
      return m.length() == 0 ? "" : " (" + m + ")";
    }

    private XWPFParagraph para(String style, String text) {
      XWPFParagraph p = doc.createParagraph();
      if (style != null) p.setStyle(style);
      run(p, text);
      return p;
    }

    private void bullet(String text) {
      XWPFParagraph p = para("ListParagraph", text);
      p.setNumID(bullets);
    }

    private void table(List<String> header, List<List<String>> rows) {
      XWPFTable t = doc.createTable(rows.size() + 1, header.size());
      t.setWidth("100%");
      XWPFTableRow head = t.getRow(0);
      head.setRepeatHeader(true);
      for (int c = 0; c < header.size(); c++) {
        XWPFParagraph p = head.getCell(c).getParagraphs().get(0);
        run(p, header.get(c)).setBold(true);
      }
      for (int i = 0; i < rows.size(); i++) {
        for (int c = 0; c < header.size(); c++) {
          XWPFParagraph p = t.getRow(i + 1).getCell(c).getParagraphs().get(0);
          if (c > 0 && rows.get(i).get(c).matches("\\d+")) p.setAlignment(ParagraphAlignment.RIGHT);
          run(p, rows.get(i).get(c));
        }
      }
      doc.createParagraph(); // Word joins two tables that touch into one.
    }

    private static XWPFRun run(XWPFParagraph p, String text) {
      XWPFRun run = p.createRun();
      run.setText(plain(text));
      return run;
    }
  }

  private static String nz(String s) { return s == null ? "" : s; }

  /**
   * People's words as one line Word can hold: line breaks become spaces (as in the minutes), and control
   * characters, which XML cannot carry and would make Word refuse the whole file, are dropped.
   */
  static String plain(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
      else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) b.append(c);
    }
    return b.toString();
  }

  /** Title, Heading 1 and Heading 2 as Word names them, so Word treats them as its own built-in styles. */
  private static void styles(XWPFStyles styles) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    styles.setDefaultFonts(fonts);
    styles.addStyle(new XWPFStyle(style("Title", "Title", -1, 40), styles));
    styles.addStyle(new XWPFStyle(style("Heading1", "heading 1", 0, 32), styles));
    styles.addStyle(new XWPFStyle(style("Heading2", "heading 2", 1, 26), styles));
    CTStyle list = CTStyle.Factory.newInstance();
    list.setStyleId("ListParagraph");
    list.addNewName().setVal("List Paragraph");
    list.setType(STStyleType.PARAGRAPH);
    list.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720));
    styles.addStyle(new XWPFStyle(list, styles));
  }

  /** A paragraph style: bold, {@code halfPoints} big, at outline {@code level} (-1: none) for the navigation pane. */
  private static CTStyle style(String id, String name, int level, int halfPoints) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(id);
    s.addNewName().setVal(name);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewQFormat();
    var ppr = s.addNewPPr();
    ppr.addNewKeepNext();
    ppr.addNewSpacing().setBefore(BigInteger.valueOf(level < 0 ? 0 : 240));
    if (level >= 0) ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
    CTRPr rpr = s.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    return s;
  }

  /** One level of bullets, indented as Word's own bulleted list is. */
  private static BigInteger bulletList(XWPFNumbering numbering) {
    CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
    abs.setAbstractNumId(BigInteger.ZERO);
    CTLvl lvl = abs.addNewLvl();
    lvl.setIlvl(BigInteger.ZERO);
    lvl.addNewStart().setVal(BigInteger.ONE);
    lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
    lvl.addNewLvlText().setVal("•");
    var ind = lvl.addNewPPr().addNewInd();
    ind.setLeft(BigInteger.valueOf(720));
    ind.setHanging(BigInteger.valueOf(360));
    return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abs)));
  }
}
