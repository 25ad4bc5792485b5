package org.commonground.themes;

import java.util.List;

/** A proposed theme: a short label and the ids of its contributions, in the order they were given. */
public record SuggestedTheme(String label, List<String> contributionIds) {
  public SuggestedTheme {
    contributionIds = List.copyOf(contributionIds);
  }
}
