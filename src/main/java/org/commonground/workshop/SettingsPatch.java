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
    Lang lang) {

  public static final SettingsPatch NONE = new SettingsPatch(null, null, null, null, null, null, null, null);

  /** A patch that leaves the language as it is. */
  public SettingsPatch(Settings.Anonymity anonymity, Integer votesPerParticipant, Integer maxParticipants,
                       List<StakeholderGroup> stakeholderGroups, Integer minGroupSize, Boolean confidential,
                       Integer retentionDays) {
    this(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize, confidential, retentionDays,
        null);
  }

  public SettingsPatch withLang(Lang l) {
    return new SettingsPatch(anonymity, votesPerParticipant, maxParticipants, stakeholderGroups, minGroupSize,
        confidential, retentionDays, l);
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
        lang == null ? s.lang() : lang);
  }
}
