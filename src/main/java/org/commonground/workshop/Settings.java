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
    boolean joiningLocked,
    ThemeEditing themeEditing,
    Lang lang) {

  public enum Anonymity {
    OPTIONAL, ALWAYS, NEVER;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Anonymity fromWire(String s) {
      for (Anonymity a : values()) if (a.wire().equals(s)) return a;
      return null;
    }
  }

  /** Who may rename, merge and delete themes: facilitators only, or everyone where the phase allows grouping. */
  public enum ThemeEditing {
    FACILITATORS, EVERYONE;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static ThemeEditing fromWire(String s) {
      for (ThemeEditing t : values()) if (t.wire().equals(s)) return t;
      return null;
    }
  }

  /**
   * The smallest group any figure may be about once anyone has posted: with fewer, a group's count or
   * label points at one or two people, and so at what they wrote.
   */
  public static final int SAFE_GROUP_SIZE = 3;

  public static final Settings DEFAULTS =
      new Settings(Anonymity.OPTIONAL, 5, 500, StakeholderGroup.DEFAULTS, SAFE_GROUP_SIZE, false, 30, false,
          ThemeEditing.FACILITATORS, Lang.EN);

  /** Settings in English: the form from before workshops had a language. */
  public Settings(Anonymity anonymity, int votesPerParticipant, int maxParticipants,
                  List<StakeholderGroup> stakeholderGroups, int minGroupSize, boolean confidential, int retentionDays,
                  boolean joiningLocked, ThemeEditing themeEditing) {
    this(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize, confidential, retentionDays,
        joiningLocked, themeEditing, Lang.EN);
  }

  public Settings {
    Objects.requireNonNull(anonymity, "anonymity");
    // Settings stored before these existed have none: they get the defaults.
    if (themeEditing == null) themeEditing = ThemeEditing.FACILITATORS;
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
