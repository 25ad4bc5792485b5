package org.commonground.workshop;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the agenda is. Times are the server's epoch milliseconds; {@code endsAt} is null unless the
 * phase is running, {@code remainingMs} is what is left when paused or pending.
 */
public record PhaseState(int index, Status status, Long startedAt, Long endsAt, Long remainingMs) {
  public enum Status {
    PENDING, RUNNING, PAUSED, DONE;

    public String wire() { return name().toLowerCase(Locale.ROOT); }
  }

  public PhaseState {
    Objects.requireNonNull(status, "status");
  }

  public static PhaseState pending(PhaseDef def) {
    return new PhaseState(def.index(), Status.PENDING, null, null, def.minutes() * 60_000L);
  }
}
