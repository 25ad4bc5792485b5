package org.commonground.themes;

/** Lets the benchmark (another package) prepare text exactly as the engine does. */
public final class NoteTextAccess {
  private NoteTextAccess() {}

  public static String normalise(String text) {
    return NoteText.normalise(text);
  }

  public static String forEmbedding(String text) {
    return NoteText.forEmbedding(text);
  }
}
