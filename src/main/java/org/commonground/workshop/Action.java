package org.commonground.workshop;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Something a facilitator recorded that someone will do, and later what came of it. {@code due} is a date
 * (yyyy-mm-dd) or null; {@code outcome} a sentence saying what happened ("Shared on 3 December");
 * {@code contributionId} the contribution or parking-lot item it answers; {@code carriedFrom} set when it
 * was carried from the meeting before.
 */
public record Action(String id, String text, String owner, String due, ActionStatus status, String outcome,
                     String contributionId, CarriedFrom carriedFrom, long createdAt, long updatedAt) {
  public static final int MAX_TEXT = 500;
  public static final int MAX_OUTCOME = 500;
  public static final int MAX_OWNER = 120;

  public Action {
    Objects.requireNonNull(id, "id");
    text = Checks.text("text", text, MAX_TEXT);
    Objects.requireNonNull(status, "status");
    owner = optional("owner", owner, MAX_OWNER);
    outcome = optional("outcome", outcome, MAX_OUTCOME);
    due = date(due);
  }

  /** Blank is none; otherwise checked text. */
  static String optional(String what, String value, int max) {
    return value == null || value.isBlank() ? null : Checks.text(what, value, max);
  }

  /** A calendar date written yyyy-mm-dd, or null for blank. */
  static String date(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(v).toString();
    } catch (DateTimeParseException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("due must be a date written yyyy-mm-dd, like 2026-12-03");
  }

  /** The same action as it goes on to another meeting: a new id there, where it came from, the rest kept. */
  public Action carried(String newId, String fromWorkshopId, String newContributionId, long at) {
    return new Action(newId, text, owner, due, status, outcome, newContributionId,
        new CarriedFrom(fromWorkshopId, id), at, at);
  }
}
