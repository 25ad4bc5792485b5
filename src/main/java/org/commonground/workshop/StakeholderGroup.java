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
}
