package org.commonground.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.hub.ThemeHelp;
import org.commonground.support.FirstWordThemes;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;

/**
 * support's {@link FirstWordThemes}, with labels cut to the 120 characters a suggestion may have: its label
 * is a note's whole first word, which random text makes longer than that. (The stand-in then fails and the
 * hub answers themes.suggest with INTERNAL, as it does for any engine failure; a real engine must keep its
 * labels short too.)
 */
final class ShortLabelThemes implements ThemeHelp {
  private final FirstWordThemes inner = new FirstWordThemes();

  @Override
  public List<SuggestedGroup> suggest(List<Contribution> contributions) {
    return inner.suggest(shortened(contributions));
  }

  /** The stand-in labels a group by its first word; cutting every text's first word is enough. */
  private static List<Contribution> shortened(List<Contribution> contributions) {
    List<Contribution> out = new ArrayList<>();
    for (Contribution c : contributions) {
      String t = c.text().strip();
      if (t.codePointCount(0, t.length()) > 100) t = t.substring(0, t.offsetByCodePoints(0, 100));
      out.add(c.withText(t, c.createdAt()));
    }
    return out;
  }

  @Override
  public Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes, Map<String, Contribution> all) {
    return inner.place(unthemed, themes, all);
  }

  @Override
  public String unavailableReason() { return inner.unavailableReason(); }
}
