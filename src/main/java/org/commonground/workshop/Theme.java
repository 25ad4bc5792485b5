package org.commonground.workshop;

import java.util.List;
import java.util.Objects;

/** A named cluster of contributions. */
public record Theme(String id, String label, List<String> contributionIds, boolean suggested, int votes) {
  public Theme {
    Objects.requireNonNull(id, "id");
    label = Checks.text("label", label, 120);
    contributionIds = List.copyOf(contributionIds);
  }

  public Theme withVotes(int v) { return new Theme(id, label, contributionIds, suggested, v); }

  public Theme withContributions(List<String> ids) { return new Theme(id, label, ids, suggested, votes); }
}
