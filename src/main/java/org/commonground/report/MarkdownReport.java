package org.commonground.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The report as minutes a facilitator can paste into a document. People's words read as they typed them:
 * only what Markdown would otherwise turn into markup is escaped (a line starting like a heading, list or
 * quote; a pipe in a table cell), never ordinary punctuation.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(Report r) { return render(r, Words.of(r.lang())); }

  public static String render(Report r, Words w) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(text(r.title())).append("\n\n");
    b.append(w.get("date")).append(": ").append(w.date(r.createdAt()));
    b.append(r.endedAt() == null ? " (" + w.get("running") + ")" : "").append("  \n");
    b.append(w.get("utc"));
    if (r.confidential()) b.append(' ').append(w.get("confidential"));
    b.append("\n\n## ").append(w.get("themes")).append("\n\n");
    if (r.themes().isEmpty()) b.append(w.get("noThemes")).append("\n\n");
    for (Report.ThemeItem t : r.themes()) {
      b.append("### ").append(text(t.label())).append(" (").append(w.votes(t.votes())).append(")\n\n");
      items(b, t.contributions(), r.confidential(), w);
    }
    if (!r.unthemed().isEmpty()) {
      b.append("### ").append(w.get("unthemed")).append("\n\n");
      items(b, r.unthemed(), r.confidential(), w);
    }
    b.append("## ").append(w.get("takeaways")).append("\n\n");
    if (r.takeaways().isEmpty()) b.append(w.get("noTakeaways")).append('\n');
    for (Report.Item t : r.takeaways()) b.append("- ").append(text(t.text())).append('\n');
    b.append("\n## ").append(w.get("questions")).append("\n\n");
    if (r.questions().isEmpty()) b.append(w.get("noQuestions")).append("\n\n");
    else items(b, r.questions(), r.confidential(), w);
    b.append("## ").append(w.get("parking")).append("\n\n");
    if (r.parking().isEmpty()) {
      b.append(w.get("noParking")).append('\n');
    } else {
      row(b, w.get("item"), w.get("status"), w.get("owner"));
      b.append("|---|---|---|\n");
      for (Report.ParkingItem p : r.parking()) row(b, cell(p.text()), w.parking(p.status()), cell(p.owner()));
    }
    b.append("\n## ").append(w.get("actions")).append("\n\n");
    if (r.actions().isEmpty()) {
      b.append(w.get("noActions")).append('\n');
    } else {
      row(b, w.actionHeadings().toArray(String[]::new));
      b.append("|---|---|---|---|---|\n");
      for (Report.ActionItem a : r.actions()) row(b, w.actionRow(a).stream().map(MarkdownReport::cell).toArray(String[]::new));
    }
    b.append("\n## ").append(w.get("polls")).append("\n\n");
    if (r.polls().isEmpty()) b.append(w.get("noPolls")).append('\n');
    for (Report.PollResult p : r.polls()) {
      b.append("### ").append(text(p.question())).append(" (").append(w.get(p.status())).append(")\n\n");
      for (Report.PollResult.Option o : p.options()) b.append("- ").append(text(o.label())).append(": ").append(o.count()).append('\n');
      b.append('\n');
    }
    b.append("\n## ").append(w.get("agenda")).append("\n\n");
    row(b, w.get("phase"), w.get("planned"), w.get("ran"));
    b.append("|---|---|---|\n");
    for (Report.AgendaItem a : r.agenda()) {
      row(b, (a.index() + 1) + ". " + cell(a.title()), a.plannedMinutes() + " " + w.get("min"), w.ran(a));
    }
    b.append("\n## ").append(w.get("participation")).append("\n\n");
    b.append(w.get("groupRule", r.minGroupSize())).append("\n\n");
    row(b, w.get("group"), w.get("people"), w.get("contributions"));
    b.append("|---|---|---|\n");
    for (Report.GroupShare g : r.participation()) {
      row(b, cell(w.group(g.group())), Integer.toString(g.participants()), Integer.toString(g.contributions()));
    }
    b.append('\n').append(w.get("anonymous", r.anonymousContributions())).append('\n');
    return b.toString();
  }

  private static void row(StringBuilder b, String... cells) {
    b.append('|');
    for (String c : cells) b.append(' ').append(c).append(" |");
    b.append('\n');
  }

  private static void items(StringBuilder b, List<Report.Item> items, boolean confidential, Words w) {
    if (confidential) {
      b.append(w.contributions(items.size())).append("\n\n");
      return;
    }
    for (Report.Item i : items) {
      b.append("- ").append(text(i.text()));
      StringBuilder meta = new StringBuilder();
      if (i.by() != null) meta.append(i.by());
      if (i.group() != null) meta.append(meta.length() > 0 ? ", " : "").append(w.group(i.group()));
      if (i.votes() > 0) meta.append(meta.length() > 0 ? ", " : "").append(w.votes(i.votes()));
      if (meta.length() > 0) b.append(" (").append(meta).append(')');
      b.append('\n');
    }
    b.append('\n');
  }

  /** A start that Markdown reads as a heading, list item, quote or numbered item ("1." or "1)"). */
  private static final Pattern BLOCK_START = Pattern.compile("^(\\d{1,9})([.)])");

  /**
   * People's words as plain text on one line (line breaks become spaces). Only a start that would become a
   * heading, list, quote or numbered item is escaped: the text always follows "- " or "### " or a table
   * pipe, where Markdown would read such a start as markup. Everything else is left as typed.
   */
  static String text(String s) {
    if (s == null) return "";
    String t = s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    if (t.isEmpty()) return t;
    char first = t.charAt(0);
    if ("#-+*>".indexOf(first) >= 0) return "\\" + t;
    var m = BLOCK_START.matcher(t);
    if (m.find()) return m.group(1) + "\\" + t.substring(m.group(1).length());
    return t;
  }

  /** Text in a table cell: a pipe would end the cell, so it is the one character escaped inside. */
  static String cell(String s) { return s == null ? "" : text(s).replace("|", "\\|"); }
}
