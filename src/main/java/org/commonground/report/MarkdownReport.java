package org.commonground.report;

import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The report as minutes a facilitator can paste into a document. User text is escaped, never markup. */
public final class MarkdownReport {
  private MarkdownReport() {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  public static String render(Report r) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(text(r.title())).append("\n\n");
    b.append("Date: ").append(DATE.format(Instant.ofEpochMilli(r.createdAt())));
    b.append(r.endedAt() == null ? " (still running)" : "").append("  \n");
    b.append("Times are UTC.");
    if (r.confidential()) b.append(" This workshop is confidential: contributions are left out, but for the take-home messages and the parking lot.");
    b.append("\n\n## Agenda\n\n| Phase | Planned | Ran |\n|---|---|---|\n");
    for (Report.AgendaItem a : r.agenda()) {
      b.append("| ").append(a.index() + 1).append(". ").append(cell(a.title())).append(" | ").append(a.plannedMinutes())
          .append(" min | ").append(ran(a)).append(" |\n");
    }
    b.append("\n## Themes\n\n");
    if (r.themes().isEmpty()) b.append("No themes were made.\n\n");
    for (Report.ThemeItem t : r.themes()) {
      b.append("### ").append(text(t.label())).append(" (").append(votes(t.votes())).append(")\n\n");
      items(b, t.contributions(), r.confidential());
    }
    if (!r.unthemed().isEmpty()) {
      b.append("### Not in a theme\n\n");
      items(b, r.unthemed(), r.confidential());
    }
    b.append("## Take-home messages\n\n");
    if (r.takeaways().isEmpty()) b.append("None were posted.\n");
    for (Report.Item t : r.takeaways()) b.append("- ").append(text(t.text())).append('\n');
    b.append("\n## Parking lot\n\n");
    if (r.parking().isEmpty()) {
      b.append("Nothing was parked.\n");
    } else {
      b.append("| Item | Status | Owner |\n|---|---|---|\n");
      for (Report.ParkingItem p : r.parking()) {
        b.append("| ").append(cell(p.text())).append(" | ").append(p.status()).append(" | ")
            .append(p.owner() == null ? "" : cell(p.owner())).append(" |\n");
      }
    }
    b.append("\n## Polls\n\n");
    if (r.polls().isEmpty()) b.append("No polls were run.\n");
    for (Report.PollResult p : r.polls()) {
      b.append("### ").append(text(p.question())).append(p.status().equals("open") ? " (still open)" : "").append("\n\n");
      for (Report.PollResult.Option o : p.options()) {
        b.append("- ").append(text(o.label())).append(": ").append(o.count()).append('\n');
      }
      b.append('\n');
    }
    b.append("\n## Participation by stakeholder group\n\n");
    b.append("Groups of fewer than ").append(r.minGroupSize()).append(" people are counted together as \"")
        .append(Reports.OTHER).append("\". Contributions are those posted under a name.\n\n")
        .append("| Group | People | Contributions |\n|---|---|---|\n");
    for (Report.GroupShare g : r.participation()) {
      b.append("| ").append(cell(g.group())).append(" | ").append(g.participants()).append(" | ")
          .append(g.contributions()).append(" |\n");
    }
    b.append("\nAnonymous contributions: ").append(r.anonymousContributions())
        .append(". They are not counted under any group, so nothing here shows who wrote them.\n");
    return b.toString();
  }

  private static void items(StringBuilder b, List<Report.Item> items, boolean confidential) {
    if (confidential) {
      b.append(items.size()).append(items.size() == 1 ? " contribution.\n\n" : " contributions.\n\n");
      return;
    }
    for (Report.Item i : items) {
      b.append("- ").append(text(i.text()));
      StringBuilder meta = new StringBuilder();
      if (i.by() != null) meta.append(text(i.by()));
      if (i.group() != null) meta.append(meta.length() > 0 ? ", " : "").append(text(i.group()));
      if (i.votes() > 0) meta.append(meta.length() > 0 ? ", " : "").append(votes(i.votes()));
      if (meta.length() > 0) b.append(" (").append(meta).append(')');
      b.append('\n');
    }
    b.append('\n');
  }

  private static String ran(Report.AgendaItem a) {
    if (a.startedAt() == null) return "did not run";
    String from = TIME.format(Instant.ofEpochMilli(a.startedAt()));
    return a.endedAt() == null ? from + " to now" : from + " to " + TIME.format(Instant.ofEpochMilli(a.endedAt()));
  }

  private static String votes(int n) { return n == 1 ? "1 vote" : n + " votes"; }

  /** People's words as plain text: Markdown's special characters are escaped, line breaks kept as spaces. */
  static String text(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.replace("\r", " ").replace("\n", " ").toCharArray()) {
      if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  private static String cell(String s) { return text(s); }
}
