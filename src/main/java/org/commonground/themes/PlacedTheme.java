package org.commonground.themes;

import java.util.List;

/** A theme that exists in the workshop, with the contributions people have put in it so far. */
public record PlacedTheme(String themeId, String label, List<Note> members) {
  public PlacedTheme {
    label = label == null ? "" : label;
    members = List.copyOf(members);
  }
}
