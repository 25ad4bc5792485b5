package org.commonground.workshop;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of {@link Workshop#decide}: events to append (possibly none), or a rejection. */
public sealed interface Decision {

  /** {@code result} is the ack's {@code result} (may be empty). No events: the command changed nothing. */
  record Accepted(List<Emitted> events, Map<String, Object> result) implements Decision {
    public Accepted {
      events = List.copyOf(events);
      result = Map.copyOf(result);
    }
  }

  record Rejected(Rejection rejection) implements Decision {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  static Decision accept(Map<String, Object> result, Emitted... events) {
    return new Accepted(List.of(events), result);
  }

  static Decision nothing() { return new Accepted(List.of(), Map.of()); }

  static Decision reject(Code code, String message) { return new Rejected(new Rejection(code, message)); }
}
