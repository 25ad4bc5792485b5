package org.commonground.workshop;

import java.util.List;

/** A suggested theme: a label and the contributions it would hold. Nothing moves until it is accepted. */
public record SuggestedGroup(String label, List<String> contributionIds) {
  public SuggestedGroup {
    label = Checks.text("label", label, 120);
    contributionIds = List.copyOf(contributionIds);
  }
}
