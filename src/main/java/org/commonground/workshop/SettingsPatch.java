package org.commonground.workshop;

import java.util.List;

/** Settings a client gave; null fields keep what is there. */
public record SettingsPatch(
    Settings.Anonymity anonymity,
    Integer votesPerParticipant,
    Integer maxParticipants,
    List<StakeholderGroup> stakeholderGroups,
    Integer minGroupSize,
    Boolean confidential,
    Integer retentionDays,
    Boolean joiningLocked,
    Settings.ThemeEditing themeEditing,
    Lang lang) {

  public static final SettingsPatch NONE = new SettingsPatch(null, null, null, null, null, null, null, null, null, null);

  /** A patch that leaves the language as it is. */
  public SettingsPatch(Settings.Anonymity anonymity, Integer votesPerParticipant, Integer maxParticipants,
                       List<StakeholderGroup> stakeholderGroups, Integer minGroupSize, Boolean confidential,
                       Integer retentionDays, Boolean joiningLocked, Settings.ThemeEditing themeEditing) {
    this(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize, confidential, retentionDays,
        joiningLocked, themeEditing, null);
  }

  public SettingsPatch withLang(Lang l) {
    return new SettingsPatch(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize,
        confidential, retentionDays, joiningLocked, themeEditing, l);
  }

  /** The merged settings; out-of-range values throw IllegalArgumentException. */
  public Settings applyTo(Settings s) {
    return new Settings(
        anonymity == null ? s.anonymity() : anonymity,
        votesPerParticipant == null ? s.votesPerParticipant() : votesPerParticipant,
        maxParticipants == null ? s.maxParticipants() : maxParticipants,
        stakeholderGroups == null ? s.stakeholderGroups() : stakeholderGroups,
        minGroupSize == null ? s.minGroupSize() : minGroupSize,
        confidential == null ? s.confidential() : confidential,
        retentionDays == null ? s.retentionDays() : retentionDays,
        joiningLocked == null ? s.joiningLocked() : joiningLocked,
        themeEditing == null ? s.themeEditing() : themeEditing,
        lang == null ? s.lang() : lang);
  }
}
