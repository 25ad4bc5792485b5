package org.commonground.store;

import java.util.Objects;

/**
 * One event as an append stores it: its body (JSON without the leading {@code {"seq":N,}, which only the
 * append knows) and what it does to the texts kept apart from the log ({@code text} null: nothing). A
 * contribution's words are never in a stored body: the body holds {@code "text":{"$t":"<id>"}} and the
 * words go to the texts hash, from which they can be erased; readers get them joined back in.
 */
public record StoredEvent(String body, TextOp text) {
  public StoredEvent {
    Objects.requireNonNull(body, "body");
  }

  /** An event that carries no contribution text. */
  public static StoredEvent of(String body) { return new StoredEvent(body, null); }

  /** What an event does to a contribution's words. {@code literal}: the text as a JSON string, for SET and HIDDEN. */
  public record TextOp(Kind kind, String contributionId, String literal) {
    public enum Kind {
      /** The words anyone may read (posted, edited, unhidden). */
      SET("set"),
      /** The words of a hidden contribution, kept for facilitators only. */
      HIDDEN("hidden"),
      /** A facilitator hid it: its words move to the facilitators' place. */
      HIDE("hide"),
      /** Its author withdrew it: its words are deleted. */
      ERASE("erase");

      final String script;

      Kind(String script) { this.script = script; }
    }

    public TextOp {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(contributionId, "contributionId");
      if ((kind == Kind.SET || kind == Kind.HIDDEN) != (literal != null)) {
        throw new IllegalArgumentException(kind + " takes a text exactly when it sets one");
      }
    }
  }
}
