package org.commonground.report;

import java.util.List;

/**
 * The report as an XHTML print view: the source of the PDF. Semantic markup (headings in order, lists,
 * tables with header cells that have a scope, the document's language) is what the PDF's tags are made
 * from, so a screen reader reads the PDF as it would this page. People's words are always escaped text.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Report r, Words w, String fontFamily) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(w.lang()).append("\" xml:lang=\"").append(w.lang())
        .append("\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/>")
        .append("<title>").append(esc(r.title())).append("</title>")
        .append("<meta name=\"subject\" content=\"").append(esc(w.get("report"))).append("\"/>")
        .append("<style>").append(css(fontFamily)).append("</style></head><body>");
    b.append("<h1>").append(esc(r.title())).append("</h1>");
    b.append("<p class=\"meta\">").append(esc(w.get("date"))).append(": ").append(esc(w.date(r.createdAt())));
    if (r.endedAt() == null) b.append(" (").append(esc(w.get("running"))).append(')');
    b.append("<br/>").append(esc(w.get("utc")));
    if (r.confidential()) b.append(' ').append(esc(w.get("confidential")));
    b.append("</p>");

    h2(b, w.get("themes"));
    if (r.themes().isEmpty()) p(b, w.get("noThemes"));
    for (Report.ThemeItem t : r.themes()) {
      b.append("<h3>").append(esc(t.label())).append(" <span class=\"votes\">(").append(esc(w.votes(t.votes())))
          .append(")</span></h3>");
      items(b, t.contributions(), r.confidential(), w);
    }
    if (!r.unthemed().isEmpty()) {
      b.append("<h3>").append(esc(w.get("unthemed"))).append("</h3>");
      items(b, r.unthemed(), r.confidential(), w);
    }
    h2(b, w.get("takeaways"));
    if (r.takeaways().isEmpty()) p(b, w.get("noTakeaways"));
    else list(b, r.takeaways().stream().map(i -> esc(i.text())).toList());
    h2(b, w.get("questions"));
    if (r.questions().isEmpty()) p(b, w.get("noQuestions"));
    else items(b, r.questions(), r.confidential(), w);

    h2(b, w.get("parking"));
    if (r.parking().isEmpty()) p(b, w.get("noParking"));
    else table(b, List.of(w.get("item"), w.get("status"), w.get("owner")), r.parking().stream()
        .map(p -> List.of(nz(p.text()), w.parking(p.status()), nz(p.owner()))).toList());

    h2(b, w.get("actions"));
    if (r.actions().isEmpty()) p(b, w.get("noActions"));
    else table(b, w.actionHeadings(), r.actions().stream().map(w::actionRow).toList());

    h2(b, w.get("polls"));
    if (r.polls().isEmpty()) p(b, w.get("noPolls"));
    for (Report.PollResult p : r.polls()) {
      b.append("<h3>").append(esc(p.question())).append(" (").append(esc(w.get(p.status()))).append(")</h3>");
      table(b, List.of(w.get("answer"), w.get("count")), p.options().stream()
          .map(o -> List.of(o.label(), Integer.toString(o.count()))).toList());
    }

    h2(b, w.get("agenda"));
    table(b, List.of(w.get("phase"), w.get("planned"), w.get("ran")), r.agenda().stream()
        .map(a -> List.of((a.index() + 1) + ". " + a.title(), a.plannedMinutes() + " " + w.get("min"), w.ran(a))).toList());

    h2(b, w.get("participation"));
    p(b, w.get("groupRule", r.minGroupSize()));
    table(b, List.of(w.get("group"), w.get("people"), w.get("contributions")), r.participation().stream()
        .map(g -> List.of(w.group(g.group()), Integer.toString(g.participants()), Integer.toString(g.contributions()))).toList());
    p(b, w.get("anonymous", r.anonymousContributions()));
    return b.append("</body></html>").toString();
  }

  private static String css(String font) {
    return "@page{size:A4;margin:20mm 18mm;@bottom-right{content:counter(page) ' / ' counter(pages);"
        + "font-family:'" + font + "';font-size:9pt;color:#555}}"
        + "body{font-family:'" + font + "';font-size:10.5pt;line-height:1.4;color:#111}"
        + "h1{font-size:20pt;margin:0 0 4pt}h2{font-size:14pt;margin:16pt 0 6pt;border-bottom:1px solid #999;"
        + "padding-bottom:2pt;page-break-after:avoid}h3{font-size:11.5pt;margin:10pt 0 4pt;page-break-after:avoid}"
        + ".meta{color:#333;margin:0 0 8pt}.votes{font-weight:normal}.by{color:#444}ul{margin:0 0 6pt;padding-left:16pt}"
        + "li{margin:0 0 2pt}table{border-collapse:collapse;width:100%;margin:4pt 0 8pt}"
        + "th,td{border:1px solid #999;padding:3pt 5pt;text-align:left;vertical-align:top}th{background:#eee}"
        + "thead{display:table-header-group}tr{page-break-inside:avoid}td.n{text-align:right}th.n{width:16%;text-align:right}";
  }

  private static void items(StringBuilder b, List<Report.Item> items, boolean confidential, Words w) {
    if (confidential) {
      p(b, w.contributions(items.size()));
      return;
    }
    list(b, items.stream().map(i -> esc(i.text()) + meta(i, w)).toList());
  }

  /** Who said it and its votes, as the other formats show it; never a name for an anonymous post. */
  private static String meta(Report.Item i, Words w) {
    StringBuilder m = new StringBuilder();
    if (i.by() != null) m.append(i.by());
    if (i.group() != null) m.append(m.length() > 0 ? ", " : "").append(w.group(i.group()));
    if (i.votes() > 0) m.append(m.length() > 0 ? ", " : "").append(w.votes(i.votes()));
    return m.length() == 0 ? "" : " <span class=\"by\">(" + esc(m.toString()) + ")</span>";
  }

  private static void list(StringBuilder b, List<String> escapedItems) {
    b.append("<ul>");
    for (String s : escapedItems) b.append("<li>").append(s).append("</li>");
    b.append("</ul>");
  }

  private static void table(StringBuilder b, List<String> header, List<List<String>> rows) {
    b.append("<table><thead><tr>");
    for (int c = 0; c < header.size(); c++) {
      // A column of counts is narrow and right-aligned, so the numbers line up and the words get the room.
      final int col = c;
      boolean counts = c > 0 && !rows.isEmpty() && rows.stream().allMatch(r -> r.get(col).matches("\\d+"));
      b.append(counts ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">").append(esc(header.get(c))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        boolean number = c > 0 && row.get(c).matches("\\d+");
        b.append(number ? "<td class=\"n\">" : "<td>").append(esc(row.get(c))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table>");
  }

  private static void h2(StringBuilder b, String s) { b.append("<h2>").append(esc(s)).append("</h2>"); }

  private static void p(StringBuilder b, String s) { b.append("<p>").append(esc(s)).append("</p>"); }

  private static String nz(String s) { return s == null ? "" : s; }

  /** Text as XML character data: markup characters escaped, and control characters XML cannot hold dropped. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') b.append(c);
        }
      }
    }
    return b.toString();
  }
}
