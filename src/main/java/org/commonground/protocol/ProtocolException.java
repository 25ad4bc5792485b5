package org.commonground.protocol;

import org.commonground.workshop.Code;

/** A frame or request the protocol refuses; carries the code the client gets. */
public final class ProtocolException extends RuntimeException {
  private final Code code;

  public ProtocolException(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() { return code; }

  public static ProtocolException invalid(String message) { return new ProtocolException(Code.INVALID, message); }
}
