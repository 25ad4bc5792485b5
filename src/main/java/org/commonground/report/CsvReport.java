package org.commonground.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One row per contribution, for a spreadsheet: kind, theme, the theme's votes, text, the contribution's own
 * votes, reactions, parking status and owner, phase, time, author and group (empty when anonymous). The
 * file starts with a UTF-8 byte-order mark, without which Excel on Windows reads it as the local code page
 * and garbles Welsh letters (ŵ ŷ â). Every cell is quoted; a cell a spreadsheet would run as a formula
 * (= + - @, or a tab or carriage return first) is prefixed with an apostrophe, so opening the file runs nothing.
 */
public final class CsvReport {
  private CsvReport() {}

  static final String BOM = "\uFEFF";

  public static byte[] bytes(Report r, Words w) { return render(r, w).getBytes(StandardCharsets.UTF_8); }

  public static String render(Report r) { return render(r, Words.of(r.lang())); }

  public static String render(Report r, Words w) {
    StringBuilder b = new StringBuilder(BOM);
    row(b, List.of(w.get("csv.kind"), w.get("csv.theme"), w.get("csv.themeVotes"), w.get("csv.text"),
        w.get("csv.votes"), w.get("csv.reactions"), w.get("csv.parking"), w.get("csv.owner"), w.get("csv.phase"),
        w.get("csv.time"), w.get("csv.by"), w.get("csv.group")));
    for (Report.Item i : r.allItems()) {
      row(b, List.of(w.kind(i.kind()), nz(i.theme()), i.theme() == null ? "" : Integer.toString(i.themeVotes()),
          nz(i.text()), Integer.toString(i.votes()), Integer.toString(i.reactions()), w.parking(i.parking()),
          nz(i.owner()), r.phaseTitle(i.phase()), Words.dateTime(i.at()), nz(i.by()), w.group(i.group())));
    }
    // Actions after the contributions, one row each: status in the status column, due date and outcome with the words.
    for (Report.ActionItem a : r.actions()) {
      List<String> cells = w.actionRow(a);
      String words = cells.get(0) + (a.due() == null ? "" : " (" + w.get("due") + ": " + a.due() + ")")
          + (a.outcome() == null ? "" : ". " + w.get("outcome") + ": " + a.outcome());
      row(b, List.of(w.kind("action"), "", "", words, "", "", cells.get(1), cells.get(2), "", "", "", ""));
    }
    return b.toString();
  }

  private static String nz(String s) { return s == null ? "" : s; }

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
