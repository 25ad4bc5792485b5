package org.commonground.themes;

import java.util.Objects;

/** A contribution as the theme engine sees it: its id and what it says. */
public record Note(String id, String text) {
  public Note {
    Objects.requireNonNull(id, "id");
    text = text == null ? "" : text;
  }
}
