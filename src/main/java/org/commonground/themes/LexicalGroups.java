package org.commonground.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups Welsh notes by the words they really share. The embedding model is English: it reads any two
 * Welsh notes as alike because they are Welsh, so it cannot say what they are about. Two Welsh notes are
 * put together only when they share at least two content words (in any of their mutated forms), and the
 * words they share are a good part of what each says; anything less is left unsuggested, for the
 * facilitator to group by hand.
 */
final class LexicalGroups {
  /** Content words two notes must share before they can be in one group. */
  static final int MIN_SHARED = 2;
  /**
   * Average-linkage cut on 1 - shared / sqrt(words of one x words of the other): 0.7 asks that the shared
   * words be about a third of each note, so two long notes with two words in common by chance stay apart.
   */
  static final double THRESHOLD = 0.7;

  private LexicalGroups() {}

  /** A group: indexes into the given texts, in order, and each one's closeness to the rest of its group. */
  record Group(List<Integer> members, double[] centrality) {}

  /** Groups of two or more of the texts; a text that shares too little with every other is left out. */
  static List<Group> group(List<String> texts) {
    int n = texts.size();
    List<List<Set<String>>> words = new ArrayList<>();
    for (String t : texts) words.add(WelshWords.contentWords(t));
    double[][] similarity = new double[n][n];
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      similarity[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        double s = similarity(words.get(i), words.get(j));
        similarity[i][j] = similarity[j][i] = s;
        distance[i][j] = distance[j][i] = 1 - s;
      }
    }
    List<Group> out = new ArrayList<>();
    for (List<Integer> members : AgglomerativeClustering.groups(AgglomerativeClustering.cluster(distance, THRESHOLD))) {
      if (members.size() < 2) continue;
      double[] centrality = new double[members.size()];
      for (int a = 0; a < members.size(); a++) {
        for (int b = 0; b < members.size(); b++) {
          if (a != b) centrality[a] += similarity[members.get(a)][members.get(b)] / (members.size() - 1);
        }
      }
      out.add(new Group(members, centrality));
    }
    return out;
  }

  /** 0 unless the notes share at least MIN_SHARED content words; then the cosine of their word sets. */
  static double similarity(List<Set<String>> a, List<Set<String>> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    int shared = Math.min(WelshWords.shared(a, b), WelshWords.shared(b, a));
    if (shared < MIN_SHARED) return 0;
    return shared / Math.sqrt((double) a.size() * b.size());
  }
}
