package org.commonground.workshop;

import java.util.Locale;
import java.util.Objects;

/** What the display shows large: a contribution, a theme or a poll. */
public record Spotlight(Type type, String id) {
  public enum Type {
    CONTRIBUTION, THEME, POLL;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Type fromWire(String s) {
      for (Type t : values()) if (t.wire().equals(s)) return t;
      return null;
    }
  }

  public Spotlight {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
