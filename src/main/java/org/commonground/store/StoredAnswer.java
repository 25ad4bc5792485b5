package org.commonground.store;

import org.commonground.workshop.Code;

/**
 * The first answer given to a command ref, kept so that a resent command gets it again: either an
 * ack ({@code seq} may be null when nothing changed, {@code resultJson} its result) or an error.
 */
public record StoredAnswer(Long seq, String resultJson, Code errorCode, String errorMessage) {

  public static StoredAnswer ack(Long seq, String resultJson) { return new StoredAnswer(seq, resultJson, null, null); }

  public static StoredAnswer error(Code code, String message) { return new StoredAnswer(null, null, code, message); }

  public boolean isError() { return errorCode != null; }

  String stored() {
    if (isError()) return "E|" + errorCode.name() + "|" + errorMessage;
    return (seq == null ? "" : seq.toString()) + "|" + resultJson;
  }

  static StoredAnswer parse(String s) {
    if (s.startsWith("E|")) {
      int bar = s.indexOf('|', 2);
      return error(Code.valueOf(s.substring(2, bar)), s.substring(bar + 1));
    }
    int bar = s.indexOf('|');
    String seq = s.substring(0, bar);
    return ack(seq.isEmpty() ? null : Long.parseLong(seq), s.substring(bar + 1));
  }
}
