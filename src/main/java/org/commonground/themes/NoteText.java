package org.commonground.themes;

import java.util.Locale;
import java.util.regex.Pattern;

/** How a note's text is put to the embedding model. */
final class NoteText {
  private NoteText() {}

  /**
   * Said before every note. Sticky notes are often a word or two ("tea!!", "cosy"); the model
   * places such fragments by their surface form, and a short sentence frame gives them the same
   * footing as full sentences. On the dev set a frame like this lifted ARI for every one of three
   * similar wordings tried (see docs/performance.md), so it is the effect of a frame, not of these words.
   */
  static final String PREFIX = "A workshop participant suggested: ";

  private static final Pattern POLITE = Pattern.compile("\\b(pls|plz|please)\\b");
  private static final Pattern NOT_WORD =
      Pattern.compile("[^\\w\\s']", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Lower case, no "pls", punctuation as spaces: "tea!!" and "Tea." are the same note, and
   * politeness or emphasis should not pull notes together.
   */
  static String normalise(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    t = POLITE.matcher(t).replaceAll(" ");
    t = NOT_WORD.matcher(t).replaceAll(" ");
    return SPACES.matcher(t).replaceAll(" ").strip();
  }

  static String forEmbedding(String text) {
    return PREFIX + normalise(text);
  }
}
