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

  public static final List<String> LADDER = List.of(
      "Coercing", "Educating", "Informing", "Consulting", "Engaging", "Co-designing", "Co-producing");
  public static final String LADDER_QUESTION = "Where does our organisation sit on the ladder of co-production?";

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
