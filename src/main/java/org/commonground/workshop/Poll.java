package org.commonground.workshop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A poll. {@code answers} (who chose which option) stays on the server: clients see counts only.
 */
public record Poll(String id, String question, List<String> options, Status status, Map<String, Integer> answers) {
  public enum Status {
    OPEN, CLOSED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }
  }

  /** The ladder poll in English (see {@link Ladder}). */
  public static final List<String> LADDER = Ladder.rungs(Lang.EN);
  public static final String LADDER_QUESTION = Ladder.question(Lang.EN);

  public Poll {
    Objects.requireNonNull(id, "id");
    question = Checks.text("question", question, 300);
    Checks.required("options", options);
    if (options.size() < 2 || options.size() > 10) throw new IllegalArgumentException("a poll needs 2 to 10 options");
    options = options.stream().map(o -> Checks.text("option", o, 200)).toList();
    Objects.requireNonNull(status, "status");
    answers = answers == null ? Map.of() : Map.copyOf(answers);
  }

  public int[] counts() {
    int[] c = new int[options.size()];
    for (int option : answers.values()) c[option]++;
    return c;
  }

  public Poll withAnswers(Map<String, Integer> a) { return new Poll(id, question, options, status, a); }

  public Poll closed() { return new Poll(id, question, options, Status.CLOSED, answers); }
}
