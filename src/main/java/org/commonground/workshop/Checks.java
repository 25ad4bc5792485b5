package org.commonground.workshop;

/** Argument checks for compact constructors; they throw IllegalArgumentException, which callers turn into INVALID. */
final class Checks {
  private Checks() {}

  static void range(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be between " + min + " and " + max);
    }
  }

  static void required(String what, Object value) {
    if (value == null) throw new IllegalArgumentException(what + " is required");
  }

  static String text(String what, String value, int max) {
    if (value == null) throw new IllegalArgumentException(what + " is required");
    String t = value.strip();
    if (t.isEmpty()) throw new IllegalArgumentException(what + " must not be empty");
    if (t.codePointCount(0, t.length()) > max) {
      throw new IllegalArgumentException(what + " must be at most " + max + " characters");
    }
    return t;
  }
}
