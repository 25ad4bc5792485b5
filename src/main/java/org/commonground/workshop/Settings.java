package org.commonground.workshop;

import java.util.List;
import java.util.Objects;

/**
 * A workshop's effective settings: every field filled, every value in range. {@code lang} is the
 * workshop's language: its agenda's words were written in it, and the ladder poll asks in it.
 */
public record Settings(
    Anonymity anonymity,
    int votesPerParticipant,
    int maxParticipants,
    List<StakeholderGroup> stakeholderGroups,
    int minGroupSize,
    boolean confidential,
    int retentionDays,
    Lang lang) {

  public enum Anonymity {
    OPTIONAL, ALWAYS, NEVER;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Anonymity fromWire(String s) {
      for (Anonymity a : values()) if (a.wire().equals(s)) return a;
      return null;
    }
  }

  public static final Settings DEFAULTS =
      new Settings(Anonymity.OPTIONAL, 5, 500, StakeholderGroup.DEFAULTS, 3, false, 30, Lang.EN);

  /** Settings in English: the form from before workshops had a language. */
  public Settings(Anonymity anonymity, int votesPerParticipant, int maxParticipants,
                  List<StakeholderGroup> stakeholderGroups, int minGroupSize, boolean confidential, int retentionDays) {
    this(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize, confidential, retentionDays,
        Lang.EN);
  }

  public Settings {
    Objects.requireNonNull(anonymity, "anonymity");
    // A workshop stored before workshops had a language is in English.
    if (lang == null) lang = Lang.EN;
    stakeholderGroups = List.copyOf(stakeholderGroups);
    Checks.range("votesPerParticipant", votesPerParticipant, 1, 20);
    Checks.range("maxParticipants", maxParticipants, 1, 10_000);
    Checks.range("minGroupSize", minGroupSize, 1, 100);
    Checks.range("retentionDays", retentionDays, 1, 3650);
    if (stakeholderGroups.size() > 20) throw new IllegalArgumentException("at most 20 stakeholderGroups");
    if (stakeholderGroups.stream().map(StakeholderGroup::id).distinct().count() != stakeholderGroups.size()) {
      throw new IllegalArgumentException("stakeholderGroups ids must be unique");
    }
  }

  public boolean hasGroup(String id) {
    return stakeholderGroups.stream().anyMatch(g -> g.id().equals(id));
  }
}
