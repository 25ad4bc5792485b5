package org.commonground.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.hub.ThemeHelp;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;

/**
 * A transparent stand-in for the theme engine, so end-to-end tests can predict suggestions: notes group
 * by their first word, and a theme fits a note when the theme's label appears in it. The real engine is
 * tested on its own (themes package) and in one end-to-end test.
 */
public final class FirstWordThemes implements ThemeHelp {
  @Override
  public List<SuggestedGroup> suggest(List<Contribution> contributions) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (Contribution c : contributions) {
      groups.computeIfAbsent(firstWord(c.text()), k -> new ArrayList<>()).add(c.id());
    }
    List<SuggestedGroup> out = new ArrayList<>();
    groups.forEach((word, ids) -> out.add(new SuggestedGroup(word, ids)));
    return out;
  }

  @Override
  public Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes, Map<String, Contribution> all) {
    Map<String, List<String>> fits = new LinkedHashMap<>();
    for (Contribution c : unthemed) {
      List<String> ids = new ArrayList<>();
      for (Theme t : themes) {
        if (c.text().toLowerCase(Locale.ROOT).contains(t.label().toLowerCase(Locale.ROOT))) ids.add(t.id());
      }
      fits.put(c.id(), ids.size() > 3 ? ids.subList(0, 3) : ids);
    }
    return fits;
  }

  @Override
  public String unavailableReason() { return null; }

  private static String firstWord(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }
}
