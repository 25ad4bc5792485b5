package org.commonground.store;

import java.util.List;

/** What an append did. */
public sealed interface AppendResult {
  /** The events now hold seqs {@code lastSeq - n + 1 .. lastSeq}. */
  record Appended(long lastSeq) implements AppendResult {}

  /**
   * Nothing written: the log had moved on to {@code currentSeq}; catch up and decide again. {@code missed}:
   * the first stored events after the caller's seq, in order (not always all of them).
   */
  record Stale(long currentSeq, List<String> missed) implements AppendResult {
    public Stale {
      missed = List.copyOf(missed);
    }

    public Stale(long currentSeq) { this(currentSeq, List.of()); }
  }

  /** Nothing written: the workshop no longer exists (purged, or expired after its end). */
  record Gone() implements AppendResult {}

  /** Nothing written: this ref was answered before; here is that answer. */
  record Duplicate(StoredAnswer answer) implements AppendResult {}
}
