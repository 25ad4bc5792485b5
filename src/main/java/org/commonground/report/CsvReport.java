package org.commonground.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * One row per contribution (phase, kind, theme, text, votes, reactions, group), header first. Every cell
 * is quoted; a cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) is
 * prefixed with an apostrophe, so opening the file runs nothing.
 */
public final class CsvReport {
  private CsvReport() {}

  public static String render(Report r) {
    StringBuilder b = new StringBuilder();
    row(b, List.of("phase", "kind", "theme", "text", "votes", "reactions", "group"));
    List<String> phases = new ArrayList<>();
    for (Report.AgendaItem a : r.agenda()) phases.add(a.title());
    Set<String> done = new HashSet<>();
    for (Report.ThemeItem t : r.themes()) {
      for (Report.Item i : t.contributions()) if (done.add(i.id())) row(b, cells(phases, t.label(), i));
    }
    for (Report.Item i : r.unthemed()) if (done.add(i.id())) row(b, cells(phases, "", i));
    for (Report.Item i : r.takeaways()) if (done.add(i.id())) row(b, cells(phases, "", i));
    for (Report.ParkingItem p : r.parking()) if (done.add(p.item().id())) row(b, cells(phases, "", p.item()));
    return b.toString();
  }

  private static List<String> cells(List<String> phases, String theme, Report.Item i) {
    String phase = i.phase() < phases.size() ? phases.get(i.phase()) : Integer.toString(i.phase() + 1);
    return List.of(phase, i.kind(), theme, i.text() == null ? "" : i.text(), Integer.toString(i.votes()),
        Integer.toString(i.reactions()), i.group() == null ? "" : i.group());
  }

  private static void row(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) b.append(',');
      b.append(quote(neutralise(cells.get(i))));
    }
    b.append("\r\n");
  }

  static String neutralise(String cell) {
    if (cell.isEmpty()) return cell;
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }

  private static String quote(String cell) { return '"' + cell.replace("\"", "\"\"") + '"'; }
}
