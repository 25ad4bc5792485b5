package org.commonground.workshop;

/** The protocol's error codes; the domain rejects with these so every node answers alike. */
public enum Code {
  INVALID, UNKNOWN_COMMAND, FORBIDDEN, NOT_FOUND, PHASE_CLOSED, LIMIT, RATE_LIMITED, ENDED, INTERNAL,
  /** HTTP join only: the workshop has {@code maxParticipants} participants. */
  FULL,
  /** HTTP join only: a facilitator has stopped new people joining for now. */
  LOCKED
}
