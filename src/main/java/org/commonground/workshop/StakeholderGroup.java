package org.commonground.workshop;

import java.util.List;
import java.util.Objects;

public record StakeholderGroup(String id, String label) {
  public StakeholderGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
  }

  public static final List<StakeholderGroup> DEFAULTS = List.of(
      new StakeholderGroup("experts-by-experience", "Experts by experience"),
      new StakeholderGroup("carers", "Carers and family"),
      new StakeholderGroup("professionals", "Professionals"),
      new StakeholderGroup("community", "Community and public"),
      new StakeholderGroup("commissioners", "Commissioners and leaders"));

  /** Welsh names for the same groups (the web client's words, so a report reads as the screens did). */
  static final List<StakeholderGroup> DEFAULTS_CY = List.of(
      new StakeholderGroup("experts-by-experience", "Arbenigwyr drwy brofiad"),
      new StakeholderGroup("carers", "Gofalwyr a theulu"),
      new StakeholderGroup("professionals", "Gweithwyr proffesiynol"),
      new StakeholderGroup("community", "Y gymuned a\u2019r cyhoedd"),
      new StakeholderGroup("commissioners", "Comisiynwyr ac arweinwyr"));

  public static List<StakeholderGroup> defaults(Lang lang) { return lang == Lang.CY ? DEFAULTS_CY : DEFAULTS; }

  /**
   * A built-in group's name in {@code lang} when {@code label} is that group's name in either language
   * (a Welsh report of an English workshop says "Gofalwyr a theulu"); a group the workshop named itself
   * keeps its own words.
   */
  public static String labelIn(String label, Lang lang) {
    for (int i = 0; i < DEFAULTS.size(); i++) {
      if (DEFAULTS.get(i).label().equals(label) || DEFAULTS_CY.get(i).label().equals(label)) {
        return defaults(lang).get(i).label();
      }
    }
    return label;
  }
}
