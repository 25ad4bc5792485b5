package org.commonground.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A frame from a client, shape-checked. */
public sealed interface ClientFrame {
  int MAX_REF = 64;

  record Hello(String token, Resume resume) implements ClientFrame {}

  record Resume(String epoch, long seq) {}

  record Cmd(String ref, String name, Args args) implements ClientFrame {}

  record Ping() implements ClientFrame {}

  /**
   * Parses one text frame. Errors carry the frame's ref when it had a usable one, so the client can
   * match the {@code err} to its command.
   */
  static ClientFrame parse(String text) {
    if (!wellFormed(text)) {
      // A lone surrogate cannot be stored as UTF-8: it would come back as another character on another
      // node (and two refs could become one). Refused before anything reads it.
      throw ProtocolException.invalid("frame is not valid Unicode text");
    }
    ObjectNode o = Json.parseObject(text);
    JsonNode t = o.get("t");
    if (t == null || !t.isTextual()) throw ProtocolException.invalid("frame has no t");
    switch (t.textValue()) {
      case "hello": {
        Args a = new Args(o);
        String token = a.string("token");
        Args r = a.optObject("resume");
        Resume resume = null;
        if (r != null) {
          Long seq = r.optLong("seq");
          String epoch = r.optString("epoch");
          if (seq == null || epoch == null || seq < 0) throw ProtocolException.invalid("resume needs epoch and seq");
          resume = new Resume(epoch, seq);
        }
        return new Hello(token, resume);
      }
      case "cmd": {
        JsonNode ref = o.get("ref");
        if (ref == null || !ref.isTextual() || ref.textValue().isEmpty() || ref.textValue().length() > MAX_REF
            || !wellFormed(ref.textValue())) {
          throw ProtocolException.invalid("ref must be a string of 1 to 64 characters");
        }
        JsonNode name = o.get("name");
        if (name == null || !name.isTextual()) throw new RefException(ref.textValue(), "name must be a string");
        try {
          return new Cmd(ref.textValue(), name.textValue(), new Args(o.get("args")));
        } catch (ProtocolException e) {
          throw new RefException(ref.textValue(), e.getMessage());
        }
      }
      case "ping":
        return new Ping();
      default:
        throw ProtocolException.invalid("unknown frame type: " + t.textValue());
    }
  }

  /** Whether every surrogate in the text is part of a pair. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** An INVALID command frame whose ref is known. */
  final class RefException extends RuntimeException {
    private final String ref;

    RefException(String ref, String message) {
      super(message, null, false, false);
      this.ref = ref;
    }

    public String ref() { return ref; }
  }
}
