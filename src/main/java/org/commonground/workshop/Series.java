package org.commonground.workshop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The meetings a workshop belongs with, oldest first. Each meeting keeps its own copy (its log holds it), so a
 * series lives and goes exactly as long as its meetings do. {@code status} of another meeting is as it was
 * when this copy was last written.
 */
public record Series(String id, String title, List<Meeting> meetings) {
  public Series {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    List<Meeting> sorted = new ArrayList<>(meetings == null ? List.of() : meetings);
    sorted.sort(Comparator.comparingLong(Meeting::createdAt).thenComparing(Meeting::workshopId));
    meetings = List.copyOf(sorted);
  }

  /** {@code date}: the day it is planned for (yyyy-mm-dd) or null. */
  public record Meeting(String workshopId, String title, WorkshopState.Status status, String date, long createdAt) {
    public Meeting {
      Objects.requireNonNull(workshopId, "workshopId");
      Objects.requireNonNull(status, "status");
      date = Action.date(date);
    }
  }

  public boolean has(String workshopId) { return meeting(workshopId) != null; }

  public Meeting meeting(String workshopId) {
    for (Meeting m : meetings) if (m.workshopId().equals(workshopId)) return m;
    return null;
  }

  /** This series with the meeting added, or replacing the one with its id. */
  public Series with(Meeting m) {
    List<Meeting> next = new ArrayList<>(without(m.workshopId()).meetings);
    next.add(m);
    return new Series(id, title, next);
  }

  public Series without(String workshopId) {
    return new Series(id, title, meetings.stream().filter(m -> !m.workshopId().equals(workshopId)).toList());
  }

  /** Both copies' meetings together; where both know a meeting, {@code other}'s (newer) entry stands. */
  public Series merged(Series other) {
    Series out = this;
    for (Meeting m : other.meetings) out = out.with(m);
    return out;
  }
}
