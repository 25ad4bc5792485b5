package org.commonground.workshop;

/** When a phase actually ran: from its start to when the agenda left it (null while it runs). */
public record PhaseRun(int index, long startedAt, Long endedAt) {
  PhaseRun endedAt(long at) { return new PhaseRun(index, startedAt, at); }
}
