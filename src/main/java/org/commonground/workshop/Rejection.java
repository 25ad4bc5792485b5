package org.commonground.workshop;

import java.util.Objects;

/** Why a command changed nothing; becomes an {@code err} frame or an HTTP error. */
public record Rejection(Code code, String message) {
  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
