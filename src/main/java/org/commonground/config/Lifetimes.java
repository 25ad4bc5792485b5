package org.commonground.config;

/**
 * How long a workshop's data is kept when nobody ends it, so abandoned workshops (and the personal data
 * in them) do not stay in Redis for ever: {@code notStartedDays} after creation if nobody starts it,
 * {@code idleDays} after the last thing that happened in a started one. An ended workshop is kept for its
 * own {@code retentionDays} instead. 0 keeps it until it is ended or deleted.
 */
public record Lifetimes(int notStartedDays, int idleDays) {
  public static final Lifetimes DEFAULTS = new Lifetimes(60, 30);

  public Lifetimes {
    if (notStartedDays < 0 || notStartedDays > 3650) {
      throw new IllegalArgumentException("lifetimes.notStartedDays must be between 0 and 3650");
    }
    if (idleDays < 0 || idleDays > 3650) throw new IllegalArgumentException("lifetimes.idleDays must be between 0 and 3650");
  }

  public long notStartedSeconds() { return notStartedDays * 86_400L; }

  public long idleSeconds() { return idleDays * 86_400L; }
}
