package org.commonground.workshop;

import java.util.List;

/**
 * A suggested theme: a stable id, a label and the contributions it would hold. Nothing moves until it is
 * accepted. The id is given when the suggestion is recorded ({@code s1}, {@code s2}, … in the workshop)
 * and stays the same while the suggestion is on the list, so a facilitator accepting one after another
 * always gets the one they pressed. {@code id} is null only for a suggestion not yet recorded (as the
 * theme engine makes it).
 */
public record SuggestedGroup(String id, String label, List<String> contributionIds) {
  public SuggestedGroup {
    if (id != null && id.isBlank()) throw new IllegalArgumentException("a suggestion id must not be blank");
    label = Checks.text("label", label, 120);
    contributionIds = List.copyOf(contributionIds);
  }

  /** A suggestion not recorded yet: no id. */
  public SuggestedGroup(String label, List<String> contributionIds) { this(null, label, contributionIds); }

  public SuggestedGroup withId(String newId) { return new SuggestedGroup(newId, label, contributionIds); }
}
