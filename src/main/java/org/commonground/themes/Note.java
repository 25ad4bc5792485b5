package org.commonground.themes;

import java.util.Objects;
import org.commonground.workshop.Lang;

/**
 * A contribution as the theme engine sees it: its id, what it says, and the language it was found to be
 * in when posted (null: not known, treated as English, the embedding model's language).
 */
public record Note(String id, String text, Lang lang) {
  public Note {
    Objects.requireNonNull(id, "id");
    text = text == null ? "" : text;
  }

  public Note(String id, String text) { this(id, text, null); }

  /** Whether the engine must keep to shared words for this note: the model does not understand Welsh. */
  boolean welsh() { return lang == Lang.CY; }
}
