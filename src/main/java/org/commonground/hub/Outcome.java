package org.commonground.hub;

import org.commonground.workshop.Code;

/** How a command ended, as the sender is told: an ack (seq null when nothing changed) or an error. */
public sealed interface Outcome {
  record Ack(Long seq, String resultJson) implements Outcome {}

  record Error(Code code, String message) implements Outcome {}
}
