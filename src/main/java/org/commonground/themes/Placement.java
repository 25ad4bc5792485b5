package org.commonground.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks existing themes for a note by cosine similarity between the note and the theme's centroid
 * (the mean of its members). The centroid, rather than the nearest member, keeps one stray note in
 * a theme from pulling look-alikes in, and it moves as people add to the theme.
 */
final class Placement {
  static final int MAX_SUGGESTIONS = 3;

  private Placement() {}

  /**
   * @param note the note's unit vector
   * @param centroids one unit centroid per theme, in theme order
   * @return indices of up to three themes, best first (ties: the earlier theme)
   */
  static List<Integer> rank(float[] note, float[][] centroids) {
    // No cut-off for "fits nowhere": on the dev set every cut-off tried (relative to the room's
    // mean, or to the best theme) withheld the right theme more often than a wrong one.
    List<double[]> scored = new ArrayList<>();
    for (int t = 0; t < centroids.length; t++) {
      scored.add(new double[] {Vectors.dot(note, centroids[t]), t});
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> -s[0]).thenComparingDouble(s -> s[1]));
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < Math.min(MAX_SUGGESTIONS, scored.size()); k++) {
      out.add((int) scored.get(k)[1]);
    }
    return out;
  }

  /**
   * For a Welsh note, which the model cannot place: the themes whose words (their name and members) share
   * at least two content words with it, most in common first; none when no theme does.
   */
  static List<String> byWords(Note note, List<PlacedTheme> themes) {
    List<java.util.Set<String>> words = WelshWords.contentWords(note.text());
    List<double[]> scored = new ArrayList<>();
    for (int t = 0; t < themes.size(); t++) {
      StringBuilder all = new StringBuilder(themes.get(t).label());
      for (Note m : themes.get(t).members()) all.append('\n').append(m.text());
      int shared = WelshWords.shared(words, WelshWords.contentWords(all.toString()));
      if (shared >= LexicalGroups.MIN_SHARED) scored.add(new double[] {shared, t});
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> -s[0]).thenComparingDouble(s -> s[1]));
    List<String> out = new ArrayList<>();
    for (int k = 0; k < Math.min(MAX_SUGGESTIONS, scored.size()); k++) {
      out.add(themes.get((int) scored.get(k)[1]).themeId());
    }
    return out;
  }
}
