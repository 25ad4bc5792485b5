package org.commonground.report;

import java.io.ByteArrayInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word file as Word lays it out, near enough for a screenshot on a machine without Word or LibreOffice:
 * it reads the .docx back through POI (so it shows what the file holds, not what we meant to write) and
 * draws each paragraph by its style, each numbered paragraph as a list item, each table with its header row.
 */
final class DocxView {
  private DocxView() {}

  static String html(byte[] docx) throws Exception {
    StringBuilder b = new StringBuilder("""
        <!doctype html><meta charset="utf-8"><style>
        body{background:#e8e8e8;margin:0;padding:24px}
        .page{background:#fff;width:794px;min-height:1123px;margin:auto;padding:72px 90px;box-sizing:border-box;
          font:11pt Arial,"DejaVu Sans",sans-serif;box-shadow:0 1px 4px #999}
        .Title{font-size:26pt;margin:0 0 6pt} h1{font-size:16pt;color:#2f5496;font-weight:normal;margin:18pt 0 4pt}
        h2{font-size:13pt;color:#2f5496;font-weight:normal;margin:12pt 0 4pt} p{margin:0 0 8pt}
        ul{margin:0 0 8pt;padding-left:24pt} table{border-collapse:collapse;margin:0 0 10pt}
        td,th{border:1px solid #000;padding:2pt 6pt;text-align:left;vertical-align:top} th{font-weight:bold}
        </style><div class="page">
        """);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      boolean inList = false;
      for (IBodyElement e : doc.getBodyElements()) {
        boolean listItem = e instanceof XWPFParagraph p && p.getNumID() != null;
        if (inList && !listItem) b.append("</ul>");
        if (!inList && listItem) b.append("<ul>");
        inList = listItem;
        if (e instanceof XWPFParagraph p) paragraph(b, p, listItem);
        else if (e instanceof XWPFTable t) table(b, t);
      }
      if (inList) b.append("</ul>");
    }
    return b.append("</div>").toString();
  }

  private static void paragraph(StringBuilder b, XWPFParagraph p, boolean listItem) {
    String text = escape(p.getText());
    String style = p.getStyle() == null ? "" : p.getStyle();
    if (listItem) b.append("<li>").append(text).append("</li>");
    else if (style.equals("Heading1")) b.append("<h1>").append(text).append("</h1>");
    else if (style.equals("Heading2")) b.append("<h2>").append(text).append("</h2>");
    else b.append("<p class=\"").append(style).append("\">").append(text).append("</p>");
  }

  private static void table(StringBuilder b, XWPFTable t) {
    b.append("<table>");
    for (XWPFTableRow row : t.getRows()) {
      String cell = row.isRepeatHeader() ? "th" : "td";
      b.append("<tr>");
      for (XWPFTableCell c : row.getTableCells()) b.append('<').append(cell).append('>').append(escape(c.getText())).append("</").append(cell).append('>');
      b.append("</tr>");
    }
    b.append("</table>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
