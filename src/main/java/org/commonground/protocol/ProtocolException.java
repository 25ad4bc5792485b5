package org.commonground.protocol;

import java.util.Map;
import org.commonground.workshop.Code;

/** A frame or request the protocol refuses; carries the code the client gets. */
public final class ProtocolException extends RuntimeException {
  private final Code code;
  private final Map<String, Object> details;

  public ProtocolException(Code code, String message) {
    this(code, message, Map.of());
  }

  public ProtocolException(Code code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public Code code() { return code; }

  /** Machine-readable specifics for the client (an extension field of {@code err}); often empty. */
  public Map<String, Object> details() { return details; }

  public static ProtocolException invalid(String message) { return new ProtocolException(Code.INVALID, message); }
}
